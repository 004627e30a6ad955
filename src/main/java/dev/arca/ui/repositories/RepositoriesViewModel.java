package dev.arca.ui.repositories;

import dev.arca.core.ClientSetup;
import dev.arca.core.ExternalConnections;
import dev.arca.core.RepositoryInfo;
import dev.arca.core.ResourceNames;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.Navigation;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.ui.tags.TagsEditorViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Repositories page: the repositories of a chosen domain, filtered as you type; creating one with upstreams;
 * deleting; and the connection settings for package clients, with a freshly fetched token.
 */
public final class RepositoriesViewModel {

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final DomainMemory memory;
    private final Navigation navigation;

    // Properties
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObservableList<RepositoryInfo> all = FXCollections.observableArrayList();
    private final FilteredList<RepositoryInfo> repositories = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ObjectProperty<RepositoryInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Optional<RepositoryInfo>> details =
            new ReadOnlyObjectWrapper<>(this, "details", Optional.empty());
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newDescription = new SimpleStringProperty(this, "newDescription", "");
    private final ObservableList<String> newUpstreams = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<String>> newPublicUpstream =
            new SimpleObjectProperty<>(this, "newPublicUpstream", RepositoryEditorViewModel.NO_CONNECTION);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ObjectProperty<ClientSetup.Tool> tool = new SimpleObjectProperty<>(this, "tool", ClientSetup.Tool.NPM);
    private final ReadOnlyStringWrapper instructions = new ReadOnlyStringWrapper(this, "instructions", "");
    private final ReadOnlyStringWrapper tokenExpiry = new ReadOnlyStringWrapper(this, "tokenExpiry", "");
    private final BooleanBinding canCreate;
    private final BooleanBinding canDelete;
    /** The repository to select once the next refresh has loaded it. */
    private String select;

