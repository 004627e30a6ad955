package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonReader;
import dev.arca.core.policy.json.JsonSyntaxException;
import dev.arca.core.policy.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Writes a policy document in one normal form: two-space indentation, members in the order written, short string
 * lists on one line. Two documents that differ only in layout format to the same text, which is what diffs compare.
 */
public final class PolicyFormatter {

    private static final int INLINE_WIDTH = 72;

    private PolicyFormatter() {
    }

    /** The normal form of {@code text}, or empty when it is not JSON. */
    public static Optional<String> format(String text) {
        try {
            StringBuilder out = new StringBuilder();
            write(JsonReader.read(text), 0, out);
            return Optional.of(out.append('\n').toString());
        } catch (JsonSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The normal form of {@code text}, or the text itself when it is not JSON. */
    public static String formatOrKeep(String text) {
        return format(text).orElse(text);
    }

    private static void write(JsonValue value, int depth, StringBuilder out) {
        switch (value) {
            case JsonValue.JsonObject object -> {
                if (object.members().isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                List<JsonValue.Member> members = object.members();
                for (int i = 0; i < members.size(); i++) {
                    indent(depth + 1, out);
                    quote(members.get(i).key(), out);
                    out.append(": ");
                    write(members.get(i).value(), depth + 1, out);
                    out.append(i + 1 < members.size() ? ",\n" : "\n");
                }
                indent(depth, out);
                out.append('}');
            }
            case JsonValue.JsonArray array -> writeArray(array, depth, out);
            case JsonValue.JsonString string -> quote(string.value(), out);
            case JsonValue.JsonNumber number -> out.append(number.text());
            case JsonValue.JsonBool bool -> out.append(bool.value());
            case JsonValue.JsonNull ignored -> out.append("null");
        }
    }

    private static void writeArray(JsonValue.JsonArray array, int depth, StringBuilder out) {
        if (array.elements().isEmpty()) {
            out.append("[]");
            return;
        }
        if (array.elements().stream().allMatch(e -> e instanceof JsonValue.JsonString)) {
            StringBuilder line = new StringBuilder("[");
            for (int i = 0; i < array.elements().size(); i++) {
                quote(((JsonValue.JsonString) array.elements().get(i)).value(), line);
                line.append(i + 1 < array.elements().size() ? ", " : "]");
            }
            if (line.length() + depth * 2 <= INLINE_WIDTH) {
                out.append(line);
                return;
            }
        }
        out.append("[\n");
        for (int i = 0; i < array.elements().size(); i++) {
            indent(depth + 1, out);
            write(array.elements().get(i), depth + 1, out);
            out.append(i + 1 < array.elements().size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
