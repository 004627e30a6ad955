package dev.arca.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.arca.gateway.Connection;
import dev.arca.ui.common.PageCommand;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.connect.ConnectionsDialog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: header with connection picker and theme, navigation, page area and status bar. */
public final class MainView extends BorderPane {

    private static final Map<Page, Ikon> ICONS = Map.of(
            Page.DOMAINS, Feather.GLOBE,
            Page.REPOSITORIES, Feather.DATABASE,
            Page.PACKAGES, Feather.PACKAGE,
            Page.UPSTREAM_GRAPH, Feather.GIT_MERGE,
            Page.POLICIES, Feather.SHIELD,
            Page.WORKFLOWS, Feather.LAYERS,
            Page.ACTIVITY, Feather.ACTIVITY);
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");
    private static final String STYLESHEET =
            Objects.requireNonNull(MainView.class.getResource("shell.css")).toExternalForm();

    private final MainViewModel viewModel;
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private final ListView<Page> navigation = new ListView<>();
    private final Function<Page, Optional<Node>> builtPages;
    private final ConnectionsDialog connectionsDialog;
    private final PaletteViewModel palette;
    private final GuidedTourViewModel guidedTour;

    /**
     * The shell; {@code builtPages} supplies the pages that exist, for the connection in use, the rest say they are
     * not built yet; {@code palette} is the command palette that Ctrl+K opens over the pages; {@code notices} say
     * when work the user left has ended.
     */
    public MainView(MainViewModel viewModel, Function<Page, Optional<Node>> builtPages,
                    ConnectionsDialog connectionsDialog, PaletteViewModel palette, WorkNoticesViewModel notices,
                    GuidedTourViewModel guidedTour) {
        this.guidedTour = Objects.requireNonNull(guidedTour, "guidedTour");
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.palette = Objects.requireNonNull(palette, "palette");
        this.builtPages = Objects.requireNonNull(builtPages, "builtPages");
        this.connectionsDialog = Objects.requireNonNull(connectionsDialog, "connectionsDialog");
        getStyleClass().add("arca-shell");
        PageParts.useSceneStylesheets(this, STYLESHEET);
        setTop(header());
        setLeft(navigation());
        content.getStyleClass().add("page-area");
        setCenter(new StackPane(new WorkNoticePane(content, Objects.requireNonNull(notices, "notices")),
                new PaletteView(palette)));
        setBottom(statusBar());
        getChildren().add(new GuidedTourView(guidedTour, this));

        viewModel.currentPageProperty().subscribe(this::show);
        // A new connection: every page starts over, built for it; the old pages and their ViewModels go.
        viewModel.sessionProperty().subscribe((before, now) -> {
            palette.close();
            pages.clear();
            show(viewModel.currentPageProperty().get());
        });
        viewModel.darkThemeProperty().subscribe(MainView::applyTheme);
    }

    /** Installs the window-wide shortcuts: Ctrl+1…7 for the pages, Ctrl+K for the command palette. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                this::openPalette);
        Page[] all = Page.values();
        for (int i = 0; i < all.length; i++) {
            Page page = all[i];
            KeyCodeCombination combo = new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)),
                    KeyCombination.SHORTCUT_DOWN);
            scene.getAccelerators().put(combo, () -> viewModel.navigate(page));
        }
    }

    /** The guided tour of this window; it starts by itself only when the app asks it to on a first run. */
    public GuidedTourViewModel guidedTour() {
        return guidedTour;
    }

