package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {

    @Test
    void versionsAreOrderedBySemVerPrecedence() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        List<String> shuffled = new java.util.ArrayList<>(ordered);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        assertThat(shuffled.stream().map(v -> SemanticVersion.parse(v).orElseThrow()).sorted()
                .map(SemanticVersion::text)).containsExactlyElementsOf(ordered);
        assertThat(SemanticVersion.parse("1.0.0+build.7").orElseThrow())
                .isEqualByComparingTo(SemanticVersion.parse("1.0.0").orElseThrow());
        assertThat(SemanticVersion.parse("1.0.0-rc.1").orElseThrow().isPreRelease()).isTrue();
    }

    @Test
    void onlySemVerVersionsParse() {
        for (String bad : List.of("1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1..0", "", " 1.0.0",
                "1.0.0\n", "99999999999999999.0.0", "1.0.0-a".repeat(100))) {
            assertThat(SemanticVersion.parse(bad)).as("'%s'", bad).isEmpty();
        }
        assertThat(SemanticVersion.parse(null)).isEmpty();
        assertThat(SemanticVersion.parse("0.0.0-0.a-b+c.d-e")).isPresent();
    }
}
