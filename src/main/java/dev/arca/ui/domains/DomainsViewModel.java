package dev.arca.ui.domains;

import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.core.ResourceNames;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.DomainMemory.OtherAccountDomain;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.Navigation;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.ui.tags.TagsEditorViewModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

/**
 * The Domains page: the account's domains and the other accounts' domains opened by owner, creating one (name
 * checked as it is typed, key picked), deleting, and opening or forgetting a domain of another account; the
 * selected domain's tags and policy; and finding a package in every repository of the domain
 * ({@link PackageSearchViewModel}).
 */
public final class DomainsViewModel {

    /** The "AWS managed key" choice, shown first in the key picker. */
    public static final Optional<KeyChoice> MANAGED_KEY = Optional.empty();

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;
    private final Navigation navigation;
    /** The listed domains that belong to other accounts, opened by owner. */
    private final Set<OtherAccountDomain> otherAccounts = new HashSet<>();

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
    private final StringProperty otherOwner = new SimpleStringProperty(this, "otherOwner", "");
    private final StringProperty otherName = new SimpleStringProperty(this, "otherName", "");
    private final ReadOnlyStringWrapper otherProblem = new ReadOnlyStringWrapper(this, "otherProblem", "");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding canCreate;
    private final BooleanBinding canDelete;
    private final BooleanBinding canOpenOther;
    private final BooleanBinding canForget;
    private final SampleDomainViewModel sampleDomain;
    private final PackageSearchViewModel packageSearch;

