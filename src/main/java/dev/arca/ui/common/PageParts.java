package dev.arca.ui.common;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
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
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces every list page is made of: one look for tables, states and shortcuts across pages. */
public final class PageParts {

    /** The stylesheet the pieces use; pages add it once. */
    public static final String STYLESHEET =
            Objects.requireNonNull(PageParts.class.getResource("pages.css")).toExternalForm();

    private PageParts() {
    }

    /** A centred icon, title and one-line hint: the empty and error states. */
    public static VBox stateBox(Ikon icon, String title, String hint) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("state-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(hint);
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
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(48, 48);
        StackPane stack = new StackPane(table, loading, empty, error);
        state.subscribe(s -> {
            table.setVisible(s == ListState.READY);
            loading.setVisible(s == ListState.LOADING);
            empty.setVisible(s == ListState.EMPTY);
            error.setVisible(s == ListState.ERROR);
        });
        return stack;
    }

    /** Ctrl+R refreshes the page; Delete in the table asks to delete the selection. */
    public static void installListShortcuts(Region page, TableView<?> table, Runnable refresh, Runnable delete) {
        page.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(event)) {
                refresh.run();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE && table.isFocused()) {
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
