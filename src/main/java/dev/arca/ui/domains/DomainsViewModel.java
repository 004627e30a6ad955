package dev.arca.ui.domains;

import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.core.ResourceNames;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Domains page: the account's domains, creating one (name checked as it is typed, key picked) and deleting. */
public final class DomainsViewModel {

    /** The "AWS managed key" choice, shown first in the key picker. */
    public static final Optional<KeyChoice> MANAGED_KEY = Optional.empty();

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObservableList<DomainInfo> domains = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ObjectProperty<DomainInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ObservableList<Optional<KeyChoice>> keys = FXCollections.observableArrayList(List.of(MANAGED_KEY));
    private final ObjectProperty<Optional<KeyChoice>> key = new SimpleObjectProperty<>(this, "key", MANAGED_KEY);
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final BooleanBinding canCreate;
    private final BooleanBinding canDelete;

    public DomainsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        newName.subscribe(name -> nameProblem.set(problemWith(name)));
        canCreate = Bindings.createBooleanBinding(() -> !newName.get().isBlank() && nameProblem.get().isEmpty()
                && !creating.get(), newName, nameProblem, creating);
        canDelete = selected.isNotNull();
    }

    public ObservableList<DomainInfo> domains() {
        return domains;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ObjectProperty<DomainInfo> selectedProperty() {
        return selected;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    /** Why the typed name would be refused, as one sentence; empty when it is fine (or nothing is typed). */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ObservableList<Optional<KeyChoice>> keys() {
        return keys;
    }

    public ObjectProperty<Optional<KeyChoice>> keyProperty() {
        return key;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    // Commands

    /** Reloads the list, keeping the selection when the domain is still there. */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().name();
        BackgroundTask.of("Loading domains", progress -> gateway.get().listDomains())
                .onRunning(() -> {
                    if (domains.isEmpty()) {
                        state.set(ListState.LOADING);
                    }
                })
                .onSuccess(list -> {
                    domains.setAll(list);
                    state.set(list.isEmpty() ? ListState.EMPTY : ListState.READY);
                    errorMessage.set("");
                    selected.set(list.stream().filter(d -> d.name().equals(keep)).findFirst().orElse(null));
                })
                .onFailure(failure -> {
                    errorMessage.set(UserMessages.describe(failure));
                    state.set(ListState.ERROR);
                })
                .runWith(tasks);
    }

    /** Fills the key picker: the AWS-managed key first, then the account's keys. */
    public void loadKeys() {
        BackgroundTask.of("Loading encryption keys", progress -> gateway.get().listKeys())
                .onSuccess(list -> {
                    Optional<KeyChoice> chosen = key.get();
                    keys.setAll(MANAGED_KEY);
                    list.stream().filter(k -> !k.awsManaged()).map(Optional::of).forEach(keys::add);
                    key.set(keys.contains(chosen) ? chosen : MANAGED_KEY);
                })
                .onFailure(failure -> dialogs.showError("Encryption keys", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String name = newName.get().strip();
        Optional<String> keyArn = key.get().map(KeyChoice::keyArn);
        creating.set(true);
        BackgroundTask.of("Creating domain " + name, progress -> gateway.get().createDomain(name, keyArn))
                .onSuccess(created -> {
                    newName.set("");
                    key.set(MANAGED_KEY);
                    selected.set(created);
                    refresh();
                })
                .onFailure(failure -> dialogs.showError("Create domain", UserMessages.describe(failure), failure))
                .onFinished(() -> creating.set(false))
                .runWith(tasks);
    }

    /** Deletes the selected domain after confirmation; explains instead when it still has repositories. */
    public void delete() {
        DomainInfo domain = selected.get();
        if (domain == null) {
            return;
        }
        if (domain.repositoryCount() > 0) {
            dialogs.showInformation("Domain " + domain.name() + " has repositories", "Domain " + domain.name()
                    + " still has " + domain.repositoryCount() + (domain.repositoryCount() == 1 ? " repository" : " repositories")
                    + ". CodeArtifact deletes only empty domains: delete its repositories first.");
            return;
        }
        if (!dialogs.confirm("Delete domain " + domain.name() + "?", "The domain, its policy and its tags are deleted."
                + " This cannot be undone.", "Delete domain", true)) {
            return;
        }
        BackgroundTask.of("Deleting domain " + domain.name(), progress -> {
                    gateway.get().deleteDomain(domain.name());
                    return null;
                })
                .onSuccess(done -> {
                    selected.set(null);
                    refresh();
                })
                .onFailure(failure -> dialogs.showError("Delete domain", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    private static String problemWith(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        if (trimmed.length() < 2) {
            return "A domain name has at least 2 characters.";
        }
        if (trimmed.length() > 50) {
            return "A domain name has at most 50 characters.";
        }
        if (!ResourceNames.DOMAIN.accepts(trimmed)) {
            return "Use lower-case letters, digits and hyphens; start with a letter and end with a letter or digit.";
        }
        return "";
    }
}
