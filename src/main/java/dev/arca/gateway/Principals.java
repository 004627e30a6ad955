package dev.arca.gateway;

import dev.arca.core.iam.AccessKeyInfo;
import dev.arca.core.iam.IamPrincipal;
import dev.arca.core.iam.NewAccessKey;
import dev.arca.core.iam.PrincipalArn;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The IAM users and roles of the connection's account (ListUsers, ListRoles), their access keys and inline policies.
 * Writes are for Arca servers: Arca is not an IAM console, so the Principals page offers them only there.
 */
public final class Principals {

    private final CodeArtifactGateway gateway;

    public Principals(CodeArtifactGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway);
    }

    /** Whether this connection may change users and roles (an Arca server, not AWS). */
    public boolean writable() {
        return gateway.profile().kind() != ConnectionKind.AWS;
    }

    /** The account the connection's credentials belong to (IAM GetUser of the caller). */
    public String account() {
        String arn = gateway.call("find out whose credentials these are", () -> gateway.iam().getUser().user().arn());
        return PrincipalArn.parse(arn).map(PrincipalArn::account).orElseThrow(() -> new GatewayException(
                "IAM named the caller " + arn + ", which is not an IAM ARN.", Optional.empty(), null));
    }

    /** Every user, then every role, each by name. */
    public List<IamPrincipal> list() {
        List<IamPrincipal> users = gateway.call("list the IAM users", () -> gateway.iam().listUsersPaginator()
                .users().stream().map(u -> principal(u.arn(), u.path(), u.createDate())).toList());
        List<IamPrincipal> roles = gateway.call("list the IAM roles", () -> gateway.iam().listRolesPaginator()
                .roles().stream().map(r -> principal(r.arn(), r.path(), r.createDate())).toList());
        return java.util.stream.Stream.concat(users.stream(), roles.stream()).toList();
    }

    private static IamPrincipal principal(String arn, String path, java.time.Instant created) {
        return new IamPrincipal(PrincipalArn.parse(arn).orElseThrow(() -> new GatewayException(
                "IAM listed " + arn + ", which is not a user or role ARN.", Optional.empty(), null)),
                Optional.ofNullable(path).orElse("/"), created);
    }

    public IamPrincipal createUser(String name) {
        return gateway.call("create user " + name, () -> {
            var user = gateway.iam().createUser(r -> r.userName(name)).user();
            return principal(user.arn(), user.path(), user.createDate());
        });
    }

    /** Creates a role that the principals its trust policy names may assume. */
    public IamPrincipal createRole(String name, String trustPolicy) {
        return gateway.call("create role " + name, () -> {
            var role = gateway.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)).role();
            return principal(role.arn(), role.path(), role.createDate());
        });
    }

    /** Deletes a user or role with what IAM requires gone first: its inline policies and (users) its access keys. */
    public void delete(IamPrincipal principal) {
        for (String policy : inlinePolicies(principal)) {
            deleteInlinePolicy(principal, policy);
        }
        if (principal.isRole()) {
            gateway.call("delete role " + principal.name(), () -> gateway.iam()
                    .deleteRole(r -> r.roleName(principal.name())));
            return;
        }
        for (AccessKeyInfo key : accessKeys(principal.name())) {
            deleteAccessKey(principal.name(), key.accessKeyId());
        }
        gateway.call("delete user " + principal.name(), () -> gateway.iam()
                .deleteUser(r -> r.userName(principal.name())));
    }

    public List<AccessKeyInfo> accessKeys(String userName) {
        return gateway.call("list the access keys of " + userName, () -> gateway.iam()
                .listAccessKeysPaginator(r -> r.userName(userName)).accessKeyMetadata().stream()
                .map(k -> new AccessKeyInfo(k.accessKeyId(), k.status() == StatusType.ACTIVE, k.createDate()))
                .toList());
    }

    /** A new access key; its secret is in the answer and nowhere else, ever. */
    public NewAccessKey createAccessKey(String userName) {
        return gateway.call("create an access key for " + userName, () -> {
            var key = gateway.iam().createAccessKey(r -> r.userName(userName)).accessKey();
            return new NewAccessKey(userName, key.accessKeyId(), key.secretAccessKey());
        });
    }

    public void deleteAccessKey(String userName, String accessKeyId) {
        gateway.call("revoke access key " + accessKeyId, () -> gateway.iam()
                .deleteAccessKey(r -> r.userName(userName).accessKeyId(accessKeyId)));
    }

    /** The names of a user's or role's inline policies. */
    public List<String> inlinePolicies(IamPrincipal principal) {
        return gateway.call("list the policies of " + principal.arn().describe(), () -> principal.isRole()
                ? gateway.iam().listRolePoliciesPaginator(r -> r.roleName(principal.name())).policyNames()
                        .stream().toList()
                : gateway.iam().listUserPoliciesPaginator(r -> r.userName(principal.name())).policyNames()
                        .stream().toList());
    }

    /** An inline policy's document as written (IAM sends it URL-encoded). */
    public String inlinePolicy(IamPrincipal principal, String policy) {
        String document = gateway.call("read policy " + policy, () -> principal.isRole()
                ? gateway.iam().getRolePolicy(r -> r.roleName(principal.name()).policyName(policy)).policyDocument()
                : gateway.iam().getUserPolicy(r -> r.userName(principal.name()).policyName(policy))
                        .policyDocument());
        return document.strip().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    /** Creates or replaces an inline policy. */
    public void putInlinePolicy(IamPrincipal principal, String policy, String document) {
        gateway.call("save policy " + policy, () -> principal.isRole()
                ? gateway.iam().putRolePolicy(r -> r.roleName(principal.name()).policyName(policy)
                        .policyDocument(document))
                : gateway.iam().putUserPolicy(r -> r.userName(principal.name()).policyName(policy)
                        .policyDocument(document)));
    }

    public void deleteInlinePolicy(IamPrincipal principal, String policy) {
        gateway.call("delete policy " + policy, () -> principal.isRole()
                ? gateway.iam().deleteRolePolicy(r -> r.roleName(principal.name()).policyName(policy))
                : gateway.iam().deleteUserPolicy(r -> r.userName(principal.name()).policyName(policy)));
    }
}
