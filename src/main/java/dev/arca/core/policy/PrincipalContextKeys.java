package dev.arca.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The global condition keys a caller brings by itself (§2.5): aws:PrincipalArn, aws:PrincipalAccount, aws:userid… */
public final class PrincipalContextKeys {

    private PrincipalContextKeys() {
    }

    /** The caller's own keys; a role session's aws:PrincipalArn is its role's ARN, aws:username is for users only. */
    public static Map<String, List<String>> of(RequestPrincipal caller) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        boolean signed = caller.type() != RequestPrincipal.Type.ANONYMOUS;
        if (signed && caller.type() != RequestPrincipal.Type.SERVICE) {
            keys.put("aws:PrincipalArn", List.of(caller.roleArn().orElse(caller.arn())));
        }
        keys.put("aws:PrincipalAccount", List.of(caller.account().orElse("anonymous")));
        String type = switch (caller.type()) {
            case ROOT -> "Account";
            case USER -> "User";
            case ROLE, ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case SERVICE -> "AWSService";
            case ANONYMOUS -> "Anonymous";
        };
        keys.put("aws:PrincipalType", List.of(type));
        keys.put("aws:userid", List.of(caller.userId()));
        caller.username().ifPresent(name -> keys.put("aws:username", List.of(name)));
        if (signed) {
            keys.put("aws:PrincipalIsAWSService", List.of(String.valueOf(caller.type() == RequestPrincipal.Type.SERVICE)));
        }
        return keys;
    }
}
