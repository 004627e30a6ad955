package dev.arca.ui.policies;

import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.SourceSpan;
import dev.arca.core.policy.json.Position;
import dev.arca.ui.policies.PolicyLineStyles.Decoration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * A JSON policy editor: syntax colours, line numbers, marks underlined at their spans with the explanation on hover,
 * and highlighted ranges (the statements that decided a simulation). {@link PolicyRestyler} restyles only the lines
 * an edit touched or whose marks changed: a key in a 7,168-character policy recolours a line or two, not 283.
 */
public final class PolicyCodeArea extends StackPane {

    private final CodeArea area = new CodeArea();
    private final PolicyRestyler restyler = new PolicyRestyler(area);
    private final Popup hover = new Popup();
    private final Label hoverText = new Label();
    private List<PolicyMark> marks = List.of();
    private final List<Decoration> highlights = new ArrayList<>();
    private boolean updatingFromModel;

    public PolicyCodeArea() {
        getStyleClass().add("policy-code-area");
        area.getStyleClass().add("policy-code");
        area.setParagraphGraphicFactory(new LineNumbers(area));
        hoverText.getStyleClass().add("policy-hover");
        hoverText.setWrapText(true);
        hoverText.setMaxWidth(420);
        hover.getContent().add(hoverText);
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> markAt(event.getCharacterIndex())
                .ifPresent(mark -> {
                    hoverText.setText(mark.message());
                    hover.show(area, event.getScreenPosition().getX(), event.getScreenPosition().getY() + 12);
                }));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> hover.hide());
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    /** Keeps the editor's text and {@code text} the same both ways; typing stays in the editor's undo history. */
    public void bindText(StringProperty text) {
        area.replaceText(text.get());
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((obs, old, now) -> {
            if (!updatingFromModel && !now.equals(text.get())) {
                text.set(now);
            }
        });
        text.addListener((obs, old, now) -> {
            String shown = area.getText();
            if (!now.equals(shown)) {
                updatingFromModel = true;
                try {
                    replaceWhatDiffers(shown, now);
                } finally {
                    updatingFromModel = false;
                }
            }
        });
    }

    /**
     * Replaces only the stretch where {@code shown} and {@code now} differ: Format rewrites the few lines that were
     * not in the normal layout, and the other lines of a long policy keep their cells, colours and the scroll
     * position instead of all being built again. The new text comes in its colours.
     */
    private void replaceWhatDiffers(String shown, String now) {
        int most = Math.min(shown.length(), now.length());
        int prefix = 0;
        while (prefix < most && shown.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < most - prefix
                && shown.charAt(shown.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        restyler.replace(prefix, shown.length() - suffix, now.substring(prefix, now.length() - suffix));
    }

    /** Underlines {@code marks} at their spans (a mark without a place is not drawn) and explains each on hover. */
    public void setMarks(Collection<PolicyMark> marks) {
        this.marks = List.copyOf(marks);
        restyler.decorate(decorations());
    }

    /** Highlights the text of {@code span}, e.g. a statement that decided a simulation, and shows it. */
    public void highlight(SourceSpan span) {
        highlightOffsets(span.start().offset(), span.end().offset());
    }

    /** Highlights lines {@code from} to {@code to}, both counted from 1 and included, and shows them. */
    public void highlightLines(int from, int to) {
        int paragraphs = area.getParagraphs().size();
        int first = Math.clamp(from - 1, 0, paragraphs - 1);
        int last = Math.clamp(to - 1, first, paragraphs - 1);
        highlightOffsets(area.getAbsolutePosition(first, 0),
                area.getAbsolutePosition(last, area.getParagraphLength(last)));
    }

    public void clearHighlights() {
        highlights.clear();
        restyler.decorate(decorations());
    }

    /**
     * Wraps lines longer than the editor is wide. The content then stays as wide as the editor: without wrapping, each
     * key on such a line widens the content and RichTextFX lays out every line shown again (14–24 ms a key with a
     * 7,168-character policy). Wrapped lines lose their indentation, so narrow editors of short policies keep them.
     */
    public void wrapLongLines() {
        area.setWrapText(true);
    }

    /** Puts the caret at {@code position} and scrolls to it. */
    public void moveTo(Position position) {
        int offset = Math.min(position.offset(), area.getLength());
        area.moveTo(offset);
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** The editor itself, for focus and tests. */
    public CodeArea area() {
        return area;
    }

    private void highlightOffsets(int start, int end) {
        int length = area.getLength();
        highlights.add(new Decoration(Math.clamp(start, 0, length), Math.clamp(end, 0, length), "decisive"));
        restyler.decorate(decorations());
        area.moveTo(Math.clamp(start, 0, length));
        area.requestFollowCaret();
    }

    private Optional<PolicyMark> markAt(int index) {
        return marks.stream().filter(m -> m.start().isPresent()).filter(m -> {
            int start = m.start().get().offset();
            int end = Math.max(start + 1, m.end().map(Position::offset).orElse(start + 1));
            return index >= start && index < end;
        }).findFirst();
    }

    /** The marks (those with a place) and highlights as styled stretches of the text as it is now. */
    private List<Decoration> decorations() {
        int length = area.getLength();
        List<Decoration> out = new ArrayList<>();
        for (PolicyMark mark : marks) {
            mark.start().ifPresent(start -> {
                int from = Math.min(start.offset(), Math.max(0, length - 1));
                int to = Math.max(from + 1, Math.min(length, mark.end().map(Position::offset).orElse(from + 1)));
                out.add(new Decoration(from, to, mark.type() == FindingType.ERROR ? "mark-error" : "mark-warning"));
            });
        }
        out.addAll(highlights);
        return out;
    }
}
