package dev.arca.server.iam;

import dev.arca.core.policy.AccessRequest;
import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.Decision;
import dev.arca.core.policy.Decision.Verdict;
import dev.arca.core.policy.Effect;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.MatchedStatement;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.iam.PolicySimulation.ContextEntry;
import dev.arca.server.iam.PolicySimulation.CustomPolicies;
import dev.arca.server.iam.PolicySimulation.PrincipalPolicies;
import dev.arca.server.iam.PolicySimulationException.Code;
import dev.arca.server.iam.SimulationResult.ResourceSpecificResult;
import dev.arca.server.service.Caller;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers IAM's SimulateCustomPolicy and SimulatePrincipalPolicy (policies.md §5) through {@link AccessControl}, so a
 * simulation gives exactly the decision the server would give the same request. The request's own condition keys —
 * those the server reads from a live request (time, transport, source address, tags) — come only from the
 * simulation's context entries: a policy that needs one that was not supplied gets it in MissingContextValues.
 */
public final class PolicySimulator {

    /** {@code SourcePolicyId} of the resource policy; custom policies are {@code PolicyInputList.N}, as in IAM. */
    public static final String RESOURCE_POLICY_ID = "ResourcePolicy";
    /**
     * Whom a custom simulation without CallerArn simulates when the caller is an account root: a root is allowed
     * everything in its own account, which would hide what the policies themselves allow.
     */
    static final String SIMULATED_USER = "SimulatedUser";

    private static final Pattern ACCOUNT_ARN = Pattern.compile("arn:aws:iam::([0-9]{12}):root");
    private static final Pattern USER_ARN = Pattern.compile("arn:aws:iam::[0-9]{12}:user/.+");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");
    private static final Set<String> SINGLE_TYPES = Set.of("string", "numeric", "boolean", "ip", "binary", "date");

    private final AccessControl access;

