package dev.arca.server.iam;

import dev.arca.core.policy.AccessRequest;
import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.ConditionOperators;
import dev.arca.core.policy.Decision;
import dev.arca.core.policy.PolicyEvaluator;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's one decision point: every request that needs permission — control plane, authorization tokens,
 * package endpoints, the local KMS, IAM and STS — is decided here, by the same evaluator the simulator uses, with
 * the same condition keys ({@link #context}). Identity policies are read per request, so a changed policy applies to
 * the next request, including those made with authorization tokens issued before.
 */
public final class AccessControl {

    private static final String TOKEN_ACTION = "codeartifact:GetAuthorizationToken";
    private static final String BEARER_ACTION = "sts:GetServiceBearerToken";
    private static final String RESOURCE_TAG = "aws:ResourceTag/";

    private final LocalAccounts accounts;
    private final IdentityPolicies identities;
    private final Clock clock;
    private final PolicyEvaluator evaluator = new PolicyEvaluator(new ConditionOperators());
    /** aws:CurrentTime and aws:EpochTime of the current second, formatted once per second rather than per request. */
    private volatile Now lastNow = new Now(Long.MIN_VALUE, List.of(), List.of());

    private record Now(long epochSecond, List<String> currentTime, List<String> epochTime) {
    }

    public AccessControl(LocalAccounts accounts, IdentityPolicies identities, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalAccounts accounts() {
        return accounts;
    }

    /** The evaluator's answer to {@code check}. */
    public Decision decide(AccessCheck check) {
        return decide(request(check));
    }

    /**
     * The evaluator's answer to a request built elsewhere (the simulator's), decided exactly as a live one: the same
     * evaluator, and GetAuthorizationToken's need for sts:GetServiceBearerToken too.
     */
    public Decision decide(AccessRequest request) {
        return TOKEN_ACTION.equals(request.action())
                ? evaluator.evaluateAuthorizationToken(request) : evaluator.evaluate(request);
    }

    /** The identity-based policies that apply to {@code principal} now. */
    public List<AttachedPolicy> identityPolicies(RequestPrincipal principal) {
        return identities.of(principal);
    }

    /**
     * Returns quietly when {@code check} is allowed.
     *
     * @throws ApiException a 403 AccessDeniedException worded as AWS words it, naming principal, action and resource
     */
    public void require(AccessCheck check) {
        Decision decision = decide(check);
        if (decision.allowed()) {
            return;
        }
        if (TOKEN_ACTION.equals(check.action()) && evaluator.evaluate(request(check)).allowed()) {
            // The domain allows the token; what is missing is the STS permission every token also needs (§3.4).
            throw ApiException.accessDenied(deniedMessage(check.caller(), BEARER_ACTION,
                    "arn:aws:sts::" + check.caller().accountId() + ":" + BEARER_ACTION.substring(4), decision));
        }
        throw ApiException.accessDenied(deniedMessage(check.caller(), check.action(), check.resource(), decision));
    }

    /**
     * The condition keys a request brings besides the principal's own: where it came from, when, over which
     * transport, the caller's organization, and what the request itself names.
     */
    public Map<String, List<String>> context(Caller caller, Map<String, List<String>> requestKeys) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Now now = now();
        keys.put("aws:CurrentTime", now.currentTime());
        keys.put("aws:EpochTime", now.epochTime());
        keys.put("aws:SecureTransport", List.of("false")); // the local server speaks plain HTTP
        caller.sourceIp().ifPresent(ip -> keys.put("aws:SourceIp", List.of(ip)));
        keys.putAll(principalContext(caller.principal()));
        keys.putAll(requestKeys);
        return keys;
    }

    private Now now() {
        long second = clock.instant().getEpochSecond();
        Now cached = lastNow;
        if (cached.epochSecond() != second) {
            cached = new Now(second, List.of(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second))),
                    List.of(Long.toString(second)));
            lastNow = cached;
        }
        return cached;
    }

    /**
     * The condition keys the server knows from who the caller is rather than from the request (its organization):
     * a simulation has them too, while what {@link #context} reads from a live request it must be told.
     */
    public Map<String, List<String>> principalContext(RequestPrincipal principal) {
        return principal.account().flatMap(accounts::organizationOf)
                .<Map<String, List<String>>>map(org -> Map.of("aws:PrincipalOrgID", List.of(org))).orElse(Map.of());
    }

    /** The evaluator's question for {@code check}: identity policies as they are now, the context as above. */
    public AccessRequest request(AccessCheck check) {
        List<AttachedPolicy> identity = identities.of(check.caller().principal());
        Map<String, List<String>> context = context(check.caller(), check.requestKeys());
        if (mentions(identity, RESOURCE_TAG) || mentions(check.resourcePolicies(), RESOURCE_TAG)) {
            check.resourceTags().get().forEach(context::putIfAbsent);
        }
        return new AccessRequest(check.caller().principal(), check.action(), check.resource(), check.resourceOwner(),
                context, identity, check.resourcePolicies());
    }

    /** Whether a condition of {@code policies} names a key starting with {@code prefix} (case-insensitive). */
    private static boolean mentions(List<AttachedPolicy> policies, String prefix) {
        for (AttachedPolicy policy : policies) {
            if (policy.document().namesConditionKeyStartingWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** AWS's wording: "User: ARN is not authorized to perform: ACTION on resource: ARN because …". */
    static String deniedMessage(Caller caller, String action, String resource, Decision decision) {
        String because = switch (decision.reason()) {
            case EXPLICIT_DENY_IN_IDENTITY_POLICY -> "with an explicit deny in an identity-based policy";
            case EXPLICIT_DENY_IN_RESOURCE_POLICY -> "with an explicit deny in a resource-based policy";
            case NO_RESOURCE_POLICY_ALLOWS -> "because no resource-based policy allows the " + action + " action";
            case NO_IDENTITY_POLICY_ALLOWS, NO_POLICY_ALLOWS, ACCOUNT_ROOT, IDENTITY_POLICY_ALLOWS,
                 RESOURCE_POLICY_ALLOWS, BOTH_POLICIES_ALLOW ->
                    "because no identity-based policy allows the " + action + " action";
        };
        return "User: " + caller.principalArn() + " is not authorized to perform: " + action + " on resource: "
                + resource + " " + because;
    }
}
