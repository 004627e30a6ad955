package dev.arca.ui.tags;

import dev.arca.core.ResourceNames;
import dev.arca.core.ServiceLimits;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Edits the tags of one domain or repository, like the console's "Edit tags" page: rows of key and optional
 * value, at most 50, checked as they are typed; AWS-reserved tags shown read-only. Saving makes the resource's
 * tags exactly the rows (removed rows are untagged).
 */
public final class TagsEditorViewModel {

    /** One editable tag. */
    public static final class Row {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        Row(String key, String value) {
            this.key.set(key);
            this.value.set(value);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }

        boolean blank() {
            return key.get().isBlank() && value.get().isBlank();
        }
    }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String resourceName;
    private final String arn;
    private final int maxTags = ServiceLimits.DEFAULT.tagsPerResource();

    private final ObservableList<Row> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.key, row.value});
    private final ObservableList<String> reserved = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final StringBinding remaining;
    private final BooleanBinding canAdd;
    private final BooleanBinding canSave;

    /**
     * @param resourceName what the user calls the resource, e.g. "domain team"
     * @param arn          the resource's ARN
     */
    public TagsEditorViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                               String resourceName, String arn) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.resourceName = Objects.requireNonNull(resourceName);
        this.arn = Objects.requireNonNull(arn);
        rows.subscribe(() -> problem.set(problemWithRows()));
        remaining = Bindings.createStringBinding(() -> {
            int left = maxTags - reserved.size() - rows.size();
            return left <= 0 ? "No more tags can be added." : "You can add " + left + " more "
                    + (left == 1 ? "tag." : "tags.");
        }, rows, reserved);
        canAdd = Bindings.createBooleanBinding(() -> state.get() != ListState.LOADING
                && rows.size() + reserved.size() < maxTags, rows, reserved, state);
        canSave = Bindings.createBooleanBinding(() -> state.get() != ListState.LOADING
                && state.get() != ListState.ERROR && problem.get().isEmpty() && !saving.get(),
                state, problem, saving);
    }

    /** What is being tagged, for the dialog's title. */
    public String resourceName() {
        return resourceName;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** AWS-reserved tags as {@code key = value} lines: shown, not editable. */
    public ObservableList<String> reserved() {
        return reserved;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The first thing wrong with the rows, as one sentence; empty when they can be saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "You can add N more tags." */
    public StringBinding remainingProperty() {
        return remaining;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    // Commands

    /** Reads the resource's current tags. */
    public void load() {
        state.set(ListState.LOADING);
        BackgroundTask.of("Reading the tags of " + resourceName, progress -> gateway.get().listTags(arn))
                .onSuccess(tags -> {
                    rows.clear();
                    reserved.clear();
                    tags.forEach((key, value) -> {
                        if (ResourceNames.isReservedTagKey(key)) {
                            reserved.add(key + " = " + value);
                        } else {
                            rows.add(new Row(key, value));
                        }
                    });
                    errorMessage.set("");
                    state.set(rows.isEmpty() && reserved.isEmpty() ? ListState.EMPTY : ListState.READY);
                })
                .onFailure(failure -> {
                    errorMessage.set(UserMessages.describe(failure));
                    state.set(ListState.ERROR);
                })
                .runWith(tasks);
    }

    /** Adds an empty row to fill in, up to the limit. */
    public Row add() {
        Row row = new Row("", "");
        if (canAdd.get()) {
            rows.add(row);
            state.set(ListState.READY);
        }
        return row;
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    /** Saves the rows as the resource's tags (blank rows are ignored), then runs {@code onSaved}. */
    public void save(Runnable onSaved) {
        if (!canSave.get()) {
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        rows.stream().filter(row -> !row.blank()).forEach(row -> wanted.put(row.key.get().strip(), row.value.get()));
        saving.set(true);
        BackgroundTask.of("Saving the tags of " + resourceName, progress -> {
                    gateway.get().replaceTags(arn, wanted);
                    return null;
                })
                .onSuccess(done -> onSaved.run())
                .onFailure(failure -> dialogs.showError("Tags of " + resourceName, UserMessages.describe(failure),
                        failure))
                .onFinished(() -> saving.set(false))
                .runWith(tasks);
    }

    private String problemWithRows() {
        Set<String> keys = new HashSet<>();
        for (Row row : rows) {
            if (row.blank()) {
                continue;
            }
            String key = row.key.get().strip();
            if (key.isEmpty()) {
                return "Every tag needs a key; the value \"" + row.value.get() + "\" has none.";
            }
            if (ResourceNames.isReservedTagKey(key)) {
                return "Keys starting with \"aws:\" are reserved for AWS: " + key + ".";
            }
            if (ResourceNames.TAG_KEY.violation("key", key).isPresent()) {
                return "The key \"" + key + "\" is too long or has characters tags cannot have (up to 128 letters,"
                        + " digits, spaces and _ . : / = + - @).";
            }
            if (ResourceNames.TAG_VALUE.violation("value", row.value.get()).isPresent()) {
                return "The value of " + key + " is too long or has characters tags cannot have (up to 256 letters,"
                        + " digits, spaces and _ . : / = + - @).";
            }
            if (!keys.add(key)) {
                return "The key " + key + " is used twice; keys must be unique.";
            }
        }
        return "";
    }
}
