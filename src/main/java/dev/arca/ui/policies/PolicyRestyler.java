package dev.arca.ui.policies;

import dev.arca.ui.policies.PolicyLineStyles.Decoration;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.fxmisc.richtext.model.TwoDimensional.Position;

/**
 * Keeps a code area's styles what its text and decorations want, restyling only the lines an edit touched and those
 * whose decorations changed, once a pulse just before layout. Each style change is a change of the document that
 * RichTextFX lays out and draws again, so a key that also moves the syntax problem's mark costs one change, not one
 * for the key and another for the mark.
 */
final class PolicyRestyler {

    private static final Set<String> DECORATION_STYLES = Set.of("mark-error", "mark-warning", "decisive");

    private final CodeArea area;
    private final Runnable beforeLayout = this::flush;
    private List<Decoration> decorations = List.of();
    private boolean decorationsChanged;
    /** The stretch of the text edited since the last restyle, end exclusive; from &gt; to when none. */
    private int editedFrom = Integer.MAX_VALUE;
    private int editedTo = Integer.MIN_VALUE;

    PolicyRestyler(CodeArea area) {
        this.area = Objects.requireNonNull(area, "area");
        area.plainTextChanges().subscribe(this::edited);
        area.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(beforeLayout);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(beforeLayout);
            }
        });
    }

    /** Styles {@code decorations} (stretches of the text as it is now) on top of the JSON colours. */
    void decorate(List<Decoration> decorations) {
        this.decorations = List.copyOf(decorations);
        decorationsChanged = true;
        requestRestyle();
    }

    /**
     * Replaces {@code from}–{@code to} of the text with {@code text} already in the colours its lines will have. The
     * new lines are then one change of the document, laid out once: inserted plain and restyled before layout, they
     * were two, and RichTextFX replaced every new line a second time (Format's 17 lines in one pulse).
     */
    void replace(int from, int to, String text) {
        Position first = area.offsetToPosition(from, Bias.Forward);
        Position last = area.offsetToPosition(to, Bias.Forward);
        String head = area.getParagraph(first.getMajor()).getText().substring(0, first.getMinor());
        String tail = area.getParagraph(last.getMajor()).getText().substring(last.getMinor());
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> lines =
                new ReadOnlyStyledDocumentBuilder<>(area.getSegOps(), area.getInitialParagraphStyle());
        int offset = from - head.length();
        for (String line : (head + text + tail).split("\n", -1)) {
            lines.addParagraph(line, PolicyLineStyles.of(line, offset, decorations));
            offset += line.length() + 1;
        }
        area.replace(from, to, lines.build().subSequence(head.length(), head.length() + text.length()));
    }

    private void edited(PlainTextChange change) {
        int at = change.getPosition();
        if (editedFrom <= editedTo) { // an earlier edit in the same pulse: move its stretch with this one
            editedFrom = shifted(editedFrom, change);
            editedTo = shifted(editedTo, change);
        }
        editedFrom = Math.min(editedFrom, at);
        editedTo = Math.max(editedTo, change.getInsertionEnd());
        requestRestyle();
    }

    private static int shifted(int offset, PlainTextChange change) {
        if (offset <= change.getPosition()) {
            return offset;
        }
        return offset >= change.getRemovalEnd() ? offset + change.getNetLength() : change.getInsertionEnd();
    }

    private void requestRestyle() {
        Scene scene = area.getScene();
        if (scene == null) {
            return; // restyled before the first layout in a scene
        }
        Platform.requestNextPulse();
    }

    private void flush() {
        BitSet lines = new BitSet();
        if (editedFrom <= editedTo) {
            lines.set(line(editedFrom, Bias.Forward), line(editedTo, Bias.Forward) + 1);
            editedFrom = Integer.MAX_VALUE;
            editedTo = Integer.MIN_VALUE;
        }
        if (decorationsChanged) {
            decorationsChanged = false;
            List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs = area.getParagraphs();
            for (int p = 0; p < paragraphs.size(); p++) {
                if (PolicyLineStyles.decorated(paragraphs.get(p).getStyleSpans(), DECORATION_STYLES)) {
                    lines.set(p);
                }
            }
            for (Decoration decoration : decorations) {
                lines.set(line(decoration.from(), Bias.Forward), line(decoration.to(), Bias.Backward) + 1);
            }
        }
        for (int p = lines.nextSetBit(0); p >= 0; p = lines.nextSetBit(lines.nextClearBit(p))) {
            restyle(p, lines.nextClearBit(p) - 1);
        }
    }

    private int line(int offset, Bias bias) {
        return area.offsetToPosition(Math.clamp(offset, 0, area.getLength()), bias).getMajor();
    }

    /** Sets the wanted styles on lines {@code first} to {@code last} where they differ, one change per run of them. */
    private void restyle(int first, int last) {
        StyleSpansBuilder<Collection<String>> run = null;
        int runStart = 0;
        int offset = area.getAbsolutePosition(first, 0);
        for (int p = first; p <= last; p++) {
            Paragraph<Collection<String>, String, Collection<String>> paragraph = area.getParagraph(p);
            StyleSpans<Collection<String>> wanted = PolicyLineStyles.of(paragraph.getText(), offset, decorations);
            boolean differs = paragraph.length() > 0 && !PolicyLineStyles.same(wanted, paragraph.getStyleSpans());
            if (differs) {
                if (run == null) {
                    run = new StyleSpansBuilder<>();
                    runStart = offset;
                } else {
                    run.add(List.of(), 1); // the line break before this line
                }
                run.addAll(wanted);
            } else if (run != null) {
                area.setStyleSpans(runStart, run.create());
                run = null;
            }
            offset += paragraph.length() + 1;
        }
        if (run != null) {
            area.setStyleSpans(runStart, run.create());
        }
    }
}
