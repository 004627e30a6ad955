package dev.arca.ui.access;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The access matrix drawn: a row per principal, a column per ability, each cell green or red and a button that
 * selects it for its explanation; in a "what changes" run the flipped cells are outlined and say what they were.
 */
final class MatrixGrid extends GridPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-cell");
    private static final double PRINCIPAL_WIDTH = 176;

    private final MatrixState matrix;

    MatrixGrid(MatrixState matrix) {
        this.matrix = Objects.requireNonNull(matrix);
        setId("access-matrix");
        getStyleClass().add("access-matrix");
        setHgap(8);
        setVgap(8);
        matrix.rows().subscribe(this::redraw);
        matrix.selectedProperty().subscribe(this::redraw);
    }

    private void redraw() {
        getChildren().clear();
        if (matrix.rows().isEmpty()) {
            return;
        }
        Label principalHeader = new Label("Principal");
        principalHeader.getStyleClass().add("matrix-header");
        add(principalHeader, 0, 0);
        for (Ability ability : Ability.values()) {
            Label header = new Label(ability.label());
            header.getStyleClass().add("matrix-header");
            header.setTooltip(new Tooltip(ability.actions()));
            add(header, ability.ordinal() + 1, 0);
        }
        for (int r = 0; r < matrix.rows().size(); r++) {
            MatrixRow row = matrix.rows().get(r);
            Label principal = new Label(row.principal().describe());
            principal.setTooltip(new Tooltip(row.principal().arn()));
            // Wraps before the account rather than shrinking to "r…" when the window is narrow.
            principal.setWrapText(true);
            principal.setMinWidth(PRINCIPAL_WIDTH);
            principal.setPrefWidth(PRINCIPAL_WIDTH);
            add(principal, 0, r + 1);
            for (MatrixCell cell : row.cells()) {
                add(cellButton(cell, r), cell.ability().ordinal() + 1, r + 1);
            }
        }
    }

    private Button cellButton(MatrixCell cell, int row) {
        String verdict = cell.problem().isPresent() ? "Unknown" : cell.allowed() ? "Allowed" : "Denied";
        String text = cell.flipped() ? verdict + " (was " + (cell.allowed() ? "denied" : "allowed") + ")" : verdict;
        Button button = new Button(text, new FontIcon(cell.problem().isPresent() ? Feather.HELP_CIRCLE
                : cell.allowed() ? Feather.CHECK : Feather.X));
        button.setId("cell-" + row + "-" + cell.ability().name().toLowerCase(java.util.Locale.ROOT));
        button.getStyleClass().addAll("matrix-cell", Styles.SMALL);
        if (cell.problem().isEmpty()) {
            button.getStyleClass().add(cell.allowed() ? "allowed" : "denied");
        }
        if (cell.flipped()) {
            button.getStyleClass().add("flipped");
        }
        button.pseudoClassStateChanged(SELECTED, cell.equals(matrix.selectedProperty().get()));
        button.setAlignment(Pos.CENTER_LEFT);
        button.setWrapText(true); // "Denied (was allowed)" takes two lines in a narrow cell
        button.setOnAction(e -> matrix.selectedProperty().set(cell));
        return button;
    }
}
