package dev.arca.ui.workflows;

import atlantafx.base.theme.Styles;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.ui.common.PageParts;
import dev.arca.workflow.VersionResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The Workflows page's tables and small labels: the plan, and a run's results (the run going and a past run's
 * report show the same one). Short columns never shrink below their content; the last, long one (reason, message)
 * takes the rest of the width and wraps, so it is never cut off.
 */
final class WorkflowTables {

    private WorkflowTables() {
    }

    static TableView<PlannedVersion> plan(ObservableList<PlannedVersion> entries) {
        TableView<PlannedVersion> table = new TableView<>(entries);
        table.getColumns().setAll(List.of(
                column("Package", v -> v.pkg().display(), 196, 196),
                column("Version", v -> v.version().version(), 80, 80),
                column("Status", v -> v.version().status().wireName(), 88, 88),
                column("Action", v -> v.kind().ruleName(), 68, 68),
                wrapping(column("Reason", v -> v.reason().text(), 240, 160))));
        return styled(table);
    }

    static TableView<VersionResult> results(ObservableList<VersionResult> results, String placeholder) {
        TableView<VersionResult> table = new TableView<>(results);
        TableColumn<VersionResult, String> result = chips(column("Result", r -> word(r.kind()), 84, 84),
                text -> switch (text) {
                    case "done", "skipped" -> "run-success";
                    case "failed" -> "run-danger";
                    default -> "run-warning";
                });
        table.getColumns().setAll(List.of(
                column("Package", r -> r.change().pkg().display(), 196, 196),
                column("Version", r -> r.change().version(), 80, 80),
                column("Action", r -> r.change().action().kind().ruleName(), 68, 68),
                result,
                wrapping(column("Message", r -> r.errorCode().map(c -> c + ": ").orElse("") + r.message(), 240,
                        160))));
        table.setPlaceholder(new Label(placeholder));
        return styled(table);
    }

    /** The stylesheet of the page's chips. */
    static final String STYLESHEET =
            Objects.requireNonNull(WorkflowTables.class.getResource("workflows.css")).toExternalForm();

    /** Draws {@code column}'s text as a chip coloured by {@code colour} ({@code run-success}, …). */
    static <T> TableColumn<T, String> chips(TableColumn<T, String> column, Function<String, String> colour) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            {
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                if (empty || text == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(text);
                chip.getStyleClass().setAll("label", "run-chip", colour.apply(text));
                setGraphic(chip);
            }
        });
        return column;
    }

    /** {@code done}, {@code skipped}, {@code failed}, {@code not run}. */
    static String word(VersionResult.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width, double min) {
        TableColumn<T, String> column = PageParts.textColumn(title, value, width, false);
        column.setMinWidth(min);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // A cell too narrow for its text shows it whole on hover.
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }

    /** The long column: wraps its text onto more lines rather than cutting it off. */
    private static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            // A Text wraps at a width it is given; a cell's own text would only be cut off with an ellipsis.
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    private static <T> TableView<T> styled(TableView<T> table) {
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    /** A small red sentence that shows only while {@code message} says something. */
    static Label error(ObservableValue<String> message) {
        Label label = new Label();
        label.textProperty().bind(message);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.visibleProperty().bind(message.map(m -> !m.isEmpty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
