package dev.arca.ui.common;

/** A submitted background task, as its caller sees it. */
public interface TaskHandle {

    /** Asks the task to stop; its success and failure callbacks are then not called, its finished callback is. */
    void cancel();

    boolean isCancelled();

    boolean isDone();
}
