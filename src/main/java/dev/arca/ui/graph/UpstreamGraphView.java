package dev.arca.ui.graph;

import atlantafx.base.theme.Styles;
import dev.arca.ui.common.PageCommand;
import dev.arca.ui.common.PageParts;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Upstream graph page: toolbar (domain, reload, find, zoom, export), the graph with its overview map, and the
 * side panel. Binds to {@link UpstreamGraphViewModel}; the graph itself is drawn by {@link GraphDrawing} inside a
 * {@link GraphCanvas}.
 */
public final class UpstreamGraphView extends BorderPane {

    static final String STYLESHEET = Objects.requireNonNull(UpstreamGraphView.class.getResource("graph.css"))
            .toExternalForm();

    private final UpstreamGraphViewModel viewModel;
    private final GraphDrawing drawing = new GraphDrawing();
    private final GraphCanvas canvas;
    private final GraphOverview overview;
    private boolean fitted;

    public UpstreamGraphView(UpstreamGraphViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        GraphLayout.warmUpInBackground();
        setId("page-upstream-graph");
        getStyleClass().add("upstream-graph-page");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, STYLESHEET);
        canvas = new GraphCanvas(drawing, new CanvasActions());
        overview = new GraphOverview(canvas::centerOnPoint);
        TextField find = new TextField();
        setTop(header(find));
        setCenter(graph());
        setRight(new GraphSidePanel(viewModel, this::focus));
        PageParts.installFindShortcut(this, find);
        PageParts.installRefreshShortcut(this, viewModel::reload);

