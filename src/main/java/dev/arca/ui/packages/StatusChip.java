package dev.arca.ui.packages;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** A version status drawn as a coloured chip: green Published, amber Unfinished, red Disposed, and so on. */
public final class StatusChip extends Label {

    private static final String PREFIX = "status-";

    public StatusChip() {
        getStyleClass().add("status-chip");
    }

    /** Shows {@code status} (a wire name such as {@code Published}) in its colour. */
    public void show(String status) {
        setText(status);
        getStyleClass().removeIf(c -> c.startsWith(PREFIX) && !c.equals("status-chip"));
        getStyleClass().add(PREFIX + status.toLowerCase(Locale.ROOT));
    }

    /** A table column of status chips; {@code status} gives a row's status by its wire name. */
    public static <T> TableColumn<T, String> column(Function<T, String> status, double width) {
        TableColumn<T, String> column = new TableColumn<>("Status");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(status.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            private final StatusChip chip = new StatusChip();

            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                if (empty || status == null) {
                    setGraphic(null);
                } else {
                    chip.show(status);
                    setGraphic(chip);
                }
            }
        });
        return column;
    }
}
