package dev.arca.ui.packages.bulk;

import dev.arca.core.RepositoryInfo;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.workflow.Cancellation;
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.RunReport;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.VersionResult;
import dev.arca.workflow.WorkflowExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One bulk action from the Packages page as a small workflow: the chosen versions are loaded and planned (each with
 * its action or why it is left alone, and the bytes freed), confirmed — by typing the repository's name for the
 * irreversible dispose and delete, with archive offered instead — then executed by the {@link WorkflowExecutor} in
 * the background, journalled beside the Workflows page's runs, and reported version by version.
 */
public final class BulkActionViewModel {

    /** Where the workflow is. */
    public enum Stage { LOADING, PLANNED, RUNNING, DONE, FAILED }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final BulkSelection selection;
    private final Path journalDir;
    private final Clock clock;
    private final Runnable changed;

    // Properties
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.LOADING);
    private final ReadOnlyObjectWrapper<ActionKind> action = new ReadOnlyObjectWrapper<>(this, "action");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final BooleanProperty keepLatest = new SimpleBooleanProperty(this, "keepLatest");
    private final ObservableList<String> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<String> destination = new SimpleObjectProperty<>(this, "destination");
    private final BooleanProperty allowOverwrite = new SimpleBooleanProperty(this, "allowOverwrite");
    private final BooleanProperty includeFromUpstream = new SimpleBooleanProperty(this, "includeFromUpstream");
    private final StringProperty typedName = new SimpleStringProperty(this, "typedName", "");
    private final ReadOnlyStringWrapper typedNameError = new ReadOnlyStringWrapper(this, "typedNameError", "");
    private final ReadOnlyObjectWrapper<Optional<RetentionPlan>> plan =
            new ReadOnlyObjectWrapper<>(this, "plan", Optional.empty());
    private final ObservableList<PlannedVersion> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ObservableList<VersionResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final BooleanBinding irreversible;
    private final BooleanBinding canRun;
    private ChosenVersions chosen;
    private Cancellation cancellation = new Cancellation();

    /**
     * @param changed told on the FX thread once a run has changed something, so the page shows the new statuses
     */
    BulkActionViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, BulkSelection selection,
                        ActionKind kind, Path journalDir, Clock clock, Runnable changed) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changed = Objects.requireNonNull(changed, "changed");
        if (kind == ActionKind.KEEP) {
            throw new IllegalArgumentException("Keeping is no action");
        }
        action.set(kind);
        // Every version of whole packages: the latest release stays unless the admin says otherwise. Versions picked
        // one by one are exactly what the admin means.
        keepLatest.set(selection.versions().isEmpty());
        irreversible = Bindings.createBooleanBinding(() -> action.get() == ActionKind.DISPOSE
                || action.get() == ActionKind.DELETE, action);
        canRun = Bindings.createBooleanBinding(() -> stage.get() == Stage.PLANNED
                        && plan.get().map(p -> !p.changes().isEmpty()).orElse(false)
                        && (!irreversible.get() || typedName.get().equals(selection.repository())),
                stage, plan, irreversible, typedName);
        title.bind(Bindings.createStringBinding(() -> verb(action.get()) + " " + selection.describe(), action));
        action.subscribe(this::replan);
        keepLatest.subscribe(this::replan);
        destination.subscribe(this::replan);
        List.<ObservableValue<?>>of(allowOverwrite, includeFromUpstream).forEach(p -> p.subscribe(this::replan));
        typedName.subscribe(typed -> typedNameError.set(typed.isEmpty() || selection.repository().startsWith(typed)
                ? "" : typeTheName()));
    }

    /** The verb a bulk action reads as: {@code Archive}, {@code Restore}, {@code Dispose of}. */
    public static String verb(ActionKind kind) {
        return switch (kind) {
            case COPY -> "Copy";
            case PUBLISH -> "Restore";
            case UNLIST -> "Unlist";
            case ARCHIVE -> "Archive";
            case DISPOSE -> "Dispose of";
            case DELETE -> "Delete";
            case KEEP -> "Keep";
        };
    }

    // Properties

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** What is done to the chosen versions; it changes only to archive, when the admin takes the alternative. */
    public ReadOnlyObjectProperty<ActionKind> actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** {@code Archive 3 versions of builds/cli}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public BulkSelection selection() {
        return selection;
    }

    /** Whether the package's latest release and default display version are left alone (the guards). */
    public BooleanProperty keepLatestProperty() {
        return keepLatest;
    }

    /** The repositories of the domain a copy can go to. */
    public ObservableList<String> destinations() {
        return destinations;
    }

    public ObjectProperty<String> destinationProperty() {
        return destination;
    }

    public BooleanProperty allowOverwriteProperty() {
        return allowOverwrite;
    }

    public BooleanProperty includeFromUpstreamProperty() {
        return includeFromUpstream;
    }

    /** Whether the action cannot be undone (dispose, delete): then the repository's name must be typed. */
    public BooleanBinding irreversibleProperty() {
        return irreversible;
    }

    /** What the admin typed to confirm an irreversible action. */
    public StringProperty typedNameProperty() {
        return typedName;
    }

    /** Why the typed name does not confirm, as a sentence; empty while it may still become the name. */
    public ReadOnlyStringProperty typedNameErrorProperty() {
        return typedNameError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<RetentionPlan>> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Every chosen version with its action or why it is left alone. */
    public ObservableList<PlannedVersion> entries() {
        return entries;
    }

    /** {@code 5 versions: 3 archive, 2 keep}, then what was run. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** From 0 to 1 while running; negative while the amount is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** One result per change once the run is over: done, failed with the service's code, or not run. */
    public ObservableList<VersionResult> results() {
        return results;
    }

    /** Why loading or running failed, as a sentence. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Whether the plan changes something and is confirmed (the name typed, when irreversible). */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    // Commands

    /** Loads every version of the chosen packages (the guards need them all) and, for a copy, the destinations. */
    void load() {
        String d = selection.domain();
        String r = selection.repository();
        boolean sizes = irreversible.get();
        boolean copy = action.get() == ActionKind.COPY;
        BackgroundTask.of("Planning: " + title.get(), p -> {
                    ChosenVersions versions = ChosenVersions.load(gateway.get(), selection, sizes,
                            load -> p.update(load.done(), load.total(), load.describe()));
                    List<String> others = copy ? gateway.get().listRepositories(d).stream().map(RepositoryInfo::name)
                            .filter(name -> !name.equals(r)).sorted().toList() : List.of();
                    return new Loaded(versions, others);
                })
                .onProgress(p -> progressText.set(p.message()))
                .onSuccess(done -> {
                    chosen = done.versions();
                    destinations.setAll(done.destinations());
                    if (copy && destinations.isEmpty()) {
                        fail("The domain " + d + " has no other repository to copy to.");
                        return;
                    }
                    progressText.set("");
                    stage.set(Stage.PLANNED);
                    if (copy) {
                        destination.set(destinations.getFirst()); // plans, through its listener
                    } else {
                        replan();
                    }
                })
                .onFailure(failure -> fail(UserMessages.describe(failure)))
                .runWith(tasks);
    }

    /** Dispose or delete no more: archive the same versions instead, which can be undone. */
    public void archiveInstead() {
        if (stage.get() == Stage.PLANNED && irreversible.get()) {
            typedName.set("");
            action.set(ActionKind.ARCHIVE);
        }
    }

    /**
     * Executes the plan's changes in the background through the workflow executor, journalled in the app's journal
     * folder; refused with a sentence at the name field when an irreversible action's name is not typed.
     *
     * @return whether the run started
     */
    public boolean run() {
        if (stage.get() == Stage.PLANNED && irreversible.get() && !typedName.get().equals(selection.repository())) {
            typedNameError.set(typeTheName());
            return false;
        }
        if (!canRun.get()) {
            return false;
        }
        String d = selection.domain();
        String r = selection.repository();
        List<VersionChange> changes = VersionChange.of(plan.get().orElseThrow());
        Cancellation current = new Cancellation();
        cancellation = current;
        results.clear();
        errorMessage.set("");
        progress.set(0);
        progressText.set("0 of " + changes.size());
        stage.set(Stage.RUNNING);
        BackgroundTask.of(title.get(), p -> {
                    Files.createDirectories(journalDir);
                    WorkflowExecutor executor = new WorkflowExecutor(new PackageVersionWrites(gateway.get()),
                            ExecutionOptions.defaults());
                    return executor.execute(d, r, changes, newJournal(d, r), run -> p.update(run.done(), run.total(),
                            run.done() + " of " + run.total() + (run.failed() > 0 ? " · " + run.failed() + " failed"
                                    : "")), current);
                })
                .onProgress(p -> {
                    progressText.set(p.message());
                    progress.set(p.fraction());
                })
                .onSuccess(this::ran)
                .onFailure(failure -> {
                    errorMessage.set(UserMessages.describe(failure));
                    stage.set(Stage.PLANNED);
                })
                .onFinished(() -> cancelling.set(false))
                .noticeWhenLeft(report -> title.get() + " finished: " + counts(report) + ".",
                        failure -> title.get() + " failed: " + UserMessages.describe(failure))
                .runWith(tasks);
        return true;
    }

    /** Stops the run after the requests in flight; the rest is reported not run. */
    public void cancel() {
        if (stage.get() == Stage.RUNNING) {
            cancelling.set(true);
            cancellation.cancel();
        }
    }

    private void ran(ExecutionReport report) {
        results.setAll(report.results());
        summary.set("Done: " + counts(report) + ". Journal: " + report.journal().getFileName());
        progress.set(1);
        progressText.set("");
        stage.set(Stage.DONE);
        changed.run();
    }

    /** {@code 12 versions: 10 done, 2 failed}: the run's summary without its journal. */
    private static String counts(ExecutionReport report) {
        String said = new RunReport(report).summary();
        int journalAt = said.lastIndexOf("; journal ");
        return journalAt < 0 ? said : said.substring(0, journalAt);
    }

    private void replan() {
        if (stage.get() != Stage.PLANNED || action.get() == ActionKind.COPY && destination.get() == null) {
            return;
        }
        RetentionPlan made = chosen.plan(ChosenVersions.action(action.get(), destination.get(), allowOverwrite.get(),
                includeFromUpstream.get()), keepLatest.get());
        plan.set(Optional.of(made));
        entries.setAll(made.entries());
        summary.set(chosen.summary(made));
    }

    /** A new journal file in the journal folder: {@code arca-bulk-DOMAIN-REPOSITORY-20261205T121500Z.journal}. */
    private Path newJournal(String d, String r) {
        String stem = "arca-bulk-" + d + "-" + r + "-" + STAMP.format(clock.instant());
        Path journal = journalDir.resolve(stem + ".journal");
        for (int n = 2; Files.exists(journal); n++) {
            journal = journalDir.resolve(stem + "-" + n + ".journal"); // two runs in one second
        }
        return journal;
    }

    private String typeTheName() {
        return "Type the repository's name, " + selection.repository() + ", to " + verb(action.get()).toLowerCase(
                Locale.ROOT) + " these versions; archiving instead can be undone.";
    }

    private void fail(String sentence) {
        errorMessage.set(sentence);
        progressText.set("");
        stage.set(Stage.FAILED);
    }

    private record Loaded(ChosenVersions versions, List<String> destinations) {
    }
}
