package dev.arca.ui.workflows;

import dev.arca.core.retention.ActionKind;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.workflow.Cancellation;
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionProgress;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.RunHistory;
import dev.arca.workflow.RunReport;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.VersionResult;
import dev.arca.workflow.WorkflowExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A run of the workflow executor, new or resumed from its journal: confirmed first (typing the repository's name
 * for dispose and delete), then in the background with progress, rate, ETA and cancel, then each version's result.
 */
public final class RunViewModel {

    /** Whether a run is going, or has ended and shows its results. */
    public enum State { IDLE, RUNNING, FINISHED }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Path journalDir;
    private final Clock clock;
    private final Consumer<Throwable> failed;
    private final Runnable ended;
    private final ReportExport export;

    // Properties
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ObservableList<VersionResult> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<ExecutionReport>> report =
            new ReadOnlyObjectWrapper<>(this, "report", Optional.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper journalName = new ReadOnlyStringWrapper(this, "journalName", "");
    private final ReadOnlyObjectWrapper<Optional<Path>> journal =
            new ReadOnlyObjectWrapper<>(this, "journal", Optional.empty());
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling", false);
    private Cancellation cancellation = new Cancellation();
    private String domain = "";
    private String repository = "";

    /**
     * @param failed told, on the UI thread, why a run could not start or stopped short
     * @param ended  told, on the UI thread, when a run has ended either way: its journal changed
     */
    public RunViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                        Path journalDir, Clock clock, Consumer<Throwable> failed, Runnable ended) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failed = Objects.requireNonNull(failed, "failed");
        this.ended = Objects.requireNonNull(ended, "ended");
        this.export = new ReportExport(tasks, dialogs);
    }

    // Properties

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** {@code 30 of 120 · 14.2 versions/s · about 7 s left}. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Between 0 and 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Each version's result, as the run reports it at the end. */
    public ObservableList<VersionResult> results() {
        return results;
    }

    public ReadOnlyObjectProperty<Optional<ExecutionReport>> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** {@code 12 versions: 10 done, 2 failed}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Where the run is journalled: {@code Journal: NAME} (the file is {@link #journalProperty()}), or empty. */
    public ReadOnlyStringProperty journalNameProperty() {
        return journalName.getReadOnlyProperty();
    }

    /** The journal of the run going or shown. */
    public ReadOnlyObjectProperty<Optional<Path>> journalProperty() {
        return journal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    // Commands

    /**
     * Runs {@code changes} on {@code repository} once the user confirms, journalled in a new file of the journals
     * folder.
     *
     * @return whether the run started
     */
    public boolean start(String domain, String repository, List<VersionChange> changes) {
        if (state.get() == State.RUNNING
                || !confirmed("Apply the cleanup", "Apply", "This will", changes, repository)) {
            return false;
        }
        Path file = journalDir.resolve("arca-cleanup-" + domain + "-" + repository + "-"
                + STAMP.format(clock.instant()) + ".journal");
        run(domain, repository, file, changes.size(), "Applying the cleanup of " + repository,
                (executor, listener, stop) -> {
                    Files.createDirectories(journalDir);
                    return executor.execute(domain, repository, changes, file, listener, stop);
                });
        return true;
    }

    /**
     * Finishes an interrupted run from its journal once the user confirms: what it recorded is not sent again, what
     * it started without an answer is looked at first (see {@link WorkflowExecutor#resume}).
     *
     * @return whether the resume started
     */
    public boolean resume(RunHistory.Recorded interrupted) {
        List<VersionChange> left = interrupted.report().results().stream()
                .filter(r -> r.kind() == VersionResult.Kind.NOT_RUN).map(VersionResult::change).toList();
        if (state.get() == State.RUNNING || left.isEmpty()
                || !confirmed("Resume the run", "Resume", "Resuming will", left,
                interrupted.repository())) {
            return false;
        }
        Path file = interrupted.journal();
        run(interrupted.domain(), interrupted.repository(), file, interrupted.report().results().size(),
                "Resuming the cleanup of " + interrupted.repository(),
                (executor, listener, stop) -> executor.resume(file, listener, stop));
        return true;
    }

    /** Stops the run after the requests in flight; the rest is reported "not run" and can be resumed. */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            cancelling.set(true);
            cancellation.cancel();
        }
    }

    /** Asks where to save the run's report and writes it: JSON for a {@code .json} name, else CSV. */
    public void export() {
        report.get().ifPresent(done -> export.export(done, domain, repository));
    }

    /** Forgets the results shown, unless a run is going. */
    public void clear() {
        if (state.get() == State.RUNNING) {
            return;
        }
        results.clear();
        report.set(Optional.empty());
        summary.set("");
        journalName.set("");
        journal.set(Optional.empty());
        state.set(State.IDLE);
    }

    /** {@code 30 of 120 · 2 failed · 14.2 versions/s · about 7 s left}. */
    static String describe(ExecutionProgress run) {
        StringBuilder out = new StringBuilder(run.done() + " of " + run.total());
        if (run.failed() > 0) {
            out.append(" · ").append(run.failed()).append(" failed");
        }
        out.append(String.format(Locale.ROOT, " · %.1f versions/s", run.versionsPerSecond()));
        int left = run.total() - run.done();
        if (left > 0 && run.versionsPerSecond() > 0) {
            long seconds = Math.max(1, Math.round(left / run.versionsPerSecond()));
            out.append(" · about ").append(seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min")
                    .append(" left");
        }
        return out.toString();
    }

    /** The executor's call for one run: a new one or a resume. */
    @FunctionalInterface
    private interface Execution {
        ExecutionReport run(WorkflowExecutor executor, ExecutionProgress.Listener listener, Cancellation stop)
                throws Exception;
    }

    private void run(String runDomain, String runRepository, Path file, int total, String title, Execution call) {
        domain = runDomain;
        repository = runRepository;
        cancellation = new Cancellation();
        Cancellation current = cancellation;
        results.clear();
        report.set(Optional.empty());
        summary.set("");
        journal.set(Optional.of(file));
        journalName.set("Journal: " + file.getFileName());
        cancelling.set(false);
        progress.set(0);
        progressText.set("0 of " + total);
        state.set(State.RUNNING);
        BackgroundTask.of(title, p -> call.run(new WorkflowExecutor(new PackageVersionWrites(gateway.get()),
                        ExecutionOptions.defaults()), run -> p.update(run.done(), run.total(), describe(run)), current))
                .onProgress(p -> {
                    progressText.set(p.message());
                    progress.set(p.fraction());
                })
                .onSuccess(done -> {
                    report.set(Optional.of(done));
                    summary.set(shortSummary(done));
                    progress.set(1);
                    progressText.set(done.results().size() - done.count(VersionResult.Kind.NOT_RUN) + " of "
                            + done.results().size());
                    state.set(State.FINISHED);
                    results.setAll(done.results()); // last: whoever sees the results sees the rest too
                })
                .onFailure(failure -> {
                    state.set(State.IDLE);
                    progressText.set("");
                    failed.accept(failure);
                })
                .onFinished(() -> {
                    cancelling.set(false);
                    ended.run();
                })
                .noticeWhenLeft(done -> "The cleanup of " + runRepository + " finished: " + shortSummary(done) + ".",
                        failure -> "The cleanup of " + runRepository + " stopped: " + UserMessages.describe(failure))
                .runWith(tasks);
    }

    /** The run's summary without the journal, which the page names on its own line. */
    static String shortSummary(ExecutionReport done) {
        String said = new RunReport(done).summary();
        int journalAt = said.lastIndexOf("; journal ");
        return journalAt < 0 ? said : said.substring(0, journalAt);
    }

    /** Asks before sending: a typed repository name when some change cannot be undone. */
    private boolean confirmed(String title, String actionLabel, String verb, List<VersionChange> changes,
                              String repo) {
        Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
        changes.forEach(c -> counts.merge(c.action().kind(), 1, Integer::sum));
        String said = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().ruleName())
                .collect(Collectors.joining(", "));
        boolean irreversible = counts.containsKey(ActionKind.DISPOSE) || counts.containsKey(ActionKind.DELETE);
        return irreversible
                ? dialogs.confirmTyped(title, verb + " " + said + " in " + repo + ". Disposing and deleting cannot "
                        + "be undone; archiving is the reversible alternative. Type the repository's name to go "
                        + "ahead.", repo, actionLabel)
                : dialogs.confirm(title, verb + " " + said + " in " + repo + ".", actionLabel, false);
    }
}
