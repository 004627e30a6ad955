package dev.arca.server.iam;

import dev.arca.core.policy.RequestPrincipal;
import java.util.Objects;

/**
 * The STS subset the local server answers (query protocol, API version 2011-06-15): GetCallerIdentity, which needs
 * no permission, and AssumeRole, decided by the role's trust policy ({@link RoleSessions}).
 */
public final class StsApi {

    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final RoleSessions sessions;

    public StsApi(RoleSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public QueryReply handle(QueryRequest request) {
        return switch (request.action()) {
            case "GetCallerIdentity" -> callerIdentity(request.caller().principal());
            case "AssumeRole" -> assumeRole(request);
            default -> throw new IamException(400, "InvalidAction", "Could not find operation " + request.action()
                    + " for version 2011-06-15");
        };
    }

    /** AWS's forms: a root's user id is its account, a user's its AIDA id, a session's ROLEID:SESSION. */
    private static QueryReply callerIdentity(RequestPrincipal principal) {
        return QueryReply.empty().element("UserId", principal.userId()).element("Account", principal.account()
                .orElseThrow()).element("Arn", principal.arn());
    }

    private QueryReply assumeRole(QueryRequest request) {
        RoleSessions.Session session = sessions.assumeRole(request.caller(), request.required("RoleArn"),
                request.required("RoleSessionName"), request.integer("DurationSeconds"));
        return QueryReply.empty()
                .structure("Credentials", c -> c.element("AccessKeyId", session.accessKeyId())
                        .element("SecretAccessKey", session.secretAccessKey())
                        .element("SessionToken", session.sessionToken())
                        .element("Expiration", session.expiration()))
                .structure("AssumedRoleUser", u -> u.element("AssumedRoleId", session.principal().userId())
                        .element("Arn", session.principal().arn()));
    }
}
