package dev.arca.core.policy;

/** The severity of a lint finding, as Access Analyzer's {@code findingType} (policies.md §4.1). */
public enum FindingType {
    /** Part of the policy does not work. */
    ERROR,
    /** The policy grants more than is probably meant. */
    SECURITY_WARNING,
    /** Deviates from best practice. */
    WARNING,
    /** Stylistic; no effect on access. */
    SUGGESTION
}
