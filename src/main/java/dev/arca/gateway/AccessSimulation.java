package dev.arca.gateway;

import dev.arca.core.iam.ContextValue;
import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.iam.PrincipalArn;
import dev.arca.core.iam.SimulationAnswer;
import dev.arca.core.policy.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Asks IAM's policy simulator whether a principal may do an action on a CodeArtifact resource, with the resource
 * policies that apply to it passed in (the stored ones or an unsaved draft), so the answer on AWS is AWS's and on an
 * Arca server the enforcing evaluator's.
 *
 * <p>Principals of the connection's account go through SimulatePrincipalPolicy with their own identity policies. IAM
 * cannot read another account's policies, so a principal of another account is simulated with SimulateCustomPolicy as
 * a caller whose own account allows everything: the answer is then this account's side of the cross-account request,
 * which is the whole answer for that account's root.
 */
public final class AccessSimulation {

    /** What the other account is assumed to allow its principals: everything a CodeArtifact client needs. */
    static final String OTHER_ACCOUNT_ALLOWS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"codeartifact:*\",\"sts:GetServiceBearerToken\"],\"Resource\":\"*\"}]}";
    private static final String STAND_IN_USER = "ArcaSimulatedCaller";

    /**
     * One question.
     *
     * @param principal  who asks
     * @param action     {@code service:Action}
     * @param resource   the resource ARN, or {@code *}
     * @param owner      the account that owns the resource (the domain owner)
     * @param resourcePolicies the resource policies that apply, by {@link DecidingStatement#DOMAIN_POLICY} and
     *                   {@link DecidingStatement#REPOSITORY_POLICY}; see {@link #applicable}
     * @param context    the condition keys the request carries
     */
    public record Question(PrincipalArn principal, String action, String resource, String owner,
                           Map<String, String> resourcePolicies, List<ContextValue> context) {
        public Question {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(owner, "owner");
            resourcePolicies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resourcePolicies));
            context = List.copyOf(context);
        }
    }

    /**
     * Where questions are asked: a domain (and, optionally, one of its repositories), its owner and region, and the
     * resource policies stored for them now.
     */
    public record Setting(String domain, Optional<String> repository, String owner, String region,
                          Optional<String> domainPolicy, Optional<String> repositoryPolicy) {
        public Setting {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(domainPolicy, "domainPolicy");
            Objects.requireNonNull(repositoryPolicy, "repositoryPolicy");
        }
    }

    private final CodeArtifactGateway gateway;
    private volatile String account;

    public AccessSimulation(CodeArtifactGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway);
    }

    /**
     * The resource policies CodeArtifact consults for {@code action} on a domain, repository or package resource
     * (policies.md §3.3, §7): the domain policy always, the repository policy for the repository and its packages;
     * but never the target's own policy while that policy is being replaced (self-lockout protection).
     */
    public static Map<String, String> applicable(String action, boolean repositoryResource,
                                                 Optional<String> domainPolicy, Optional<String> repositoryPolicy) {
        Map<String, String> policies = new LinkedHashMap<>();
        if (!action.equalsIgnoreCase("codeartifact:PutDomainPermissionsPolicy")) {
            domainPolicy.ifPresent(text -> policies.put(DecidingStatement.DOMAIN_POLICY, text));
        }
        if (repositoryResource && !action.equalsIgnoreCase("codeartifact:PutRepositoryPermissionsPolicy")) {
            repositoryPolicy.ifPresent(text -> policies.put(DecidingStatement.REPOSITORY_POLICY, text));
        }
        return policies;
    }

    /**
     * The domain's owner and the policies stored now for it and for {@code repository}, each as the service stores it,
     * so that the deciding statements' lines and columns point into the text the service returns.
     */
    public Setting setting(String domain, Optional<String> repository) {
        String owner = Optional.ofNullable(gateway.owner(domain)).orElseGet(() -> gateway.call("open domain " + domain,
                () -> gateway.sdk().describeDomain(r -> r.domain(domain)).domain().owner()));
        Optional<String> domainPolicy = gateway.call("read the policy of domain " + domain, () -> stored(() ->
                gateway.sdk().getDomainPermissionsPolicy(r -> r.domain(domain).domainOwner(owner)).policy()
                        .document()));
        Optional<String> repositoryPolicy = repository.flatMap(name -> gateway.call("read the policy of repository "
                + name, () -> stored(() -> gateway.sdk().getRepositoryPermissionsPolicy(r -> r.domain(domain)
                        .domainOwner(owner).repository(name)).policy().document())));
        return new Setting(domain, repository, owner, gateway.profile().region(), domainPolicy, repositoryPolicy);
    }

    /** A stored policy's document; empty when there is none. */
    private static Optional<String> stored(java.util.function.Supplier<String> read) {
        try {
            return Optional.of(read.get());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks resource policies before many questions are asked with them.
     *
     * @throws GatewayException the sentence {@link #ask} would give when one is not a valid resource policy
     */
    public static void check(Map<String, String> resourcePolicies) {
        CombinedResourcePolicy.of(resourcePolicies);
    }

    /** The account the connection's credentials belong to (asked once). */
    public String account() {
        String known = account;
        if (known == null) {
            known = new Principals(gateway).account();
            account = known;
        }
        return known;
    }

    /**
     * The simulator's answer.
     *
     * @throws GatewayException when a policy is invalid or the service refuses (one sentence)
     */
    public SimulationAnswer ask(Question question) {
        Optional<CombinedResourcePolicy> combined = CombinedResourcePolicy.of(question.resourcePolicies());
        List<ContextEntry> context = question.context().stream().map(AccessSimulation::entry).toList();
        String ownerArn = "arn:aws:iam::" + question.owner() + ":root";
        boolean foreign = !question.principal().account().equals(account());
        List<EvaluationResult> results = gateway.call("simulate " + question.action() + " for "
                + question.principal().describe(), () -> foreign
                ? gateway.iam().simulateCustomPolicyPaginator(r -> r.policyInputList(OTHER_ACCOUNT_ALLOWS)
                        .actionNames(question.action()).resourceArns(question.resource())
                        .resourcePolicy(combined.map(CombinedResourcePolicy::text).orElse(null))
                        .resourceOwner(ownerArn).callerArn(standIn(question.principal())).contextEntries(context))
                        .evaluationResults().stream().toList()
                : gateway.iam().simulatePrincipalPolicyPaginator(r -> r.policySourceArn(question.principal().arn())
                        .actionNames(question.action()).resourceArns(question.resource())
                        .resourcePolicy(combined.map(CombinedResourcePolicy::text).orElse(null))
                        .resourceOwner(ownerArn).contextEntries(context))
                        .evaluationResults().stream().toList());
        EvaluationResult result = results.stream().findFirst().orElseThrow(() -> new GatewayException(
                "The simulator gave no answer for " + question.action() + ".", Optional.empty(), null));
        return answer(result, combined, foreign);
    }

    /** The user IAM's simulator stands in for another account's principal: the user itself, or one of its account. */
    private static String standIn(PrincipalArn principal) {
        return principal.type() == PrincipalArn.Type.USER ? principal.arn()
                : "arn:aws:iam::" + principal.account() + ":user/" + STAND_IN_USER;
    }

    private static SimulationAnswer answer(EvaluationResult result, Optional<CombinedResourcePolicy> combined,
                                           boolean foreign) {
        List<Statement> matched = new ArrayList<>(result.matchedStatements());
        Set<String> missing = new LinkedHashSet<>(result.missingContextValues());
        for (ResourceSpecificResult specific : result.resourceSpecificResults()) {
            if (matched.isEmpty()) {
                matched.addAll(specific.matchedStatements());
            }
            missing.addAll(specific.missingContextValues());
        }
        List<DecidingStatement> statements = new ArrayList<>();
        for (Statement statement : matched) {
            if (statement.sourcePolicyTypeAsString().equals("resource")) {
                combined.flatMap(c -> c.statementAt(statement.startPosition().line())).ifPresent(statements::add);
            } else if (!foreign) { // another account's stand-in policy decides nothing worth showing
                statements.add(new DecidingStatement(statement.sourcePolicyId(), true, -1,
                        statement.startPosition().line(), statement.startPosition().column(),
                        statement.endPosition().line(), statement.endPosition().column()));
            }
        }
        return new SimulationAnswer(result.evalActionName(), Optional.ofNullable(result.evalResourceName()).orElse("*"),
                verdict(result.evalDecisionAsString()), statements, List.copyOf(missing), foreign);
    }

    private static Decision.Verdict verdict(String wire) {
        for (Decision.Verdict verdict : Decision.Verdict.values()) {
            if (verdict.wireName().equals(wire)) {
                return verdict;
            }
        }
        throw new GatewayException("The simulator answered " + wire + ", which is not a decision Arca knows.",
                Optional.empty(), null);
    }

    private static ContextEntry entry(ContextValue value) {
        return ContextEntry.builder().contextKeyName(value.key()).contextKeyType(ContextKeyTypeEnum.fromValue(
                value.type())).contextKeyValues(value.values()).build();
    }
}
