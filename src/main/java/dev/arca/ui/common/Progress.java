package dev.arca.ui.common;

import java.util.Objects;

/**
 * A snapshot of a task's progress as the UI shows it.
 *
 * @param done    units finished so far
 * @param total   units in all, negative when unknown
 * @param message a short line for the status bar
 */
public record Progress(long done, long total, String message) {

    public Progress {
        Objects.requireNonNull(message, "message");
    }

    /** Fraction done between 0 and 1, or -1 when the total is unknown (an indeterminate bar). */
    public double fraction() {
        if (total <= 0) {
            return -1;
        }
        return Math.min(1.0, Math.max(0.0, (double) done / total));
    }
}
