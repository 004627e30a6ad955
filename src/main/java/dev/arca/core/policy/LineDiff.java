package dev.arca.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A line diff of two texts by longest common subsequence; policies are at most a few hundred lines. */
public final class LineDiff {

    /** What happened to one line. */
    public enum Change { SAME, REMOVED, ADDED }

    /** One row of a side-by-side view: the left (old) and right (new) text, either empty for an add or a remove. */
    public record Row(Change change, String left, String right) {
        public Row {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    private LineDiff() {
    }

    /** The rows from {@code before} to {@code after}, in order. */
    public static List<Row> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                rows.add(new Row(Change.SAME, a[i++], b[j++]));
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                rows.add(new Row(Change.ADDED, "", b[j++]));
            } else {
                rows.add(new Row(Change.REMOVED, a[i++], ""));
            }
        }
        return rows;
    }

    /** Whether the rows show any change. */
    public static boolean changed(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.change() != Change.SAME);
    }

    private static String[] lines(String text) {
        String trimmed = text.stripTrailing();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\n", -1);
    }
}
