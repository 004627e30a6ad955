package dev.arca.ui.common;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs {@link BackgroundTask}s off the UI thread and reports how many are running. ViewModels get one
 * injected: the JavaFX one in the app, a same-thread one in tests (see {@link ExecutorTaskRunner}).
 */
public interface TaskRunner {

    <T> TaskHandle submit(BackgroundTask<T> task);

    /** How many submitted tasks have not finished; changes on the UI thread. */
    ReadOnlyIntegerProperty runningCountProperty();

    /** Title of the most recently started task still running, or empty when idle. */
    ReadOnlyStringProperty currentTitleProperty();
}
