package dev.arca.server.iam;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.store.IamStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link IdentityPolicies} from the IAM store: an IAM user's inline policies; a role's (or role session's) role's
 * inline policies; none for roots and unknown principals. Parsed documents are cached per principal and dropped
 * whenever IAM changes, so a changed policy applies from the next request.
 */
public final class StoredIdentityPolicies implements IdentityPolicies {

    private final IamStore store;
    private final Map<String, List<AttachedPolicy>> cache = new ConcurrentHashMap<>();
    /** Counts invalidations, so a read that raced with a change does not leave its stale answer cached. */
    private final AtomicLong generation = new AtomicLong();

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

    /** Forgets what was cached: IAM changed. */
    public void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    private List<AttachedPolicy> policies(String principalId, PolicySourceType source) {
        List<AttachedPolicy> cached = cache.get(principalId);
        if (cached != null) {
            return cached;
        }
        long seen = generation.get();
        List<AttachedPolicy> read = store.inlinePolicies(principalId).entrySet().stream()
                .map(e -> new AttachedPolicy(e.getKey(), source,
                        InlinePolicies.parse(e.getValue(), PolicyType.IDENTITY_POLICY)))
                .toList();
        cache.put(principalId, read);
        if (generation.get() != seen) {
            cache.remove(principalId);
        }
        return read;
    }
}
