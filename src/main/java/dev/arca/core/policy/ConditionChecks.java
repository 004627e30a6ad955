package dev.arca.core.policy;

import dev.arca.core.policy.ConditionOperator.Family;
import dev.arca.core.policy.QualifiedOperator.SetQualifier;
import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonBool;
import dev.arca.core.policy.json.JsonValue.JsonNumber;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Condition block checks of policies.md §4.2: operators, keys, value types and shapes (semantics from §2). */
final class ConditionChecks {

    private final LintFindings findings;

    ConditionChecks(LintFindings findings) {
        this.findings = findings;
    }

    void block(JsonObject condition, StatementElements statement) {
        if (condition.members().isEmpty()) {
            findings.add(FindingType.SUGGESTION, "EMPTY_OBJECT_CONDITION", "The Condition block is empty, so it has no "
                    + "effect.", condition);
        }
        Map<String, Member> seenOperators = new HashMap<>();
        for (Member entry : condition.members()) {
            if (seenOperators.putIfAbsent(entry.key(), entry) != null) {
                findings.addAtKey(FindingType.ERROR, "DUPLICATE_ELEMENT", entry.key() + " appears twice in this "
                        + "Condition; put all its keys under one " + entry.key() + ".", condition, entry);
            }
            Optional<QualifiedOperator> operator = QualifiedOperator.parse(entry.key());
            if (operator.isEmpty()) {
                findings.addAtKey(FindingType.ERROR, "INVALID_CONDITION_OPERATOR", "\"" + entry.key() + "\" is not a "
                        + "condition operator.", condition, entry);
                continue;
            }
            operator(condition, entry, operator.get());
        }
    }

    private void operator(JsonObject condition, Member entry, QualifiedOperator operator) {
        boolean isNull = operator.operator() == ConditionOperator.NULL;
        if (isNull && operator.ifExists()) {
            findings.addAtKey(FindingType.ERROR, "NULL_WITH_IF_EXISTS", "Null already tests for absence; it takes no "
                    + "IfExists.", condition, entry);
        }
        if (isNull && operator.qualifier().isPresent()) {
            findings.addAtKey(FindingType.SUGGESTION, "NULL_WITH_QUALIFIER", "Null with a set qualifier is always true "
                    + "or always false; drop the qualifier.", condition, entry);
        }
        if (!(entry.value() instanceof JsonObject keys)) {
            findings.typeMismatch(entry.value(), "A condition operator takes an object of keys and values");
            return;
        }
        if (keys.members().isEmpty()) {
            findings.add(FindingType.SUGGESTION, "EMPTY_OBJECT_CONDITION", "No keys under " + entry.key()
                    + ", so it has no effect.", keys);
        }
        Map<String, Member> seen = new HashMap<>();
        for (Member key : keys.members()) {
            Member earlier = seen.putIfAbsent(key.key().toLowerCase(Locale.ROOT), key);
            if (earlier != null) {
                boolean sameCase = earlier.key().equals(key.key());
                findings.addAtKey(FindingType.ERROR, sameCase ? "DUPLICATE_ELEMENT" : "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
                        "The key " + key.key() + " appears twice under " + entry.key()
                                + (sameCase ? "." : " (keys are case-insensitive)."), keys, key);
            }
            key(keys, key, operator);
        }
    }

