package dev.arca.ui.workflows;

import atlantafx.base.theme.Styles;
import dev.arca.ui.common.PageParts;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Workflows page: on the left the cleanup rule (fields like {@code arca cleanup}'s flags, or a rules file); on
 * the right its plan, then the run's progress and each version's result, and beside it the history of runs.
 */
public final class WorkflowsView extends BorderPane {

    public WorkflowsView(WorkflowsViewModel viewModel) {
        Objects.requireNonNull(viewModel);
        setId("page-workflows");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, WorkflowTables.STYLESHEET);
        Label title = new Label("Workflows");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Retention cleanup in bulk: build a rule, preview its plan, then apply it — "
                + "journalled, with each version's result.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        setTop(new VBox(4, title, subtitle));

        ScrollPane builder = new ScrollPane(new RuleBuilderPane(viewModel));
        builder.setFitToWidth(true);
        builder.setMinWidth(260);
        Tab planTab = new Tab("Plan and run", new PlanRunPane(viewModel));
        planTab.setId("workflow-tab-plan");
        planTab.setGraphic(new FontIcon(Feather.LIST));
        Tab historyTab = new Tab("History", new RunHistoryPane(viewModel.history()));
        historyTab.setId("workflow-tab-history");
        historyTab.setGraphic(new FontIcon(Feather.CLOCK));
        TabPane tabs = new TabPane(planTab, historyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        historyTab.selectedProperty().subscribe(shown -> {
            if (shown) {
                viewModel.history().refresh();
            }
        });
        // A resume started from the history shows its progress where a new run's shows.
        viewModel.stageProperty().subscribe(stage -> {
            if (stage == WorkflowsViewModel.Stage.RUNNING) {
                tabs.getSelectionModel().select(planTab);
            }
        });
        SplitPane split = new SplitPane(builder, tabs);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(builder, false);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        setCenter(split);
        sceneProperty().subscribe(scene -> {
            if (scene != null && viewModel.domainProperty().get() == null) {
                viewModel.loadDomains();
            }
        });
    }
}
