package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Pep440VersionTest {

    @Test
    void versionsAreOrderedAsPep440OrdersThem() {
        // The example order from PEP 440's "Summary of permitted suffixes and relative ordering".
        List<String> ascending = List.of("1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");
        List<String> shuffled = List.of("1.0.15", "1.0a12", "1.0+5", "1.0b2.post345", "1.0", "1.1.dev1",
                "1.0rc1.dev456", "1.0.dev456", "1.0+abc.7", "1.0a2.dev456", "1.0b1.dev456", "1.0.post456.dev34",
                "1.0a12.dev456", "1.0rc1", "1.0b2", "1.0a1", "1.0+abc.5", "1.0b2.post345.dev456", "1.0.post456");
        assertThat(shuffled.stream().map(v -> Pep440Version.parse(v).orElseThrow()).sorted()
                .map(Pep440Version::text).toList()).isEqualTo(ascending);
    }

    @Test
    void anEpochOutranksTheReleaseNumbers() {
        assertThat(parse("1!0.1")).isGreaterThan(parse("2024.1"));
        assertThat(parse("0!2.0")).isEqualTo(parse("2.0"));
    }

    @Test
    void alternativeSpellingsNormalizeToTheSameVersion() {
        assertThat(parse("1.0-alpha.2")).isEqualTo(parse("1.0a2"));
        assertThat(parse("1.0c1")).isEqualTo(parse("1.0rc1")).isEqualTo(parse("1.0-preview1"));
        assertThat(parse("1.0-1")).isEqualTo(parse("1.0.post1")).isEqualTo(parse("1.0-r1"));
        assertThat(parse("v1.0.0")).isEqualTo(parse("1")).isEqualTo(parse("1.0"));
        assertThat(parse("1.0.DEV")).isEqualTo(parse("1.0.dev0"));
    }

    @Test
    void preAndDevelopmentReleasesArePreReleasesButPostReleasesAreNot() {
        assertThat(parse("1.0rc1").isPreRelease()).isTrue();
        assertThat(parse("1.0.dev3").isPreRelease()).isTrue();
        assertThat(parse("1.0.post1.dev1").isPreRelease()).isTrue();
        assertThat(parse("1.0.post1").isPreRelease()).isFalse();
        assertThat(parse("1.0+local").isPreRelease()).isFalse();
    }

    @Test
    void textPep440DoesNotAcceptIsRefused() {
        assertThat(Pep440Version.parse("1.0-SNAPSHOT")).isEmpty();
        assertThat(Pep440Version.parse("latest")).isEmpty();
        assertThat(Pep440Version.parse("")).isEqualTo(Optional.empty());
    }

    private static Pep440Version parse(String text) {
        return Pep440Version.parse(text).orElseThrow();
    }
}
