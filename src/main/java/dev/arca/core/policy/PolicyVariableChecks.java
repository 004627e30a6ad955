package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.Optional;
import java.util.Set;

/** Where and how policy variables ({@code ${aws:username}}) may be written (policies.md §1.9, §4.2). */
final class PolicyVariableChecks {

    private static final Set<String> ELEMENTS_WITH_VARIABLES = Set.of("Resource", "NotResource", "Condition");

    private final LintFindings findings;

    PolicyVariableChecks(LintFindings findings) {
        this.findings = findings;
    }

    void statement(JsonObject statement, Optional<String> version) {
        for (Member element : statement.members()) {
            boolean allowed = ELEMENTS_WITH_VARIABLES.contains(element.key());
            walk(element.value(), allowed, version);
        }
    }

    private void walk(JsonValue value, boolean allowed, Optional<String> version) {
        switch (value) {
            case JsonString s when s.value().contains("${") -> variable(s, allowed, version);
            case JsonArray a -> a.elements().forEach(e -> walk(e, allowed, version));
            case JsonObject o -> o.members().forEach(m -> walk(m.value(), allowed, version));
            default -> { }
        }
    }

    private void variable(JsonString value, boolean allowed, Optional<String> version) {
        if (!allowed) {
            findings.add(FindingType.ERROR, "VARIABLE_UNSUPPORTED_IN_ELEMENT", "Policy variables work only in "
                    + "Resource, NotResource and Condition values.", value);
            return;
        }
        if (!version.filter("2012-10-17"::equals).isPresent()) {
            findings.add(FindingType.ERROR, "VARIABLE_UNSUPPORTED_IN_VERSION", "Policy variables need \"Version\": "
                    + "\"2012-10-17\"; otherwise ${…} is literal text.", value);
            return;
        }
        String text = value.value();
        for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", start + 2)) {
            int end = text.indexOf('}', start);
            if (end < 0) {
                findings.add(FindingType.ERROR, "MISSING_BRACE", "A policy variable opened with ${ is never closed "
                        + "with }.", value);
                return;
            }
            String body = text.substring(start + 2, end);
            int comma = body.indexOf(',');
            String name = comma < 0 ? body : body.substring(0, comma);
            if (body.isBlank()) {
                findings.add(FindingType.ERROR, "EMPTY_VARIABLE", "${} names no variable.", value);
            } else if (name.contains(" ")) {
                findings.add(FindingType.ERROR, "UNSUPPORTED_SPACE", "A variable name has no spaces: ${"
                        + name.strip() + "}.", value);
            } else if (comma >= 0 && !body.substring(comma + 1).strip().matches("'[^']*'")) {
                findings.add(FindingType.ERROR, "MISSING_QUOTE", "A variable's default value is quoted: ${" + name
                        + ", 'default'}.", value);
            }
        }
    }
}
