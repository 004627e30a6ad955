package dev.arca.ui.packages;

import dev.arca.core.AssetInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.RepositoryInfo;
import dev.arca.core.VersionInfo;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Packages page: a repository's packages loaded a page at a time (never all at once), a package's versions
 * with their status, a version's assets, and downloading an asset with its hash checked.
 */
public final class PackagesViewModel {

    static final int PAGE_SIZE = 100;

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;

    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObservableList<String> repositories = FXCollections.observableArrayList();
    private final ObjectProperty<String> repository = new SimpleObjectProperty<>(this, "repository");
    private final ObservableList<PackageInfo> packages = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ObjectProperty<PackageInfo> selectedPackage = new SimpleObjectProperty<>(this, "selectedPackage");
    private final ObservableList<VersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionInfo> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObservableList<AssetInfo> assets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper downloadStatus = new ReadOnlyStringWrapper(this, "downloadStatus", "");
    private Optional<String> nextToken = Optional.empty();
    /** Bumped by every reload: pages of an earlier listing are dropped when they arrive. */
    private int generation;
    private int loadingGeneration = -1;

    public PackagesViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                             DomainMemory memory) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.memory = Objects.requireNonNull(memory);
        domain.subscribe(d -> {
            if (d != null) {
                memory.rememberDomain(d);
            }
            loadRepositories();
        });
        repository.subscribe(r -> reload());
        selectedPackage.subscribe(this::loadVersions);
        selectedVersion.subscribe(this::loadAssets);
    }

    public ObservableList<String> domains() {
        return domains;
    }

    public ObjectProperty<String> domainProperty() {
        return domain;
    }

    public ObservableList<String> repositories() {
        return repositories;
    }

    public ObjectProperty<String> repositoryProperty() {
        return repository;
    }

    /** The packages loaded so far, in the service's order. */
    public ObservableList<PackageInfo> packages() {
        return packages;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Whether another page of packages can be loaded. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ObjectProperty<PackageInfo> selectedPackageProperty() {
        return selectedPackage;
    }

    public ObservableList<VersionInfo> versions() {
        return versions;
    }

    public ObjectProperty<VersionInfo> selectedVersionProperty() {
        return selectedVersion;
    }

    public ObservableList<AssetInfo> assets() {
        return assets;
    }

    public ReadOnlyStringProperty downloadStatusProperty() {
        return downloadStatus.getReadOnlyProperty();
    }

    // Commands

    public void loadDomains() {
        BackgroundTask.of("Loading domains", progress -> gateway.get().listDomains())
                .onSuccess(list -> {
                    domains.setAll(memory.pickerChoices(list));
                    if (domains.isEmpty()) {
                        state.set(ListState.EMPTY);
                    } else if (domain.get() == null || !domains.contains(domain.get())) {
                        domain.set(memory.preferred(domains).orElseThrow());
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    /** Starts the package list again from its first page. */
    public void reload() {
        generation++;
        packages.clear();
        nextToken = Optional.empty();
        hasMore.set(false);
        selectedPackage.set(null);
        if (domain.get() == null || repository.get() == null) {
            state.set(ListState.EMPTY);
            return;
        }
        state.set(ListState.LOADING);
        loadMore();
    }

    /** Loads the next page of packages, if there is one and none is loading. */
    public void loadMore() {
        String d = domain.get();
        String r = repository.get();
        if (d == null || r == null || loadingGeneration == generation || (!packages.isEmpty() && !hasMore.get())) {
            return;
        }
        int listing = generation;
        loadingGeneration = listing;
        Optional<String> token = nextToken;
        BackgroundTask.of("Loading packages of " + r, progress -> gateway.get().listPackages(d, r, token, PAGE_SIZE))
                .onSuccess(page -> {
                    if (listing != generation) {
                        return; // the user moved on while the page loaded
                    }
                    packages.addAll(page.items());
                    nextToken = page.nextToken();
                    hasMore.set(page.nextToken().isPresent());
                    state.set(packages.isEmpty() ? ListState.EMPTY : ListState.READY);
                })
                .onFailure(failure -> {
                    if (listing == generation) {
                        failed(failure);
                    }
                })
                .onFinished(() -> {
                    if (loadingGeneration == listing) {
                        loadingGeneration = -1;
                    }
                })
                .runWith(tasks);
    }

    /** Downloads an asset of the selected version to {@code target}, checking its SHA-256. */
    public void download(AssetInfo asset, Path target) {
        PackageInfo pkg = selectedPackage.get();
        VersionInfo version = selectedVersion.get();
        if (pkg == null || version == null) {
            return;
        }
        String d = domain.get();
        String r = repository.get();
        BackgroundTask.of("Downloading " + asset.name(), progress -> {
                    gateway.get().downloadAsset(d, r, pkg, version.version(), asset, target,
                            written -> progress.update(written, asset.size(), "Downloading " + asset.name()));
                    return target;
                })
                .onProgress(p -> downloadStatus.set(p.message() + " · " + (int) (100 * Math.max(0, p.fraction())) + "%"))
                .onSuccess(saved -> downloadStatus.set("Saved " + asset.name() + " to " + saved + " (SHA-256 checked)"))
                .onFailure(failure -> {
                    downloadStatus.set("");
                    dialogs.showError("Download", UserMessages.describe(failure), failure);
                })
                .runWith(tasks);
    }

    private void loadRepositories() {
        String d = domain.get();
        repositories.clear();
        repository.set(null);
        if (d == null) {
            return;
        }
        BackgroundTask.of("Loading repositories of " + d, progress -> gateway.get().listRepositories(d))
                .onSuccess(list -> {
                    repositories.setAll(list.stream().map(RepositoryInfo::name).toList());
                    if (!repositories.isEmpty()) {
                        repository.set(repositories.getFirst());
                    } else {
                        state.set(ListState.EMPTY);
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    private void loadVersions(PackageInfo pkg) {
        versions.clear();
        selectedVersion.set(null);
        if (pkg == null) {
            return;
        }
        String d = domain.get();
        String r = repository.get();
        BackgroundTask.of("Loading versions of " + pkg.display(), progress -> gateway.get().listVersions(d, r, pkg))
                .onSuccess(list -> {
                    if (pkg.equals(selectedPackage.get())) {
                        versions.setAll(list);
                    }
                })
                .onFailure(failure -> dialogs.showError("Versions", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    private void loadAssets(VersionInfo version) {
        assets.clear();
        PackageInfo pkg = selectedPackage.get();
        if (version == null || pkg == null) {
            return;
        }
        String d = domain.get();
        String r = repository.get();
        BackgroundTask.of("Loading assets of " + version.version(), progress -> gateway.get().listAssets(d, r, pkg,
                        version.version()))
                .onSuccess(list -> {
                    if (version.equals(selectedVersion.get())) {
                        assets.setAll(list);
                    }
                })
                .onFailure(failure -> dialogs.showError("Assets", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    private void failed(Throwable failure) {
        errorMessage.set(UserMessages.describe(failure));
        state.set(ListState.ERROR);
    }
}
