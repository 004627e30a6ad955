package dev.arca.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one {@link TaskRunner}: work goes to a worker executor, callbacks to a UI executor. The JavaFX
 * flavour runs work on virtual threads and callbacks with {@code Platform.runLater}; the same-thread
 * flavour runs both in the caller, which makes ViewModel tests plain JUnit with no toolkit.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService workers;
    private final java.util.concurrent.Executor ui;
    private final BooleanSupplier onUiThread;
    private final Consumer<Throwable> unhandledFailure;
    private final ReadOnlyIntegerWrapper runningCount = new ReadOnlyIntegerWrapper(this, "runningCount", 0);
    private final ReadOnlyStringWrapper currentTitle = new ReadOnlyStringWrapper(this, "currentTitle", "");
    private final List<String> runningTitles = new ArrayList<>(); // touched on the UI thread only

    private ExecutorTaskRunner(ExecutorService workers, java.util.concurrent.Executor ui,
                               BooleanSupplier onUiThread, Consumer<Throwable> unhandledFailure) {
        this.workers = workers;
        this.ui = ui;
        this.onUiThread = onUiThread;
        this.unhandledFailure = Objects.requireNonNull(unhandledFailure, "unhandledFailure");
    }

    /** Work on virtual threads, callbacks on the JavaFX application thread. */
    public static ExecutorTaskRunner forJavaFx(Consumer<Throwable> unhandledFailure) {
        ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("arca-task-", 0).factory());
        return create(workers, Platform::runLater, Platform::isFxApplicationThread, unhandledFailure);
    }

    /** Any pair of executors; {@code onUiThread} tells whether the caller is already on the UI executor. */
    static ExecutorTaskRunner create(ExecutorService workers, java.util.concurrent.Executor ui,
                                     BooleanSupplier onUiThread, Consumer<Throwable> unhandledFailure) {
        return new ExecutorTaskRunner(workers, ui, onUiThread, unhandledFailure);
    }

    /** Work and callbacks both in the calling thread, in order: for tests and scripts. */
    public static ExecutorTaskRunner sameThread(Consumer<Throwable> unhandledFailure) {
        ExecutorService direct = new DirectExecutorService();
        return create(direct, Runnable::run, () -> true, unhandledFailure);
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        Objects.requireNonNull(task, "task");
        Handle handle = new Handle();
        onUi(() -> {
            started(task.title());
            task.runningCallback().run();
        });
        try {
            workers.execute(() -> runWork(task, handle));
        } catch (RejectedExecutionException e) {
            onUi(() -> finish(task, handle, null, e));
        }
        return handle;
    }

    @Override
    public ReadOnlyIntegerProperty runningCountProperty() {
        return runningCount.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTitleProperty() {
        return currentTitle.getReadOnlyProperty();
    }

    /** Interrupts running work and refuses new work. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private <T> void runWork(BackgroundTask<T> task, Handle handle) {
        handle.worker = Thread.currentThread();
        T result = null;
        Throwable failure = null;
        try {
            if (handle.isCancelled()) {
                throw new CancellationException();
            }
            result = task.work().run(handle.progressFor(task.progressCallback()));
        } catch (Throwable t) {
            failure = t;
        } finally {
            handle.worker = null;
            Thread.interrupted(); // a late cancel must not leak an interrupt into the pool thread
        }
        T finalResult = result;
        Throwable finalFailure = failure;
        ui.execute(() -> finish(task, handle, finalResult, finalFailure));
    }

    private <T> void finish(BackgroundTask<T> task, Handle handle, T result, Throwable failure) {
        try {
            if (handle.isCancelled() || failure instanceof CancellationException) {
                return;
            }
            if (failure == null) {
                task.successCallback().accept(result);
            } else if (task.failureCallback().isPresent()) {
                task.failureCallback().get().accept(failure);
            } else {
                unhandledFailure.accept(failure);
            }
        } finally {
            handle.done.set(true);
            try {
                task.finishedCallback().run();
            } finally {
                stopped(task.title());
            }
        }
    }

    private void started(String title) {
        runningTitles.add(title);
        runningCount.set(runningTitles.size());
        currentTitle.set(title);
    }

    private void stopped(String title) {
        runningTitles.remove(title);
        runningCount.set(runningTitles.size());
        currentTitle.set(runningTitles.isEmpty() ? "" : runningTitles.getLast());
    }

    private void onUi(Runnable action) {
        if (onUiThread.getAsBoolean()) {
            action.run();
        } else {
            ui.execute(action);
        }
    }

    private final class Handle implements TaskHandle {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Thread worker;

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                Thread running = worker;
                if (running != null) {
                    running.interrupt();
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public boolean isDone() {
            return done.get();
        }

        /** Coalesces progress so a chatty task schedules at most one pending UI update. */
        TaskProgress progressFor(Consumer<Progress> callback) {
            AtomicReference<Progress> latest = new AtomicReference<>();
            AtomicBoolean scheduled = new AtomicBoolean();
            return new TaskProgress() {
                @Override
                public void update(long doneUnits, long total, String message) {
                    latest.set(new Progress(doneUnits, total, message));
                    if (scheduled.compareAndSet(false, true)) {
                        ui.execute(() -> {
                            scheduled.set(false);
                            if (!cancelled.get()) {
                                callback.accept(latest.get());
                            }
                        });
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
        }
    }
}
