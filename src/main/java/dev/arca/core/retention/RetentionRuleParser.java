package dev.arca.core.retention;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupPattern;
import dev.arca.core.ResourceNames;
import dev.arca.core.VersionStatus;
import dev.arca.core.policy.json.JsonReader;
import dev.arca.core.policy.json.JsonSyntaxException;
import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonBool;
import dev.arca.core.policy.json.JsonValue.JsonNumber;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import dev.arca.core.policy.json.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a rule set document (docs/retention-rules.md), shaped like an Amazon ECR lifecycle policy: ordered
 * {@code rules}, each with {@code rulePriority}, {@code description}, {@code selection} and {@code action}. It is
 * strict: an unknown field, a wrong type, a bad value or a regular expression that does not compile is an
 * {@link InvalidRuleSetException} naming the line and column where it is written.
 */
public final class RetentionRuleParser {

    static final List<String> TOP_FIELDS = List.of("rules", "guards");
    static final List<String> GUARD_FIELDS = List.of("latestRelease", "defaultDisplayVersion", "servedDownstream");
    static final List<String> RULE_FIELDS = List.of("rulePriority", "description", "selection", "action");
    static final List<String> SELECTION_FIELDS = List.of("packages", "format", "namespace", "packagePrefix",
            "statuses", "versionRegex", "preRelease", "snapshot", "origin", "keepNewest", "newestBy", "olderThanDays");
    static final List<String> ACTION_FIELDS = List.of("type", "to", "allowOverwrite", "includeFromUpstream");
    private static final int MAX_DESCRIPTION = 1000;

    private final String text;

    private RetentionRuleParser(String text) {
        this.text = text;
    }

    /** Reads a rule set document or throws {@link InvalidRuleSetException} at the first problem. */
    public static RetentionRuleSet parse(String text) {
        JsonValue root;
        try {
            root = JsonReader.read(text);
        } catch (JsonSyntaxException e) {
            throw new InvalidRuleSetException("The rule set is not valid JSON: " + e.detail(), e.position(), "");
        }
        return new RetentionRuleParser(text).ruleSet(root);
    }

    private RetentionRuleSet ruleSet(JsonValue root) {
        JsonObject document = object(root, "The rule set");
        Map<String, Member> fields = fields(document, TOP_FIELDS, "the rule set");
        Member rulesMember = required(document, fields, "rules", "The rule set");
        JsonArray rulesArray = array(rulesMember.value(), "rules");
        if (rulesArray.elements().isEmpty()) {
            throw error(rulesArray, "rules has no rules; add at least one");
        }
        List<RetentionRule> rules = new ArrayList<>();
        Map<Integer, JsonValue> priorities = new HashMap<>();
        for (JsonValue element : rulesArray.elements()) {
            RetentionRule rule = rule(element, priorities);
            rules.add(rule);
        }
        RetentionGuards guards = Optional.ofNullable(fields.get("guards")).map(m -> guards(m.value()))
                .orElse(RetentionGuards.SAFE);
        return new RetentionRuleSet(rules, guards);
    }

    private RetentionGuards guards(JsonValue value) {
        JsonObject object = object(value, "guards");
        Map<String, Member> fields = fields(object, GUARD_FIELDS, "guards");
        return new RetentionGuards(bool(fields.get("latestRelease")).orElse(true),
                bool(fields.get("defaultDisplayVersion")).orElse(true),
                bool(fields.get("servedDownstream")).orElse(false));
    }

    private RetentionRule rule(JsonValue value, Map<Integer, JsonValue> priorities) {
        JsonObject object = object(value, "A rule");
        Map<String, Member> fields = fields(object, RULE_FIELDS, "a rule");
        JsonValue priorityValue = required(object, fields, "rulePriority", "A rule").value();
        int priority = integer(priorityValue, "rulePriority", 1, Integer.MAX_VALUE);
        JsonValue earlier = priorities.putIfAbsent(priority, priorityValue);
        if (earlier != null) {
            throw error(priorityValue, "rulePriority " + priority + " is already used by the rule at "
                    + earlier.position().describe() + "; each rule needs its own");
        }
        String description = Optional.ofNullable(fields.get("description")).map(m -> string(m.value(), "description"))
                .orElse("");
        if (description.length() > MAX_DESCRIPTION) {
            throw error(fields.get("description").value(), "description is longer than " + MAX_DESCRIPTION
                    + " characters");
        }
        VersionSelection selection = selection(required(object, fields, "selection", "A rule").value());
        RetentionAction action = action(required(object, fields, "action", "A rule").value());
        return new RetentionRule(priority, description, selection, action);
    }

