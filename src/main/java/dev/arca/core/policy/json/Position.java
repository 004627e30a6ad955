package dev.arca.core.policy.json;

/**
 * A place in a JSON text, counted as Access Analyzer counts: {@code line} from 1, {@code column} and {@code offset}
 * from 0, both in UTF-16 code units.
 */
public record Position(int line, int column, int offset) {

    public Position {
        if (line < 1 || column < 0 || offset < 0) {
            throw new IllegalArgumentException("bad position " + line + ":" + column + "@" + offset);
        }
    }

    /** For people: {@code line 3, column 7}, with the column counted from 1 as editors show it. */
    public String describe() {
        return "line " + line + ", column " + (column + 1);
    }
}
