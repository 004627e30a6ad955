package dev.arca.ui.activity;

import dev.arca.core.ActivityEntry;
import dev.arca.gateway.ActivityFeed;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Activity page: a local server's package events and API calls, newest first, filtered by kind and text,
 * and kept current by polling for what came after the last entry seen.
 */
public final class ActivityViewModel {

    /** Which entries to show. */
    public enum Show { EVERYTHING, EVENTS, CALLS }

    static final int KEEP = 5_000;

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;

    private final ObservableList<ActivityEntry> all = FXCollections.observableArrayList();
    private final FilteredList<ActivityEntry> entries = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(this, "show", Show.EVERYTHING);
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private long lastEvent;
    private long lastCall;
    private boolean polling;

    public ActivityViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        filter.subscribe(this::applyFilter);
        show.subscribe(this::applyFilter);
    }

    /** The entries that pass the filters, newest first. */
    public ObservableList<ActivityEntry> entries() {
        return entries;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    /** Whether the page keeps polling for new entries. */
    public BooleanProperty liveProperty() {
        return live;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    /** Fetches what came after the last entry seen; one poll at a time. */
    public void poll() {
        if (polling) {
            return;
        }
        polling = true;
        long afterEvent = lastEvent;
        long afterCall = lastCall;
        BackgroundTask.of("Reading activity", progress -> {
                    ActivityFeed feed = gateway.get().activity();
                    List<ActivityEntry> fresh = new ArrayList<>(feed.events(afterEvent));
                    fresh.addAll(feed.calls(afterCall));
                    return fresh;
                })
                .onSuccess(fresh -> {
                    for (ActivityEntry entry : fresh) {
                        if (entry.kind().equals("event")) {
                            lastEvent = Math.max(lastEvent, entry.sequence());
                        } else {
                            lastCall = Math.max(lastCall, entry.sequence());
                        }
                    }
                    if (!fresh.isEmpty()) {
                        fresh.sort(Comparator.comparing(ActivityEntry::time).reversed());
                        all.addAll(0, fresh);
                        if (all.size() > KEEP) {
                            all.remove(KEEP, all.size());
                        }
                    }
                    errorMessage.set("");
                    state.set(all.isEmpty() ? ListState.EMPTY : ListState.READY);
                })
                .onFailure(failure -> {
                    errorMessage.set(UserMessages.describe(failure));
                    state.set(ListState.ERROR);
                })
                .onFinished(() -> polling = false)
                .runWith(tasks);
    }

    private void applyFilter() {
        String text = filter.get() == null ? "" : filter.get().strip();
        Show kind = show.get();
        entries.setPredicate(e -> (kind == Show.EVERYTHING || (kind == Show.EVENTS) == e.kind().equals("event"))
                && (text.isEmpty() || e.mentions(text)));
    }
}
