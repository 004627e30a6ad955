package dev.arca.ui.packages;

import dev.arca.core.PackageFilter;
import dev.arca.core.PackageGroupInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.RepositoryInfo;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.DomainMemory.PackageToOpen;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.LoadedValue;
import dev.arca.ui.common.PagedList;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.packages.bulk.PackageBulkActions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Packages page: a repository's packages, filtered by the service and loaded a page at a time (never all at
 * once); the selected package's package group and origin controls (edited in {@link OriginControlsViewModel}); its
 * versions newest first, filtered by status; and the selected version's details (see
 * {@link VersionDetailsViewModel}).
 */
public final class PackagesViewModel {

    static final int PAGE_SIZE = 100;

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;

    // Properties
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObservableList<String> repositories = FXCollections.observableArrayList();
    private final ObjectProperty<String> repository = new SimpleObjectProperty<>(this, "repository");
    private final PackageFilters filters = new PackageFilters(this::reloadPackages);
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint", "");
    private final PagedList<PackageInfo> packages;
    private final ObjectProperty<PackageInfo> selectedPackage = new SimpleObjectProperty<>(this, "selectedPackage");
    private final LoadedValue<PackageGroupInfo> packageGroup;
    private final OriginControlsViewModel origin;
    private final ObjectProperty<Optional<VersionStatus>> statusFilter =
            new SimpleObjectProperty<>(this, "statusFilter", Optional.empty());
    private final PagedList<VersionInfo> versions;
    private final ObjectProperty<VersionInfo> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final VersionDetailsViewModel versionDetails;
    private final PackageBulkActions bulk;
    /** The package to select again once a reloaded list shows it. */
    private Optional<PackageInfo> reselect = Optional.empty();
    /** The package another page asked to open, selected once listed; it wins over {@link #reselect}. */
    private Optional<PackageToOpen> opening = Optional.empty();
    /** The repository {@link #watch()} looked at last ("DOMAIN/REPOSITORY"), its newest event (-1: none kept). */
    private String watched;
    private long newestEvent;
    private boolean watching;

    /**
     * @param journalDir where bulk actions journal their runs: the Workflows page's folder, so its history lists them
     */
    public PackagesViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                             DomainMemory memory, Path journalDir, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.memory = Objects.requireNonNull(memory);
        packages = new PagedList<>(tasks, ListState.LOADING);
        packageGroup = new LoadedValue<>(tasks);
        versions = new PagedList<>(tasks, ListState.EMPTY);
        versionDetails = new VersionDetailsViewModel(gateway, tasks, dialogs);
        bulk = new PackageBulkActions(gateway, tasks, new PackageBulkActions.Page(domain, repository, selectedPackage,
                selectedVersion), journalDir, clock, this::loadVersions, this::refresh);
        origin = new OriginControlsViewModel(gateway, tasks, dialogs, new OriginControlsViewModel.Page(domain,
                repository, selectedPackage), this::originSaved);
        packages.items().addListener((ListChangeListener<PackageInfo>) change -> reselectIfListed());
        domain.subscribe(d -> {
            repositories.clear();
            repository.set(null); // a repository of the same name in another domain is another repository
            if (d != null) {
                memory.rememberDomain(d);
            }
            loadRepositories();
        });
        repository.subscribe(r -> {
            if (r != null && domain.get() != null) {
                memory.rememberRepository(domain.get(), r);
            }
            reloadPackages();
        });
        selectedPackage.subscribe((before, now) -> {
            if (now != null && now.isSamePackage(before)) {
                origin.show(now); // the same package with new origin controls: nothing else changed
            } else {
                packageChosen(now);
            }
        });
        statusFilter.addListener((observable, before, now) -> loadVersions());
        selectedVersion.subscribe(this::versionChosen);
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

    /** The package filters, which the service applies. */
    public PackageFilters filters() {
        return filters;
    }

    /** What the empty package list means and what to do about it. */
    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    /** The packages loaded so far, with their loading, empty and error states. */
    public PagedList<PackageInfo> packages() {
        return packages;
    }

    public ObjectProperty<PackageInfo> selectedPackageProperty() {
        return selectedPackage;
    }

    /** The package group the selected package belongs to. */
    public LoadedValue<PackageGroupInfo> packageGroup() {
        return packageGroup;
    }

    /** The selected package's origin controls, being edited. */
    public OriginControlsViewModel origin() {
        return origin;
    }

    /** The statuses to filter versions by; empty stands for every status. */
    public List<Optional<VersionStatus>> statusChoices() {
        return PackageFilters.anyOr(Arrays.stream(VersionStatus.values()));
    }

    public ObjectProperty<Optional<VersionStatus>> statusFilterProperty() {
        return statusFilter;
    }

    /** The selected package's versions, newest published first, loaded a page at a time. */
    public PagedList<VersionInfo> versions() {
        return versions;
    }

    public ObjectProperty<VersionInfo> selectedVersionProperty() {
        return selectedVersion;
    }

    /** The selected version's metadata, files, dependencies and readme. */
    public VersionDetailsViewModel versionDetails() {
        return versionDetails;
    }

    /** Copy to…, Unlist, Archive, Restore, Dispose…, Delete… on the selected versions or packages. */
    public PackageBulkActions bulk() {
        return bulk;
    }

    // Commands

    /**
     * Loads the domains to choose from, and the chosen domain's repositories, keeping the choices that still exist
     * (the page calls it whenever it is shown, so what other pages created appears); picks the first otherwise.
     */
    public void loadDomains() {
        BackgroundTask.of("Loading domains", progress -> gateway.get().listDomains())
                .onSuccess(list -> {
                    domains.setAll(memory.pickerChoices(list));
                    if (domains.isEmpty()) {
                        emptyHint.set("There is no domain yet: create one on the Domains page.");
                        packages.clear();
                    } else if (!memory.preferred(domains).orElseThrow().equals(domain.get())) {
                        domain.set(memory.preferred(domains).orElseThrow()); // as last picked, on any page
                    } else {
                        loadRepositories();
                    }
                })
                .onFailure(packages::fail)
                .runWith(tasks);
    }

