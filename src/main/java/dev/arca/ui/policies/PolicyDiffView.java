package dev.arca.ui.policies;

import dev.arca.core.policy.LineDiff;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Two normalized policies side by side, line against line, removed lines red on the left, added green on the right. */
final class PolicyDiffView extends ScrollPane {

    PolicyDiffView(String leftTitle, String rightTitle, List<LineDiff.Row> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("diff-table");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(half, half);
        grid.add(cell(leftTitle, "diff-heading"), 0, 0);
        grid.add(cell(rightTitle, "diff-heading"), 1, 0);
        int line = 1;
        for (LineDiff.Row row : rows) {
            grid.add(cell(row.left(), row.change() == LineDiff.Change.REMOVED ? "diff-removed" : null), 0, line);
            grid.add(cell(row.right(), row.change() == LineDiff.Change.ADDED ? "diff-added" : null), 1, line);
            line++;
        }
        setContent(grid);
        setFitToWidth(true);
        setPrefViewportHeight(360);
    }

    private static Label cell(String text, String style) {
        Label label = new Label(text.isEmpty() ? " " : text);
        label.getStyleClass().add("diff-cell");
        if (style != null) {
            label.getStyleClass().add(style);
        }
        label.setMaxWidth(Double.MAX_VALUE);
        // A long line scrolls sideways rather than ending in an ellipsis: the diff must show what is saved.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
