package dev.arca.ui.workflows;

import dev.arca.core.retention.ActionKind;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.RunHistory;
import dev.arca.workflow.VersionResult;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history of runs: every journal in the journals folder (the Workflows page's, the Packages page's bulk
 * actions', whatever their names), read in the background, newest first; each opens its report, and an interrupted
 * one offers Resume through the {@link RunViewModel}.
 */
public final class RunHistoryViewModel {

    private final TaskRunner tasks;
    private final Path journalDir;
    private final RunViewModel run;
    private final ReportExport export;

    // Properties
    private final ObservableList<RunHistory.Entry> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ListState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<RunHistory.Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<VersionResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final BooleanBinding canResume;
    private final BooleanBinding canExport;

    public RunHistoryViewModel(TaskRunner tasks, DialogService dialogs, Path journalDir, RunViewModel run) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.run = Objects.requireNonNull(run, "run");
        this.export = new ReportExport(tasks, Objects.requireNonNull(dialogs, "dialogs"));
        selected.subscribe(this::show);
        canResume = Bindings.createBooleanBinding(() -> run.stateProperty().get() != RunViewModel.State.RUNNING
                && recorded().filter(r -> !r.report().complete()).isPresent(), selected, run.stateProperty());
        canExport = Bindings.createBooleanBinding(() -> recorded().isPresent(), selected);
    }

    // Properties

    /** Every journal of the folder, newest first. */
    public ObservableList<RunHistory.Entry> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the journals folder could not be read, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The run whose report is shown. */
    public ObjectProperty<RunHistory.Entry> selectedProperty() {
        return selected;
    }

    /** The selected run's report: each version's recorded result. */
    public ObservableList<VersionResult> results() {
        return results;
    }

    /** {@code 12 versions: 10 done, 2 not run}, or why the journal cannot be read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** An interrupted run is selected, and no run is going (this one or another). */
    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    // Commands

    /** Reads the journals folder again, in the background; the selection is kept when its journal is still there. */
    public void refresh() {
        BackgroundTask.of("Reading the history of runs", p -> RunHistory.read(journalDir))
                .onSuccess(list -> {
                    Optional<Path> chosen = Optional.ofNullable(selected.get()).map(RunHistory.Entry::journal);
                    runs.setAll(list);
                    error.set("");
                    state.set(list.isEmpty() ? ListState.EMPTY : ListState.READY);
                    selected.set(chosen.flatMap(c -> list.stream().filter(e -> e.journal().equals(c)).findFirst())
                            .orElse(null));
                })
                .onFailure(failure -> {
                    error.set("The journals folder " + journalDir + " cannot be read (" + UserMessages.describe(failure)
                            + ").");
                    state.set(ListState.ERROR);
                })
                .runWith(tasks);
    }

    /** Resumes the selected interrupted run, after the user confirms; its progress shows as a new run's. */
    public boolean resume() {
        return canResume.get() && run.resume(recorded().orElseThrow());
    }

    /** Saves the selected run's report: JSON for a {@code .json} name, else CSV. */
    public void export() {
        recorded().ifPresent(r -> export.export(r.report(), r.domain(), r.repository()));
    }

    /** Whether {@code entry} is the run going on this page now. */
    public boolean isRunning(RunHistory.Entry entry) {
        return run.stateProperty().get() == RunViewModel.State.RUNNING
                && run.journalProperty().get().filter(entry.journal()::equals).isPresent();
    }

    /** {@code 4 unlist, 2 copy}: what a run does, by action. */
    public static String actions(ExecutionReport report) {
        Map<ActionKind, Long> counts = new EnumMap<>(ActionKind.class);
        report.results().forEach(r -> counts.merge(r.change().action().kind(), 1L, Long::sum));
        return counts.isEmpty() ? "nothing" : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().ruleName()).collect(Collectors.joining(", "));
    }

    /** {@code 10 done · 1 failed · 2 not run}: what became of a run's versions. */
    public static String outcome(ExecutionReport report) {
        return java.util.stream.Stream.of(VersionResult.Kind.values()).filter(k -> report.count(k) > 0)
                .map(k -> report.count(k) + " " + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" · "));
    }

    private Optional<RunHistory.Recorded> recorded() {
        return Optional.ofNullable(selected.get()).filter(RunHistory.Recorded.class::isInstance)
                .map(RunHistory.Recorded.class::cast);
    }

    private void show(RunHistory.Entry entry) {
        switch (entry) {
            case null -> {
                results.clear();
                summary.set("");
            }
            case RunHistory.Recorded recorded -> {
                results.setAll(recorded.report().results());
                summary.set(recorded.report().results().size() + " versions: " + outcome(recorded.report())
                        + (recorded.report().complete() ? ""
                        : isRunning(recorded) ? " — running now" : " — interrupted: Resume sends the rest"));
            }
            case RunHistory.Unreadable unreadable -> {
                results.clear();
                summary.set(unreadable.problem());
            }
        }
    }
}
