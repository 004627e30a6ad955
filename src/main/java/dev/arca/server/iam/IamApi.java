package dev.arca.server.iam;

import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.store.IamStore.AccessKeyRow;
import dev.arca.server.store.IamStore.RoleRow;
import dev.arca.server.store.IamStore.UserRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The IAM subset the local server answers (query protocol, API version 2010-05-08): users, their access keys and
 * inline policies; roles, their trust and inline policies. Each operation is declared once with the resource it is
 * authorized on: a caller needs {@code iam:ACTION} on that ARN, decided by {@link AccessControl} (an account's root
 * may do everything in its own account). Every call acts in the caller's account.
 */
public final class IamApi {

    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** One operation: the ARN it is authorized on, and what it does. */
    private record Operation(Function<QueryRequest, String> resource, Function<QueryRequest, QueryReply> run) {
    }

    private final IamUsers users;
    private final IamRoles roles;
    private final AccessControl access;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public IamApi(IamUsers users, IamRoles roles, AccessControl access) {
        this.users = Objects.requireNonNull(users, "users");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.access = Objects.requireNonNull(access, "access");
        declareUsers();
        declareAccessKeys();
        declareRoles();
        SimulationQueries simulation = new SimulationQueries(new PolicySimulator(access), users, roles);
        operations.put("SimulatePrincipalPolicy", new Operation(r -> r.required("PolicySourceArn"),
                simulation::principal));
        operations.put("SimulateCustomPolicy", new Operation(r -> "*", simulation::custom));
    }

    /** Runs {@code request} if its caller may, or throws {@link IamException} (or AccessControl's AccessDenied). */
    public QueryReply handle(QueryRequest request) {
        Operation operation = operations.get(request.action());
        if (operation == null) {
            throw new IamException(400, "InvalidAction", "Could not find operation " + request.action()
                    + " for version 2010-05-08");
        }
        access.require(AccessCheck.of(request.caller(), "iam:" + request.action(), operation.resource().apply(request),
                request.account()));
        return operation.run().apply(request);
    }

    private void declareUsers() {
        operations.put("CreateUser", new Operation(r -> IamUsers.arn(r.account(), r.optional("Path").orElse("/"),
                r.required("UserName")), r -> QueryReply.empty().structure("User", u -> user(u, users.create(
                r.account(), r.required("UserName"), r.optional("Path").orElse("/"))))));
        operations.put("GetUser", new Operation(r -> r.optional("UserName").isPresent() ? userArn(r)
                : r.caller().principalArn(), this::getUser));
        operations.put("ListUsers", new Operation(r -> "arn:aws:iam::" + r.account() + ":user/*",
                r -> QueryReply.empty().list("Users", users.list(r.account(), r.optional("PathPrefix").orElse("/")),
                        IamApi::user).element("IsTruncated", "false")));
        operations.put("DeleteUser", new Operation(this::userArn, r -> {
            users.delete(r.account(), r.required("UserName"));
            return QueryReply.empty();
        }));
        operations.put("PutUserPolicy", new Operation(this::userArn, r -> {
            users.putPolicy(r.account(), r.required("UserName"), r.required("PolicyName"), r.required("PolicyDocument"));
            return QueryReply.empty();
        }));
        operations.put("GetUserPolicy", new Operation(this::userArn, r -> QueryReply.empty()
                .element("UserName", users.get(r.account(), r.required("UserName")).name())
                .element("PolicyName", r.required("PolicyName"))
                .element("PolicyDocument", urlEncoded(users.policy(r.account(), r.required("UserName"),
                        r.required("PolicyName"))))));
        operations.put("ListUserPolicies", new Operation(this::userArn, r -> QueryReply.empty()
                .list("PolicyNames", users.policyNames(r.account(), r.required("UserName")), QueryReply::text)
                .element("IsTruncated", "false")));
        operations.put("DeleteUserPolicy", new Operation(this::userArn, r -> {
            users.deletePolicy(r.account(), r.required("UserName"), r.required("PolicyName"));
            return QueryReply.empty();
        }));
    }

    private void declareAccessKeys() {
        operations.put("CreateAccessKey", new Operation(this::keyOwnerArn, r -> {
            IamUsers.NewAccessKey created = users.createAccessKey(r.account(), keyOwner(r));
            return QueryReply.empty().structure("AccessKey", k -> k.element("UserName", created.userName())
                    .element("AccessKeyId", created.key().id()).element("Status", status(created.key()))
                    .element("SecretAccessKey", created.secretAccessKey())
                    .element("CreateDate", created.key().createdAt()));
        }));
        operations.put("ListAccessKeys", new Operation(this::keyOwnerArn, r -> {
            String owner = users.get(r.account(), keyOwner(r)).name();
            return QueryReply.empty().list("AccessKeyMetadata", users.accessKeys(r.account(), owner),
                    (m, key) -> m.element("UserName", owner).element("AccessKeyId", key.id())
                            .element("Status", status(key)).element("CreateDate", key.createdAt()))
                    .element("IsTruncated", "false");
        }));
        operations.put("UpdateAccessKey", new Operation(this::keyOwnerArn, r -> {
            users.updateAccessKey(r.account(), keyOwner(r), r.required("AccessKeyId"), r.required("Status"));
            return QueryReply.empty();
        }));
        operations.put("DeleteAccessKey", new Operation(this::keyOwnerArn, r -> {
            users.deleteAccessKey(r.account(), keyOwner(r), r.required("AccessKeyId"));
            return QueryReply.empty();
        }));
    }

