package dev.arca.core.policy.json;

import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonBool;
import dev.arca.core.policy.json.JsonValue.JsonNull;
import dev.arca.core.policy.json.JsonValue.JsonNumber;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A strict RFC 8259 reader that keeps every value's position and path: no comments, no trailing commas, no
 * single quotes, no leading zeros, no lone surrogates, nothing after the top-level value.
 */
public final class JsonReader {

    /** Far deeper than any policy; keeps hostile input from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private final int[] lineStarts;
    private int at;

    private JsonReader(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** Reads one JSON value (surrounded by optional whitespace) or throws {@link JsonSyntaxException}. */
    public static JsonValue read(String text) {
        Objects.requireNonNull(text, "text");
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        if (reader.at == text.length()) {
            throw reader.error("Empty document: expected a JSON value", reader.at);
        }
        JsonValue value = reader.value(JsonPath.ROOT, 0);
        reader.skipWhitespace();
        if (reader.at < text.length()) {
            throw reader.error("Unexpected " + reader.describeHere() + " after the end of the JSON value", reader.at);
        }
        return value;
    }

    private JsonValue value(JsonPath path, int depth) {
        if (at >= text.length()) {
            throw error("Unexpected end of input: expected a value", at);
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(path, depth + 1);
            case '[' -> array(path, depth + 1);
            case '"' -> {
                int start = at;
                String s = string();
                yield new JsonString(s, position(start), position(at), path);
            }
            case 't' -> literal("true", new JsonBool(true, position(at), position(at + 4), path));
            case 'f' -> literal("false", new JsonBool(false, position(at), position(at + 5), path));
            case 'n' -> literal("null", new JsonNull(position(at), position(at + 4), path));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number(path);
                }
                throw error("Unexpected " + describeHere() + ": expected a value", at);
            }
        };
    }

    private JsonObject object(JsonPath path, int depth) {
        checkDepth(depth);
        int start = at++;
        List<Member> members = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return new JsonObject(members, position(start), position(at), path);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("Unexpected " + describeHere() + ": expected a member name in double quotes", at);
            }
            int keyStart = at;
            String key = string();
            skipWhitespace();
            expect(':', "':' after the member name");
            skipWhitespace();
            members.add(new Member(key, position(keyStart), value(path.key(key), depth)));
            skipWhitespace();
            char c = peek();
            at++;
            if (c == '}') {
                return new JsonObject(members, position(start), position(at), path);
            }
            if (c != ',') {
                at--;
                throw error("Unexpected " + describeHere() + ": expected ',' or '}' in the object", at);
            }
            skipWhitespace();
            if (peek() == '}') {
                throw error("Trailing comma before '}'", at);
            }
        }
    }

    private JsonArray array(JsonPath path, int depth) {
        checkDepth(depth);
        int start = at++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return new JsonArray(elements, position(start), position(at), path);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(path.index(elements.size()), depth));
            skipWhitespace();
            char c = peek();
            at++;
            if (c == ']') {
                return new JsonArray(elements, position(start), position(at), path);
            }
            if (c != ',') {
                at--;
                throw error("Unexpected " + describeHere() + ": expected ',' or ']' in the array", at);
            }
            skipWhitespace();
            if (peek() == ']') {
                throw error("Trailing comma before ']'", at);
            }
        }
    }

    private String string() {
        int open = at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("Unterminated string (opened at " + position(open).describe() + ")", at);
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("Control character U+%04X must be escaped in a string".formatted((int) c), at);
            }
            if (c == '\\') {
                escape(out);
            } else {
                if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
                    // Raw surrogates only arrive from a broken Java string; keep pairs, refuse halves.
                    if (Character.isHighSurrogate(c) && at + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(at + 1))) {
                        out.append(c).append(text.charAt(at + 1));
                        at += 2;
                        continue;
                    }
                    throw error("Unpaired surrogate U+%04X in a string".formatted((int) c), at);
                }
                out.append(c);
                at++;
            }
        }
    }

    private void escape(StringBuilder out) {
        int start = at;
        at++;
        if (at >= text.length()) {
            throw error("Unterminated escape sequence", start);
        }
        char e = text.charAt(at++);
        switch (e) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4(start);
                if (Character.isHighSurrogate(unit)) {
                    if (text.startsWith("\\u", at)) {
                        int lowStart = at;
                        at += 2;
                        char low = hex4(lowStart);
                        if (Character.isLowSurrogate(low)) {
                            out.append(unit).append(low);
                            return;
                        }
                    }
                    throw error("Unpaired surrogate \\u%04X: a high surrogate must be followed by a \\u low surrogate"
                            .formatted((int) unit), start);
                }
                if (Character.isLowSurrogate(unit)) {
                    throw error("Unpaired surrogate \\u%04X: a low surrogate must follow a high surrogate"
                            .formatted((int) unit), start);
                }
                out.append(unit);
            }
            default -> throw error("Invalid escape sequence '\\" + printable(e) + "'", start);
        }
    }

    private char hex4(int escapeStart) {
        if (at + 4 > text.length()) {
            throw error("Invalid \\u escape: expected 4 hex digits", escapeStart);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0 || text.charAt(at + i) > 'f') {
                throw error("Invalid \\u escape: expected 4 hex digits", escapeStart);
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private JsonNumber number(JsonPath path) {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
            if (isDigit(peek())) {
                throw error("Leading zeros are not allowed in a number", start);
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("Invalid number: expected a digit after '-'", at);
        }
        if (peek() == '.') {
            at++;
            if (!isDigit(peek())) {
                throw error("Invalid number: expected a digit after '.'", at);
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw error("Invalid number: expected a digit in the exponent", at);
            }
            digits();
        }
        return new JsonNumber(text.substring(start, at), position(start), position(at), path);
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private <T extends JsonValue> T literal(String word, T value) {
        if (!text.startsWith(word, at)) {
            throw error("Unexpected " + describeHere() + ": expected a value", at);
        }
        at += word.length();
        return value;
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error("Unexpected " + describeHere() + ": expected " + what, at);
        }
        at++;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("Nesting deeper than " + MAX_DEPTH + " levels", at);
        }
    }

    /** The current character, or U+0000 past the end (never valid where a token is expected). */
    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private String describeHere() {
        return at >= text.length() ? "end of input" : "character '" + printable(text.charAt(at)) + "'";
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? "\\u%04X".formatted((int) c) : String.valueOf(c);
    }

    private JsonSyntaxException error(String detail, int offset) {
        return new JsonSyntaxException(detail, position(offset));
    }

    Position position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new Position(line + 1, offset - lineStarts[line], offset);
    }

    /** Offsets where each line begins; {@code \r\n}, {@code \n} and a lone {@code \r} each end a line. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