    private void key(JsonObject keys, Member key, QualifiedOperator operator) {
        String name = key.key();
        keyName(keys, key);
        if (ConditionKeys.isMultiValued(name) && operator.qualifier().isEmpty()
                && operator.operator() != ConditionOperator.NULL) {
            findings.addAtKey(FindingType.ERROR, "MISSING_QUALIFIER", name + " has several values; say "
                    + "ForAnyValue: or ForAllValues: before " + operator + ".", keys, key);
        }
        if (operator.qualifier().filter(q -> q == SetQualifier.FOR_ALL_VALUES).isPresent()
                && ConditionKeys.isKnownSingleValued(name)) {
            findings.addAtKey(FindingType.SECURITY_WARNING, "FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY", "ForAllValues "
                    + "also holds when " + name + " is absent; for a single-valued key use " + operator.operator()
                    .policyName() + " without the qualifier.", keys, key);
        }
        ConditionKeys.families(name).filter(f -> operator.operator() != ConditionOperator.NULL
                && !f.contains(operator.operator().family())).ifPresent(f -> findings.addAtKey(FindingType.WARNING,
                "TYPE_MISMATCH", operator.operator().policyName() + " compares " + family(operator.operator().family())
                        + " values, but " + name + " holds " + family(f.iterator().next()) + " values.", keys, key));
        List<JsonValue> values = values(key.value(), operator);
        values.forEach(v -> value(v, operator, name));
        if (operator.operator() == ConditionOperator.BOOL && values.size() > 1) {
            findings.add(FindingType.ERROR, "INVALID_CONDITION_MULTIPLE_BOOLEAN", name + " is true or false; give one "
                    + "value.", key.value());
        }
        if (name.equalsIgnoreCase("aws:RequestedRegion") && operator.operator().family() == Family.STRING) {
            values.stream().filter(v -> v instanceof JsonString s && !operator.operator().takesWildcards()
                            && !s.value().contains("${") && !s.value().matches(ArnFormatChecks.REGION))
                    .forEach(v -> findings.add(FindingType.ERROR, "INVALID_REGION", "\"" + ((JsonString) v).value()
                            + "\" is not a Region, e.g. us-east-1.", v));
        }
        if (name.equalsIgnoreCase("aws:SourceIp") && operator.operator().family() == Family.IP) {
            privateRanges(key.value(), values, operator.operator());
        }
    }

