package dev.arca.ui.common;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A {@link TaskRunner} whose tasks can all be cancelled at once: the work started for one connection stops, and
 * delivers nothing, when the user switches to another. Tasks submitted after {@link #cancelAll()} never run.
 */
public final class ScopedTaskRunner implements TaskRunner {

    /** The handle of a task that was never started. */
    private static final TaskHandle CANCELLED = new TaskHandle() {
        @Override
        public void cancel() {
            // Never started: nothing to stop.
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    private final TaskRunner runner;
    private final Set<TaskHandle> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public ScopedTaskRunner(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        if (cancelled) {
            return CANCELLED;
        }
        TaskHandle handle = runner.submit(task);
        running.removeIf(TaskHandle::isDone);
        if (!handle.isDone()) {
            running.add(handle);
        }
        if (cancelled) { // cancelAll ran while this task was being submitted
            handle.cancel();
        }
        return handle;
    }

    /** Cancels every task of this scope: their success and failure callbacks are not called. */
    public void cancelAll() {
        cancelled = true;
        running.forEach(TaskHandle::cancel);
        running.clear();
    }

    @Override
    public ReadOnlyIntegerProperty runningCountProperty() {
        return runner.runningCountProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTitleProperty() {
        return runner.currentTitleProperty();
    }
}
