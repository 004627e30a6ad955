package dev.arca.core.policy;
/** Evaluates one condition block entry against a request's context (policies.md §2). */
public interface ConditionMatcher {
    /** Whether {@code operator} (e.g. "StringEqualsIgnoreCase", "ForAnyValue:StringLike", "DateGreaterThanIfExists", "Null")
     *  holds for {@code key} with the policy's {@code values}, given the request context (keys are case-insensitive;
     *  absent key = missing). Unknown operator → IllegalArgumentException naming it. */
    ConditionResult matches(String operator, String key, java.util.List<String> values, java.util.Map<String, java.util.List<String>> context);
    /** The outcome; {@code missingKey} is true when the result was decided by the key being absent (for MissingContextValues). */
    record ConditionResult(boolean holds, boolean missingKey) { }
}