    public PolicySimulator(AccessControl access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    /**
     * Evaluates every action against every resource, asked by {@code caller}.
     *
     * @throws PolicySimulationException InvalidInput or MalformedPolicyDocument, with IAM's meaning
     */
    public List<SimulationResult> simulate(PolicySimulation simulation, Caller caller) {
        Objects.requireNonNull(caller, "caller");
        if (simulation.actionNames().isEmpty()) {
            throw invalid("ActionNames must name at least one action.");
        }
        simulation.actionNames().forEach(PolicySimulator::checkAction);
        List<String> resources = simulation.resourceArns().isEmpty() ? List.of("*") : simulation.resourceArns();
        resources.forEach(PolicySimulator::checkResource);
        RequestPrincipal principal = principal(simulation, caller);
        String owner = simulation.resourceOwner().map(PolicySimulator::ownerAccount)
                .orElseGet(() -> principal.account().orElseThrow());
        List<AttachedPolicy> identity = identityPolicies(simulation);
        List<AttachedPolicy> resource = simulation.resourcePolicy()
                .map(text -> List.of(parse(text, PolicyType.RESOURCE_POLICY, RESOURCE_POLICY_ID,
                        PolicySourceType.RESOURCE))).orElse(List.of());
        Map<String, List<String>> context = new LinkedHashMap<>(access.principalContext(principal));
        context.putAll(context(simulation.contextEntries()));

        List<SimulationResult> results = new ArrayList<>();
        for (String action : simulation.actionNames()) {
            for (String arn : resources) {
                Decision decision = access.decide(new AccessRequest(principal, action, arn, owner, context, identity,
                        resource));
                results.add(result(action, arn, decision, principal.account().orElseThrow().equals(owner)));
            }
        }
        return results;
    }

    /**
     * Where each part of the answer goes (§5.2): missing keys at the top for {@code *} and per resource otherwise;
     * per-side details across accounts, empty ones in the same account for a named resource, none for {@code *}.
     */
    private static SimulationResult result(String action, String arn, Decision decision, boolean sameAccount) {
        Map<String, Verdict> details = sameAccount ? Map.of() : Map.of(
                SimulationResult.IDENTITY_POLICY_DETAIL, side(decision, false),
                SimulationResult.RESOURCE_POLICY_DETAIL, side(decision, true));
        if (arn.equals("*")) {
            return new SimulationResult(action, arn, decision.verdict(), decision.statements(),
                    decision.missingContextValues(), sameAccount ? Optional.empty() : Optional.of(details), List.of());
        }
        ResourceSpecificResult specific = new ResourceSpecificResult(arn, decision.verdict(), decision.statements(),
                decision.missingContextValues(), details);
        return new SimulationResult(action, arn, decision.verdict(), decision.statements(), List.of(),
                Optional.of(details), List.of(specific));
    }

    /** One side's own verdict, read off the statements that decided: a deny there, an allow there, or neither. */
    private static Verdict side(Decision decision, boolean resourceSide) {
        List<MatchedStatement> mine = decision.statements().stream()
                .filter(s -> (s.sourceType() == PolicySourceType.RESOURCE) == resourceSide).toList();
        if (mine.stream().anyMatch(s -> s.effect() == Effect.DENY)) {
            return Verdict.EXPLICIT_DENY;
        }
        return mine.isEmpty() ? Verdict.IMPLICIT_DENY : Verdict.ALLOWED;
    }

    /**
     * Who is simulated: CallerArn when given (with a principal's policies, as in IAM: "Bob as if he had David's
     * policies"); else the principal whose policies they are; else, for custom policies, the caller.
     */
    private static RequestPrincipal principal(PolicySimulation simulation, Caller caller) {
        if (simulation.callerArn().isPresent()) {
            String arn = simulation.callerArn().get();
            if (!USER_ARN.matcher(arn).matches()) {
                throw invalid("CallerArn must be the ARN of an IAM user (arn:aws:iam::ACCOUNT:user/NAME), not " + arn
                        + ".");
            }
            // The simulation knows the user by its ARN only; its ARN stands in for its unique id (aws:userid).
            return RequestPrincipal.user(arn, arn);
        }
        return switch (simulation.subject()) {
            case PrincipalPolicies p -> p.principal();
            case CustomPolicies c -> {
                if (simulation.resourcePolicy().isPresent()) {
                    throw invalid("CallerArn is required when ResourcePolicy is given.");
                }
                yield caller.principal().type() == RequestPrincipal.Type.ROOT
                        ? RequestPrincipal.user("arn:aws:iam::" + caller.accountId() + ":user/" + SIMULATED_USER,
                                SIMULATED_USER)
                        : caller.principal();
            }
        };
    }

    private List<AttachedPolicy> identityPolicies(PolicySimulation simulation) {
        List<String> texts = switch (simulation.subject()) {
            case CustomPolicies c -> c.policyDocuments();
            case PrincipalPolicies p -> p.extraPolicies();
        };
        if (simulation.subject() instanceof CustomPolicies && texts.isEmpty()) {
            throw invalid("PolicyInputList must hold at least one policy.");
        }
        List<AttachedPolicy> policies = new ArrayList<>();
        if (simulation.subject() instanceof PrincipalPolicies p) {
            policies.addAll(access.identityPolicies(p.principal()));
        }
        for (int i = 0; i < texts.size(); i++) {
            policies.add(parse(texts.get(i), PolicyType.IDENTITY_POLICY, "PolicyInputList." + (i + 1),
                    PolicySourceType.NONE));
        }
        return policies;
    }

    private static AttachedPolicy parse(String text, PolicyType type, String id, PolicySourceType source) {
        try {
            return new AttachedPolicy(id, source, PolicyParser.parse(text, type));
        } catch (MalformedPolicyException e) {
            throw new PolicySimulationException(Code.MALFORMED_POLICY_DOCUMENT, id + ": " + e.getMessage());
        }
    }

    private static String ownerAccount(String ownerArn) {
        Matcher m = ACCOUNT_ARN.matcher(ownerArn);
        if (!m.matches()) {
            throw invalid("ResourceOwner must be an account ARN (arn:aws:iam::ACCOUNT:root), not " + ownerArn + ".");
        }
        return m.group(1);
    }

    private static void checkAction(String action) {
        if (!ACTION.matcher(action).matches()) {
            throw invalid("Action " + action + " is not an action name (service:Action, no wildcards).");
        }
    }

    private static void checkResource(String arn) {
        if (!arn.equals("*") && !arn.startsWith("arn:")) {
            throw invalid("Resource " + arn + " must be an ARN or *.");
        }
    }

    /** The context entries as condition keys; key names are case-insensitive, so a repeated one is refused. */
    private static Map<String, List<String>> context(List<ContextEntry> entries) {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ContextEntry entry : entries) {
            String type = entry.type();
            String base = type.endsWith("List") ? type.substring(0, type.length() - 4) : type;
            if (!SINGLE_TYPES.contains(base)) {
                throw invalid("ContextKeyType of " + entry.name() + " must be one of string, stringList, numeric, "
                        + "numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList.");
            }
            if (entry.values().isEmpty() || (!type.endsWith("List") && entry.values().size() > 1)) {
                throw invalid("Context key " + entry.name() + " of type " + type + " takes "
                        + (type.endsWith("List") ? "at least one value." : "exactly one value."));
            }
            entry.values().forEach(v -> checkValue(entry.name(), base, v));
            if (keys.put(entry.name(), entry.values()) != null) {
                throw invalid("Context key " + entry.name() + " is given more than once.");
            }
        }
        return keys;
    }

    private static void checkValue(String name, String type, String value) {
        boolean ok = switch (type) {
            case "numeric" -> isNumber(value);
            case "boolean" -> value.equals("true") || value.equals("false");
            default -> true;
        };
        if (!ok) {
            throw invalid("Context key " + name + ": " + value + " is not a " + type + " value.");
        }
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static PolicySimulationException invalid(String message) {
        return new PolicySimulationException(Code.INVALID_INPUT, message);
    }
}
