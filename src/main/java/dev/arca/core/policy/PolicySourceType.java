package dev.arca.core.policy;

/** Where a policy comes from, in IAM simulator terms ({@code SourcePolicyType}, policies.md §5.2). */
public enum PolicySourceType {
    USER("user"), GROUP("group"), ROLE("role"), AWS_MANAGED("aws-managed"), USER_MANAGED("user-managed"),
    RESOURCE("resource"), NONE("none");

    private final String wireName;

    PolicySourceType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
