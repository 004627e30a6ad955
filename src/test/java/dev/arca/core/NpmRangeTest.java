package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** npm's range grammar, checked against what node-semver answers for the same pairs. */
class NpmRangeTest {

    @ParameterizedTest(name = "{1} in \"{0}\": {2}")
    @CsvSource(delimiter = ';', value = {
            "^1.2.3 ; 1.2.3 ; true", "^1.2.3 ; 1.9.0 ; true", "^1.2.3 ; 2.0.0 ; false", "^1.2.3 ; 1.2.2 ; false",
            "^0.2.3 ; 0.2.9 ; true", "^0.2.3 ; 0.3.0 ; false", "^0.0.3 ; 0.0.3 ; true", "^0.0.3 ; 0.0.4 ; false",
            "^1.2.x ; 1.9.9 ; true", "^0.0.x ; 0.0.9 ; true", "^0.0.x ; 0.1.0 ; false", "^0.x ; 0.9.0 ; true",
            "^1.2.3-beta.2 ; 1.2.3-beta.4 ; true", "^1.2.3-beta.2 ; 1.2.4-beta.2 ; false",
            "^1.2.3-beta.2 ; 1.2.4 ; true",
            "~1.2.3 ; 1.2.9 ; true", "~1.2.3 ; 1.3.0 ; false", "~1.2 ; 1.2.0 ; true", "~1 ; 1.9.0 ; true",
            "~1 ; 2.0.0 ; false", "~0.2.3 ; 0.2.4 ; true", "~>1.2 ; 1.2.5 ; true",
            "1.x ; 1.5.0 ; true", "1.x ; 2.0.0 ; false", "1.2.* ; 1.2.7 ; true", "* ; 3.4.5 ; true",
            "'' ; 0.0.1 ; true", "x ; 1.0.0-rc.1 ; false", "1 ; 1.9.9 ; true", "1.2 ; 1.3.0 ; false",
            "1.2.3 ; 1.2.3 ; true", "=1.2.3 ; 1.2.4 ; false", "v1.2.3 ; 1.2.3 ; true",
            ">=1.2.3 ; 1.2.3 ; true", ">1.2.3 ; 1.2.3 ; false", ">1.2 ; 1.2.9 ; false", ">1.2 ; 1.3.0 ; true",
            "<1.2 ; 1.1.9 ; true", "<1.2 ; 1.2.0-rc.1 ; false", "<=1.2 ; 1.2.9 ; true", "<=1.2 ; 1.3.0 ; false",
            ">= 1.2.0 < 2 ; 1.5.0 ; true", ">=1.2.0 <2 ; 2.0.0 ; false", ">=1.2.0 <2 ; 2.0.0-rc.1 ; false",
            "1.2.3 - 2.3.4 ; 2.3.4 ; true", "1.2.3 - 2.3.4 ; 2.3.5 ; false", "1.2 - 2.3.4 ; 1.2.0 ; true",
            "1.2.3 - 2.3 ; 2.3.9 ; true", "1.2.3 - 2 ; 2.9.9 ; true", "1.2.3 - 2 ; 3.0.0 ; false",
            "^1 || ^3 ; 3.1.0 ; true", "^1 || ^3 ; 2.1.0 ; false", "1.x || >=2.5.0 || 5.0.0 - 7.2.3 ; 6.0.0 ; true",
            ">=1.0.0-alpha <1.0.0 ; 1.0.0-beta ; true", ">=1.0.0 ; 2.0.0-alpha ; false"})
    void aVersionIsInARangeAsNpmSays(String range, String version, boolean expected) {
        NpmRange parsed = NpmRange.parse(range.equals("''") ? "" : range).orElseThrow();
        assertThat(parsed.test(SemanticVersion.parse(version).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "next", "git+https://example.invalid/x.git", "file:../x", "npm:other@^1",
            "github:user/repo", "1.2.3.4", "^1.2.3 ||| 2", ">>1", "01.2.3"})
    void whatIsNotARangeIsNotReadAsOne(String text) {
        assertThat(NpmRange.parse(text)).isEmpty();
    }

    @Test
    void theNewestVersionInRangeIsChosenAndPreReleasesOnlyWhenAsked() {
        List<String> offered = List.of("1.2.0", "1.3.0", "1.4.0-rc.1", "2.0.0", "not-a-version");
        assertThat(NpmRange.parse("^1.2.0").orElseThrow().newest(offered)).contains("1.3.0");
        assertThat(NpmRange.parse("^1.4.0-rc.0").orElseThrow().newest(offered)).contains("1.4.0-rc.1");
        assertThat(NpmRange.parse("*").orElseThrow().newest(offered)).contains("2.0.0");
        assertThat(NpmRange.parse("^3").orElseThrow().newest(offered)).isEmpty();
    }
}
