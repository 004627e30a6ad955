package dev.arca.core.iam;

import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.PrincipalKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The AWS principals resource policies name in Principal or NotPrincipal: accounts, users, roles, sessions. */
public final class NamedPrincipals {

    private NamedPrincipals() {
    }

    /** Every principal the policies name, in the order written; a policy that does not parse names none. */
    public static List<PrincipalArn> in(List<String> resourcePolicies) {
        Set<PrincipalArn> named = new LinkedHashSet<>();
        for (String text : resourcePolicies) {
            try {
                PolicyParser.parse(text, PolicyType.RESOURCE_POLICY).statements().forEach(statement ->
                        statement.principal().ifPresent(element -> element.principal().valuesOf(PrincipalKind.AWS)
                                .forEach(value -> PrincipalArn.parse(value).ifPresent(named::add))));
            } catch (MalformedPolicyException e) {
                // The editor reports it; a broken draft adds no rows.
            }
        }
        return List.copyOf(named);
    }
}
