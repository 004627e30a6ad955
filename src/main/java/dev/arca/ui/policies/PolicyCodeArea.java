package dev.arca.ui.policies;

import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.SourceSpan;
import dev.arca.core.policy.json.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A JSON policy editor: syntax colours, line numbers, marks underlined at their spans with the explanation on hover,
 * and highlighted ranges (the statements that decided a simulation). Colouring is one regular-expression pass over
 * the text after typing pauses briefly, well under a millisecond for CodeArtifact's largest policy (7,168 characters).
 */
public final class PolicyCodeArea extends StackPane {

    /** JSON tokens; a string ends at its line's end, as JSON has no line breaks in strings (an open one stays local). */
    private static final Pattern TOKENS = Pattern.compile(
            "(?<key>\"(?:[^\"\\\\\\n]|\\\\.)*\"(?=\\s*:))|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"?)"
                    + "|(?<literal>-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)|(?<brace>[{}\\[\\]])");
    private static final Duration RESTYLE_AFTER = Duration.ofMillis(30);

    private final CodeArea area = new CodeArea();
    private final Popup hover = new Popup();
    private final Label hoverText = new Label();
    private List<PolicyMark> marks = List.of();
    private final List<int[]> highlights = new ArrayList<>();
    /** The text last coloured and its syntax colours. */
    private String syntaxOf = "";
    private StyleSpans<Collection<String>> syntax;
    /** Whether the marks or highlights changed since the last restyle, which must then run for the same text too. */
    private boolean decorationsChanged = true;
    private boolean updatingFromModel;

    public PolicyCodeArea() {
        getStyleClass().add("policy-code-area");
        area.getStyleClass().add("policy-code");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);
        area.multiPlainChanges().successionEnds(RESTYLE_AFTER).subscribe(ignore -> restyle());
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
     * position instead of all being built again.
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
        area.replaceText(prefix, shown.length() - suffix, now.substring(prefix, now.length() - suffix));
    }

    /** Underlines {@code marks} at their spans (a mark without a place is not drawn) and explains each on hover. */
    public void setMarks(Collection<PolicyMark> marks) {
        this.marks = List.copyOf(marks);
        decorationsChanged = true;
        restyle();
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
        decorationsChanged = true;
        restyle();
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
        highlights.add(new int[] {Math.clamp(start, 0, length), Math.clamp(end, 0, length)});
        decorationsChanged = true;
        restyle();
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

    private void restyle() {
        String text = area.getText();
        if (text.isEmpty() || text.equals(syntaxOf) && !decorationsChanged) {
            return; // a key that changed the marks restyled already, before typing paused
        }
        if (!text.equals(syntaxOf)) {
            syntaxOf = text;
            syntax = syntax(text);
        }
        decorationsChanged = false;
        StyleSpans<Collection<String>> spans = syntax
                .overlay(ranges(text.length(), markRanges(text.length())), PolicyCodeArea::union)
                .overlay(ranges(text.length(), highlightRanges()), PolicyCodeArea::union);
        apply(spans);
    }

    /**
     * Sets {@code spans} (the whole text's) on the paragraphs whose styles differ, one call per run of them: a key
     * typed or a mark moved changes a line or two, and restyling every line of a long policy redraws every line
     * shown (tens of milliseconds a key with a 7,168-character policy).
     */
    private void apply(StyleSpans<Collection<String>> spans) {
        SpanCursor wanted = new SpanCursor(spans);
        int paragraphs = area.getParagraphs().size();
        int offset = 0;
        int runFrom = -1;
        for (int p = 0; p < paragraphs; p++) {
            int length = area.getParagraphLength(p);
            boolean differs = !wanted.next(length, area.getStyleSpans(p)) && length > 0;
            if (differs && runFrom < 0) {
                runFrom = offset;
            } else if (!differs && runFrom >= 0) {
                area.setStyleSpans(runFrom, spans.subView(runFrom, offset - 1));
                runFrom = -1;
            }
            wanted.next(1, null); // the line break
            offset += length + 1;
        }
        if (runFrom >= 0) {
            area.setStyleSpans(runFrom, spans.subView(runFrom, offset - 1));
        }
    }

    private static StyleSpans<Collection<String>> syntax(String text) {
        Matcher matcher = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int last = 0;
        while (matcher.find()) {
            String style = matcher.group("key") != null ? "json-key" : matcher.group("string") != null ? "json-string"
                    : matcher.group("literal") != null ? "json-literal" : "json-brace";
            builder.add(Collections.emptyList(), matcher.start() - last);
            builder.add(List.of(style), matcher.end() - matcher.start());
            last = matcher.end();
        }
        builder.add(Collections.emptyList(), text.length() - last);
        return builder.create();
    }

    private List<Range> markRanges(int length) {
        List<Range> out = new ArrayList<>();
        for (PolicyMark mark : marks) {
            mark.start().ifPresent(start -> {
                int from = Math.min(start.offset(), Math.max(0, length - 1));
                int to = Math.max(from + 1, Math.min(length, mark.end().map(Position::offset).orElse(from + 1)));
                out.add(new Range(from, to, mark.type() == FindingType.ERROR ? "mark-error" : "mark-warning"));
            });
        }
        return out;
    }

    private List<Range> highlightRanges() {
        return highlights.stream().map(h -> new Range(h[0], h[1], "decisive")).toList();
    }

    /** Spans of {@code length} characters with each range's style, ranges sorted and overlapping ones merged. */
    private static StyleSpans<Collection<String>> ranges(int length, List<Range> ranges) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int at = 0;
        for (Range range : ranges.stream().sorted(java.util.Comparator.comparingInt(Range::from)).toList()) {
            int from = Math.max(range.from(), at);
            int to = Math.min(range.to(), length);
            if (to <= from) {
                continue;
            }
            builder.add(Collections.emptyList(), from - at);
            builder.add(List.of(range.style()), to - from);
            at = to;
        }
        builder.add(Collections.emptyList(), Math.max(0, length - at));
        return builder.create();
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private record Range(int from, int to, String style) {
    }

    /** Walks the style spans of a text from its start, a stretch of characters at a time. */
    private static final class SpanCursor {
        private final Iterator<StyleSpan<Collection<String>>> spans;
        private Collection<String> style = List.of();
        private int left;

        SpanCursor(StyleSpans<Collection<String>> spans) {
            this.spans = spans.iterator();
        }

        /**
         * Moves past the next {@code length} characters; true if {@code expected} (null for any) styles them the
         * same, however its spans are cut.
         */
        boolean next(int length, StyleSpans<Collection<String>> expected) {
            int toGo = length;
            boolean same = expected == null || expected.length() == length;
            if (expected != null && same) {
                compare:
                for (StyleSpan<Collection<String>> span : expected) {
                    for (int n = span.getLength(); n > 0; ) {
                        if (!fill() || !style.equals(span.getStyle())) {
                            same = false;
                            break compare;
                        }
                        int step = Math.min(n, left);
                        n -= step;
                        left -= step;
                        toGo -= step;
                    }
                }
            }
            while (toGo > 0 && fill()) {
                int step = Math.min(toGo, left);
                left -= step;
                toGo -= step;
            }
            return same;
        }

        private boolean fill() {
            while (left == 0 && spans.hasNext()) {
                StyleSpan<Collection<String>> span = spans.next();
                style = span.getStyle();
                left = span.getLength();
            }
            return left > 0;
        }
    }
}