    private void keyName(JsonObject keys, Member key) {
        String name = key.key();
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            findings.addAtKey(FindingType.ERROR, "INVALID_CONDITION_KEY_FORMAT", "A condition key is written "
                    + "service:keyname, e.g. aws:PrincipalOrgID.", keys, key);
            return;
        }
        String service = name.substring(0, colon).toLowerCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("aws:arn")) {
            findings.addAtKey(FindingType.ERROR, "UNSUPPORTED_GLOBAL_CONDITION_KEY", "aws:ARN is not supported; use "
                    + "aws:PrincipalArn.", keys, key);
        } else if (ConditionKeys.TAG_PREFIXES.stream().anyMatch(p -> lower.equals(p))) {
            findings.addAtKey(FindingType.ERROR, "MISSING_TAG_KEY_IN_CONDITION", name + " needs a tag key after the "
                    + "slash.", keys, key);
        } else if (service.equals("aws") && !ConditionKeys.isKnownGlobal(name)) {
            findings.addAtKey(FindingType.ERROR, "INVALID_GLOBAL_CONDITION_KEY", name + " is not a global condition "
                    + "key.", keys, key);
        } else if (service.equals(CodeArtifactActions.SERVICE)) {
            findings.addAtKey(FindingType.ERROR, "INVALID_SERVICE_CONDITION_KEY", "CodeArtifact has no "
                    + "service-specific condition keys; use global keys such as aws:ResourceTag/KEY.", keys, key);
        }
    }

    /** The scalar values under a key; reports wrong JSON types, mixed types and empty arrays. */
    private List<JsonValue> values(JsonValue value, QualifiedOperator operator) {
        if (value instanceof JsonArray array) {
            if (array.elements().isEmpty()) {
                emptyArray(array, operator);
            }
            List<JsonValue> scalars = new ArrayList<>();
            for (JsonValue element : array.elements()) {
                if (isScalar(element)) {
                    scalars.add(element);
                } else {
                    findings.typeMismatch(element, "Condition values are strings, numbers or booleans");
                }
            }
            if (scalars.stream().map(JsonValue::typeName).distinct().count() > 1) {
                findings.add(FindingType.ERROR, "INVALID_CONDITION_DATA_TYPE", "The values mix JSON types; write "
                        + "them all alike.", array);
            }
            return scalars;
        }
        if (isScalar(value)) {
            return List.of(value);
        }
        findings.typeMismatch(value, "A condition value is a string, number or boolean, or an array of them");
        return List.of();
    }

    private void emptyArray(JsonArray array, QualifiedOperator operator) {
        Optional<SetQualifier> qualifier = operator.qualifier();
        if (qualifier.filter(q -> q == SetQualifier.FOR_ALL_VALUES).isPresent()) {
            findings.add(FindingType.SUGGESTION, "EMPTY_ARRAY_CONDITION_FOR_ALL_VALUES", "ForAllValues with no values "
                    + "holds only when the key is missing; use Null instead.", array);
        } else if (qualifier.isPresent()) {
            findings.add(FindingType.SUGGESTION, "EMPTY_ARRAY_CONDITION_FOR_ANY_VALUE", "ForAnyValue with no values "
                    + "never holds.", array);
        } else if (operator.ifExists()) {
            findings.add(FindingType.SUGGESTION, "EMPTY_ARRAY_CONDITION_IF_EXISTS", "IfExists with no values holds "
                    + "only when the key is missing.", array);
        } else {
            findings.add(FindingType.SUGGESTION, "EMPTY_ARRAY_CONDITION", "The condition has no values, so it has no "
                    + "effect.", array);
        }
    }

    private void value(JsonValue value, QualifiedOperator operator, String key) {
        String text = switch (value) {
            case JsonString s -> s.value();
            case JsonNumber n -> n.text();
            case JsonBool b -> String.valueOf(b.value());
            default -> "";
        };
        Family family = operator.operator().family();
        if (text.contains("${")) {
            if (family == Family.BOOL) {
                findings.add(FindingType.WARNING, "INVALID_VARIABLE_FOR_OPERATOR", "Access Analyzer allows policy "
                        + "variables only with String and ARN operators; Bool may not see the value you mean.", value);
            } else if (family != Family.STRING && family != Family.ARN) {
                findings.add(FindingType.ERROR, "INVALID_VARIABLE_FOR_OPERATOR", "Policy variables work only with "
                        + "String and ARN operators, not " + operator.operator().policyName() + ".", value);
            }
            return;
        }
        switch (family) {
            case STRING -> {
                if (!operator.operator().takesWildcards() && ActionResourceChecks.hasWildcard(text)) {
                    findings.add(FindingType.WARNING, "WILDCARD_WITHOUT_LIKE_OPERATOR", "* and ? are plain characters "
                            + "for " + operator.operator().policyName() + "; use " + (operator.operator().negated()
                            ? "StringNotLike" : "StringLike") + " to match a pattern.", value);
                }
            }
            case NUMERIC -> {
                if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                    findings.add(FindingType.WARNING, "TYPE_MISMATCH_NUMBER", "\"" + text + "\" is not a number.", value);
                }
            }
            case DATE -> {
                if (ConditionDate.parse(text).isEmpty()) {
                    findings.add(FindingType.WARNING, "TYPE_MISMATCH_DATE", "\"" + text + "\" is not an ISO 8601 date "
                            + "or epoch seconds; the condition never holds.", value);
                }
            }
            case BOOL, NULL -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    findings.add(FindingType.WARNING, "TYPE_MISMATCH_BOOLEAN", "\"" + text + "\" is neither true nor "
                            + "false" + (family == Family.NULL ? "; Null takes true (absent) or false (present)." : "."),
                            value);
                }
            }
            case IP -> IpRange.parse(text).ifPresentOrElse(range -> {
                if (range.hasHostBits()) {
                    findings.add(FindingType.SUGGESTION, "IMPROVE_IP_RANGE", "Bits are set after the /"
                            + range.prefixLength() + " mask; write the network address.", value);
                }
            }, () -> findings.add(FindingType.WARNING, "TYPE_MISMATCH_IP_RANGE", "\"" + text + "\" is not an IPv4 or "
                    + "IPv6 address or CIDR block.", value));
            case BINARY, ARN -> { }
        }
    }

    private void privateRanges(JsonValue at, List<JsonValue> values, ConditionOperator operator) {
        List<IpRange> ranges = values.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value())
                .flatMap(v -> IpRange.parse(v).stream()).toList();
        long privateCount = ranges.stream().filter(IpRange::isPrivate).count();
        String base = operator == ConditionOperator.NOT_IP_ADDRESS ? "PRIVATE_NOT_IP_ADDRESS" : "PRIVATE_IP_ADDRESS";
        if (privateCount > 0 && privateCount == ranges.size()) {
            findings.add(FindingType.ERROR, base, "aws:SourceIp only ever holds public addresses; private ranges "
                    + "never match (use aws:VpcSourceIp or aws:SourceVpce for traffic through a VPC).", at);
        } else if (privateCount > 0) {
            findings.add(FindingType.SUGGESTION, base + "_SUBSET", "Some ranges are private; aws:SourceIp never holds "
                    + "those.", at);
        }
    }

    private static boolean isScalar(JsonValue value) {
        return value instanceof JsonString || value instanceof JsonNumber || value instanceof JsonBool;
    }

    private static String family(Family family) {
        return family.name().toLowerCase(Locale.ROOT).replace("bool", "boolean").replace("ip", "IP address")
                .replace("arn", "ARN");
    }
}
