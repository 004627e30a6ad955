package dev.arca.ui.common;

import atlantafx.base.theme.Styles;
import java.util.Collection;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.ValidationDecoration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Marks a field whose value a ViewModel refuses: the AtlantaFX danger border and ControlsFX's error decoration at
 * the field's corner, whose tooltip says the ViewModel's sentence. The page keeps that sentence under the field too:
 * the decoration points at the field, the sentence says what to do.
 */
public final class FieldProblems {

    private static final ValidationDecoration DECORATION = new ThemedDecoration();
    private static final String DECORATED = "arca.field-problem";
    private static final String SOURCE = "arca.field-problem-source";

    private FieldProblems() {
    }

    /** Keeps {@code field} marked while {@code problem} is not empty. */
    public static void mark(Control field, ObservableValue<String> problem) {
        // Held by the field: a binding made just for this call is only weakly held by what it observes.
        field.getProperties().put(SOURCE, problem);
        problem.subscribe(sentence -> {
            boolean wrong = sentence != null && !sentence.isEmpty();
            field.pseudoClassStateChanged(Styles.STATE_DANGER, wrong);
            // Decorating installs ControlsFX's decoration layer in the scene: only once a field is first wrong.
            if (field.getProperties().remove(DECORATED) != null) {
                DECORATION.removeDecorations(field);
            }
            if (wrong) {
                DECORATION.applyValidationDecoration(ValidationMessage.error(field, sentence));
                field.getProperties().put(DECORATED, Boolean.TRUE);
            }
        });
    }

    /**
     * ControlsFX's graphic decoration in the theme's colours: its own picture and tooltip carry fixed colours inline,
     * which no stylesheet can change, so the mark is a Feather icon inside the field's right end, with a tooltip
     * styled by class ({@code controlsfx.css}).
     */
    private static final class ThemedDecoration extends GraphicValidationDecoration {

        @Override
        protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
            FontIcon mark = new FontIcon(Feather.ALERT_CIRCLE);
            mark.getStyleClass().add("field-problem-mark");
            Tooltip tooltip = new Tooltip(message.getText());
            tooltip.getStyleClass().add("field-problem-tooltip");
            StackPane holder = new StackPane(mark); // a region: a text node's bounds start at its baseline
            holder.getStyleClass().add("field-problem");
            holder.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            Tooltip.install(holder, tooltip);
            // Inside the field's right end; on a combo box, left of its arrow.
            double inset = message.getTarget() instanceof ComboBoxBase<?> ? -40 : -14;
            return List.of(new GraphicDecoration(holder, Pos.CENTER_RIGHT, inset, 0));
        }
    }
}
