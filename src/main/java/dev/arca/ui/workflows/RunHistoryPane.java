package dev.arca.ui.workflows;

import static dev.arca.ui.workflows.WorkflowTables.column;

import atlantafx.base.theme.Styles;
import dev.arca.ui.common.PageParts;
import dev.arca.workflow.RunHistory;
import dev.arca.workflow.VersionResult;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The history of runs: every journalled run above, the chosen one's report below, with Resume and Export…. */
final class RunHistoryPane extends SplitPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final RunHistoryViewModel history;

    RunHistoryPane(RunHistoryViewModel history) {
        this.history = history;
        setOrientation(Orientation.VERTICAL);
        TableView<RunHistory.Entry> runs = new TableView<>(history.runs());
        runs.setId("workflow-history-table");
        runs.getColumns().setAll(List.of(
                column("When", e -> WHEN.format(e.written()), 150, 146),
                column("Where", recorded(r -> r.domain() + " / " + r.repository()), 140, 90),
                column("Actions", recorded(r -> RunHistoryViewModel.actions(r.report())), 96, 72),
                stateColumn(),
                column("Versions", recorded(r -> RunHistoryViewModel.outcome(r.report())), 160, 100)));
        runs.getSelectionModel().selectedItemProperty().subscribe(history.selectedProperty()::set);
        history.selectedProperty().subscribe(e -> {
            if (e != runs.getSelectionModel().getSelectedItem()) {
                runs.getSelectionModel().select(e);
            }
        });
        StackPane list = PageParts.stateStack(runs, history.stateProperty(),
                PageParts.stateBox(Feather.CLOCK, "No runs yet", "Each applied plan is journalled here, with its "
                        + "report; an interrupted one can be resumed."),
                PageParts.stateBox(Feather.ALERT_TRIANGLE, "The history cannot be read", history.errorProperty()));
        runs.getStyleClass().add(Styles.DENSE);
        getItems().setAll(list, report());
        setDividerPositions(0.45);
    }

    private VBox report() {
        Button resume = new Button("Resume…", new FontIcon(Feather.PLAY));
        PageParts.offer(this, "Resume run…", resume);
        resume.setId("workflow-history-resume");
        resume.getStyleClass().add(Styles.ACCENT);
        resume.disableProperty().bind(history.canResumeProperty().not());
        resume.setOnAction(e -> history.resume());
        Button export = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        PageParts.offer(this, "Export history report…", export);
        export.setId("workflow-history-export");
        export.disableProperty().bind(history.canExportProperty().not());
        export.setOnAction(e -> history.export());
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        PageParts.offer(this, "Refresh run history", refresh);
        refresh.setId("workflow-history-refresh");
        refresh.setOnAction(e -> history.refresh());
        Label summary = new Label();
        summary.setId("workflow-history-summary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        summary.textProperty().bind(history.summaryProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, resume, export, gap, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        TableView<VersionResult> results = WorkflowTables.results(history.results(),
                "Choose a run above to see its report.");
        results.setId("workflow-history-report");
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox box = new VBox(8, buttons, summary, results);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** Complete, interrupted, running or damaged, as a coloured chip. */
    private TableColumn<RunHistory.Entry, String> stateColumn() {
        return WorkflowTables.chips(column("State", this::state, 104, 100), text -> switch (text) {
            case "complete" -> "run-success";
            case "running" -> "run-accent";
            case "interrupted" -> "run-warning";
            default -> "run-danger";
        });
    }

    private String state(RunHistory.Entry entry) {
        return switch (entry) {
            case RunHistory.Recorded r when r.report().complete() -> "complete";
            case RunHistory.Recorded r when history.isRunning(r) -> "running";
            case RunHistory.Recorded r -> "interrupted";
            case RunHistory.Unreadable u -> "damaged";
        };
    }

    private static Function<RunHistory.Entry, String> recorded(Function<RunHistory.Recorded, String> value) {
        return e -> e instanceof RunHistory.Recorded r ? value.apply(r) : "—";
    }
}
