package dev.arca.ui.common;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One thing shown from a service — a description, a readme — loaded off the UI thread, with the same loading,
 * empty and error states as a list ({@link ListState#EMPTY}: there is nothing to show). A newer load drops the
 * answer of an earlier one that arrives late.
 *
 * @param <T> what is shown
 */
public final class LoadedValue<T> {

    /** Loads the value, on a background thread; empty when there is none. */
    @FunctionalInterface
    public interface Loader<T> {
        Optional<T> load() throws Exception;
    }

    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Optional<T>> value = new ReadOnlyObjectWrapper<>(this, "value",
            Optional.empty());
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ListState.EMPTY);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private int generation;

    public LoadedValue(TaskRunner tasks) {
        this.tasks = Objects.requireNonNull(tasks);
    }

    public ReadOnlyObjectProperty<Optional<T>> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    /** Loads the value afresh; {@code title} names the work in the status bar. */
    public void load(String title, Loader<T> loader) {
        int load = restart(ListState.LOADING);
        BackgroundTask.of(title, progress -> loader.load())
                .onSuccess(result -> {
                    if (load == generation) {
                        value.set(result);
                        state.set(result.isPresent() ? ListState.READY : ListState.EMPTY);
                    }
                })
                .onFailure(failure -> {
                    if (load == generation) {
                        errorMessage.set(UserMessages.describe(failure));
                        state.set(ListState.ERROR);
                    }
                })
                .runWith(tasks);
    }

    /** Shows nothing: the empty state. */
    public void clear() {
        restart(ListState.EMPTY);
    }

    private int restart(ListState initial) {
        generation++;
        value.set(Optional.empty());
        errorMessage.set("");
        state.set(initial);
        return generation;
    }
}
