package dev.arca.core.policy;

import dev.arca.core.policy.Finding.Location;
import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import dev.arca.core.policy.json.Position;
import java.util.ArrayList;
import java.util.List;

/** The findings of one lint run, and the element readers every check shares (they report bad JSON shapes as they read). */
final class LintFindings {

    private final List<Finding> findings = new ArrayList<>();

    void add(FindingType type, String code, String details, JsonValue at) {
        findings.add(new Finding(type, code, details, List.of(Location.of(at))));
    }

    void add(FindingType type, String code, String details, Location at) {
        findings.add(new Finding(type, code, details, List.of(at)));
    }

    /** A finding about an object member's key (e.g. an unknown element): the key's quoted text is the span. */
    void addAtKey(FindingType type, String code, String details, JsonObject owner, Member member) {
        Position start = member.keyPosition();
        // The key's written length: escapes are rare in policy keys, so the decoded length plus quotes is close enough.
        Position end = new Position(start.line(), start.column() + member.key().length() + 2,
                start.offset() + member.key().length() + 2);
        add(type, code, details, new Location(owner.path().key(member.key()), start, end));
    }

    List<Finding> all() {
        return List.copyOf(findings);
    }

    /**
     * The strings of an element that takes a string or an array of strings ({@code Action}, {@code Resource}, principal
     * values); anything else is reported as a data type mismatch and skipped. An empty array gets {@code emptyCode}.
     */
    List<JsonString> strings(JsonValue value, String element, String emptyCode) {
        return switch (value) {
            case JsonString s -> List.of(s);
            case JsonArray a -> {
                if (a.elements().isEmpty()) {
                    add(FindingType.SUGGESTION, emptyCode, "The " + element + " array is empty, so it has no effect.", a);
                }
                List<JsonString> out = new ArrayList<>();
                for (JsonValue e : a.elements()) {
                    if (e instanceof JsonString s) {
                        out.add(s);
                    } else {
                        typeMismatch(e, element + " values must be strings");
                    }
                }
                yield out;
            }
            default -> {
                typeMismatch(value, element + " must be a string or an array of strings");
                yield List.of();
            }
        };
    }

    void typeMismatch(JsonValue value, String expectation) {
        add(FindingType.ERROR, "DATA_TYPE_MISMATCH", expectation + ", not " + article(value.typeName()) + ".", value);
    }

    private static String article(String typeName) {
        return (typeName.startsWith("a") || typeName.startsWith("o") ? "an " : "a ") + typeName;
    }
}