    private VersionSelection selection(JsonValue value) {
        JsonObject object = object(value, "selection");
        Map<String, Member> f = fields(object, SELECTION_FIELDS, "a selection");
        Optional<PackageGroupPattern> packages = text(f, "packages").map(s -> {
            try {
                return PackageGroupPattern.parse(s.value());
            } catch (IllegalArgumentException e) {
                throw error(s, "packages: " + e.getMessage());
            }
        });
        Optional<PackageFormat> format = text(f, "format").map(s -> PackageFormat.fromWire(s.value())
                .orElseThrow(() -> error(s, "format '" + s.value() + "' is not a package format; use one of "
                        + PackageFormat.wireNames())));
        if (format.isPresent() && packages.flatMap(PackageGroupPattern::format).isPresent()
                && !packages.flatMap(PackageGroupPattern::format).equals(format)) {
            throw error(f.get("format").value(), "format " + format.get().wireName() + " contradicts packages "
                    + packages.get() + "; no package could match both");
        }
        Optional<String> namespace = text(f, "namespace").map(s -> name(s, "namespace"));
        Optional<String> packagePrefix = text(f, "packagePrefix").map(s -> name(s, "packagePrefix"));
        Set<VersionStatus> statuses = Optional.ofNullable(f.get("statuses")).map(m -> statuses(m.value()))
                .orElse(Set.of());
        Optional<String> versionRegex = text(f, "versionRegex").map(this::regex);
        Optional<Boolean> preRelease = bool(f.get("preRelease"));
        Optional<Boolean> snapshot = bool(f.get("snapshot"));
        Optional<PackageFormat> impliedFormat = format.or(() -> packages.flatMap(PackageGroupPattern::format));
        if (snapshot.isPresent() && impliedFormat.isPresent() && impliedFormat.get() != PackageFormat.MAVEN) {
            throw error(f.get("snapshot").value(), "snapshot applies to Maven versions only, and this selection"
                    + " is for " + impliedFormat.get().wireName() + " packages");
        }
        Optional<OriginType> origin = text(f, "origin").map(s -> OriginType.filterValue(s.value())
                .orElseThrow(() -> error(s, "origin '" + s.value() + "' is not INTERNAL or EXTERNAL")));
        OptionalInt keepNewest = Optional.ofNullable(f.get("keepNewest"))
                .map(m -> OptionalInt.of(integer(m.value(), "keepNewest", 1, VersionSelection.MAX_KEEP_NEWEST)))
                .orElse(OptionalInt.empty());
        NewestBy newestBy = text(f, "newestBy").map(s -> {
            if (keepNewest.isEmpty()) {
                throw error(s, "newestBy only applies together with keepNewest");
            }
            return Arrays.stream(NewestBy.values()).filter(n -> n.ruleName().equals(s.value())).findFirst()
                    .orElseThrow(() -> error(s, "newestBy '" + s.value() + "' is not publishedTime or version"));
        }).orElse(NewestBy.PUBLISHED_TIME);
        OptionalInt olderThanDays = Optional.ofNullable(f.get("olderThanDays"))
                .map(m -> OptionalInt.of(integer(m.value(), "olderThanDays", 1, VersionSelection.MAX_DAYS)))
                .orElse(OptionalInt.empty());
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    private Set<VersionStatus> statuses(JsonValue value) {
        JsonArray array = array(value, "statuses");
        if (array.elements().isEmpty()) {
            throw error(array, "statuses is empty; leave it out to select every status");
        }
        Set<VersionStatus> statuses = EnumSet.noneOf(VersionStatus.class);
        for (JsonValue element : array.elements()) {
            JsonString s = stringValue(element, "A status");
            VersionStatus status = VersionStatus.fromWire(s.value()).filter(v -> v != VersionStatus.DELETED)
                    .orElseThrow(() -> error(s, "'" + s.value() + "' is not a version status; use "
                            + Arrays.stream(VersionStatus.values()).filter(v -> v != VersionStatus.DELETED)
                            .map(VersionStatus::wireName).collect(Collectors.joining(", "))));
            statuses.add(status);
        }
        return statuses;
    }

    private RetentionAction action(JsonValue value) {
        JsonObject object = object(value, "action");
        Map<String, Member> f = fields(object, ACTION_FIELDS, "an action");
        JsonString type = stringValue(required(object, f, "type", "An action").value(), "type");
        ActionKind kind = ActionKind.fromRuleName(type.value()).orElseThrow(() -> error(type, "type '" + type.value()
                + "' is not an action; use one of " + Arrays.stream(ActionKind.values())
                .filter(k -> k != ActionKind.KEEP).map(ActionKind::ruleName).collect(Collectors.joining(", "))));
        if (kind != ActionKind.COPY) {
            for (String copyOnly : List.of("to", "allowOverwrite", "includeFromUpstream")) {
                if (f.containsKey(copyOnly)) {
                    throw error(f.get(copyOnly).keyPosition(), f.get(copyOnly).value().path().toString(), copyOnly
                            + " only applies to a copy action");
                }
            }
            return RetentionAction.of(kind);
        }
        JsonString to = stringValue(required(object, f, "to", "A copy action").value(), "to");
        if (!ResourceNames.REPOSITORY.accepts(to.value())) {
            throw error(to, "to '" + to.value() + "' is not a repository name (2 to 100 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit)");
        }
        return new RetentionAction.Copy(to.value(), bool(f.get("allowOverwrite")).orElse(false),
                bool(f.get("includeFromUpstream")).orElse(false));
    }

    // --- values

    private String name(JsonString value, String field) {
        if (!ResourceNames.PACKAGE_NAME.accepts(value.value())) {
            throw error(value, field + " '" + value.value() + "' is not a valid " + field
                    + " (no spaces, '/', '#' or control characters)");
        }
        return value.value();
    }

    private String regex(JsonString value) {
        try {
            Pattern.compile(value.value());
            return value.value();
        } catch (PatternSyntaxException e) {
            int index = Math.max(0, Math.min(e.getIndex(), value.value().length()));
            throw new InvalidRuleSetException("versionRegex does not compile: " + e.getDescription(),
                    positionInString(value, index), value.path().toString());
        }
    }

    /** Where the decoded character {@code index} of a string is written, escapes counted as they are written. */
    private Position positionInString(JsonString value, int index) {
        int offset = value.position().offset() + 1;
        for (int decoded = 0; decoded < index && offset < text.length(); decoded++) {
            offset += text.charAt(offset) != '\\' ? 1 : text.charAt(offset + 1) == 'u' ? 6 : 2;
        }
        // Strings never span lines, so the column moves with the offset.
        return new Position(value.position().line(), value.position().column() + offset - value.position().offset(),
                offset);
    }

    private int integer(JsonValue value, String field, int min, int max) {
        if (!(value instanceof JsonNumber number) || !number.text().matches("-?[0-9]+")) {
            throw error(value, field + " is a whole number, not " + describe(value));
        }
        BigInteger n = new BigInteger(number.text());
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(value, field + " is a whole number from " + min + " to " + max + ", not " + number.text());
        }
        return n.intValueExact();
    }

