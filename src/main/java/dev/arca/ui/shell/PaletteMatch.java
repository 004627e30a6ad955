package dev.arca.ui.shell;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * How well typed text matches a palette line, higher is better: the whole title, then its start, then the start of
 * a word in it, then anywhere in it, then its letters in order with gaps (fuzzy); no match at all is empty.
 */
final class PaletteMatch {

    static final int EXACT = 1000;
    static final int PREFIX = 800;
    static final int WORD_START = 600;
    static final int SUBSTRING = 400;
    static final int FUZZY = 100;

    private PaletteMatch() {
    }

    static OptionalInt score(String query, String text) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return OptionalInt.of(0);
        }
        if (t.equals(q)) {
            return OptionalInt.of(EXACT);
        }
        if (t.startsWith(q)) {
            return OptionalInt.of(PREFIX - Math.min(t.length() - q.length(), 100));
        }
        int at = t.indexOf(q);
        if (at > 0) {
            boolean wordStart = !Character.isLetterOrDigit(t.charAt(at - 1));
            return OptionalInt.of((wordStart ? WORD_START : SUBSTRING) - Math.min(at, 100));
        }
        return fuzzy(q, t);
    }

    /** The letters of {@code q} in order in {@code t}: fewer and shorter gaps score higher. */
    private static OptionalInt fuzzy(String q, String t) {
        int score = FUZZY;
        int from = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int found = t.indexOf(c, from);
            if (found < 0) {
                return OptionalInt.empty();
            }
            score -= Math.min(found - from, 10);
            from = found + 1;
        }
        return OptionalInt.of(Math.max(score, 1));
    }
}
