package dev.arca.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A page's {@link TaskRunner}: runs tasks on the runner it wraps and, for tasks marked with
 * {@link BackgroundTask#noticeWhenLeft}, tells the page's {@link WorkNotices} how they ended, after the task's own
 * callbacks. Cancelled work tells nothing; so does a failure left to the runner's error dialog.
 */
public final class NoticingTaskRunner implements TaskRunner {

    private final TaskRunner runner;
    private final WorkNotices notices;

    public NoticingTaskRunner(TaskRunner runner, WorkNotices notices) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        task.notice().ifPresent(notice -> {
            Consumer<? super T> success = task.successCallback();
            task.onSuccess(result -> {
                success.accept(result);
                notices.ended(notice.finished().apply(result), false);
            });
            task.failureCallback().ifPresent(failure -> task.onFailure(problem -> {
                failure.accept(problem);
                notices.ended(notice.failed().apply(problem), true);
            }));
        });
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
