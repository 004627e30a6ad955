package dev.arca.core.policy;

import java.util.Arrays;
import java.util.Optional;

/** The keys of a {@code Principal} map (policies.md §1.1). */
public enum PrincipalKind {
    AWS("AWS"), SERVICE("Service"), FEDERATED("Federated"), CANONICAL_USER("CanonicalUser");

    private final String json;

    PrincipalKind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The kind written as {@code key} (case-sensitive, as IAM reads it). */
    public static Optional<PrincipalKind> fromJson(String key) {
        return Arrays.stream(values()).filter(k -> k.json.equals(key)).findFirst();
    }
}
