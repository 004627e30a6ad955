package dev.arca.ui.access;

import dev.arca.core.iam.PrincipalArn;
import java.util.List;
import java.util.Objects;

/** A row of the access matrix: one principal and its cells in {@link Ability} order. */
public record MatrixRow(PrincipalArn principal, List<MatrixCell> cells) {
    public MatrixRow {
        Objects.requireNonNull(principal, "principal");
        cells = List.copyOf(cells);
    }

    public MatrixCell cell(Ability ability) {
        return cells.get(ability.ordinal());
    }
}
