package dev.arca.ui.common;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces every list page is made of: one look for tables, states and shortcuts across pages. */
public final class PageParts {

    /** How dates and times read on every page: medium style, the user's time zone. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());
    /** A day alone, the same way, where a column has no room for the time. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    /** The stylesheet the pieces use; pages put it on their scene with {@link #useSceneStylesheets}. */
    public static final String STYLESHEET =
            Objects.requireNonNull(PageParts.class.getResource("pages.css")).toExternalForm();

    /**
     * ControlsFX's looks in AtlantaFX's colours (notification bar, validation decorations), light and dark: put it on
     * the scene of any node that uses a ControlsFX control, with {@link #useSceneStylesheets}.
     */
    public static final String CONTROLSFX_STYLESHEET =
            Objects.requireNonNull(PageParts.class.getResource("controlsfx.css")).toExternalForm();

    private static final String COMMANDS = "arca.page-commands";

    private PageParts() {
    }

    /**
     * Puts {@code stylesheets} on the scene that shows {@code node}, each once, whenever the node is shown in a scene.
     * Application stylesheets belong on the scene rather than on a page: for a stylesheet held by a parent, JavaFX
     * records every styled parent below it in a list it scans linearly, a cost growing with the square of the parents
     * (0.8 s of a 1,000-repository graph's first paint); for the scene's stylesheets it records only the root. The
     * app's stylesheets use class selectors of their own, so sharing the scene changes no other page's look.
     */
    public static void useSceneStylesheets(Node node, String... stylesheets) {
        List<String> wanted = List.of(stylesheets);
        node.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                wanted.stream().filter(s -> !scene.getStylesheets().contains(s))
                        .forEach(scene.getStylesheets()::add);
            }
        });
    }

    /**
     * Offers {@code button} to the command palette as {@code title} while {@code page} is shown: the palette runs
     * the button, and only while it is enabled and visible.
     */
    public static void offer(Node page, String title, ButtonBase button) {
        offer(page, new PageCommand(title, () -> !button.isDisabled() && shown(button), button::fire));
    }

    /** Offers an item of the menu {@code owner} (an export format, say) to the command palette as {@code title}. */
    public static void offer(Node page, String title, MenuItem item, Node owner) {
        offer(page, new PageCommand(title, () -> !item.isDisable() && !owner.isDisabled(), item::fire));
    }

    /** Offers {@code command} to the command palette while {@code page} is shown. */
    @SuppressWarnings("unchecked")
    public static void offer(Node page, PageCommand command) {
        ((List<PageCommand>) page.getProperties().computeIfAbsent(COMMANDS, key -> new ArrayList<PageCommand>()))
                .add(command);
    }

    /** What {@code page} and the parts inside it offer to the command palette, in the order offered. */
    @SuppressWarnings("unchecked")
    public static List<PageCommand> commands(Node page) {
        List<PageCommand> found = new ArrayList<>((List<PageCommand>) page.getProperties()
                .getOrDefault(COMMANDS, List.of()));
        if (page instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(commands(child)));
        }
        return found;
    }

    /** Whether {@code node} and everything it sits in are visible: a button on a hidden tab is not. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** A centred icon, title and one-line hint: the empty and error states. */
    public static VBox stateBox(Ikon icon, String title, String hint) {
        return stateBox(icon, title, new ReadOnlyStringWrapper(hint));
    }

    /** A centred icon, title and a hint that follows {@code hint}. */
    public static VBox stateBox(Ikon icon, String title, ObservableValue<String> hint) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("state-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label();
        text.textProperty().bind(hint);
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, glyph, heading, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(440);
        return box;
    }

    /** A read-only text column; numbers are right-aligned. The column never shrinks below its width. */
    public static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value, double width,
                                                        boolean numeric) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        if (numeric) {
            column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        }
        return column;
    }

    /** Shows exactly one of table, spinner, empty state and error state, following the list's state. */
    public static StackPane stateStack(TableView<?> table, ReadOnlyObjectProperty<ListState> state, Node empty,
                                       Node error) {
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return stateStack((Node) table, state, empty, error);
    }

    /** Shows exactly one of content, spinner, empty state and error state, following the state. */
    public static StackPane stateStack(Node content, ReadOnlyObjectProperty<ListState> state, Node empty,
                                       Node error) {
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(48, 48);
        StackPane stack = new StackPane(content, loading, empty, error);
        state.subscribe(s -> {
            content.setVisible(s == ListState.READY);
            loading.setVisible(s == ListState.LOADING);
            empty.setVisible(s == ListState.EMPTY);
            error.setVisible(s == ListState.ERROR);
        });
        return stack;
    }

    /** The error state: an icon, {@code title} and the sentence saying why. */
    public static VBox errorBox(String title, ReadOnlyStringProperty sentence) {
        return stateBox(Feather.ALERT_TRIANGLE, title, sentence);
    }

    /** The error state with a "Try again" button that runs {@code retry}. */
    public static VBox errorBox(String title, ReadOnlyStringProperty sentence, Runnable retry) {
        VBox box = errorBox(title, sentence);
        Button again = new Button("Try again");
        again.setOnAction(e -> retry.run());
        box.getChildren().add(again);
        return box;
    }

    /**
     * Asks for the next page whenever a row among the last {@code ahead} is drawn: scrolling loads, and nothing is
     * loaded before the user gets near it.
     */
    public static <T> void loadMoreNearEnd(TableView<T> table, int ahead, Runnable loadMore) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= t.getItems().size() - ahead) {
                    loadMore.run();
                }
            }
        });
    }

    /** Ctrl+F moves the focus to the page's filter. */
    public static void installFindShortcut(Region page, Node filter) {
        page.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
                filter.requestFocus();
                event.consume();
            }
        });
    }

    /** Ctrl+R refreshes the page. */
    public static void installRefreshShortcut(Region page, Runnable refresh) {
        page.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(event)) {
                refresh.run();
                event.consume();
            }
        });
    }

    /** Ctrl+R refreshes the page; Delete in the table asks to delete the selection. */
    public static void installListShortcuts(Region page, TableView<?> table, Runnable refresh, Runnable delete) {
        installRefreshShortcut(page, refresh);
        page.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE && table.isFocused()) {
                delete.run();
                event.consume();
            }
        });
    }

    /** Enter on a selected row, or a double click on one, opens it. */
    public static void installOpen(TableView<?> table, Runnable open) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.run();
                event.consume();
            }
        });
        table.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getClickCount() == 2 && event.getButton() == MouseButton.PRIMARY
                    && table.getSelectionModel().getSelectedItem() != null) {
                open.run();
            }
        });
    }
}
