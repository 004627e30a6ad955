package dev.arca.ui.workflows;

import atlantafx.base.theme.Styles;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.ui.common.PageParts;
import dev.arca.workflow.VersionResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The Workflows page's tables and small labels: the plan, and a run's results (the run going and a past run's
 * report show the same one). Short columns keep to their content; the last, long one (reason, message) takes the
 * rest of the width and wraps, so it is never cut off.
 */
final class WorkflowTables {

    private WorkflowTables() {
    }

    static TableView<PlannedVersion> plan(ObservableList<PlannedVersion> entries) {
        TableView<PlannedVersion> table = new TableView<>(entries);
        table.getColumns().setAll(List.of(
                column("Package", v -> v.pkg().display(), 190, 120),
                column("Version", v -> v.version().version(), 72, 56),
                column("Status", v -> v.version().status().wireName(), 84, 72),
                column("Action", v -> v.kind().ruleName(), 64, 56),
                wrapping(column("Reason", v -> v.reason().text(), 240, 160))));
        return styled(table);
    }

    static TableView<VersionResult> results(ObservableList<VersionResult> results, String placeholder) {
        TableView<VersionResult> table = new TableView<>(results);
        TableColumn<VersionResult, String> result = column("Result", r -> word(r.kind()), 72, 64);
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
                if (!empty && text != null) {
                    getStyleClass().add(switch (text) {
                        case "done", "skipped" -> Styles.SUCCESS;
                        case "failed" -> Styles.DANGER;
                        default -> Styles.WARNING;
                    });
                }
            }
        });
        table.getColumns().setAll(List.of(
                column("Package", r -> r.change().pkg().display(), 190, 120),
                column("Version", r -> r.change().version(), 72, 56),
                column("Action", r -> r.change().action().kind().ruleName(), 64, 56),
                result,
                wrapping(column("Message", r -> r.errorCode().map(c -> c + ": ").orElse("") + r.message(), 240,
                        160))));
        table.setPlaceholder(new Label(placeholder));
        return styled(table);
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
            {
                setWrapText(true);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
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
