package dev.arca.ui.common;

import dev.arca.core.Page;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list shown from a service, loaded off the UI thread a page at a time — the next page only when asked for, as
 * the user scrolls — with loading, empty and error states. Starting a new listing drops the pages of the earlier
 * one that arrive late, so a slow answer never mixes into a newer list.
 *
 * @param <T> the rows
 */
public final class PagedList<T> {

    /** Loads one page, on a background thread. */
    @FunctionalInterface
    public interface PageLoader<T> {
        Page<T> load(Optional<String> nextToken) throws Exception;
    }

    private final TaskRunner tasks;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private String title = "";
    private Optional<PageLoader<T>> loader = Optional.empty();
    private Optional<String> nextToken = Optional.empty();
    /** Bumped by every new listing: pages of an earlier listing are dropped when they arrive. */
    private int generation;
    private int loadingGeneration = -1;

    /** An empty list in {@code initial} state: {@link ListState#LOADING} while what to list is still unknown. */
    public PagedList(TaskRunner tasks, ListState initial) {
        this.tasks = Objects.requireNonNull(tasks);
        this.state = new ReadOnlyObjectWrapper<>(this, "state", Objects.requireNonNull(initial));
    }

    /** The rows loaded so far, in the service's order. */
    public ObservableList<T> items() {
        return items;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The sentence saying why the list could not be loaded, in the {@link ListState#ERROR} state. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Whether the service has another page. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    // Commands

    /** Starts a new listing from its first page; {@code title} names the work in the status bar. */
    public void load(String title, PageLoader<T> loader) {
        this.title = Objects.requireNonNull(title);
        this.loader = Optional.of(loader);
        restart(ListState.LOADING);
        loadMore();
    }

    /** Starts the current listing again from its first page; nothing happens when there is none. */
    public void reload() {
        loader.ifPresent(current -> load(title, current));
    }

    /** Lists nothing: the empty state. */
    public void clear() {
        loader = Optional.empty();
        restart(ListState.EMPTY);
    }

    /** Shows a failure that happened before anything could be listed (choosing what to list, say). */
    public void fail(Throwable failure) {
        loader = Optional.empty();
        restart(ListState.ERROR);
        errorMessage.set(UserMessages.describe(failure));
    }

    /** Loads the next page, if there is one and none is loading already. */
    public void loadMore() {
        if (loader.isEmpty() || loadingGeneration == generation || (!items.isEmpty() && !hasMore.get())) {
            return;
        }
        int listing = generation;
        loadingGeneration = listing;
        PageLoader<T> current = loader.get();
        Optional<String> token = nextToken;
        BackgroundTask.of(title, progress -> current.load(token))
                .onSuccess(page -> {
                    if (listing != generation) {
                        return; // the user moved on while the page loaded
                    }
                    items.addAll(page.items());
                    nextToken = page.nextToken();
                    hasMore.set(page.nextToken().isPresent());
                    state.set(items.isEmpty() ? ListState.EMPTY : ListState.READY);
                })
                .onFailure(failure -> {
                    if (listing == generation) {
                        errorMessage.set(UserMessages.describe(failure));
                        state.set(ListState.ERROR);
                    }
                })
                .onFinished(() -> {
                    if (loadingGeneration == listing) {
                        loadingGeneration = -1;
                    }
                })
                .runWith(tasks);
    }

    /** Puts {@code updated} where {@code old} is, when it is listed: a row changed without a reload. */
    public void replace(T old, T updated) {
        int index = items.indexOf(old);
        if (index >= 0) {
            items.set(index, updated);
        }
    }

    private void restart(ListState initial) {
        generation++;
        loadingGeneration = -1;
        items.clear();
        nextToken = Optional.empty();
        hasMore.set(false);
        errorMessage.set("");
        state.set(initial);
    }
}
