package dev.arca.ui.domains;

import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.core.ResourceNames;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.DomainSearch;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskHandle;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.ui.tags.TagsEditorViewModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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

/**
 * The Domains page: the account's domains, creating one (name checked as it is typed, key picked) and deleting;
 * the selected domain's tags and policy; and finding a package in every repository of the domain.
 */
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
    private final ReadOnlyObjectWrapper<Optional<DomainDetails>> details =
            new ReadOnlyObjectWrapper<>(this, "details", Optional.empty());
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<DomainSearch.Hit> searchHits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper searchSummary = new ReadOnlyStringWrapper(this, "searchSummary", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final BooleanBinding canCreate;
    private final BooleanBinding canDelete;
    private final BooleanBinding canSearch;
    private TaskHandle search;

    public DomainsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        newName.subscribe(name -> nameProblem.set(problemWith(name)));
        canCreate = Bindings.createBooleanBinding(() -> !newName.get().isBlank() && nameProblem.get().isEmpty()
                && !creating.get(), newName, nameProblem, creating);
        canDelete = selected.isNotNull();
        canSearch = Bindings.createBooleanBinding(() -> selected.get() != null && !searchText.get().isBlank()
                && !searching.get(), selected, searchText, searching);
        selected.subscribe(this::loadDetails);
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

    /** The selected domain's tags and policy, once read. */
    public ReadOnlyObjectProperty<Optional<DomainDetails>> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The start of a package name to find in every repository of the selected domain. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<DomainSearch.Hit> searchHits() {
        return searchHits;
    }

    /** What the last search found, or how far the running one got, as a sentence. */
    public ReadOnlyStringProperty searchSummaryProperty() {
        return searchSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public BooleanBinding canSearchProperty() {
        return canSearch;
    }

    /** An editor for the selected domain's tags; empty when nothing is selected. */
    public Optional<TagsEditorViewModel> tagsEditor() {
        return Optional.ofNullable(selected.get()).map(d -> new TagsEditorViewModel(gateway, tasks, dialogs,
                "domain " + d.name(), d.arn()));
    }

    // Commands

    /** Re-reads the selected domain's tags and policy, e.g. after the tags were edited. */
    public void reloadDetails() {
        loadDetails(selected.get());
    }

    /** Finds packages whose names start with the search text in every repository of the selected domain. */
    public void search() {
        if (!canSearch.get()) {
            return;
        }
        String domainName = selected.get().name();
        String prefix = searchText.get().strip();
        searching.set(true);
        searchHits.clear();
        searchSummary.set("Searching the repositories of " + domainName + "…");
        search = BackgroundTask.of("Finding " + prefix + " in " + domainName, progress -> new DomainSearch(
                        gateway.get()).search(domainName, prefix, (done, total) -> progress.update(done, total,
                        "Searched " + done + " of " + total + " repositories")))
                .onProgress(p -> searchSummary.set(p.message() + "…"))
                .onSuccess(result -> {
                    searchHits.setAll(result.hits());
                    searchSummary.set(summary(prefix, result));
                })
                .onFailure(failure -> searchSummary.set(UserMessages.describe(failure)))
                .onFinished(() -> searching.set(false))
                .runWith(tasks);
    }

    /** Stops a running search. */
    public void cancelSearch() {
        if (search != null) {
            search.cancel();
        }
    }


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

    private void loadDetails(DomainInfo domain) {
        details.set(Optional.empty());
        searchHits.clear();
        searchSummary.set("");
        if (domain == null) {
            return;
        }
        BackgroundTask.of("Reading tags and policy of " + domain.name(), progress -> {
                    CodeArtifactGateway g = gateway.get();
                    return new DomainDetails(g.listTags(domain.arn()), g.domainPolicy(domain.name()));
                })
                .onSuccess(read -> {
                    if (selected.get() != null && selected.get().arn().equals(domain.arn())) {
                        details.set(Optional.of(read));
                    }
                })
                .onFailure(failure -> details.set(Optional.empty()))
                .runWith(tasks);
    }

    private static String summary(String prefix, DomainSearch.Result result) {
        long repositories = result.hits().stream().map(DomainSearch.Hit::repository).distinct().count();
        StringBuilder text = new StringBuilder(result.hits().isEmpty()
                ? "No package starting with \"" + prefix + "\" in " + plural(result.searched(), "repository")
                : result.hits().size() + (result.hits().size() == 1 ? " package" : " packages") + " in "
                        + plural((int) repositories, "repository") + " (of " + result.searched() + " searched)");
        text.append('.');
        if (!result.capped().isEmpty()) {
            text.append(" Only the first ").append(DomainSearch.HITS_PER_REPOSITORY).append(" matches are shown for ")
                    .append(String.join(", ", result.capped())).append(": type more of the name.");
        }
        result.problems().forEach(problem -> text.append(" Not searched: ").append(problem));
        return text.toString();
    }

    private static String plural(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun.substring(0, noun.length() - 1) + "ies");
    }

    /** A domain's tags (reserved ones included) and its policy document, when it has one. */
    public record DomainDetails(Map<String, String> tags, Optional<String> policy) {
        public DomainDetails {
            tags = Map.copyOf(tags);
        }
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
