package dev.arca.core.policy;

import dev.arca.core.policy.ConditionMatcher.ConditionResult;
import dev.arca.core.policy.Decision.Reason;
import dev.arca.core.policy.Decision.Verdict;
import dev.arca.core.policy.PrincipalMatcher.Match;
import dev.arca.core.policy.RequestPrincipal.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides a request as IAM does (policies.md §1.2–§1.4, §7): an explicit deny anywhere wins; in the resource's own
 * account an allow from the identity or the resource policy suffices; across accounts both must allow; a resource
 * policy naming only the account delegates to the account's identity policies; an account's root may do anything in
 * its own account that nothing explicitly denies.
 */
public final class PolicyEvaluator {

    /** The service name CodeArtifact's bearer tokens are issued for (§3.4). */
    public static final String CODEARTIFACT_SERVICE = "codeartifact.amazonaws.com";

    private static final String FOR_ANY_VALUE = "ForAnyValue:";
    private static final String FOR_ALL_VALUES = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    private final ConditionMatcher conditions;

    public PolicyEvaluator(ConditionMatcher conditions) {
        this.conditions = Objects.requireNonNull(conditions, "conditions");
    }

    /** Evaluates {@code request}; an unknown condition operator throws IllegalArgumentException (parse-time check). */
    public Decision evaluate(AccessRequest request) {
        Map<String, List<String>> context = new RequestContext(request);
        Set<String> missing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Hits identity = new Hits();
        Hits resource = new Hits();
        for (AttachedPolicy policy : request.identityPolicies()) {
            collect(policy, false, request, context, missing, identity);
        }
        for (AttachedPolicy policy : request.resourcePolicies()) {
            collect(policy, true, request, context, missing, resource);
        }
        List<String> missingKeys = List.copyOf(missing);
        if (!identity.denies.isEmpty() || !resource.denies.isEmpty()) {
            List<MatchedStatement> denies = new ArrayList<>(identity.denies);
            denies.addAll(resource.denies);
            Reason reason = identity.denies.isEmpty() ? Reason.EXPLICIT_DENY_IN_RESOURCE_POLICY
                    : Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY;
            return new Decision(Verdict.EXPLICIT_DENY, reason, denies, missingKeys);
        }
        return allowOrImplicitDeny(request, identity, resource, missingKeys);
    }

    /**
     * GetAuthorizationToken (§3.4, §7): {@code tokenRequest} (codeartifact:GetAuthorizationToken on the domain) must be
     * allowed and, for anyone but an account root, the caller's identity policies must also allow
     * sts:GetServiceBearerToken with sts:AWSServiceName = codeartifact.amazonaws.com. Never asks a resource policy for
     * the STS action (§3.4 Decision).
     */
    public Decision evaluateAuthorizationToken(AccessRequest tokenRequest) {
        Decision token = evaluate(tokenRequest);
        RequestPrincipal caller = tokenRequest.principal();
        if (caller.type() == Type.ROOT || token.verdict() == Verdict.EXPLICIT_DENY) {
            return token;
        }
        Map<String, List<String>> context = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.putAll(tokenRequest.context());
        context.putIfAbsent("sts:AWSServiceName", List.of(CODEARTIFACT_SERVICE));
        Decision bearer = evaluate(new AccessRequest(caller, "sts:GetServiceBearerToken", "*",
                caller.account().orElse(tokenRequest.resourceOwner()), context, tokenRequest.identityPolicies(),
                List.of()));
        if (bearer.verdict() == Verdict.EXPLICIT_DENY) {
            return bearer;
        }
        List<MatchedStatement> statements = new ArrayList<>(token.statements());
        statements.addAll(bearer.statements());
        Set<String> missing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        missing.addAll(token.missingContextValues());
        missing.addAll(bearer.missingContextValues());
        if (token.allowed() && bearer.allowed()) {
            return new Decision(Verdict.ALLOWED, token.reason(), statements, List.copyOf(missing));
        }
        Reason reason = token.allowed() ? Reason.NO_IDENTITY_POLICY_ALLOWS : token.reason();
        return new Decision(Verdict.IMPLICIT_DENY, reason, statements, List.copyOf(missing));
    }

