package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageGroupPatternTest {

    @Test
    void theDocumentedShapesParseAndPrintBack() {
        for (String pattern : List.of("/*", "/npm/*", "/maven/com.anycompany~", "/npm/space/*",
                "/npm/space/anycompany-ui~", "/maven/org.apache.logging.log4j/log4j-core$", "/pypi//requests$")) {
            assertThat(PackageGroupPattern.parse(pattern).toString()).isEqualTo(pattern);
        }
    }

    @Test
    void malformedPatternsAreRefusedWithAnExplanation() {
        for (String bad : List.of("npm/*", "/cobol/*", "/npm", "/npm/space", "/npm/space/ui", "/npm/a b/*",
                "/npm/space/ui/extra$", "/npm/*/x$")) {
            assertThatThrownBy(() -> PackageGroupPattern.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void matchingFollowsEachLevel() {
        assertThat(PackageGroupPattern.parse("/*").matches(PackageFormat.NPM, "", "x")).isTrue();
        assertThat(PackageGroupPattern.parse("/npm/*").matches(PackageFormat.NPM, "scope", "x")).isTrue();
        assertThat(PackageGroupPattern.parse("/npm/*").matches(PackageFormat.PYPI, "", "x")).isFalse();
        assertThat(PackageGroupPattern.parse("/maven/com.example~").matches(PackageFormat.MAVEN, "com.example.app", "core"))
                .isTrue();
        assertThat(PackageGroupPattern.parse("/maven/com.example~").matches(PackageFormat.MAVEN, "org.example", "core"))
                .isFalse();
        assertThat(PackageGroupPattern.parse("/npm/space/ui~").matches(PackageFormat.NPM, "space", "ui-kit")).isTrue();
        assertThat(PackageGroupPattern.parse("/npm/space/ui~").matches(PackageFormat.NPM, "other", "ui-kit")).isFalse();
        assertThat(PackageGroupPattern.parse("/pypi//my-lib$").matches(PackageFormat.PYPI, "", "My_Lib"))
                .as("names compare normalized").isTrue();
    }

    @Test
    void containmentAndSpecificityPickTheNarrowestGroup() {
        PackageGroupPattern npm = PackageGroupPattern.parse("/npm/*");
        PackageGroupPattern space = PackageGroupPattern.parse("/npm/space/*");
        PackageGroupPattern ui = PackageGroupPattern.parse("/npm/space/ui~");
        PackageGroupPattern exact = PackageGroupPattern.parse("/npm/space/ui-kit$");

        assertThat(npm.contains(space)).isTrue();
        assertThat(space.contains(ui)).isTrue();
        assertThat(ui.contains(exact)).isTrue();
        assertThat(exact.contains(ui)).isFalse();
        assertThat(space.contains(npm)).isFalse();
        assertThat(PackageGroupPattern.parse("/npm/space/u~").compareSpecificity(ui)).isNegative();
        assertThat(exact.compareSpecificity(ui)).isPositive();
    }
}
