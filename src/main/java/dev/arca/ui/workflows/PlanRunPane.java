package dev.arca.ui.workflows;

import static dev.arca.ui.workflows.WorkflowTables.error;

import atlantafx.base.theme.Styles;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.workflows.WorkflowsViewModel.Stage;
import dev.arca.workflow.VersionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Workflows page's plan and run: Plan, Apply…, Cancel, Export…, the progress, and the plan or the results. */
final class PlanRunPane extends VBox {

    PlanRunPane(WorkflowsViewModel page) {
        super(8);
        PlanPreviewViewModel preview = page.preview();
        RunViewModel run = page.run();
        Button plan = new Button("Plan", new FontIcon(Feather.LIST));
        PageParts.offer(this, "Plan workflow (dry run)", plan);
        plan.setId("workflow-plan");
        plan.getStyleClass().add(Styles.ACCENT);
        plan.disableProperty().bind(page.canPlanProperty().not());
        plan.setOnAction(e -> page.plan());
        Button apply = new Button("Apply…", new FontIcon(Feather.PLAY));
        PageParts.offer(this, "Run workflow…", apply);
        apply.setId("workflow-apply");
        apply.disableProperty().bind(page.canApplyProperty().not());
        apply.setOnAction(e -> page.apply());
        Button cancel = new Button("Cancel");
        PageParts.offer(this, "Cancel workflow run", cancel);
        cancel.setId("workflow-cancel");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(
                () -> page.stageProperty().get() != Stage.RUNNING || run.cancellingProperty().get(),
                page.stageProperty(), run.cancellingProperty()));
        cancel.setOnAction(e -> run.cancel());
        Button export = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        PageParts.offer(this, "Export run report…", export);
        export.setId("workflow-export");
        export.disableProperty().bind(run.reportProperty().map(Optional::isEmpty));
        export.setOnAction(e -> run.export());
        ComboBox<Optional<ActionKind>> filter = actionFilter(preview);
        filter.visibleProperty().bind(page.stageProperty().isEqualTo(Stage.PLANNED));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, plan, apply, cancel, export, gap, filter);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("workflow-summary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        summary.textProperty().bind(page.stageProperty().flatMap(s -> s == Stage.RUN ? run.summaryProperty()
                : preview.summaryProperty()));
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        Label freed = new Label();
        freed.setId("workflow-bytes-freed");
        freed.getStyleClass().add(Styles.TEXT_MUTED);
        freed.textProperty().bind(page.stageProperty().flatMap(s -> s == Stage.RUN || s == Stage.RUNNING
                ? run.journalNameProperty() : preview.bytesFreedProperty()));
        freed.setWrapText(true);
        freed.tooltipProperty().bind(run.journalProperty().map(j -> j.map(f -> new Tooltip(f.toAbsolutePath()
                .toString())).orElse(null)));
        freed.managedProperty().bind(freed.textProperty().isNotEmpty());
        freed.visibleProperty().bind(freed.managedProperty());
        Label failure = error(page.errorMessageProperty());
        failure.setId("workflow-error");

        TableView<PlannedVersion> planTable = WorkflowTables.plan(preview.entries());
        planTable.setId("workflow-plan-table");
        TableView<VersionResult> runTable = WorkflowTables.results(run.results(),
                "The results show when the run ends.");
        runTable.setId("workflow-run-table");
        Node idle = PageParts.stateBox(Feather.LAYERS, "No plan yet",
                "Build a rule on the left, then Plan: every version of the repository is listed with what the rule "
                        + "does to it, before anything changes.");
        StackPane content = new StackPane(idle, planTable, runTable);
        page.stageProperty().subscribe(s -> {
            idle.setVisible(s == Stage.BUILDING || s == Stage.PLANNING);
            planTable.setVisible(s == Stage.PLANNED);
            runTable.setVisible(s == Stage.RUNNING || s == Stage.RUN);
        });
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(buttons, progress(page), summary, freed, failure, content);
        setPadding(new Insets(12, 4, 4, 12));
    }

    private static Node progress(WorkflowsViewModel page) {
        ProgressBar bar = new ProgressBar();
        bar.setId("workflow-progress");
        bar.progressProperty().bind(page.stageProperty().flatMap(s -> s == Stage.PLANNING
                ? page.preview().progressProperty() : page.run().progressProperty()));
        bar.setPrefWidth(260);
        Label text = new Label();
        text.setId("workflow-progress-text");
        ObservableValue<String> said = page.stageProperty().flatMap(s -> s == Stage.PLANNING
                ? page.preview().progressTextProperty() : page.run().progressTextProperty());
        text.textProperty().bind(said);
        HBox progress = new HBox(10, bar, text);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(page.stageProperty().map(s -> s == Stage.PLANNING || s == Stage.RUNNING
                || s == Stage.RUN));
        progress.managedProperty().bind(progress.visibleProperty());
        return progress;
    }

    private static ComboBox<Optional<ActionKind>> actionFilter(PlanPreviewViewModel preview) {
        ComboBox<Optional<ActionKind>> filter = new ComboBox<>();
        List<Optional<ActionKind>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        for (ActionKind kind : ActionKind.values()) {
            choices.add(Optional.of(kind));
        }
        filter.getItems().setAll(choices);
        filter.setId("workflow-filter");
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<ActionKind> kind) {
                return kind == null ? "" : kind.map(k -> "Only " + k.ruleName()).orElse("All actions");
            }

            @Override
            public Optional<ActionKind> fromString(String text) {
                return Optional.empty();
            }
        });
        filter.valueProperty().bindBidirectional(preview.actionFilterProperty());
        return filter;
    }
}