    private static Decision allowOrImplicitDeny(AccessRequest request, Hits identity, Hits resource,
                                                List<String> missingKeys) {
        RequestPrincipal caller = request.principal();
        boolean root = caller.type() == Type.ROOT;
        boolean idAllows = root || !identity.allows.isEmpty();
        List<MatchedStatement> allAllows = new ArrayList<>(identity.allows);
        allAllows.addAll(resource.directAllows);
        allAllows.addAll(resource.accountAllows);
        if (caller.type() == Type.ANONYMOUS || caller.type() == Type.SERVICE) {
            // Callers without identity policies have only what a resource policy grants them by name or "*".
            return resource.directAllows.isEmpty()
                    ? new Decision(Verdict.IMPLICIT_DENY, Reason.NO_RESOURCE_POLICY_ALLOWS, allAllows, missingKeys)
                    : new Decision(Verdict.ALLOWED, Reason.RESOURCE_POLICY_ALLOWS, resource.directAllows, missingKeys);
        }
        if (request.sameAccount()) {
            // §1.3 Decision: an allow that reaches the caller only through its account delegates to identity policies.
            if (idAllows) {
                List<MatchedStatement> deciding = new ArrayList<>(identity.allows);
                deciding.addAll(resource.directAllows);
                deciding.addAll(resource.accountAllows);
                Reason reason = !identity.allows.isEmpty() ? Reason.IDENTITY_POLICY_ALLOWS
                        : resource.directAllows.isEmpty() ? Reason.ACCOUNT_ROOT : Reason.RESOURCE_POLICY_ALLOWS;
                return new Decision(Verdict.ALLOWED, reason, deciding, missingKeys);
            }
            if (!resource.directAllows.isEmpty()) {
                return new Decision(Verdict.ALLOWED, Reason.RESOURCE_POLICY_ALLOWS, resource.directAllows,
                        missingKeys);
            }
            return new Decision(Verdict.IMPLICIT_DENY, Reason.NO_POLICY_ALLOWS, allAllows, missingKeys);
        }
        boolean resourceAllows = !resource.directAllows.isEmpty() || !resource.accountAllows.isEmpty();
        if (idAllows && resourceAllows) {
            return new Decision(Verdict.ALLOWED, root && identity.allows.isEmpty() ? Reason.RESOURCE_POLICY_ALLOWS
                    : Reason.BOTH_POLICIES_ALLOW, allAllows, missingKeys);
        }
        return new Decision(Verdict.IMPLICIT_DENY, resourceAllows ? Reason.NO_IDENTITY_POLICY_ALLOWS
                : Reason.NO_RESOURCE_POLICY_ALLOWS, allAllows, missingKeys);
    }

    private void collect(AttachedPolicy policy, boolean isResourcePolicy, AccessRequest request,
                         Map<String, List<String>> context, Set<String> missing, Hits hits) {
        PolicyDocument document = policy.document();
        // The action and the principal first: the tests most statements fail, answered by the document from what
        // it remembers. An identity policy's statements apply to the principal it is attached to.
        if (isResourcePolicy) {
            for (PolicyDocument.PrincipalHit hit : document.statementsFor(request.action(), request.principal())) {
                collect(policy, hit.statement(), hit.match(), request, context, missing, hits);
            }
        } else {
            for (Statement statement : document.statementsFor(request.action())) {
                collect(policy, statement, null, request, context, missing, hits);
            }
        }
    }

