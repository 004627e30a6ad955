package dev.arca.ui.policies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The style classes of one line of a policy: its JSON colours, with the marks and highlights that cross it on top.
 * No JSON token spans a line break (JSON strings have none; an open quote ends at its line's end), so a line's
 * colours depend on its own text alone and an edit recolours only the lines it touched.
 */
final class PolicyLineStyles {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<key>\"(?:[^\"\\\\\\n]|\\\\.)*\"(?=\\s*:))|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"?)"
                    + "|(?<literal>-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)|(?<brace>[{}\\[\\]])");
    private static final List<String> KEY = List.of("json-key");
    private static final List<String> STRING = List.of("json-string");
    private static final List<String> LITERAL = List.of("json-literal");
    private static final List<String> BRACE = List.of("json-brace");

    private PolicyLineStyles() {
    }

    /** A styled stretch of the whole text, e.g. a mark or a highlight; {@code to} exclusive. */
    record Decoration(int from, int to, String style) {
    }

    /**
     * The styles of {@code line}, which starts at offset {@code lineStart} of the text; {@code decorations} are in
     * the text's offsets and may lie anywhere.
     */
    static StyleSpans<Collection<String>> of(String line, int lineStart, List<Decoration> decorations) {
        List<Collection<String>> perChar = new ArrayList<>(line.length());
        for (int i = 0; i < line.length(); i++) {
            perChar.add(List.of());
        }
        Matcher matcher = TOKENS.matcher(line);
        while (matcher.find()) {
            List<String> style = matcher.group("key") != null ? KEY : matcher.group("string") != null ? STRING
                    : matcher.group("literal") != null ? LITERAL : BRACE;
            for (int i = matcher.start(); i < matcher.end(); i++) {
                perChar.set(i, style);
            }
        }
        for (Decoration decoration : decorations) {
            int from = Math.max(decoration.from() - lineStart, 0);
            int to = Math.min(decoration.to() - lineStart, line.length());
            for (int i = from; i < to; i++) {
                List<String> both = new ArrayList<>(perChar.get(i));
                both.add(decoration.style());
                perChar.set(i, both);
            }
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int runFrom = 0;
        for (int i = 1; i <= line.length(); i++) {
            if (i == line.length() || !perChar.get(i).equals(perChar.get(runFrom))) {
                builder.add(perChar.get(runFrom), i - runFrom);
                runFrom = i;
            }
        }
        if (line.isEmpty()) {
            builder.add(List.of(), 0);
        }
        return builder.create();
    }

    /** Whether {@code a} and {@code b} give each character the same styles, however their spans are cut. */
    static boolean same(StyleSpans<Collection<String>> a, StyleSpans<Collection<String>> b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        int j = 0;
        int leftA = 0;
        int leftB = 0;
        Collection<String> styleA = null;
        Collection<String> styleB = null;
        for (int done = 0; done < a.length(); ) {
            if (leftA == 0) {
                StyleSpan<Collection<String>> span = a.getStyleSpan(i++);
                styleA = span.getStyle();
                leftA = span.getLength();
                continue;
            }
            if (leftB == 0) {
                StyleSpan<Collection<String>> span = b.getStyleSpan(j++);
                styleB = span.getStyle();
                leftB = span.getLength();
                continue;
            }
            if (!styleA.equals(styleB)) {
                return false;
            }
            int step = Math.min(leftA, leftB);
            leftA -= step;
            leftB -= step;
            done += step;
        }
        return true;
    }

    /** Whether any character of {@code spans} carries a decoration rather than only its JSON colour. */
    static boolean decorated(StyleSpans<Collection<String>> spans, Collection<String> decorationStyles) {
        for (int i = 0; i < spans.getSpanCount(); i++) {
            for (String style : spans.getStyleSpan(i).getStyle()) {
                if (decorationStyles.contains(style)) {
                    return true;
                }
            }
        }
        return false;
    }
}
