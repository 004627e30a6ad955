package dev.arca.core.policy;

import dev.arca.core.policy.QualifiedOperator.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM's condition operators (policies.md §2): every family of §2.3, IfExists, Null and the set qualifiers.
 *
 * <p>Decisions where the sources are silent: a request or policy value that cannot be read as the operator's type
 * (a non-date for Date*, a non-number for Numeric*, a bad CIDR, …) makes the entry not hold, for negated operators too;
 * a multi-valued key under an unqualified operator holds when any of its values matches (the negated operator when
 * none does); an empty value list counts as a missing key.
 */
public final class ConditionOperators implements ConditionMatcher {

    /** A value that is not of the operator's type; it makes the whole entry not hold. */
    private static final class MalformedValue extends RuntimeException {
        MalformedValue() {
            super(null, null, false, false);
        }
    }

    /**
     * Operator names already read, as every condition of every request names one: a bounded set, since only names
     * that are operators get in (a few hundred combinations of qualifier, operator and IfExists).
     */
    private final Map<String, QualifiedOperator> parsedOperators = new ConcurrentHashMap<>();

    @Override
    public ConditionResult matches(String operator, String key, List<String> values, Map<String, List<String>> context) {
        QualifiedOperator parsed = parsedOperators.computeIfAbsent(operator, name -> QualifiedOperator.parse(name)
                .orElseThrow(() -> new IllegalArgumentException("Unknown condition operator: " + name)));
        if (parsed.operator() == ConditionOperator.NULL && parsed.ifExists()) {
            throw new IllegalArgumentException("Unknown condition operator: " + operator + " (Null takes no IfExists)");
        }
        List<String> requestValues = lookup(key, context);
        boolean missing = requestValues.isEmpty();
        if (parsed.operator() == ConditionOperator.NULL) {
            return new ConditionResult(nullHolds(values, missing), missing);
        }
        if (missing) {
            boolean holds = parsed.ifExists()
                    || parsed.qualifier().map(q -> q == SetQualifier.FOR_ALL_VALUES)
                            .orElse(parsed.operator().negated());
            return new ConditionResult(holds, true);
        }
        try {
            return new ConditionResult(holdsFor(parsed, requestValues, values), false);
        } catch (MalformedValue e) {
            return new ConditionResult(false, false);
        }
    }

    /** The request's values for {@code key}, compared case-insensitively; empty when absent. */
    static List<String> lookup(String key, Map<String, List<String>> context) {
        List<String> exact = context.get(key);
        if (exact != null) {
            return exact;
        }
        return context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    private static boolean nullHolds(List<String> values, boolean missing) {
        // "true" asks for an absent key, "false" for a present one; several values are OR'ed like any positive operator.
        return values.stream().anyMatch(v -> v.equalsIgnoreCase("true") && missing
                || v.equalsIgnoreCase("false") && !missing);
    }

    private static boolean holdsFor(QualifiedOperator parsed, List<String> requestValues, List<String> policyValues) {
        ConditionOperator op = parsed.operator();
        boolean negated = op.negated();
        // Evaluate every value first, so a malformed one anywhere decides the entry whatever the order.
        boolean[] matched = new boolean[requestValues.size()];
        for (int i = 0; i < matched.length; i++) {
            matched[i] = matchesAnyPolicyValue(op, requestValues.get(i), policyValues);
        }
        Optional<SetQualifier> qualifier = parsed.qualifier();
        if (qualifier.isEmpty()) {
            boolean any = contains(matched, true);
            return negated != any;
        }
        // Per request value the negated operator holds when it matches no policy value (NOR, §2.1).
        boolean wanted = !negated;
        return qualifier.get() == SetQualifier.FOR_ANY_VALUE ? contains(matched, wanted) : !contains(matched, !wanted);
    }

    private static boolean contains(boolean[] values, boolean wanted) {
        for (boolean v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAnyPolicyValue(ConditionOperator op, String requestValue, List<String> policyValues) {
        boolean any = false;
        for (String policyValue : policyValues) {
            any |= compare(op, requestValue, policyValue);
        }
        return any;
    }

    /** The positive comparison of one request value with one policy value; negation is applied by the caller. */
    private static boolean compare(ConditionOperator op, String request, String policy) {
        return switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> request.equals(policy);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                    request.toLowerCase(Locale.ROOT).equals(policy.toLowerCase(Locale.ROOT));
            case STRING_LIKE, STRING_NOT_LIKE -> WildcardPattern.matches(policy, request);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> number(request).compareTo(number(policy)) == 0;
            case NUMERIC_LESS_THAN -> number(request).compareTo(number(policy)) < 0;
            case NUMERIC_LESS_THAN_EQUALS -> number(request).compareTo(number(policy)) <= 0;
            case NUMERIC_GREATER_THAN -> number(request).compareTo(number(policy)) > 0;
            case NUMERIC_GREATER_THAN_EQUALS -> number(request).compareTo(number(policy)) >= 0;
            case DATE_EQUALS, DATE_NOT_EQUALS -> date(request).equals(date(policy));
            case DATE_LESS_THAN -> date(request).isBefore(date(policy));
            case DATE_LESS_THAN_EQUALS -> !date(request).isAfter(date(policy));
            case DATE_GREATER_THAN -> date(request).isAfter(date(policy));
            case DATE_GREATER_THAN_EQUALS -> !date(request).isBefore(date(policy));
            case BOOL -> bool(request) == bool(policy);
            case BINARY_EQUALS -> Arrays.equals(binary(request), binary(policy));
            case IP_ADDRESS, NOT_IP_ADDRESS -> ipRange(policy).contains(ipRange(request));
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> arnMatches(policy, request);
            case NULL -> throw new IllegalStateException("Null is decided by presence alone");
        };
    }

    /** ARN operators match each of the six colon-separated parts on its own, so wildcards never cross a colon. */
    static boolean arnMatches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] patternParts = pattern.split(":", 6);
        String[] arnParts = arn.split(":", 6);
        if (patternParts.length != 6 || arnParts.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!WildcardPattern.matches(patternParts[i], arnParts[i])) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedValue();
        }
    }

    private static Instant date(String value) {
        return ConditionDate.parse(value).orElseThrow(MalformedValue::new);
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new MalformedValue();
    }

    private static byte[] binary(String value) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedValue();
        }
    }

    private static IpRange ipRange(String value) {
        return IpRange.parse(value).orElseThrow(MalformedValue::new);
    }
}