    /** Opens the command palette with the actions of the page shown. */
    public void openPalette() {
        Node page = pages.get(viewModel.currentPageProperty().get());
        List<PageCommand> commands = new ArrayList<>(page == null ? List.of() : PageParts.commands(page));
        // Window-wide, so the tour can be found from any page by typing "tour".
        commands.add(new PageCommand("Show the tour", () -> true, guidedTour::start));
        palette.open(commands);
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    private Node header() {
        FontIcon logo = new FontIcon(Feather.ARCHIVE);
        logo.getStyleClass().add("app-logo");
        Label name = new Label("Arca");
        name.getStyleClass().addAll(Styles.TITLE_3, "app-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.graphicProperty().bind(viewModel.darkThemeProperty()
                .map(dark -> new FontIcon(dark ? Feather.SUN : Feather.MOON)));
        theme.tooltipProperty().bind(viewModel.darkThemeProperty()
                .map(dark -> new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme")));
        theme.accessibleTextProperty().bind(viewModel.darkThemeProperty()
                .map(dark -> dark ? "Switch to the light theme" : "Switch to the dark theme"));
        theme.setOnAction(event -> viewModel.toggleTheme());

        Button tour = new Button(null, new FontIcon(Feather.HELP_CIRCLE));
        tour.setId("tour-button");
        tour.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        tour.setTooltip(new Tooltip("Show the tour"));
        tour.setAccessibleText("Show the tour");
        tour.setOnAction(event -> guidedTour.start());

        HBox header = new HBox(8, logo, name, spacer, connectionPicker(), tour, theme);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    /**
     * The connection picker: the connection in use with its state, and a menu that switches to another with one
     * click, checks again, or opens the connections dialog.
     */
    private Node connectionPicker() {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("state-dot");
        Label name = new Label();
        name.setId("connection-name");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.textProperty().bind(viewModel.connectionNameProperty());
        Label detail = new Label();
        detail.setId("connection-detail");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.textProperty().bind(viewModel.connectionDetailProperty());
        detail.setMaxWidth(360);
        HBox chip = new HBox(8, dot, name, detail);
        chip.setAlignment(Pos.CENTER_LEFT);

        MenuButton picker = new MenuButton();
        picker.setId("connection-picker");
        picker.setGraphic(chip);
        picker.getStyleClass().addAll("connection-chip", Styles.FLAT);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.connectionNameProperty().concat(": ")
                .concat(viewModel.connectionDetailProperty()));
        picker.setTooltip(tooltip);
        picker.setOnShowing(event -> picker.getItems().setAll(connectionMenu()));
        picker.getItems().setAll(connectionMenu());
        viewModel.connectionStateProperty().subscribe(state -> {
            picker.pseudoClassStateChanged(CONNECTED, state == ConnectionState.CONNECTED);
            picker.pseudoClassStateChanged(UNAVAILABLE, state == ConnectionState.UNAVAILABLE);
        });
        return picker;
    }

    private List<MenuItem> connectionMenu() {
        List<MenuItem> items = new ArrayList<>();
        for (Connection connection : viewModel.connections()) {
            boolean active = connection.equals(viewModel.activeConnectionProperty().get());
            MenuItem item = new MenuItem(connection.name(), new FontIcon(active ? Feather.CHECK : Feather.CIRCLE));
            item.setId("connect-" + connection.id());
            item.getStyleClass().add(active ? "active-connection" : "connection");
            item.setOnAction(event -> {
                if (!connection.equals(viewModel.activeConnectionProperty().get()) && !viewModel.mayLeave(MainViewModel.Leaving.CONNECTION)) {
                    return;
                }
                if (!viewModel.switchTo(connection)) {
                    connectionsDialog.show(getScene().getWindow(), Optional.of(connection));
                }
            });
            items.add(item);
        }
        MenuItem recheck = new MenuItem("Check the connection again", new FontIcon(Feather.REFRESH_CW));
        recheck.setId("check-connection");
        recheck.setOnAction(event -> viewModel.checkConnection());
        MenuItem manage = new MenuItem("Manage connections…", new FontIcon(Feather.SETTINGS));
        manage.setId("manage-connections");
        manage.setOnAction(event -> connectionsDialog.show(getScene().getWindow(), Optional.empty()));
        items.addAll(List.of(new SeparatorMenuItem(), recheck, manage));
        return items;
    }

    private Node navigation() {
        navigation.setId("navigation");
        navigation.getItems().setAll(Page.values());
        navigation.getStyleClass().addAll("app-navigation", Tweaks.EDGE_TO_EDGE);
        navigation.setPrefWidth(208);
        navigation.setCellFactory(list -> new NavigationCell());
        navigation.getSelectionModel().selectedItemProperty().subscribe(page -> {
            if (page != null && page != viewModel.currentPageProperty().get() && !viewModel.navigate(page)) {
                Platform.runLater(() -> navigation.getSelectionModel().select(viewModel.currentPageProperty().get()));
            }
        });
        return navigation;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(viewModel.statusMessageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        spinner.setId("task-indicator");
        spinner.getStyleClass().add("task-spinner");
        spinner.visibleProperty().bind(viewModel.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label tasks = new Label();
        tasks.setId("task-label");
        tasks.textProperty().bind(viewModel.backgroundTasksTextProperty());
        HBox bar = new HBox(8, status, spacer, spinner, tasks);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void show(Page page) {
        navigation.getSelectionModel().select(page);
        content.getChildren().setAll(pages.computeIfAbsent(page,
                p -> builtPages.apply(p).orElseGet(() -> new ComingSoonView(p, new FontIcon(ICONS.get(p))))));
    }

    private static final class NavigationCell extends ListCell<Page> {
        @Override
        protected void updateItem(Page page, boolean empty) {
            super.updateItem(page, empty);
            if (empty || page == null) {
                setText(null);
                setGraphic(null);
                setId(null);
            } else {
                setText(page.title());
                setGraphic(new FontIcon(ICONS.get(page)));
                setId("nav-" + page.id());
            }
        }
    }
}
