package dev.arca.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How typed text scores against a palette line. */
class PaletteMatchTest {

    @Test
    void theWholeTitleBeatsItsStartWhichBeatsAWordStartWhichBeatsTheMiddleWhichBeatsFuzzy() {
        int exact = PaletteMatch.score("web-app", "Web-App").orElseThrow();
        int prefix = PaletteMatch.score("web", "web-app").orElseThrow();
        int word = PaletteMatch.score("app", "web-app").orElseThrow();
        int inside = PaletteMatch.score("eb", "web-app").orElseThrow();
        int fuzzy = PaletteMatch.score("wap", "web-app").orElseThrow();

        assertThat(exact).isGreaterThan(prefix);
        assertThat(prefix).isGreaterThan(word);
        assertThat(word).isGreaterThan(inside);
        assertThat(inside).isGreaterThan(fuzzy);
    }

    @Test
    void lettersOutOfOrderDoNotMatch() {
        assertThat(PaletteMatch.score("paw", "web-app")).isEmpty();
    }

    @Test
    void tighterFuzzyMatchesScoreHigher() {
        assertThat(PaletteMatch.score("wb", "web-app").orElseThrow())
                .isGreaterThan(PaletteMatch.score("wp", "web-app").orElseThrow());
    }
}
