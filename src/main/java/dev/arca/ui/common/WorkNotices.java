package dev.arca.ui.common;

/**
 * Where a page tells how background work the user started there has ended — finished or failed, in one sentence —
 * so that the window can say it when the user has left the page (or the window) meanwhile.
 */
public interface WorkNotices {

    /** Tells nobody: for pages and tests without a window. */
    WorkNotices NONE = (sentence, failed) -> { };

    /** Work started on this page ended; {@code failed} when it did not do what it set out to. */
    void ended(String sentence, boolean failed);
}
