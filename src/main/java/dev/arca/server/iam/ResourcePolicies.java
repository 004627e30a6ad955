package dev.arca.server.iam;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StampedMemo;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain and repository resource policies, parsed: read once and kept until the store's structure changes (a
 * policy written or deleted changes it), so deciding a package request costs no database read and no parsing.
 */
public final class ResourcePolicies {

    private static final Logger LOG = LoggerFactory.getLogger(ResourcePolicies.class);

    /** A resource's policy, or none; the memo keeps present values only. */
    private record Attached(Optional<AttachedPolicy> policy) {
    }

    private final MetadataStore store;
    private final StampedMemo<String, Attached> parsed = new StampedMemo<>();

    public ResourcePolicies(MetadataStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The policy attached to a domain or repository ARN, if any. */
    public Optional<AttachedPolicy> of(String resourceArn) {
        long stamp = store.structureStamp();
        return parsed.get(resourceArn, stamp, () -> Optional.of(new Attached(read(resourceArn)))).orElseThrow()
                .policy();
    }

    private Optional<AttachedPolicy> read(String resourceArn) {
        return store.read(tx -> tx.policies().find(resourceArn)).flatMap(row -> {
            try {
                return Optional.of(new AttachedPolicy(resourceArn, PolicySourceType.RESOURCE,
                        PolicyParser.parse(row.document(), PolicyType.RESOURCE_POLICY)));
            } catch (MalformedPolicyException e) {
                // Stored before policies were checked as IAM checks them: it grants nothing, as AWS would not have
                // accepted it. Put a valid policy to replace it.
                LOG.warn("The resource policy of {} cannot be evaluated and grants nothing: {}", resourceArn,
                        e.getMessage());
                return Optional.empty();
            }
        });
    }
}
