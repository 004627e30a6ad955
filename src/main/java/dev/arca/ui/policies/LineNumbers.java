package dev.arca.ui.policies;

import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * The line-number gutter: a plain {@link Text} per line, right-aligned in a fixed number of columns. RichTextFX asks
 * for a new graphic whenever a line's index changes, so Enter or Format renumbers every line shown below the edit;
 * RichTextFX's own factory builds two {@code Label}s (controls with skins, CSS and bindings) per line each time, a
 * text node is a fraction of that. The columns grow with the line count and are at least three.
 */
final class LineNumbers implements IntFunction<Node> {

    private final GenericStyledArea<?, ?, ?> area;

    LineNumbers(GenericStyledArea<?, ?, ?> area) {
        this.area = area;
    }

    @Override
    public Node apply(int index) {
        int columns = Math.max(3, String.valueOf(area.getParagraphs().size()).length());
        Text number = new Text(" ".repeat(columns - digits(index + 1) + 1) + (index + 1) + "  ");
        number.getStyleClass().add("lineno");
        return number;
    }

    private static int digits(int number) {
        return String.valueOf(number).length();
    }
}
