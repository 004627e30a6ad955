package dev.arca.ui.packages.bulk;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Packages page's entry points into bulk actions: the versions and packages selected in its tables, which actions
 * make sense for them (an action is offered when at least one selected version can take it; the plan says why the
 * others are left alone), and the {@link BulkActionViewModel} each action starts.
 */
public final class PackageBulkActions {

    /** The actions offered on selected versions and packages, in menu order. */
    public static final List<ActionKind> ACTIONS = List.of(ActionKind.COPY, ActionKind.UNLIST, ActionKind.ARCHIVE,
            ActionKind.PUBLISH, ActionKind.DISPOSE, ActionKind.DELETE);
    /** The status changes offered on the version shown in detail. */
    public static final List<ActionKind> STATUS_ACTIONS = List.of(ActionKind.PUBLISH, ActionKind.UNLIST,
            ActionKind.ARCHIVE, ActionKind.DISPOSE, ActionKind.DELETE);

    /** Where the page is, as the page's ViewModel holds it. */
    public record Page(ObservableValue<String> domain, ObservableValue<String> repository,
                       ObservableValue<PackageInfo> pkg, ObservableValue<VersionInfo> shownVersion) {
        public Page {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(shownVersion, "shownVersion");
        }
    }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final Page page;
    private final Path journalDir;
    private final Clock clock;
    private final Runnable versionsChanged;
    private final Runnable packagesChanged;

    // Properties
    private final ObservableList<VersionInfo> selectedVersions = FXCollections.observableArrayList();
    private final ObservableList<PackageInfo> selectedPackages = FXCollections.observableArrayList();
    private final Map<ActionKind, BooleanBinding> onVersions = new EnumMap<>(ActionKind.class);
    private final Map<ActionKind, BooleanBinding> onShownVersion = new EnumMap<>(ActionKind.class);
    private final BooleanBinding onPackages;

    /**
     * @param versionsChanged reloads the versions list, after a run on versions
     * @param packagesChanged reloads the packages list, after a run on whole packages
     */
    public PackageBulkActions(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, Page page, Path journalDir,
                              Clock clock, Runnable versionsChanged, Runnable packagesChanged) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.page = Objects.requireNonNull(page, "page");
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.versionsChanged = Objects.requireNonNull(versionsChanged, "versionsChanged");
        this.packagesChanged = Objects.requireNonNull(packagesChanged, "packagesChanged");
        for (ActionKind kind : ACTIONS) {
            onVersions.put(kind, Bindings.createBooleanBinding(() -> located() && page.pkg().getValue() != null
                    && anyCanTake(kind, selectedVersions), selectedVersions, page.domain(), page.repository(),
                    page.pkg()));
            onShownVersion.put(kind, Bindings.createBooleanBinding(() -> located() && page.pkg().getValue() != null
                    && page.shownVersion().getValue() != null
                    && anyCanTake(kind, List.of(page.shownVersion().getValue())), page.domain(), page.repository(),
                    page.pkg(), page.shownVersion()));
        }
        onPackages = Bindings.createBooleanBinding(() -> located() && !selectedPackages.isEmpty(), selectedPackages,
                page.domain(), page.repository());
    }

    // Properties

    /** The versions selected in the versions table (the view keeps it in step). */
    public ObservableList<VersionInfo> selectedVersions() {
        return selectedVersions;
    }

    /** The packages selected in the packages table (the view keeps it in step). */
    public ObservableList<PackageInfo> selectedPackages() {
        return selectedPackages;
    }

    /** Whether {@code kind} makes sense for at least one selected version. */
    public BooleanBinding canActOnVersions(ActionKind kind) {
        return binding(onVersions, kind);
    }

    /** Whether {@code kind} makes sense for the version shown in detail. */
    public BooleanBinding canActOnShownVersion(ActionKind kind) {
        return binding(onShownVersion, kind);
    }

    /** Whether packages are selected; their versions' statuses are known only once the plan loads them. */
    public BooleanBinding canActOnPackagesProperty() {
        return onPackages;
    }

    // Commands

    /** Starts planning {@code kind} on the selected versions; empty when it makes no sense for any of them. */
    public Optional<BulkActionViewModel> actOnVersions(ActionKind kind) {
        if (!canActOnVersions(kind).get()) {
            return Optional.empty();
        }
        Set<String> versions = new LinkedHashSet<>();
        selectedVersions.forEach(v -> versions.add(v.version()));
        return start(kind, BulkSelection.versions(page.domain().getValue(), page.repository().getValue(),
                ref(page.pkg().getValue()), versions), versionsChanged);
    }

    /** Starts planning {@code kind} on the version shown in detail. */
    public Optional<BulkActionViewModel> actOnShownVersion(ActionKind kind) {
        if (!canActOnShownVersion(kind).get()) {
            return Optional.empty();
        }
        return start(kind, BulkSelection.versions(page.domain().getValue(), page.repository().getValue(),
                ref(page.pkg().getValue()), Set.of(page.shownVersion().getValue().version())), versionsChanged);
    }

    /** Starts planning {@code kind} on every version of the selected packages. */
    public Optional<BulkActionViewModel> actOnPackages(ActionKind kind) {
        if (!onPackages.get() || !ACTIONS.contains(kind)) {
            return Optional.empty();
        }
        return start(kind, BulkSelection.packages(page.domain().getValue(), page.repository().getValue(),
                selectedPackages.stream().map(PackageBulkActions::ref).distinct().toList()), packagesChanged);
    }

    private Optional<BulkActionViewModel> start(ActionKind kind, BulkSelection selection, Runnable changed) {
        BulkActionViewModel workflow = new BulkActionViewModel(gateway, tasks, selection, kind, journalDir, clock,
                changed);
        workflow.load();
        return Optional.of(workflow);
    }

    private boolean located() {
        return page.domain().getValue() != null && page.repository().getValue() != null;
    }

    private static BooleanBinding binding(Map<ActionKind, BooleanBinding> bindings, ActionKind kind) {
        BooleanBinding binding = bindings.get(kind);
        if (binding == null) {
            throw new IllegalArgumentException(kind.ruleName() + " is not offered here");
        }
        return binding;
    }

    private static boolean anyCanTake(ActionKind kind, Collection<VersionInfo> versions) {
        return versions.stream().anyMatch(v -> VersionStatus.fromWire(v.status())
                .filter(status -> RetentionPlanner.statusProblem(kind, status).isEmpty()).isPresent());
    }

    private static PackageRef ref(PackageInfo pkg) {
        return new PackageRef(PackageFormat.fromWire(pkg.format()).orElseThrow(() -> new IllegalArgumentException(
                "'" + pkg.format() + "' is not a package format")), pkg.namespace(), pkg.name());
    }
}
