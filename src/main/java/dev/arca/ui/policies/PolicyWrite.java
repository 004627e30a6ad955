package dev.arca.ui.policies;

import dev.arca.core.policy.PolicyTarget;
import dev.arca.core.policy.StoredPolicy;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.ResourcePolicyGateway;
import java.util.Optional;

/**
 * The result of a save or delete that names a revision: {@code stored} holds what the resource has now, or, when
 * someone changed it meanwhile, {@code stored} is empty and {@code theirs} is their version (empty if deleted).
 * Other refusals are thrown as they came.
 */
record PolicyWrite(Optional<Optional<StoredPolicy>> stored, Optional<StoredPolicy> theirs) {

    static PolicyWrite save(ResourcePolicyGateway gateway, PolicyTarget target, String document,
                            Optional<String> revision) {
        if (revision.isEmpty()) {
            // Without a revision the service overwrites whatever is there: look first, so a policy someone
            // created meanwhile is a conflict too.
            Optional<StoredPolicy> created = gateway.read(target);
            if (created.isPresent()) {
                return new PolicyWrite(Optional.empty(), created);
            }
        }
        try {
            return new PolicyWrite(Optional.of(Optional.of(gateway.write(target, document, revision))),
                    Optional.empty());
        } catch (GatewayException e) {
            return conflictOrThrow(gateway, target, e);
        }
    }

    static PolicyWrite delete(ResourcePolicyGateway gateway, PolicyTarget target, String revision) {
        try {
            gateway.delete(target, revision);
            return new PolicyWrite(Optional.of(Optional.empty()), Optional.empty());
        } catch (GatewayException e) {
            return conflictOrThrow(gateway, target, e);
        }
    }

    boolean conflicted() {
        return stored.isEmpty();
    }

    private static PolicyWrite conflictOrThrow(ResourcePolicyGateway gateway, PolicyTarget target,
                                               GatewayException e) {
        if (!e.errorCode().equals(Optional.of(ResourcePolicyGateway.CONFLICT))) {
            throw e;
        }
        return new PolicyWrite(Optional.empty(), gateway.read(target));
    }
}
