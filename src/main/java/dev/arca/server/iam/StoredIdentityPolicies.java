package dev.arca.server.iam;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.store.IamStore;
import dev.arca.server.store.StampedMemo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link IdentityPolicies} from the IAM store: an IAM user's inline policies; a role's (or role session's) role's
 * inline policies; none for roots and unknown principals. Parsed documents are remembered per principal while the
 * IAM store's {@linkplain IamStore#changeStamp change stamp} stays the same, so a policy changed through any instance
 * applies from the next request.
 */
public final class StoredIdentityPolicies implements IdentityPolicies {

    private final IamStore store;
    private final StampedMemo<String, List<AttachedPolicy>> parsed = new StampedMemo<>();

    public StoredIdentityPolicies(IamStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<AttachedPolicy> of(RequestPrincipal principal) {
        return switch (principal.type()) {
            case USER -> policies(principal.userId(), PolicySourceType.USER);
            case ROLE -> policies(principal.userId(), PolicySourceType.ROLE);
            // A session's user id is ROLEID:SESSION.
            case ASSUMED_ROLE -> policies(principal.userId().substring(0, principal.userId().indexOf(':')),
                    PolicySourceType.ROLE);
            case ROOT, FEDERATED_USER, SERVICE, ANONYMOUS -> List.of();
        };
    }

    private List<AttachedPolicy> policies(String principalId, PolicySourceType source) {
        return parsed.get(principalId, store.changeStamp(), () -> Optional.of(store.inlinePolicies(principalId)
                .entrySet().stream()
                .map(e -> new AttachedPolicy(e.getKey(), source,
                        InlinePolicies.parse(e.getValue(), PolicyType.IDENTITY_POLICY)))
                .toList())).orElseThrow();
    }
}
