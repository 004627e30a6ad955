package dev.arca.server.iam;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.server.service.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One authorization question: may {@code caller} perform {@code action} (e.g. {@code codeartifact:DescribeDomain})
 * on {@code resource}, owned by {@code resourceOwner}, given the resource policies that apply (a domain's; for a
 * repository or package, the domain's and the repository's) and the request's own condition keys
 * ({@code aws:RequestTag/…}, {@code aws:TagKeys}, {@code sts:DurationSeconds}). The resource's tags
 * ({@code aws:ResourceTag/…}) are read only when a policy that applies asks for them.
 */
public record AccessCheck(Caller caller, String action, String resource, String resourceOwner,
                          List<AttachedPolicy> resourcePolicies, Map<String, List<String>> requestKeys,
                          Supplier<Map<String, List<String>>> resourceTags) {

    public AccessCheck {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(resourceOwner, "resourceOwner");
        resourcePolicies = List.copyOf(resourcePolicies);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        requestKeys.forEach((k, v) -> keys.put(k, List.copyOf(v)));
        requestKeys = java.util.Collections.unmodifiableMap(keys);
        Objects.requireNonNull(resourceTags, "resourceTags");
    }

    /** A check with no resource policy and no request keys (resources outside CodeArtifact: a KMS key, {@code *}). */
    public static AccessCheck of(Caller caller, String action, String resource, String resourceOwner) {
        return new AccessCheck(caller, action, resource, resourceOwner, List.of(), Map.of(), Map::of);
    }
}