    public DomainsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                            DomainMemory memory, Navigation navigation) {
        this(gateway, tasks, dialogs, memory, navigation, false);
    }

    /** @param offerSampleDomain whether the empty page offers the sample domain (on the embedded server) */
    public DomainsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                            DomainMemory memory, Navigation navigation, boolean offerSampleDomain) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.memory = Objects.requireNonNull(memory);
        this.navigation = Objects.requireNonNull(navigation);
        newName.subscribe(name -> nameProblem.set(problemWith(name)));
        canCreate = Bindings.createBooleanBinding(() -> !newName.get().isBlank() && nameProblem.get().isEmpty()
                && !creating.get(), newName, nameProblem, creating);
        canDelete = Bindings.createBooleanBinding(() -> selected.get() != null && !isOtherAccount(selected.get()),
                selected);
        canForget = Bindings.createBooleanBinding(() -> selected.get() != null && isOtherAccount(selected.get()),
                selected);
        otherProblem.bind(Bindings.createStringBinding(this::otherAccountProblem, otherOwner, otherName, domains));
        canOpenOther = Bindings.createBooleanBinding(() -> !otherOwner.get().isBlank() && !otherName.get().isBlank()
                && otherProblem.get().isEmpty() && !opening.get(), otherOwner, otherName, otherProblem, opening);
        selected.subscribe(domain -> {
            if (domain != null) {
                memory.rememberDomain(domain.name());
            }
        });
        selected.subscribe(this::loadDetails);
        packageSearch = new PackageSearchViewModel(gateway, tasks, selected);
        sampleDomain = new SampleDomainViewModel(gateway, tasks, offerSampleDomain, name -> {
            memory.rememberDomain(name);
            selected.set(null);
            refresh();
        });
    }

    /** The first-run offer of a sample domain, shown while the page is empty. */
    public SampleDomainViewModel sampleDomain() {
        return sampleDomain;
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

    /** Finding a package in every repository of the selected domain. */
    public PackageSearchViewModel packageSearch() {
        return packageSearch;
    }

    /** An editor for the selected domain's tags; empty when nothing is selected. */
    public Optional<TagsEditorViewModel> tagsEditor() {
        return Optional.ofNullable(selected.get()).map(d -> new TagsEditorViewModel(gateway, tasks, dialogs,
                "domain " + d.name(), d.arn()));
    }

    /** The owning account of a domain of another account to open. */
    public StringProperty otherOwnerProperty() {
        return otherOwner;
    }

    /** The name of a domain of another account to open. */
    public StringProperty otherNameProperty() {
        return otherName;
    }

    /** Why the other account's domain cannot be opened as typed; empty when it can (or nothing is typed). */
    public ReadOnlyStringProperty otherProblemProperty() {
        return otherProblem.getReadOnlyProperty();
    }

    public BooleanBinding canOpenOtherProperty() {
        return canOpenOther;
    }

    /** Whether the selection is another account's domain, which can be forgotten (not deleted). */
    public BooleanBinding canForgetProperty() {
        return canForget;
    }

    /** Other accounts' domains that could not be opened on the last refresh, as a sentence; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether a listed domain belongs to another account (it was opened by owner). */
    public boolean isOtherAccount(DomainInfo domain) {
        return otherAccounts.contains(new OtherAccountDomain(domain.owner(), domain.name()));
    }

    // Commands

    /** Opens the selected domain: its repositories, on the Repositories page. */
    public void open() {
        Optional.ofNullable(selected.get()).ifPresent(domain -> navigation.showRepositories(domain.name()));
    }

    /** Re-reads the selected domain's tags and policy, e.g. after the tags were edited. */
    public void reloadDetails() {
        loadDetails(selected.get());
    }

    /**
     * Reloads the list — the account's domains, then the other accounts' ones opened before — keeping the selection
     * when the domain is still there, else selecting the domain last picked.
     */
    public void refresh() {
        String keep = selected.get() == null ? memory.lastDomain().orElse(null) : selected.get().name();
        List<OtherAccountDomain> remembered = memory.otherAccountDomains();
        BackgroundTask.of("Loading domains", progress -> listing(gateway.get(), remembered))
                .onRunning(() -> {
                    if (domains.isEmpty()) {
                        state.set(ListState.LOADING);
                    }
                })
                .onSuccess(listing -> {
                    otherAccounts.clear();
                    listing.others().forEach(d -> otherAccounts.add(new OtherAccountDomain(d.owner(), d.name())));
                    List<DomainInfo> list = new ArrayList<>(listing.own());
                    list.addAll(listing.others());
                    domains.setAll(list);
                    notice.set(listing.unopened().isEmpty() ? "" : "Could not open " + String.join("; ",
                            listing.unopened()));
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

    /**
     * Opens a domain of another account by its owner (access comes from that domain's policy), lists it and
     * remembers it for this connection.
     */
    public void openOtherAccountDomain() {
        if (!canOpenOther.get()) {
            return;
        }
        OtherAccountDomain domain = new OtherAccountDomain(otherOwner.get().strip(), otherName.get().strip());
        opening.set(true);
        BackgroundTask.of("Opening domain " + domain.name() + " of " + domain.owner(), progress -> gateway.get()
                        .describeDomain(domain.name(), domain.owner()))
                .onSuccess(opened -> {
                    memory.addOtherAccountDomain(domain);
                    memory.rememberDomain(domain.name());
                    otherOwner.set("");
                    otherName.set("");
                    selected.set(null);
                    refresh();
                })
                .onFailure(failure -> dialogs.showError("Open domain " + domain.name(), UserMessages.describe(failure),
                        failure))
                .onFinished(() -> opening.set(false))
                .runWith(tasks);
    }

    /** Removes the selected other account's domain from the list; the domain itself is not touched. */
    public void forget() {
        DomainInfo domain = selected.get();
        if (domain == null || !isOtherAccount(domain)) {
            return;
        }
        memory.forgetOtherAccountDomain(new OtherAccountDomain(domain.owner(), domain.name()));
        selected.set(null);
        refresh();
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
        if (!canDelete.get()) {
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

    /** A domain's tags (reserved ones included) and its policy document, when it has one. */
    public record DomainDetails(Map<String, String> tags, Optional<String> policy) {
        public DomainDetails {
            tags = Map.copyOf(tags);
        }
    }

    /** The own domains, then the remembered other accounts' ones; those that cannot be opened are reported. */
    private static Listing listing(CodeArtifactGateway gateway, List<OtherAccountDomain> remembered) {
        List<DomainInfo> others = new ArrayList<>();
        List<String> unopened = new ArrayList<>();
        for (OtherAccountDomain domain : remembered) {
            try {
                others.add(gateway.describeDomain(domain.name(), domain.owner()));
            } catch (GatewayException e) {
                unopened.add(domain.name() + " of account " + domain.owner() + ": " + e.getMessage());
            }
        }
        return new Listing(gateway.listDomains(), others, unopened);
    }

    private String otherAccountProblem() {
        String owner = otherOwner.get().strip();
        String name = otherName.get().strip();
        if (!owner.isEmpty() && !ResourceNames.ACCOUNT_ID.accepts(owner)) {
            return "An account ID is 12 digits.";
        }
        String nameProblem = problemWith(name);
        if (!nameProblem.isEmpty()) {
            return nameProblem;
        }
        for (DomainInfo listed : domains) {
            if (!isOtherAccount(listed) && listed.owner().equals(owner)) {
                return "Account " + owner + " is this connection's own account: its domains are listed already.";
            }
            if (listed.name().equals(name)) {
                return "A domain named " + name + " is listed already; Arca tells domains apart by name.";
            }
        }
        return "";
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

    /** One refresh's result: the account's domains, the other accounts' ones, and those that could not be opened. */
    private record Listing(List<DomainInfo> own, List<DomainInfo> others, List<String> unopened) {
    }
}
