package dev.arca.ui.workflows;

import dev.arca.core.ByteSizes;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.DownstreamUse;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.workflow.DownstreamUseFinder;
import dev.arca.workflow.LoadScope;
import dev.arca.workflow.RepositoryVersionsLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live plan preview: a rule planned on one repository's versions in the background (the same loader and
 * planner as {@code arca cleanup --dry-run}), with counts by action, bytes freed and every version with its reason.
 */
public final class PlanPreviewViewModel {

    /** Whether there is a plan. */
    public enum State { NONE, PLANNING, PLANNED }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Consumer<Throwable> failed;

    // Properties
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<Optional<RetentionPlan>> plan =
            new ReadOnlyObjectWrapper<>(this, "plan", Optional.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper bytesFreed = new ReadOnlyStringWrapper(this, "bytesFreed", "");
    private final ObservableList<PlannedVersion> entries = FXCollections.observableArrayList();
    private final FilteredList<PlannedVersion> filtered = new FilteredList<>(entries);
    private final ObjectProperty<Optional<ActionKind>> actionFilter =
            new SimpleObjectProperty<>(this, "actionFilter", Optional.empty());

    /** @param failed told, on the UI thread, why a plan could not be made */
    public PlanPreviewViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, Clock clock,
                                Consumer<Throwable> failed) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failed = Objects.requireNonNull(failed, "failed");
        actionFilter.subscribe(kind -> filtered.setPredicate(kind.isEmpty() ? null
                : entry -> entry.kind() == kind.get()));
    }

    // Properties

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the planning is doing: "Described 12 of 40 versions". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Between 0 and 1, or -1 while the total is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<RetentionPlan>> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** {@code 12 versions: 3 archive, 9 keep}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** {@code 1.2 MB freed}, or empty when nothing is disposed or deleted. */
    public ReadOnlyStringProperty bytesFreedProperty() {
        return bytesFreed.getReadOnlyProperty();
    }

    /** Every version of the plan that passes {@link #actionFilterProperty()}. */
    public ObservableList<PlannedVersion> entries() {
        return filtered;
    }

    /** Shows only the versions with this action; empty shows all. */
    public ObjectProperty<Optional<ActionKind>> actionFilterProperty() {
        return actionFilter;
    }

    // Commands

    /** Loads the versions of {@code repository} the rules look at, in the background, and plans the rules on them. */
    public void plan(String domain, String repository, RetentionRuleSet rules) {
        clear();
        state.set(State.PLANNING);
        progressText.set("Listing the packages of " + repository + "…");
        progress.set(-1);
        BackgroundTask.of("Planning the cleanup of " + repository, p -> {
                    CodeArtifactGateway g = gateway.get();
                    for (RetentionAction action : rules.rules().stream().map(rule -> rule.action()).toList()) {
                        if (action instanceof RetentionAction.Copy copy) {
                            requireDestination(g, domain, copy.repository());
                        }
                    }
                    Instant now = clock.instant();
                    List<PackageVersions> packages = new RepositoryVersionsLoader(g).load(domain, repository,
                            LoadScope.of(rules, now), loaded -> p.update(loaded.done(), loaded.total(),
                                    capitalised(loaded.describe())));
                    DownstreamUse downstream = rules.guards().servedDownstream()
                            ? new DownstreamUseFinder(g).find(domain, repository, packages) : DownstreamUse.none();
                    return new RetentionPlanner(rules).plan(packages, now, downstream);
                })
                .onProgress(p -> {
                    progressText.set(p.message());
                    progress.set(p.fraction());
                })
                .onSuccess(result -> {
                    plan.set(Optional.of(result));
                    entries.setAll(result.entries());
                    summary.set(result.summary());
                    bytesFreed.set(result.bytesFreed() > 0 ? ByteSizes.format(result.bytesFreed()) + " freed" : "");
                    progressText.set("");
                    state.set(State.PLANNED);
                })
                .onFailure(failure -> {
                    progressText.set("");
                    state.set(State.NONE);
                    failed.accept(failure);
                })
                .runWith(tasks);
    }

    /** Drops the plan, unless one is being made. */
    public void clear() {
        if (state.get() == State.PLANNING) {
            return;
        }
        plan.set(Optional.empty());
        entries.clear();
        summary.set("");
        bytesFreed.set("");
        state.set(State.NONE);
    }

    private static void requireDestination(CodeArtifactGateway g, String domain, String name) {
        try {
            g.describeRepository(domain, name);
        } catch (GatewayException e) {
            if (e.errorCode().filter("ResourceNotFoundException"::equals).isPresent()) {
                throw new IllegalArgumentException("The copy destination " + name + " does not exist in domain "
                        + domain + ".");
            }
            throw e;
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