    /** Loads the packages again from the first page, keeping the filters and, when it is listed, the selection. */
    public void refresh() {
        if (domain.get() == null) {
            loadDomains();
        } else {
            reloadPackages();
        }
    }

    /**
     * Looks for new package events in the repository shown — an Arca server keeps them — and refreshes when there
     * are, so what a build publishes appears without a reload. The page calls it every few seconds while shown; a
     * connection without events (AWS) is not asked again for this repository.
     */
    public void watch() {
        String d = domain.get();
        String r = repository.get();
        if (d == null || r == null || watching) {
            return;
        }
        String shown = d + "/" + r;
        boolean first = !shown.equals(watched);
        if (!first && newestEvent < 0) {
            return; // no events here
        }
        long after = first ? 0 : newestEvent;
        watching = true;
        BackgroundTask.of("Looking for new packages in " + r, progress -> gateway.get().activity()
                        .newestEvent(d, r, after))
                .onSuccess(newest -> {
                    watched = shown;
                    newestEvent = newest;
                    if (!first && newest > after && shown.equals(domain.get() + "/" + repository.get())) {
                        refresh();
                    }
                })
                .onFailure(failure -> {
                    watched = shown;
                    newestEvent = -1;
                })
                .onFinished(() -> watching = false)
                .runWith(tasks);
    }

    /** Lists the chosen domain's repositories, keeping the chosen one when it is still there. */
    private void loadRepositories() {
        String d = domain.get();
        if (d == null) {
            return;
        }
        BackgroundTask.of("Loading repositories of " + d, progress -> gateway.get().listRepositories(d))
                .onSuccess(list -> {
                    if (!d.equals(domain.get())) {
                        return; // another domain was chosen meanwhile
                    }
                    String kept = repository.get();
                    repositories.setAll(list.stream().map(RepositoryInfo::name).toList());
                    // the repository last picked on any page, else the one shown, else the first
                    Optional<String> wanted = memory.lastRepository().filter(repositories::contains)
                            .or(() -> Optional.ofNullable(kept).filter(repositories::contains));
                    if (repositories.isEmpty()) {
                        repository.set(null);
                        emptyHint.set("Domain " + d + " has no repositories: create one on the Repositories page.");
                    } else {
                        repository.set(wanted.orElse(repositories.getFirst()));
                        memory.takePackageToOpen(d, repository.get()).ifPresent(this::open);
                    }
                })
                .onFailure(packages::fail)
                .runWith(tasks);
    }

    private void reloadPackages() {
        reselect = Optional.ofNullable(selectedPackage.get());
        selectedPackage.set(null);
        String d = domain.get();
        String r = repository.get();
        PackageFilter filter = filters.applied();
        if (d == null || r == null || filter.problem().isPresent()) {
            emptyHint.set(filter.problem().orElse("Choose a domain and a repository."));
            packages.clear();
            return;
        }
        emptyHint.set(filter.narrows() ? "No package of " + r + " matches these filters."
                : "Repository " + r + " has no packages yet. Publish one (a generic package with the AWS CLI, say)"
                + " and refresh.");
        packages.load("Loading packages of " + r, token -> gateway.get().listPackages(d, r, filter, token,
                PAGE_SIZE));
    }

    /** Narrows the list down to {@code pkg}'s name, whatever the filters were, and selects it once listed. */
    private void open(PackageToOpen pkg) {
        opening = Optional.of(pkg);
        filters.narrowTo(pkg);
        reloadPackages();
    }

    private void reselectIfListed() {
        if (packages.items().isEmpty()) {
            return;
        }
        if (opening.isPresent()) {
            PackageToOpen wanted = opening.get();
            opening = Optional.empty();
            reselect = Optional.empty();
            packages.items().stream().filter(wanted::is).findFirst().ifPresent(selectedPackage::set);
            return;
        }
        Optional<PackageInfo> wanted = reselect;
        if (wanted.isEmpty()) {
            return;
        }
        reselect = Optional.empty();
        packages.items().stream().filter(wanted.get()::isSamePackage).findFirst().ifPresent(selectedPackage::set);
    }

    private void packageChosen(PackageInfo pkg) {
        origin.show(pkg);
        if (pkg == null) {
            packageGroup.clear();
        } else {
            String d = domain.get();
            packageGroup.load("Finding the package group of " + pkg.display(), () -> Optional.of(gateway.get()
                    .associatedPackageGroup(d, pkg)));
        }
        loadVersions();
    }

    private void originSaved(PackageInfo before, PackageInfo updated) {
        packages.replace(before, updated);
        if (updated.isSamePackage(selectedPackage.get())) {
            selectedPackage.set(updated);
        }
    }

    private void loadVersions() {
        selectedVersion.set(null);
        PackageInfo pkg = selectedPackage.get();
        if (pkg == null) {
            versions.clear();
            return;
        }
        String d = domain.get();
        String r = repository.get();
        Optional<VersionStatus> status = statusFilter.get();
        versions.load("Loading versions of " + pkg.display(), token -> gateway.get().listVersions(d, r, pkg, status,
                token, PAGE_SIZE));
    }

    private void versionChosen(VersionInfo version) {
        PackageInfo pkg = selectedPackage.get();
        if (version == null || pkg == null) {
            versionDetails.clear();
        } else {
            versionDetails.show(new VersionDetailsViewModel.Selection(domain.get(), repository.get(), pkg, version));
        }
    }

}
