package dev.arca.core.retention;

import dev.arca.core.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a rule set as the document {@link RetentionRuleParser} reads (docs/retention-rules.md): two-space indent,
 * fields in the documented order, only the fields that are set — what the GUI saves and {@code arca cleanup} reads.
 */
public final class RetentionRuleWriter {

    private RetentionRuleWriter() {
    }

    public static String write(RetentionRuleSet ruleSet) {
        List<String> rules = new ArrayList<>();
        for (RetentionRule rule : ruleSet.rules()) {
            List<String> fields = new ArrayList<>();
            fields.add(field("rulePriority", String.valueOf(rule.priority())));
            if (!rule.description().isEmpty()) {
                fields.add(field("description", quote(rule.description())));
            }
            fields.add(field("selection", object(selection(rule.selection()), "      ")));
            fields.add(field("action", object(action(rule.action()), "      ")));
            rules.add("    " + object(fields, "    "));
        }
        List<String> top = new ArrayList<>();
        top.add(field("rules", rules.isEmpty() ? "[]" : "[\n" + String.join(",\n", rules) + "\n  ]"));
        top.add(field("guards", object(List.of(
                field("latestRelease", String.valueOf(ruleSet.guards().latestRelease())),
                field("defaultDisplayVersion", String.valueOf(ruleSet.guards().defaultDisplayVersion())),
                field("servedDownstream", String.valueOf(ruleSet.guards().servedDownstream()))), "  ")));
        return object(top, "") + "\n";
    }

    private static List<String> selection(VersionSelection s) {
        List<String> fields = new ArrayList<>();
        s.packages().ifPresent(p -> fields.add(field("packages", quote(p.toString()))));
        s.format().ifPresent(f -> fields.add(field("format", quote(f.wireName()))));
        s.namespace().ifPresent(n -> fields.add(field("namespace", quote(n))));
        s.packagePrefix().ifPresent(p -> fields.add(field("packagePrefix", quote(p))));
        if (!s.statuses().isEmpty()) {
            fields.add(field("statuses", s.statuses().stream().sorted().map(VersionStatus::wireName)
                    .map(RetentionRuleWriter::quote).collect(Collectors.joining(", ", "[", "]"))));
        }
        s.versionRegex().ifPresent(r -> fields.add(field("versionRegex", quote(r))));
        s.preRelease().ifPresent(p -> fields.add(field("preRelease", String.valueOf(p))));
        s.snapshot().ifPresent(p -> fields.add(field("snapshot", String.valueOf(p))));
        s.origin().ifPresent(o -> fields.add(field("origin", quote(o.name()))));
        s.keepNewest().ifPresent(n -> {
            fields.add(field("keepNewest", String.valueOf(n)));
            fields.add(field("newestBy", quote(s.newestBy().ruleName())));
        });
        s.olderThanDays().ifPresent(d -> fields.add(field("olderThanDays", String.valueOf(d))));
        return fields;
    }

    private static List<String> action(RetentionAction action) {
        List<String> fields = new ArrayList<>();
        fields.add(field("type", quote(action.kind().ruleName())));
        if (action instanceof RetentionAction.Copy copy) {
            fields.add(field("to", quote(copy.repository())));
            fields.add(field("allowOverwrite", String.valueOf(copy.allowOverwrite())));
            fields.add(field("includeFromUpstream", String.valueOf(copy.includeFromUpstream())));
        }
        return fields;
    }

    private static String field(String name, String value) {
        return quote(name) + ": " + value;
    }

    /** An object whose closing brace sits at {@code indent} and members one level deeper. */
    private static String object(List<String> fields, String indent) {
        if (fields.isEmpty()) {
            return "{}";
        }
        String inner = indent + "  ";
        return "{\n" + fields.stream().map(f -> inner + f).collect(Collectors.joining(",\n")) + "\n" + indent + "}";
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? "\\u%04x".formatted((int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
