package dev.arca.server.iam;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.Decision;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.service.Caller;
import dev.arca.server.store.IamStore;
import dev.arca.server.store.IamStore.RoleRow;
import dev.arca.server.store.IamStore.SessionRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * STS AssumeRole: decides whether a caller may assume a role — through {@link AccessControl}, with the role's trust
 * policy as the resource policy, which must allow the caller itself (policies.md §1.2: an identity policy alone is
 * not enough) — and issues the session's temporary credentials, kept in the store until they expire.
 */
public final class RoleSessions {

    /**
     * STS AssumeRole DurationSeconds: at least 900 seconds, one hour when not given, at most the role's maximum — and
     * at most one hour when a role session assumes a role (role chaining).
     */
    static final int SHORTEST_SESSION = 900;
    static final int DEFAULT_SESSION = 3_600;
    static final String ASSUME_ROLE = "sts:AssumeRole";

    /** A new session: its credentials and who it acts as. */
    public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                          RequestPrincipal principal) {
    }

    private final IamStore store;
    private final IamRoles roles;
    private final SecretSealer sealer;
    private final AccessControl access;
    private final IamIds ids = new IamIds();
    private final Clock clock;

    public RoleSessions(IamStore store, IamRoles roles, SecretSealer sealer, AccessControl access, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Session assumeRole(Caller caller, String roleArn, String sessionName, Optional<Integer> durationSeconds) {
        IamNames.sessionName(sessionName);
        if (caller.principal().type() == RequestPrincipal.Type.ROOT) {
            throw IamException.accessDenied("Roles may not be assumed by root accounts.");
        }
        RoleRow role = roles.byArn(roleArn);
        int duration = durationSeconds.orElse(DEFAULT_SESSION);
        if (duration < SHORTEST_SESSION) {
            throw IamException.validation("1 validation error detected: Value '" + duration
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or"
                    + " equal to " + SHORTEST_SESSION);
        }
        if (caller.principal().type() == RequestPrincipal.Type.ASSUMED_ROLE && duration > DEFAULT_SESSION) {
            throw IamException.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles"
                    + " assumed by role chaining.");
        }
        if (duration > role.maxSessionSeconds()) {
            throw IamException.validation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        requireTrust(caller, role, Map.of("sts:DurationSeconds", List.of(Integer.toString(duration)),
                "sts:RoleSessionName", List.of(sessionName)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        store.deleteSessionsExpiredBefore(now);
        String keyId = ids.sessionKeyId();
        String secret = ids.secretAccessKey();
        String token = ids.sessionToken();
        Instant expiration = now.plus(Duration.ofSeconds(duration));
        store.createSession(new SessionRow(keyId, role.id(), sessionName, sealer.seal(secret, keyId),
                tokenHash(token), expiration));
        return new Session(keyId, secret, token, expiration,
                RequestPrincipal.assumedRole(IamRoles.arn(role), sessionName, role.id()));
    }

    /** The SHA-256 of a session token: all the store keeps of it. */
    static byte[] tokenHash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireTrust(Caller caller, RoleRow role, Map<String, List<String>> requestKeys) {
        AttachedPolicy trust = new AttachedPolicy("trust policy", PolicySourceType.RESOURCE,
                TrustPolicies.parse(role.trustPolicy()));
        String roleArn = IamRoles.arn(role);
        AccessCheck check = new AccessCheck(caller, ASSUME_ROLE, roleArn, role.account(), List.of(trust), requestKeys,
                Map::of);
        Decision decision = access.decide(check);
        boolean trusted = decision.statements().stream()
                .anyMatch(s -> s.sourceType() == PolicySourceType.RESOURCE);
        if (!decision.allowed() || !trusted) {
            // STS words this refusal without a reason, whichever policy was missing.
            throw IamException.accessDenied("User: " + caller.principalArn() + " is not authorized to perform: "
                    + ASSUME_ROLE + " on resource: " + roleArn);
        }
    }
}