    public RepositoriesViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                                 Clock clock, DomainMemory memory, Navigation navigation) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.clock = Objects.requireNonNull(clock);
        this.memory = Objects.requireNonNull(memory);
        this.navigation = Objects.requireNonNull(navigation);
        filter.subscribe(text -> repositories.setPredicate(r -> text == null || text.isBlank()
                || r.name().toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT))
                || r.description().map(d -> d.toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT)))
                .orElse(false)));
        newName.subscribe(name -> nameProblem.set(problemWith(name)));
        canCreate = Bindings.createBooleanBinding(() -> domain.get() != null && !newName.get().isBlank()
                && nameProblem.get().isEmpty(), domain, newName, nameProblem);
        canDelete = selected.isNotNull();
        domain.subscribe(d -> {
            if (d != null) {
                memory.rememberDomain(d);
                refresh();
            }
        });
        selected.subscribe(repository -> {
            if (repository != null) {
                memory.rememberRepository(repository.domainName(), repository.name());
            }
            describe(repository);
        });
        tool.subscribe(t -> loadInstructions());
    }

    public ObservableList<String> domains() {
        return domains;
    }

    public ObjectProperty<String> domainProperty() {
        return domain;
    }

    /** The repositories that pass the filter. */
    public ObservableList<RepositoryInfo> repositories() {
        return repositories;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ObjectProperty<RepositoryInfo> selectedProperty() {
        return selected;
    }

    /** The selected repository described: upstreams in priority order and its external connection. */
    public ReadOnlyObjectProperty<Optional<RepositoryInfo>> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newDescriptionProperty() {
        return newDescription;
    }

    /** Upstreams for the repository being created, in priority order. */
    public ObservableList<String> newUpstreams() {
        return newUpstreams;
    }

    /**
     * A public repository for the new repository to read through, like the console's "public upstream": its store
     * repository ({@code npm-store}, …) holds the external connection and becomes the last upstream; it is created
     * when the domain does not have it yet.
     */
    public ObjectProperty<Optional<String>> newPublicUpstreamProperty() {
        return newPublicUpstream;
    }

    /** An editor for the selected repository once it is described; empty before. */
    public Optional<RepositoryEditorViewModel> editor() {
        return details.get().map(repository -> new RepositoryEditorViewModel(gateway, tasks, dialogs, repository,
                all.stream().map(RepositoryInfo::name).toList()));
    }

    /** An editor for the selected repository's tags; empty when nothing is selected. */
    public Optional<TagsEditorViewModel> tagsEditor() {
        return Optional.ofNullable(selected.get()).map(r -> new TagsEditorViewModel(gateway, tasks, dialogs,
                "repository " + r.name(), r.arn()));
    }

    /** Shows a repository as saved by an editor: in the list, selected, described. */
    public void edited(RepositoryInfo repository) {
        select = repository.name();
        details.set(Optional.of(repository));
        refresh();
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ObjectProperty<ClientSetup.Tool> toolProperty() {
        return tool;
    }

    public List<ClientSetup.Tool> tools() {
        return Arrays.asList(ClientSetup.Tool.values());
    }

    /** The settings for the chosen tool and the selected repository, token included. */
    public ReadOnlyStringProperty instructionsProperty() {
        return instructions.getReadOnlyProperty();
    }

    /** When the token in the instructions stops working, as a sentence. */
    public ReadOnlyStringProperty tokenExpiryProperty() {
        return tokenExpiry.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    // Commands

    /** Loads the domains to choose from and picks the one last used, or the first, when none is chosen. */
    public void loadDomains() {
        BackgroundTask.of("Loading domains", progress -> gateway.get().listDomains())
                .onSuccess(list -> {
                    domains.setAll(memory.pickerChoices(list));
                    if (domains.isEmpty()) {
                        all.clear();
                        state.set(ListState.EMPTY);
                    } else if (!memory.preferred(domains).orElseThrow().equals(domain.get())) {
                        domain.set(memory.preferred(domains).orElseThrow()); // as last picked, on any page
                    } else {
                        // Same domain: select the repository another page opened, if it is another one.
                        memory.lastRepository().flatMap(r -> all.stream().filter(x -> x.name().equals(r)).findFirst())
                                .filter(r -> selected.get() == null || !selected.get().name().equals(r.name()))
                                .ifPresent(selected::set);
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    public void refresh() {
        String chosen = domain.get();
        if (chosen == null) {
            loadDomains();
            return;
        }
        String keep = select != null ? select : selected.get() != null ? selected.get().name()
                : memory.lastRepository().orElse(null);
        select = null;
        BackgroundTask.of("Loading repositories of " + chosen, progress -> gateway.get().listRepositories(chosen))
                .onRunning(() -> {
                    if (all.isEmpty()) {
                        state.set(ListState.LOADING);
                    }
                })
                .onSuccess(list -> {
                    all.setAll(list);
                    state.set(list.isEmpty() ? ListState.EMPTY : ListState.READY);
                    errorMessage.set("");
                    RepositoryInfo match = list.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null);
                    boolean sameRepository = match != null && selected.get() != null
                            && selected.get().name().equals(match.name());
                    if (!sameRepository) {
                        selected.set(match); // describes it and fetches its settings, once
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String chosen = domain.get();
        String name = newName.get().strip();
        Optional<String> description = Optional.of(newDescription.get().strip()).filter(d -> !d.isEmpty());
        List<String> upstreams = List.copyOf(newUpstreams);
        Optional<String> publicUpstream = newPublicUpstream.get();
        BackgroundTask.of("Creating repository " + name, progress -> {
                    CodeArtifactGateway g = gateway.get();
                    List<String> order = new java.util.ArrayList<>(upstreams);
                    if (publicUpstream.isPresent()) {
                        String store = storeFor(g, chosen, publicUpstream.get());
                        order.remove(store);
                        order.add(store);
                    }
                    return g.createRepository(chosen, name, description, order);
                })
                .onSuccess(created -> {
                    newName.set("");
                    newDescription.set("");
                    newUpstreams.clear();
                    newPublicUpstream.set(RepositoryEditorViewModel.NO_CONNECTION);
                    select = created.name();
                    refresh();
                })
                .onFailure(failure -> dialogs.showError("Create repository", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    /** Opens the selected repository: its packages, on the Packages page. */
    public void open() {
        Optional.ofNullable(selected.get()).ifPresent(r -> navigation.showPackages(r.domainName(), r.name()));
    }

    /** Deletes the selected repository after spelling out what goes with it. */
    public void delete() {
        RepositoryInfo repository = selected.get();
        if (repository == null) {
            return;
        }
        if (!dialogs.confirm("Delete repository " + repository.name() + "?", "Every package and version in "
                + repository.name() + " becomes unavailable for good. Repositories that use it as an upstream keep"
                + " its name in their upstream lists until you remove it there (the Upstream graph shows them);"
                + " versions they already retained stay. The name can be used again, for an empty repository.",
                "Delete repository", true)) {
            return;
        }
        String chosen = domain.get();
        BackgroundTask.of("Deleting repository " + repository.name(), progress -> {
                    gateway.get().deleteRepository(chosen, repository.name());
                    return null;
                })
                .onSuccess(done -> {
                    selected.set(null);
                    refresh();
                })
                .onFailure(failure -> dialogs.showError("Delete repository", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    /** Fetches the endpoint for the chosen tool and a fresh token, and writes the settings. */
    public void loadInstructions() {
        RepositoryInfo repository = selected.get();
        if (repository == null) {
            instructions.set("");
            tokenExpiry.set("");
            return;
        }
        ClientSetup.Tool chosen = tool.get();
        record Setup(String snippet, java.time.Instant expiration) {
        }
        BackgroundTask.of("Fetching connection settings", progress -> {
                    CodeArtifactGateway g = gateway.get();
                    String endpoint = g.repositoryEndpoint(repository.domainName(), repository.name(), chosen.format());
                    CodeArtifactGateway.AuthorizationToken token = g.authorizationToken(repository.domainName());
                    return new Setup(ClientSetup.snippet(chosen, repository.name(), endpoint, token.token()),
                            token.expiration());
                })
                .onSuccess(setup -> {
                    if (!isSelected(repository) || chosen != tool.get()) {
                        return; // the user moved on while this loaded
                    }
                    instructions.set(setup.snippet());
                    Duration left = Duration.between(clock.instant(), setup.expiration());
                    tokenExpiry.set("Put this in " + chosen.file() + ". The token in it expires in "
                            + left.toHours() + " h " + left.toMinutesPart() + " min.");
                })
                .onFailure(failure -> {
                    instructions.set("");
                    tokenExpiry.set(UserMessages.describe(failure));
                })
                .runWith(tasks);
    }

    /**
     * The domain's store repository for a public connection, created with the connection when it does not exist;
     * an existing repository of that name must already hold the connection.
     */
    private static String storeFor(CodeArtifactGateway g, String domain, String connection) {
        String store = ExternalConnections.storeRepositoryName(connection);
        boolean exists = g.listRepositories(domain).stream().anyMatch(r -> r.name().equals(store));
        if (!exists) {
            return g.createStoreRepository(domain, store, connection).name();
        }
        if (!g.describeRepository(domain, store).externalConnection().equals(Optional.of(connection))) {
            throw new GatewayException("Repository " + store + " already exists in " + domain + " without the "
                    + connection + " connection; connect it on its Edit page, or add it as an upstream yourself.",
                    Optional.empty(), null);
        }
        return store;
    }

    private void describe(RepositoryInfo repository) {
        details.set(Optional.empty());
        if (repository == null) {
            loadInstructions();
            return;
        }
        BackgroundTask.of("Describing " + repository.name(), progress -> gateway.get()
                        .describeRepository(repository.domainName(), repository.name()))
                .onSuccess(info -> {
                    if (isSelected(repository)) {
                        details.set(Optional.of(info));
                    }
                })
                .onFailure(failure -> details.set(Optional.empty()))
                .runWith(tasks);
        loadInstructions();
    }

    private boolean isSelected(RepositoryInfo repository) {
        return selected.get() != null && selected.get().name().equals(repository.name())
                && selected.get().domainName().equals(repository.domainName());
    }

    private void failed(Throwable failure) {
        errorMessage.set(UserMessages.describe(failure));
        state.set(ListState.ERROR);
    }

    private static String problemWith(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        if (trimmed.length() < 2 || trimmed.length() > 100) {
            return "A repository name has 2 to 100 characters.";
        }
        if (!ResourceNames.REPOSITORY.accepts(trimmed)) {
            return "Use letters, digits, '.', '_' and '-', starting with a letter or digit.";
        }
        return "";
    }
}