    private Optional<Boolean> bool(Member member) {
        if (member == null) {
            return Optional.empty();
        }
        if (!(member.value() instanceof JsonBool b)) {
            throw error(member.value(), member.key() + " is true or false, not " + describe(member.value()));
        }
        return Optional.of(b.value());
    }

    private Optional<JsonString> text(Map<String, Member> fields, String key) {
        return Optional.ofNullable(fields.get(key)).map(m -> {
            JsonString s = stringValue(m.value(), key);
            if (s.value().isEmpty()) {
                throw error(s, key + " is empty; leave it out to match everything");
            }
            return s;
        });
    }

    private String string(JsonValue value, String field) {
        return stringValue(value, field).value();
    }

    private JsonString stringValue(JsonValue value, String field) {
        if (value instanceof JsonString s) {
            return s;
        }
        throw error(value, field + " is a string, not " + describe(value));
    }

    private JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw error(value, what + " is a JSON object, not " + describe(value));
    }

    private JsonArray array(JsonValue value, String field) {
        if (value instanceof JsonArray a) {
            return a;
        }
        throw error(value, field + " is a JSON array, not " + describe(value));
    }

    private static String describe(JsonValue value) {
        return switch (value) {
            case JsonString s -> "the string \"" + s.value() + "\"";
            case JsonNumber n -> "the number " + n.text();
            case JsonBool b -> String.valueOf(b.value());
            default -> "a" + (value.typeName().equals("object") || value.typeName().equals("array") ? "n " : " ")
                    + value.typeName();
        };
    }

    // --- fields

    /** The object's members by key, refusing unknown and repeated keys. */
    private Map<String, Member> fields(JsonObject object, List<String> known, String where) {
        Map<String, Member> fields = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Member member : object.members()) {
            if (!known.contains(member.key())) {
                String hint = closest(member.key(), known).map(k -> " Did you mean " + k + "?").orElse("");
                throw error(member.keyPosition(), member.value().path().toString(), "Unknown field '" + member.key()
                        + "' in " + where + "; known fields are " + String.join(", ", known) + "." + hint);
            }
            if (!seen.add(member.key())) {
                throw error(member.keyPosition(), member.value().path().toString(), "Field '" + member.key()
                        + "' is written twice in " + where);
            }
            fields.put(member.key(), member);
        }
        return fields;
    }

    private Member required(JsonObject object, Map<String, Member> fields, String key, String what) {
        Member member = fields.get(key);
        if (member == null) {
            throw error(object, what + " needs " + key);
        }
        return member;
    }

    /** A known field within two edits of a misspelt one (case ignored), to suggest. */
    private static Optional<String> closest(String key, List<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        return known.stream().filter(k -> distance(k.toLowerCase(Locale.ROOT), lower) <= 2).findFirst();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static InvalidRuleSetException error(JsonValue at, String detail) {
        return new InvalidRuleSetException(detail, at.position(), at.path().toString());
    }

    private static InvalidRuleSetException error(Position at, String path, String detail) {
        return new InvalidRuleSetException(detail, at, path);
    }
}
