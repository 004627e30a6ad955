package dev.arca.server.iam;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.RequestPrincipal;
import java.util.List;

/**
 * The identity-based policies that apply to a principal, read at the moment of each request so that a policy change
 * takes effect at once: an IAM user's inline policies, a role session's role's inline policies; none for an account
 * root (it needs none in its own account) or a principal this server does not know.
 */
@FunctionalInterface
public interface IdentityPolicies {

    /** Principals with no identity policies: account roots only, before IAM users and roles exist. */
    IdentityPolicies NONE = principal -> List.of();

    List<AttachedPolicy> of(RequestPrincipal principal);
}
