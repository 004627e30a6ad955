package dev.arca.core.policy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for the real condition operators until they are merged: StringEquals, StringNotEquals, StringLike and
 * Bool, with missing keys as IAM treats them (§2.2). Enough to test the evaluator's own logic.
 */
final class StringConditionsForTests implements ConditionMatcher {

    @Override
    public ConditionResult matches(String operator, String key, List<String> values,
                                   Map<String, List<String>> context) {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.putAll(context);
        List<String> present = keys.get(key);
        boolean negated = operator.equals("StringNotEquals");
        if (present == null) {
            return new ConditionResult(negated, true);
        }
        String actual = present.getFirst();
        return switch (operator) {
            case "StringEquals" -> new ConditionResult(values.contains(actual), false);
            case "StringNotEquals" -> new ConditionResult(!values.contains(actual), false);
            case "Bool" -> new ConditionResult(values.stream().anyMatch(actual::equalsIgnoreCase), false);
            case "StringLike" -> new ConditionResult(values.stream().anyMatch(v -> like(v, actual)), false);
            default -> throw new IllegalArgumentException("Unknown condition operator " + operator);
        };
    }

    private static boolean like(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }
}
