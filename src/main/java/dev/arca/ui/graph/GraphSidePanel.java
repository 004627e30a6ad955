package dev.arca.ui.graph;

import atlantafx.base.theme.Styles;
import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.SearchPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right-hand side of the graph page: the selected repository, and tabs for its search order (Explain), who reads
 * from it (Impact), a package trace, edits, and the graph's warnings. The tab chosen decides what the graph highlights.
 */
final class GraphSidePanel extends VBox {

    static final double WIDTH = 430;

    private final UpstreamGraphViewModel viewModel;

    /** @param focusBox told of a box to bring into sight (a warning was clicked) */
    GraphSidePanel(UpstreamGraphViewModel viewModel, Consumer<String> focusBox) {
        super(12);
        this.viewModel = viewModel;
        setId("graph-side");
        getStyleClass().add("graph-side");
        setPadding(new Insets(0, 0, 0, 16));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);

        TabPane tabs = new TabPane(tab("Explain", "graph-tab-explain", explain()),
                tab("Impact", "graph-tab-impact", impact()),
                tab("Trace", "graph-tab-trace", new TracePanel(viewModel)),
                tab("Edit", "graph-tab-edit", new GraphEditPanel(viewModel)),
                tab("Warnings", "graph-tab-warnings", warnings(focusBox)));
        tabs.setId("graph-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        tabs.getSelectionModel().selectedIndexProperty().subscribe(index -> viewModel.modeProperty().set(
                switch (index.intValue()) {
                    case 0 -> UpstreamGraphViewModel.Mode.EXPLAIN;
                    case 1 -> UpstreamGraphViewModel.Mode.IMPACT;
                    case 2 -> UpstreamGraphViewModel.Mode.TRACE;
                    default -> UpstreamGraphViewModel.Mode.GRAPH;
                }));
        viewModel.modeProperty().subscribe(mode -> {
            switch (mode) {
                case EXPLAIN -> tabs.getSelectionModel().select(0);
                case IMPACT -> tabs.getSelectionModel().select(1);
                case TRACE -> tabs.getSelectionModel().select(2);
                case GRAPH -> { }
            }
        });
        Tab warningsTab = tabs.getTabs().get(4);
        warningsTab.textProperty().bind(Bindings.size(viewModel.warnings()).map(n -> n.intValue() == 0
                ? "Warnings" : "Warnings (" + n + ")"));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(selection(), tabs);
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(8, 4, 8, 0));
        Tab tab = new Tab(title, scroll);
        tab.setId(id);
        return tab;
    }

    private VBox selection() {
        Label name = new Label();
        name.setId("graph-selected-name");
        name.getStyleClass().add(Styles.TITLE_4);
        Label facts = new Label();
        facts.setId("graph-selected-facts");
        facts.setWrapText(true);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        viewModel.detailsProperty().subscribe(details -> {
            name.setText(details.map(GraphRepository::name).orElse("No repository selected"));
            facts.setText(details.map(this::facts).orElse("Click a repository on the graph, or find one with Ctrl+F."));
        });
        Button repository = new Button("Repository", new FontIcon(Feather.DATABASE));
        repository.setId("graph-open-repository");
        repository.setOnAction(e -> viewModel.openRepository());
        Button packages = new Button("Packages", new FontIcon(Feather.PACKAGE));
        packages.setId("graph-open-packages");
        packages.setOnAction(e -> viewModel.openPackages());
        repository.disableProperty().bind(viewModel.selectedProperty().isNull());
        packages.disableProperty().bind(viewModel.selectedProperty().isNull());
        HBox open = new HBox(8, repository, packages);
        open.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, name, facts, open);
        card.getStyleClass().add("graph-selection");
        return card;
    }

    private String facts(GraphRepository repository) {
        List<String> lines = new ArrayList<>();
        String owner = viewModel.pictureProperty().get().map(p -> p.graph().domainOwner()).orElse("");
        lines.add(repository.externalConnection().map(c -> "Reads from the public repository " + c + ".")
                .orElse(repository.upstreams().isEmpty() ? "Has no upstreams."
                        : "Reads from " + String.join(", ", repository.upstreams()) + ", in this order."));
        lines.add(repository.administrator().equals(owner) ? "Administered by the domain owner, " + owner + "."
                : "Administered by account " + repository.administrator() + ", not the domain owner.");
        lines.add(repository.hasPolicy() ? "Has a resource policy." : "No resource policy.");
        return String.join("\n", lines);
    }

    private VBox explain() {
        Label summary = new Label();
        summary.setId("explain-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<String> order = new ListView<>();
        order.setId("explain-order");
        order.setPrefHeight(320);
        order.getStyleClass().add(Styles.DENSE);
        viewModel.planProperty().subscribe(plan -> {
            order.getItems().setAll(plan.map(GraphSidePanel::lines).orElse(List.of()));
            summary.setText(plan.map(p -> "A request to " + p.start() + " searches " + p.order().size()
                    + " repositor" + (p.order().size() == 1 ? "y" : "ies") + " in this order"
                    + (p.pastBudget().isEmpty() ? "." : "; " + p.pastBudget().size() + " more are past the budget of "
                    + viewModel.pictureProperty().get().map(x -> x.graph().budget()).orElse(25) + " and never searched."))
                    .orElse("Select a repository to number every repository in the order a request to it searches."));
        });
        VBox.setVgrow(order, Priority.ALWAYS);
        return new VBox(8, summary, order);
    }

    private static List<String> lines(SearchPlan plan) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < plan.searched().size(); i++) {
            var stop = plan.searched().get(i);
            lines.add((i + 1) + "  " + "  ".repeat(Math.min(stop.depth(), 6)) + stop.repository());
        }
        plan.pastBudget().forEach(r -> lines.add("—  " + r + "  (past the budget: never searched)"));
        plan.danglingOnPath().forEach(e -> lines.add("✕  " + e.upstream() + "  (upstream of " + e.repository()
                + ", no longer exists)"));
        return lines;
    }

    private VBox impact() {
        Label summary = new Label();
        summary.setId("impact-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<String> readers = new ListView<>(viewModel.impact());
        readers.setId("impact-list");
        readers.setPrefHeight(320);
        readers.getStyleClass().add(Styles.DENSE);
        readers.setPlaceholder(new Label("Nobody reads from it through upstreams."));
        Runnable describe = () -> summary.setText(Optional.ofNullable(viewModel.selectedProperty().get())
                .map(r -> viewModel.impact().isEmpty()
                        ? "Only clients of " + r + " itself see packages published there."
                        : viewModel.impact().size() + " repositor" + (viewModel.impact().size() == 1 ? "y sees" : "ies see")
                        + " packages published to " + r + ": deleting or re-pointing " + r + " changes what they resolve.")
                .orElse("Select a repository to see every repository that reads packages from it."));
        viewModel.impact().subscribe(describe);
        viewModel.selectedProperty().subscribe(r -> describe.run());
        VBox.setVgrow(readers, Priority.ALWAYS);
        return new VBox(8, summary, readers);
    }

    private VBox warnings(Consumer<String> focusBox) {
        ListView<GraphWarning> list = new ListView<>(viewModel.warnings());
        list.setId("warnings-list");
        list.setPrefHeight(360);
        list.setPlaceholder(new Label("No cycles, dangling upstreams or chains past the budget."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GraphWarning warning, boolean empty) {
                super.updateItem(warning, empty);
                setText(empty || warning == null ? null : warning.message());
                setGraphic(empty || warning == null ? null : new FontIcon(warning.kind() == GraphWarning.Kind.CYCLE
                        || warning.kind() == GraphWarning.Kind.DANGLING ? Feather.ALERT_OCTAGON : Feather.ALERT_TRIANGLE));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(w -> {
            if (w != null) {
                w.boxes().stream().sorted().findFirst().ifPresent(focusBox);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(8, list);
    }
}
