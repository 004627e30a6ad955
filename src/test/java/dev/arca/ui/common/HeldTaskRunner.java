package dev.arca.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A {@link TaskRunner} for ViewModel tests that holds submitted work until the test releases it, so a test can
 * make answers arrive late, after the user moved on. Released work and its callbacks run in the test's thread.
 */
public final class HeldTaskRunner implements TaskRunner {

    private final Deque<Runnable> held = new ArrayDeque<>();
    private final ExecutorTaskRunner runner = ExecutorTaskRunner.create(new AbstractExecutorService() {
        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }, Runnable::run, () -> true, failure -> {
        throw new AssertionError("unhandled task failure", failure);
    });

    /** How many submitted tasks have not been released. */
    public int heldCount() {
        return held.size();
    }

    /** Releases held work in the order it was submitted, including work submitted meanwhile, until none is left. */
    public void releaseAll() {
        while (!held.isEmpty()) {
            held.removeFirst().run();
        }
    }

    /** Releases the most recently submitted work only. */
    public void releaseNewest() {
        held.removeLast().run();
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        return runner.submit(task);
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
