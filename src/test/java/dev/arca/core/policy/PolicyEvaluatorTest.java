package dev.arca.core.policy;

import static dev.arca.core.policy.Decision.Verdict.ALLOWED;
import static dev.arca.core.policy.Decision.Verdict.IMPLICIT_DENY;
import static dev.arca.core.policy.EvaluatorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.Decision.Reason;
import dev.arca.core.policy.Decision.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluator table: each case says the decision and exactly which statements decided it (policies.md §1, §7). */
class PolicyEvaluatorTest {

    private static final String READ = "codeartifact:ReadFromRepository";
    private static final String TOKEN = "codeartifact:GetAuthorizationToken";

    private final PolicyEvaluator evaluator = new PolicyEvaluator(new ConditionOperators());

    static Stream<Case> cases() {
        return CaseTable.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsIamDoes(Case c) {
        Decision decision = evaluator.evaluate(c.request());
        assertThat(decision.verdict()).as("verdict").isEqualTo(c.verdict());
        assertThat(decision.statements()).extracting(MatchedStatement::label).as("decided by")
                .containsExactlyElementsOf(c.decidedBy());
        assertThat(decision.missingContextValues()).as("missing context").containsExactlyElementsOf(c.missing());
    }

    @Test
    void theTableIsLargeEnough() {
        assertThat(CaseTable.all()).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void decidingStatementsCarryTheirPositionsForTheEditor() {
        Decision decision = evaluator.evaluate(Case.named("positions").by(BOB).does(TOKEN).on(DOMAIN)
                .identity("admin", ADMIN).domainPolicy(DOMAIN_BASIC).expect(ALLOWED).request());
        MatchedStatement domain = decision.statements().get(1);
        assertThat(domain.sourceType()).isEqualTo(PolicySourceType.RESOURCE);
        assertThat(domain.sid()).contains("BasicDomainPolicy");
        assertThat(domain.span().path()).hasToString("Statement[0]");
        assertThat(domain.span().start().line()).isEqualTo(1);
        assertThat(domain.span().end().line()).isEqualTo(4);
        assertThat(decision.statements().getFirst().sourceType()).isEqualTo(PolicySourceType.USER);
    }

    @Test
    void oneParsedPolicyAnswersEachCallerAndActionForItself() {
        // The document remembers which statements apply per action and caller: asking in turns must not mix them up.
        AttachedPolicy repositoryPolicy = new AttachedPolicy(REPO, PolicySourceType.RESOURCE,
                PolicyParser.parse(REPO_READ_BOB, PolicyType.RESOURCE_POLICY));
        for (int round = 0; round < 2; round++) {
            assertThat(decide(BOB, "codeartifact:ReadFromRepository", repositoryPolicy)).isEqualTo(ALLOWED);
            assertThat(decide(CAROL, "codeartifact:ReadFromRepository", repositoryPolicy)).isEqualTo(IMPLICIT_DENY);
            assertThat(decide(BOB, "codeartifact:DescribeRepository", repositoryPolicy)).isEqualTo(IMPLICIT_DENY);
            assertThat(decide(OTHER_ROOT, "codeartifact:ReadFromRepository", repositoryPolicy))
                    .isEqualTo(IMPLICIT_DENY);
        }
    }

    private Verdict decide(RequestPrincipal caller, String action, AttachedPolicy repositoryPolicy) {
        // The caller's own account allows everything, so the repository policy alone decides.
        AttachedPolicy everything = new AttachedPolicy("everything", PolicySourceType.USER, PolicyParser.parse(
                statement("All", "Allow", "", "\"Action\": \"*\"", "\"Resource\": \"*\"", ""),
                PolicyType.IDENTITY_POLICY));
        return evaluator.evaluate(new AccessRequest(caller, action, REPO, OWNER, Map.of(), List.of(everything),
                List.of(repositoryPolicy))).verdict();
    }

    @Test
    void aTokenNeedsTheBearerTokenPermissionToo() {
        String tokenOnly = statement("Token", "Allow", "", "\"Action\": \"" + TOKEN + "\"", "\"Resource\": \"*\"", "");
        Decision withoutBearer = evaluator.evaluateAuthorizationToken(Case.named("t1").by(BOB).does(TOKEN).on(DOMAIN)
                .identity("token", tokenOnly).domainPolicy(DOMAIN_TOKEN).request());
        assertThat(withoutBearer.verdict()).isEqualTo(IMPLICIT_DENY);
        assertThat(withoutBearer.reason()).isEqualTo(Reason.NO_IDENTITY_POLICY_ALLOWS);

        Decision withBearer = evaluator.evaluateAuthorizationToken(Case.named("t2").by(BOB).does(TOKEN).on(DOMAIN)
                .identity("codebuild", CODEBUILD_ROLE).domainPolicy(DOMAIN_TOKEN).request());
        assertThat(withBearer.verdict()).isEqualTo(ALLOWED);
        assertThat(withBearer.statements()).extracting(MatchedStatement::label)
                .containsExactly("codebuild/Statement[0]", "domain policy/Statement[0]", "codebuild/Statement[1]");

        Decision wrongService = evaluator.evaluateAuthorizationToken(Case.named("t3").by(BOB).does(TOKEN).on(DOMAIN)
                .with("sts:AWSServiceName", "other.amazonaws.com").identity("codebuild", CODEBUILD_ROLE)
                .domainPolicy(DOMAIN_TOKEN).request());
        assertThat(wrongService.verdict()).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void anAccountRootGetsATokenWithoutBearerPermission() {
        Decision decision = evaluator.evaluateAuthorizationToken(Case.named("root").by(OWNER_ROOT).does(TOKEN).on(DOMAIN)
                .request());
        assertThat(decision.verdict()).isEqualTo(ALLOWED);
        assertThat(decision.reason()).isEqualTo(Reason.ACCOUNT_ROOT);
    }

    @Test
    void aDeniedBearerTokenIsAnExplicitDeny() {
        Decision decision = evaluator.evaluateAuthorizationToken(Case.named("deny").by(ALICE).does(TOKEN).on(DOMAIN)
                .identity("admin", ADMIN).identity("no-bearer", statement("NoBearer", "Deny", "",
                        "\"Action\": \"sts:*\"", "\"Resource\": \"*\"", "")).request());
        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.EXPLICIT_DENY);
        assertThat(decision.statements()).extracting(MatchedStatement::label).containsExactly("no-bearer/NoBearer");
    }

    @Test
    void anUnknownConditionOperatorIsNotSilentlySkipped() {
        AccessRequest request = Case.named("unknown").by(ALICE).identity("odd", statement("Odd", "Deny", "",
                "\"Action\": \"*\"", "\"Resource\": \"*\"", "{\"StringEqualz\": {\"aws:username\": \"x\"}}")).request();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluator.evaluate(request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringEqualz");
    }

    @Test
    void reasonsNameWhatWasMissingForAccessDeniedMessages() {
        assertThat(evaluator.evaluate(Case.named("r1").by(BOB).does(TOKEN).on(DOMAIN).domainPolicy(DOMAIN_TOKEN)
                .request()).reason()).isEqualTo(Reason.NO_IDENTITY_POLICY_ALLOWS);
        assertThat(evaluator.evaluate(Case.named("r2").by(BOB).does(TOKEN).on(DOMAIN).identity("admin", ADMIN)
                .request()).reason()).isEqualTo(Reason.NO_RESOURCE_POLICY_ALLOWS);
        assertThat(evaluator.evaluate(Case.named("r3").by(OWNER_ROOT).does(READ).on(REPO).request()).reason())
                .isEqualTo(Reason.ACCOUNT_ROOT);
        assertThat(evaluator.evaluate(Case.named("r4").by(ALICE).does(READ).on(REPO).request()).reason())
                .isEqualTo(Reason.NO_POLICY_ALLOWS);
        assertThat(evaluator.evaluate(Case.named("r5").by(ALICE).does(READ).on(REPO).identity("admin", ADMIN)
                .repoPolicy(statement("NoAlice", "Deny", "\"Principal\": \"*\"", "\"Action\": \"*\"",
                        "\"Resource\": \"*\"", "")).request()).reason())
                .isEqualTo(Reason.EXPLICIT_DENY_IN_RESOURCE_POLICY);
    }

    /** One row of the table, built fluently; the resource owner defaults to the resource ARN's account. */
    static final class Case {
        private final String name;
        private RequestPrincipal caller = ALICE;
        private String action = READ;
        private String resource = REPO;
        private String owner = "";
        private final Map<String, List<String>> context = new LinkedHashMap<>();
        private final List<AttachedPolicy> identity = new ArrayList<>();
        private final List<AttachedPolicy> resources = new ArrayList<>();
        private Verdict verdict = IMPLICIT_DENY;
        private List<String> decidedBy = List.of();
        private List<String> missing = List.of();

        private Case(String name) {
            this.name = name;
        }

        static Case named(String name) {
            return new Case(name);
        }

        Case by(RequestPrincipal p) { caller = p; return this; }
        Case does(String a) { action = a; return this; }
        Case on(String r) { resource = r; return this; }
        Case ownedBy(String account) { owner = account; return this; }
        Case with(String key, String... values) { context.put(key, List.of(values)); return this; }
        Case identity(String id, String json) {
            PolicySourceType type = caller.type() == RequestPrincipal.Type.ASSUMED_ROLE ? PolicySourceType.ROLE
                    : PolicySourceType.USER;
            identity.add(new AttachedPolicy(id, type, PolicyParser.parse(json, PolicyType.IDENTITY_POLICY)));
            return this;
        }
        Case domainPolicy(String json) { return resourcePolicy("domain policy", json); }
        Case repoPolicy(String json) { return resourcePolicy("repository policy", json); }
        Case expect(Verdict v, String... statements) { verdict = v; decidedBy = List.of(statements); return this; }
        Case missing(String... keys) { missing = List.of(keys); return this; }

        private Case resourcePolicy(String id, String json) {
            resources.add(new AttachedPolicy(id, PolicySourceType.RESOURCE, PolicyParser.parse(json, PolicyType.RESOURCE_POLICY)));
            return this;
        }

        Verdict verdict() { return verdict; }
        List<String> decidedBy() { return decidedBy; }
        List<String> missing() { return missing; }

        AccessRequest request() {
            String resourceOwner = !owner.isEmpty() ? owner
                    : resource.equals("*") ? caller.account().orElse("") : resource.split(":")[4];
            return new AccessRequest(caller, action, resource, resourceOwner, context, identity, resources);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
