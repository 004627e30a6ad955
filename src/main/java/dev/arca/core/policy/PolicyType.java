package dev.arca.core.policy;

/** Which kind of policy a document is, as Access Analyzer ValidatePolicy's {@code policyType} names it (policies.md §4.1). */
public enum PolicyType {
    /** Attached to a user or role: no Principal. */
    IDENTITY_POLICY,
    /** Attached to a CodeArtifact domain or repository: Principal required. */
    RESOURCE_POLICY
}
