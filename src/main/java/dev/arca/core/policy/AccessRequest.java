package dev.arca.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One question for the evaluator: may {@code principal} perform {@code action} on {@code resource} (owned by
 * {@code resourceOwner}), given the request's condition keys, the principal's identity policies (for a role session:
 * its role's) and the resource's policies (a CodeArtifact repository has its domain's and its own).
 */
public record AccessRequest(RequestPrincipal principal, String action, String resource, String resourceOwner,
                            Map<String, List<String>> context, List<AttachedPolicy> identityPolicies,
                            List<AttachedPolicy> resourcePolicies) {

    public AccessRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(resourceOwner, "resourceOwner");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        context.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        context = java.util.Collections.unmodifiableMap(copy);
        identityPolicies = List.copyOf(identityPolicies);
        resourcePolicies = List.copyOf(resourcePolicies);
    }

    /** Whether the caller belongs to the account that owns the resource. */
    public boolean sameAccount() {
        return principal.account().filter(resourceOwner::equals).isPresent();
    }
}
