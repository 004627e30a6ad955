package dev.arca.ui.common;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A unit of work to run off the UI thread, with fluent callbacks that a {@link TaskRunner} delivers on
 * the UI thread: {@code onRunning}, {@code onProgress}, {@code onSuccess}, {@code onFailure}, {@code onFinished}.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    /** The work itself; it runs on a background thread and may report progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskProgress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure;
    private Consumer<Progress> onProgress = progress -> { };
    private Runnable onFinished = () -> { };
    private Optional<Notice<T>> notice = Optional.empty();

    /** The sentences that say how work the user started ended, for a user who has left it (see {@link WorkNotices}). */
    record Notice<T>(Function<? super T, String> finished, Function<? super Throwable, String> failed) {
    }

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task shown in the status bar as {@code title} while it runs. */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onRunning(Runnable callback) {
        this.onRunning = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Handles failure here; without it the runner's default handler (an error dialog) does. */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Progress> callback) {
        this.onProgress = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Marks work the user started and may leave while it runs: how it ended is told in one sentence, by
     * {@code finished} or {@code failed}, to the runner's {@link WorkNotices} (see {@link NoticingTaskRunner}).
     */
    public BackgroundTask<T> noticeWhenLeft(Function<? super T, String> finished,
                                            Function<? super Throwable, String> failed) {
        this.notice = Optional.of(new Notice<>(Objects.requireNonNull(finished), Objects.requireNonNull(failed)));
        return this;
    }

    /** Submits this task; shorthand for {@code runner.submit(this)}. */
    public TaskHandle runWith(TaskRunner runner) {
        return runner.submit(this);
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Runnable runningCallback() {
        return onRunning;
    }

    Consumer<? super T> successCallback() {
        return onSuccess;
    }

    Optional<Consumer<? super Throwable>> failureCallback() {
        return Optional.ofNullable(onFailure);
    }

    Consumer<Progress> progressCallback() {
        return onProgress;
    }

    Optional<Notice<T>> notice() {
        return notice;
    }

    Runnable finishedCallback() {
        return onFinished;
    }
}