    /** Adds {@code statement} to {@code hits} when its resource and conditions hold; {@code principal} null: identity. */
    private void collect(AttachedPolicy policy, Statement statement, Match principal, AccessRequest request,
                         Map<String, List<String>> context, Set<String> missing, Hits hits) {
        PolicyDocument document = policy.document();
        if (!resourceMatches(statement.resources(), request.resource(), document, context, missing)
                || !conditionsHold(statement, document, context, missing)) {
            return;
        }
        MatchedStatement matched = MatchedStatement.of(policy, statement);
        if (statement.effect() == Effect.DENY) {
            hits.denies.add(matched);
        } else if (principal == null) {
            hits.allows.add(matched);
        } else if (principal == Match.ACCOUNT) {
            hits.accountAllows.add(matched);
        } else {
            hits.directAllows.add(matched);
        }
    }

    private static boolean resourceMatches(PatternList resources, String resource, PolicyDocument document,
                                           Map<String, List<String>> context, Set<String> missing) {
        boolean listed = false;
        for (String pattern : resources.patterns()) {
            // A pattern whose variable has no value matches nothing (§1.9).
            Optional<List<PolicyVariables.Piece>> pieces = PolicyVariables.substitute(pattern,
                    document.variablesEnabled(), context, missing);
            if (pieces.isPresent() && ResourcePatterns.matches(pieces.get(), resource)) {
                listed = true;
            }
        }
        return listed != resources.negated();
    }

    /** AND across operators and keys; every entry is evaluated so that all missing keys get reported. */
    private boolean conditionsHold(Statement statement, PolicyDocument document, Map<String, List<String>> context,
                                   Set<String> missing) {
        boolean all = true;
        for (Map.Entry<String, Map<String, List<String>>> operator : statement.condition().entrySet()) {
            boolean takesVariables = takesVariables(operator.getKey());
            for (Map.Entry<String, List<String>> entry : operator.getValue().entrySet()) {
                List<String> values = entry.getValue();
                if (takesVariables && document.variablesEnabled()) {
                    // A value whose variable has no value never matches: dropping it gives exactly that (§1.9).
                    values = values.stream().map(v -> PolicyVariables.substituteText(v, true, context, missing))
                            .flatMap(Optional::stream).toList();
                }
                ConditionResult result = conditions.matches(operator.getKey(), entry.getKey(), values, context);
                if (result.missingKey()) {
                    missing.add(entry.getKey());
                }
                all &= result.holds();
            }
        }
        return all;
    }

    /**
     * String and ARN operators take variables, and Bool by our §1.9 Decision. Plain string work rather than regular
     * expressions: this runs for every condition of every matching statement of every request.
     */
    private static boolean takesVariables(String operator) {
        String base = operator.startsWith(FOR_ANY_VALUE) ? operator.substring(FOR_ANY_VALUE.length())
                : operator.startsWith(FOR_ALL_VALUES) ? operator.substring(FOR_ALL_VALUES.length()) : operator;
        if (base.endsWith(IF_EXISTS)) {
            base = base.substring(0, base.length() - IF_EXISTS.length());
        }
        return base.startsWith("String") || base.startsWith("Arn") || base.equals("Bool");
    }

    /**
     * The request's condition keys, the caller's own included, looked up ignoring case: put together only when a
     * statement that applies has a condition or a variable to evaluate, which most statements of most requests do not.
     */
    private static final class RequestContext extends AbstractMap<String, List<String>> {
        private final AccessRequest request;
        private Map<String, List<String>> keys;

        RequestContext(AccessRequest request) {
            this.request = request;
        }

        private Map<String, List<String>> keys() {
            if (keys == null) {
                keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                keys.putAll(PrincipalContextKeys.of(request.principal()));
                keys.putAll(request.context());
            }
            return keys;
        }

        @Override
        public List<String> get(Object key) {
            return keys().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return keys().containsKey(key);
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return keys().entrySet();
        }
    }

    /** The statements of one side (identity or resource) that matched, by effect and how the principal matched. */
    private static final class Hits {
        final List<MatchedStatement> denies = new ArrayList<>();
        final List<MatchedStatement> allows = new ArrayList<>();
        final List<MatchedStatement> directAllows = new ArrayList<>();
        final List<MatchedStatement> accountAllows = new ArrayList<>();
    }
}