    private void declareRoles() {
        operations.put("CreateRole", new Operation(r -> IamRoles.arn(r.account(), r.optional("Path").orElse("/"),
                r.required("RoleName")), r -> QueryReply.empty().structure("Role", x -> role(x, roles.create(
                r.account(), r.required("RoleName"), r.optional("Path").orElse("/"),
                r.required("AssumeRolePolicyDocument"), r.optional("Description"),
                r.integer("MaxSessionDuration"))))));
        operations.put("GetRole", new Operation(this::roleArn, r -> QueryReply.empty()
                .structure("Role", x -> role(x, roles.get(r.account(), r.required("RoleName"))))));
        operations.put("ListRoles", new Operation(r -> "arn:aws:iam::" + r.account() + ":role/*",
                r -> QueryReply.empty().list("Roles", roles.list(r.account(), r.optional("PathPrefix").orElse("/")),
                        IamApi::role).element("IsTruncated", "false")));
        operations.put("DeleteRole", new Operation(this::roleArn, r -> {
            roles.delete(r.account(), r.required("RoleName"));
            return QueryReply.empty();
        }));
        operations.put("UpdateAssumeRolePolicy", new Operation(this::roleArn, r -> {
            roles.updateTrustPolicy(r.account(), r.required("RoleName"), r.required("PolicyDocument"));
            return QueryReply.empty();
        }));
        operations.put("PutRolePolicy", new Operation(this::roleArn, r -> {
            roles.putPolicy(r.account(), r.required("RoleName"), r.required("PolicyName"), r.required("PolicyDocument"));
            return QueryReply.empty();
        }));
        operations.put("GetRolePolicy", new Operation(this::roleArn, r -> QueryReply.empty()
                .element("RoleName", roles.get(r.account(), r.required("RoleName")).name())
                .element("PolicyName", r.required("PolicyName"))
                .element("PolicyDocument", urlEncoded(roles.policy(r.account(), r.required("RoleName"),
                        r.required("PolicyName"))))));
        operations.put("ListRolePolicies", new Operation(this::roleArn, r -> QueryReply.empty()
                .list("PolicyNames", roles.policyNames(r.account(), r.required("RoleName")), QueryReply::text)
                .element("IsTruncated", "false")));
        operations.put("DeleteRolePolicy", new Operation(this::roleArn, r -> {
            roles.deletePolicy(r.account(), r.required("RoleName"), r.required("PolicyName"));
            return QueryReply.empty();
        }));
    }

    /** GetUser names a user, or without UserName answers for the caller (an account root as itself). */
    private QueryReply getUser(QueryRequest r) {
        RequestPrincipal caller = r.caller().principal();
        if (r.optional("UserName").isPresent() || caller.type() == RequestPrincipal.Type.USER) {
            String name = r.optional("UserName").orElseGet(() -> caller.username().orElseThrow());
            return QueryReply.empty().structure("User", u -> user(u, users.get(r.account(), name)));
        }
        if (caller.type() != RequestPrincipal.Type.ROOT) {
            throw IamException.validation("Must specify userName when calling with non-User credentials");
        }
        return QueryReply.empty().structure("User", u -> u.element("UserId", caller.userId())
                .element("Arn", caller.arn()));
    }

    /** The ARN of the user {@code UserName} names: its path when it exists, {@code /} otherwise. */
    private String userArn(QueryRequest r) {
        String name = r.required("UserName");
        return users.find(r.account(), name).map(IamUsers::arn).orElseGet(() -> IamUsers.arn(r.account(), "/", name));
    }

    private String roleArn(QueryRequest r) {
        String name = r.required("RoleName");
        return roles.find(r.account(), name).map(IamRoles::arn).orElseGet(() -> IamRoles.arn(r.account(), "/", name));
    }

    /** Access-key calls without UserName act on the calling user's own keys. */
    private String keyOwner(QueryRequest r) {
        return r.optional("UserName").or(() -> r.caller().principal().username()).orElseThrow(() ->
                IamException.validation("Must specify userName when calling with non-User credentials"));
    }

    private String keyOwnerArn(QueryRequest r) {
        String name = keyOwner(r);
        return users.find(r.account(), name).map(IamUsers::arn).orElseGet(() -> IamUsers.arn(r.account(), "/", name));
    }

    private static void user(QueryReply out, UserRow user) {
        out.element("Path", user.path()).element("UserName", user.name()).element("UserId", user.id())
                .element("Arn", IamUsers.arn(user)).element("CreateDate", user.createdAt());
    }

    private static void role(QueryReply out, RoleRow role) {
        out.element("Path", role.path()).element("RoleName", role.name()).element("RoleId", role.id())
                .element("Arn", IamRoles.arn(role)).element("CreateDate", role.createdAt())
                .element("AssumeRolePolicyDocument", urlEncoded(role.trustPolicy()));
        role.description().ifPresent(d -> out.element("Description", d));
        out.element("MaxSessionDuration", Integer.toString(role.maxSessionSeconds()));
    }

    private static String status(AccessKeyRow key) {
        return key.active() ? "Active" : "Inactive";
    }

    /** IAM returns policy documents URL-encoded (RFC 3986: a space is %20, which every SDK decodes). */
    static String urlEncoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
