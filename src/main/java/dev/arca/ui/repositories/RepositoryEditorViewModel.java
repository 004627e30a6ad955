package dev.arca.ui.repositories;

import dev.arca.core.ExternalConnections;
import dev.arca.core.RepositoryInfo;
import dev.arca.core.ResourceNames;
import dev.arca.core.ServiceLimits;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Edits one repository like the console's "Edit repository" page: description, upstreams in priority order
 * (add, move, remove; at most 10), and which public repository it connects to. A repository has upstreams or an
 * external connection, not both; the editor says so before the service has to.
 */
public final class RepositoryEditorViewModel {

    /** The "no external connection" choice. */
    public static final Optional<String> NO_CONNECTION = Optional.empty();

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final RepositoryInfo repository;
    private final int maxUpstreams = ServiceLimits.DEFAULT.directUpstreams();

    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObservableList<String> upstreams = FXCollections.observableArrayList();
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<String>> externalConnection =
            new SimpleObjectProperty<>(this, "externalConnection", NO_CONNECTION);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final BooleanBinding canSave;

    /**
     * @param repository the repository as described (with its upstreams and external connection)
     * @param siblings   the other repositories of its domain, which may become upstreams
     */
    public RepositoryEditorViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                                     RepositoryInfo repository, List<String> siblings) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.repository = Objects.requireNonNull(repository);
        description.set(repository.description().orElse(""));
        upstreams.setAll(repository.upstreams());
        externalConnection.set(repository.externalConnection());
        siblings.stream().filter(name -> !name.equals(repository.name())).sorted().forEach(candidates::add);
        description.subscribe(this::check);
        upstreams.subscribe(this::check);
        externalConnection.subscribe(this::check);
        canSave = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !saving.get(), problem, saving);
    }

    public String repositoryName() {
        return repository.name();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The upstreams in priority order: the first is searched first. */
    public ObservableList<String> upstreams() {
        return upstreams;
    }

    /** Repositories of the domain that could be added as upstreams. */
    public ObservableList<String> candidates() {
        return candidates;
    }

    /** The external connections to choose from: none first, then every public repository CodeArtifact offers. */
    public static List<Optional<String>> connectionChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(NO_CONNECTION),
                ExternalConnections.supported().keySet().stream().sorted().map(Optional::of)).toList();
    }

    public ObjectProperty<Optional<String>> externalConnectionProperty() {
        return externalConnection;
    }

    /** What stops saving, as one sentence; empty when the changes can be saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    // Commands

    /** Adds an upstream at the end (lowest priority); ignores one already there. */
    public void addUpstream(String name) {
        if (!upstreams.contains(name) && candidates.contains(name)) {
            upstreams.add(name);
        }
    }

    public void removeUpstream(String name) {
        upstreams.remove(name);
    }

    /** Moves an upstream one place earlier ({@code -1}) or later ({@code +1}) in the search order. */
    public void moveUpstream(String name, int direction) {
        int from = upstreams.indexOf(name);
        int to = from + Integer.signum(direction);
        if (from < 0 || to < 0 || to >= upstreams.size()) {
            return;
        }
        List<String> reordered = new java.util.ArrayList<>(upstreams);
        reordered.remove(from);
        reordered.add(to, name);
        upstreams.setAll(reordered);
    }

    /** Saves the changes; {@code onSaved} receives the repository as the service now describes it. */
    public void save(Consumer<RepositoryInfo> onSaved) {
        if (!canSave.get()) {
            return;
        }
        Optional<String> newDescription = Optional.of(description.get().strip());
        List<String> order = List.copyOf(upstreams);
        Optional<String> connection = externalConnection.get();
        saving.set(true);
        BackgroundTask.of("Updating repository " + repository.name(), progress -> gateway.get().updateRepository(
                        repository.domainName(), repository.name(), newDescription, order, connection))
                .onSuccess(onSaved)
                .onFailure(failure -> dialogs.showError("Update repository " + repository.name(),
                        UserMessages.describe(failure), failure))
                .onFinished(() -> saving.set(false))
                .runWith(tasks);
    }

    private void check() {
        problem.set(problemWithChanges());
    }

    private String problemWithChanges() {
        if (ResourceNames.DESCRIPTION.violation("description", description.get().strip()).isPresent()) {
            return description.get().strip().length() > 1000
                    ? "A description has at most 1,000 characters; this one has " + description.get().strip().length()
                    + "." : "A description cannot contain control characters.";
        }
        if (upstreams.size() > maxUpstreams) {
            return "A repository can have at most " + maxUpstreams + " upstreams.";
        }
        if (!upstreams.isEmpty() && externalConnection.get().isPresent()) {
            return "A repository has upstreams or an external connection, not both: remove the upstreams or choose"
                    + " no external connection.";
        }
        return "";
    }
}