        viewModel.pictureProperty().subscribe(picture -> picture.ifPresent(p -> {
            drawing.draw(p.layout());
            overview.show(p.layout());
            if (!fitted) {
                fitted = true;
                javafx.application.Platform.runLater(canvas::fit);
            }
            rehighlight();
        }));
        viewModel.selectedProperty().subscribe(s -> rehighlight());
        viewModel.modeProperty().subscribe(m -> rehighlight());
        viewModel.planProperty().subscribe(p -> rehighlight());
        viewModel.impact().subscribe(this::rehighlight);
        viewModel.trace().resultProperty().subscribe(r -> rehighlight());
        viewModel.focusProperty().subscribe(f -> f.ifPresent(name -> focus(GraphLayout.repositoryId(name))));
        viewModel.editor().rejectionProperty().subscribe(rejection -> rejection.ifPresentOrElse(
                problem -> drawing.showRejection(GraphLayout.repositoryId(problem.repository()),
                        problem.upstream().map(GraphLayout::repositoryId), problem.message()),
                drawing::clearOverlay));
        canvas.viewportProperty().subscribe(overview::viewport);
        viewModel.domainProperty().subscribe(d -> fitted = false);
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                viewModel.loadDomains();
            }
        });
    }

    private Node header(TextField find) {
        Label title = new Label("Upstream graph");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("How packages resolve: each repository reads from its upstreams in priority order,"
                + " depth first, at most 25 per request.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        ComboBox<String> domain = new ComboBox<>(viewModel.domains());
        domain.setId("graph-domain");
        domain.valueProperty().bindBidirectional(viewModel.domainProperty());
        domain.setPromptText("Domain");
        domain.setMinWidth(180);
        Button reload = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        PageParts.offer(this, "Reload graph", reload);
        reload.setId("graph-reload");
        reload.setMinWidth(Region.USE_PREF_SIZE);
        reload.setOnAction(e -> {
            if (viewModel.confirmDiscard()) {
                viewModel.reload();
            }
        });
        find.setId("graph-find");
        find.setPromptText("Find a repository (Ctrl+F)");
        find.setPrefColumnCount(16);
        find.textProperty().bindBidirectional(viewModel.findTextProperty());
        find.setOnAction(e -> viewModel.find());
        viewModel.findProblemProperty().subscribe(p -> {
            find.pseudoClassStateChanged(Styles.STATE_DANGER, !p.isEmpty());
            find.setTooltip(p.isEmpty() ? null : new Tooltip(p));
        });
        Label findProblem = new Label();
        findProblem.getStyleClass().add(Styles.DANGER);
        findProblem.textProperty().bind(viewModel.findProblemProperty());

        Button zoomOut = iconButton(Feather.ZOOM_OUT, "Zoom out (-)", () -> canvas.zoomAt(0.8, canvas.getWidth() / 2,
                canvas.getHeight() / 2));
        Button zoomIn = iconButton(Feather.ZOOM_IN, "Zoom in (+)", () -> canvas.zoomAt(1.25, canvas.getWidth() / 2,
                canvas.getHeight() / 2));
        Button fit = iconButton(Feather.MAXIMIZE, "Fit the whole graph (0)", canvas::fit);
        fit.setId("graph-fit");
        MenuButton exportMenu = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        exportMenu.setId("graph-export");
        exportMenu.setMinWidth(Region.USE_PREF_SIZE);
        exportMenu.getItems().setAll(
                item("PNG image (what is on screen)…", () -> viewModel.export(UpstreamGraphViewModel.ExportFormat.PNG,
                        this::snapshotPng)),
                item("SVG drawing…", () -> viewModel.export(UpstreamGraphViewModel.ExportFormat.SVG, () -> null)),
                item("Graphviz DOT…", () -> viewModel.export(UpstreamGraphViewModel.ExportFormat.DOT, () -> null)));
        exportMenu.disableProperty().bind(viewModel.pictureProperty().map(Optional::isEmpty));
        List<String> exports = List.of("Export graph as PNG…", "Export graph as SVG…", "Export graph as DOT…");
        for (int i = 0; i < exports.size(); i++) {
            PageParts.offer(this, exports.get(i), exportMenu.getItems().get(i), exportMenu);
        }
        PageParts.offer(this, "Fit the whole graph", fit);
        PageParts.offer(this, new PageCommand("Find a repository in the graph", () -> true, find::requestFocus));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, new Label("Domain"), domain, reload, find, findProblem, spacer, zoomOut, zoomIn, fit,
                exportMenu);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(12, new VBox(4, title, subtitle), tools);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button iconButton(Feather icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setOnAction(e -> action.run());
        return button;
    }

    private Node graph() {
        StackPane.setAlignment(overview, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(overview, new Insets(12));
        Label legend = new Label("Arrows point to the repository read from; numbers are priorities. Drag from a"
                + " repository to another to add an upstream.");
        legend.getStyleClass().addAll("graph-legend", Styles.TEXT_SMALL);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setMargin(legend, new Insets(8));
        StackPane surface = new StackPane(canvas, legend, overview);
        surface.getStyleClass().add("graph-surface");
        Node empty = PageParts.stateBox(Feather.GIT_MERGE, "Nothing to draw", viewModel.messageProperty());
        Node error = PageParts.errorBox("The graph could not be read", viewModel.messageProperty(), viewModel::reload);
        return PageParts.stateStack(surface, viewModel.stateProperty(), empty, error);
    }

    private void rehighlight() {
        if (viewModel.pictureProperty().get().isPresent()) {
            drawing.highlight(viewModel.highlight());
        }
    }

    /** What the graph shows on screen, as a PNG file's bytes. */
    private byte[] snapshotPng() {
        javafx.scene.image.WritableImage image = canvas.snapshot(null, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                pixels, 0, width);
        return PngEncoder.encode(pixels, width, height);
    }

    private void focus(String boxId) {
        canvas.centerOn(boxId);
        if (boxId.startsWith("repo:")) {
            viewModel.selectedProperty().set(boxId.substring("repo:".length()));
        }
    }

    /** The page's drawing and canvas, for GUI tests and the screenshot script. */
    GraphCanvas canvas() {
        return canvas;
    }

    GraphDrawing drawing() {
        return drawing;
    }

    /** Turns what is done on the graph into ViewModel commands. */
    private final class CanvasActions implements GraphCanvas.Actions {
        @Override
        public void select(Optional<String> boxId) {
            viewModel.selectedProperty().set(boxId.filter(id -> id.startsWith("repo:"))
                    .map(id -> id.substring("repo:".length())).orElse(null));
        }

        @Override
        public void connect(String fromBoxId, String toBoxId) {
            String from = fromBoxId.substring("repo:".length());
            if (toBoxId.startsWith("conn:")) {
                viewModel.editor().setConnection(from, Optional.of(toBoxId.substring("conn:".length())));
            } else {
                viewModel.editor().addUpstream(from, toBoxId.substring(toBoxId.indexOf(':') + 1));
            }
        }

        @Override
        public void removeEdge(GraphLayout.Route route) {
            if (route.connection()) {
                return;
            }
            viewModel.editor().removeUpstream(route.from().substring("repo:".length()),
                    route.to().substring(route.to().indexOf(':') + 1));
        }

        @Override
        public void moveEdge(GraphLayout.Route route, int delta) {
            viewModel.editor().moveUpstream(route.from().substring("repo:".length()),
                    route.to().substring(route.to().indexOf(':') + 1), delta);
        }

        @Override
        public void open(String boxId) {
            if (boxId.startsWith("repo:")) {
                viewModel.selectedProperty().set(boxId.substring("repo:".length()));
                viewModel.openPackages();
            }
        }

        @Override
        public void boxMenu(String boxId, ContextMenu menu) {
            if (!boxId.startsWith("repo:")) {
                return;
            }
            String name = boxId.substring("repo:".length());
            viewModel.selectedProperty().set(name);
            MenuItem explain = item("Explain the search order", () -> viewModel.modeProperty()
                    .set(UpstreamGraphViewModel.Mode.EXPLAIN));
            MenuItem impact = item("Who reads from " + name, () -> viewModel.modeProperty()
                    .set(UpstreamGraphViewModel.Mode.IMPACT));
            MenuItem trace = item("Trace a package from here…", () -> viewModel.modeProperty()
                    .set(UpstreamGraphViewModel.Mode.TRACE));
            MenuItem repository = item("Open on the Repositories page", viewModel::openRepository);
            MenuItem packages = item("Open its packages", viewModel::openPackages);
            menu.getItems().setAll(explain, impact, trace, new SeparatorMenuItem(), repository, packages);
            viewModel.detailsProperty().get().flatMap(r -> r.externalConnection()).ifPresent(c -> menu.getItems()
                    .add(item("Detach " + c, () -> viewModel.editor().setConnection(name, Optional.empty()))));
        }
    }
}
