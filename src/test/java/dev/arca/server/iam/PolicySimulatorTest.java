package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.Decision;
import dev.arca.core.policy.Decision.Verdict;
import dev.arca.core.policy.MatchedStatement;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.iam.PolicySimulation.ContextEntry;
import dev.arca.server.iam.PolicySimulation.CustomPolicies;
import dev.arca.server.iam.PolicySimulation.PrincipalPolicies;
import dev.arca.server.iam.PolicySimulationException.Code;
import dev.arca.server.iam.SimulationResult.StatementPosition;
import dev.arca.server.service.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator against the server's own decision point, case by case (policies.md §5, §7). */
class PolicySimulatorTest {

    static final String OWNER = "111111111111";
    static final String OTHER = "222222222222";
    static final String REPO = "arn:aws:codeartifact:us-east-1:" + OWNER + ":repository/acme/libs";
    static final String DOMAIN = "arn:aws:codeartifact:us-east-1:" + OWNER + ":domain/acme";
    static final String ALICE = "arn:aws:iam::" + OWNER + ":user/alice";
    static final String MALLORY = "arn:aws:iam::" + OTHER + ":user/mallory";
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    static final String READ_ALL = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": "codeartifact:ReadFromRepository", "Resource": "*"}]}""";
    static final String NOT_DELETE = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "NotAction": "codeartifact:Delete*", "Resource": "*"}]}""";
    static final String FROM_OFFICE = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "codeartifact:ReadFromRepository", "Resource": "*",
               "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}""";
    static final String AFTER_LAUNCH = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "codeartifact:*", "Resource": "*",
               "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}}]}""";
    static final String TOKEN_AND_BEARER = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "codeartifact:GetAuthorizationToken", "Resource": "*"},
              {"Effect": "Allow", "Action": "sts:GetServiceBearerToken", "Resource": "*",
               "Condition": {"StringEquals": {"sts:AWSServiceName": "codeartifact.amazonaws.com"}}}]}""";
    static final String TOKEN_ONLY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "codeartifact:GetAuthorizationToken", "Resource": "*"}]}""";
    static final String REPO_ALLOWS_MALLORY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "codeartifact:ReadFromRepository",
               "Resource": "*"}]}""".formatted(MALLORY);
    static final String REPO_DENIES_ALICE = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "codeartifact:*", "Resource": "*"}]}"""
            .formatted(ALICE);
    static final String REPO_DENIES_ALL_BUT_MALLORY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Deny", "NotPrincipal": {"AWS": "%s"}, "Action": "codeartifact:*", "Resource": "*"}]}"""
            .formatted(MALLORY);

    private final AccessControl access = new AccessControl(new LocalAccounts(List.of(OWNER, OTHER),
            Optional.of("o-acme")), principal -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final PolicySimulator simulator = new PolicySimulator(access);
    private final Caller root = Caller.root(OWNER);

    static PolicySimulation custom(String policy, String action, String resource, Optional<String> resourcePolicy,
                                   Optional<String> callerArn, List<ContextEntry> context) {
        return new PolicySimulation(new CustomPolicies(List.of(policy)), List.of(action),
                resource.equals("*") ? List.of() : List.of(resource), resourcePolicy, Optional.of(
                "arn:aws:iam::" + OWNER + ":root"), callerArn, context);
    }

    static Arguments decision(String name, String policy, String action, String resource, String resourcePolicy,
                              String callerArn, List<ContextEntry> context, Verdict verdict) {
        return Arguments.of(name, custom(policy, action, resource, Optional.ofNullable(resourcePolicy),
                Optional.ofNullable(callerArn), context), verdict);
    }

    static Stream<Arguments> decisions() {
        List<ContextEntry> none = List.of();
        return Stream.of(
                decision("same account, identity allows", READ_ALL, "codeartifact:ReadFromRepository", REPO, null,
                        ALICE, none, Verdict.ALLOWED),
                decision("same account, nothing allows", READ_ALL, "codeartifact:PublishPackageVersion", REPO, null,
                        ALICE, none, Verdict.IMPLICIT_DENY),
                decision("cross account, identity alone", READ_ALL, "codeartifact:ReadFromRepository", REPO, null,
                        MALLORY, none, Verdict.IMPLICIT_DENY),
                decision("cross account, both allow", READ_ALL, "codeartifact:ReadFromRepository", REPO,
                        REPO_ALLOWS_MALLORY, MALLORY, none, Verdict.ALLOWED),
                decision("deny in the resource policy wins", READ_ALL, "codeartifact:ReadFromRepository", REPO,
                        REPO_DENIES_ALICE, ALICE, none, Verdict.EXPLICIT_DENY),
                decision("NotPrincipal deny naming only the user still hits it (§1.6)", READ_ALL,
                        "codeartifact:ReadFromRepository", REPO, REPO_DENIES_ALL_BUT_MALLORY.replace(MALLORY, ALICE),
                        ALICE, none, Verdict.EXPLICIT_DENY),
                decision("NotPrincipal deny naming the user and its account spares it", READ_ALL,
                        "codeartifact:ReadFromRepository", REPO, REPO_DENIES_ALL_BUT_MALLORY.replace("\"" + MALLORY + "\"",
                                "[\"" + ALICE + "\", \"arn:aws:iam::" + OWNER + ":root\"]"), ALICE, none, Verdict.ALLOWED),
                decision("NotPrincipal deny hits everyone else", READ_ALL, "codeartifact:ReadFromRepository", REPO,
                        REPO_DENIES_ALL_BUT_MALLORY, ALICE, none, Verdict.EXPLICIT_DENY),
                decision("NotAction allows what it does not list", NOT_DELETE, "codeartifact:ReadFromRepository", REPO,
                        null, ALICE, none, Verdict.ALLOWED),
                decision("NotAction leaves out what it lists", NOT_DELETE, "codeartifact:DeleteRepository", REPO,
                        null, ALICE, none, Verdict.IMPLICIT_DENY),
                decision("condition met by a context entry", FROM_OFFICE, "codeartifact:ReadFromRepository", "*", null,
                        ALICE, List.of(new ContextEntry("aws:SourceIp", List.of("10.1.2.3"), "ip")), Verdict.ALLOWED),
                decision("condition not met by a context entry", FROM_OFFICE, "codeartifact:ReadFromRepository", "*",
                        null, ALICE, List.of(new ContextEntry("aws:sourceip", List.of("192.0.2.1"), "ip")),
                        Verdict.IMPLICIT_DENY),
                decision("a token needs the STS permission too", TOKEN_ONLY, "codeartifact:GetAuthorizationToken",
                        DOMAIN, null, ALICE, none, Verdict.IMPLICIT_DENY),
                decision("a token with the STS permission", TOKEN_AND_BEARER, "codeartifact:GetAuthorizationToken",
                        DOMAIN, null, ALICE, none, Verdict.ALLOWED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decidesAsIamWould(String name, PolicySimulation simulation, Verdict expected) {
        assertThat(simulator.simulate(simulation, root)).singleElement()
                .satisfies(r -> assertThat(r.evalDecision()).isEqualTo(expected));
    }

    @Test
    void aSimulationDecidesExactlyAsTheServerDecidesTheLiveRequest() {
        AttachedPolicy policy = new AttachedPolicy("office", PolicySourceType.USER,
                PolicyParser.parse(FROM_OFFICE.replace("}}}]}", "}, \"Bool\": {\"aws:SecureTransport\": \"false\"}}}]}"),
                        PolicyType.IDENTITY_POLICY));
        RequestPrincipal alice = RequestPrincipal.user(ALICE, "AIDAALICE");
        AccessControl server = new AccessControl(new LocalAccounts(List.of(OWNER), Optional.empty()),
                p -> p.equals(alice) ? List.of(policy) : List.of(), Clock.fixed(NOW, ZoneOffset.UTC));
        Caller live = Caller.of(alice).from("10.9.9.9");
        Decision decision = server.decide(AccessCheck.of(live, "codeartifact:ReadFromRepository", REPO, OWNER));

        List<ContextEntry> sameFacts = server.context(live, Map.of()).entrySet().stream()
                .map(e -> new ContextEntry(e.getKey(), e.getValue(), "string")).toList();
        SimulationResult simulated = new PolicySimulator(server).simulate(new PolicySimulation(
                new PrincipalPolicies(alice, List.of()), List.of("codeartifact:ReadFromRepository"), List.of(REPO),
                Optional.empty(), Optional.empty(), Optional.empty(), sameFacts), root).getFirst();

        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(simulated.evalDecision()).isEqualTo(decision.verdict());
        assertThat(simulated.matchedStatements()).isEqualTo(decision.statements());
    }

    @Test
    void aCallerArnIsSimulatedWithThePrincipalsPolicies() {
        RequestPrincipal david = RequestPrincipal.user("arn:aws:iam::" + OWNER + ":user/david", "AIDADAVID");
        AttachedPolicy davids = new AttachedPolicy("davids", PolicySourceType.USER,
                PolicyParser.parse(READ_ALL, PolicyType.IDENTITY_POLICY));
        PolicySimulator withDavid = new PolicySimulator(new AccessControl(new LocalAccounts(List.of(OWNER),
                Optional.empty()), p -> p.equals(david) ? List.of(davids) : List.of(), Clock.fixed(NOW, ZoneOffset.UTC)));
        PolicySimulation asAlice = new PolicySimulation(new PrincipalPolicies(david, List.of()),
                List.of("codeartifact:ReadFromRepository"), List.of(REPO), Optional.of(REPO_DENIES_ALICE),
                Optional.empty(), Optional.of(ALICE), List.of());

        assertThat(withDavid.simulate(asAlice, root).getFirst().evalDecision()).isEqualTo(Verdict.EXPLICIT_DENY);
        assertThat(withDavid.simulate(new PolicySimulation(asAlice.subject(), asAlice.actionNames(),
                asAlice.resourceArns(), asAlice.resourcePolicy(), Optional.empty(), Optional.empty(), List.of()), root)
                .getFirst().matchedStatements()).extracting(MatchedStatement::policyId, s -> s.sourceType().wireName())
                .containsExactly(tuple("davids", "user"));
    }

    @Test
    void keysTheServerFillsFromTheRequestAreMissingWhenNotSupplied() {
        SimulationResult result = simulator.simulate(custom(AFTER_LAUNCH, "codeartifact:ReadFromRepository", "*",
                Optional.empty(), Optional.of(ALICE), List.of()), root).getFirst();

        assertThat(result.evalDecision()).isEqualTo(Verdict.IMPLICIT_DENY);
        assertThat(result.missingContextValues()).containsExactly("aws:CurrentTime");
        assertThat(result.evalDecisionDetails()).isEmpty();
    }

    @Test
    void forANamedResourceMissingKeysAndDetailsAreReportedPerResource() {
        SimulationResult result = simulator.simulate(custom(FROM_OFFICE, "codeartifact:ReadFromRepository", REPO,
                Optional.empty(), Optional.of(ALICE), List.of()), root).getFirst();

        assertThat(result.missingContextValues()).isEmpty();
        assertThat(result.evalDecisionDetails()).contains(Map.of());
        assertThat(result.resourceSpecificResults()).singleElement().satisfies(r -> {
            assertThat(r.evalResourceName()).isEqualTo(REPO);
            assertThat(r.evalResourceDecision()).isEqualTo(Verdict.IMPLICIT_DENY);
            assertThat(r.missingContextValues()).containsExactly("aws:SourceIp");
        });
    }

    @Test
    void acrossAccountsEachSideHasItsOwnDecision() {
        SimulationResult result = simulator.simulate(custom(READ_ALL, "codeartifact:ReadFromRepository", REPO,
                Optional.empty(), Optional.of(MALLORY), List.of()), root).getFirst();

        assertThat(result.evalDecisionDetails()).contains(Map.of(
                SimulationResult.IDENTITY_POLICY_DETAIL, Verdict.ALLOWED,
                SimulationResult.RESOURCE_POLICY_DETAIL, Verdict.IMPLICIT_DENY));
    }

    @Test
    void aDenyIsTheOnlyMatchedStatementAndSaysWhereItIsWritten() {
        SimulationResult result = simulator.simulate(custom(READ_ALL, "codeartifact:ReadFromRepository", REPO,
                Optional.of(REPO_DENIES_ALICE), Optional.of(ALICE), List.of()), root).getFirst();

        MatchedStatement deny = result.matchedStatements().getFirst();
        assertThat(result.matchedStatements()).hasSize(1);
        assertThat(deny.policyId()).isEqualTo(PolicySimulator.RESOURCE_POLICY_ID);
        assertThat(deny.sourceType().wireName()).isEqualTo("resource");
        assertThat(StatementPosition.start(deny)).isEqualTo(new StatementPosition(2, 3));
        assertThat(StatementPosition.end(deny)).isEqualTo(new StatementPosition(2,
                REPO_DENIES_ALICE.lines().toList().get(1).length() - "]}".length() + 1));
    }

    @Test
    void customPoliciesAreNamedByTheirPlaceInTheInputList() {
        PolicySimulation two = new PolicySimulation(new CustomPolicies(List.of(NOT_DELETE, READ_ALL)),
                List.of("codeartifact:ReadFromRepository", "codeartifact:DeleteRepository"), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
        List<SimulationResult> results = simulator.simulate(two, root);

        assertThat(results).extracting(SimulationResult::evalActionName, SimulationResult::evalDecision)
                .containsExactly(tuple("codeartifact:ReadFromRepository", Verdict.ALLOWED),
                        tuple("codeartifact:DeleteRepository", Verdict.IMPLICIT_DENY));
        assertThat(results.getFirst().matchedStatements()).extracting(MatchedStatement::policyId,
                        s -> s.sourceType().wireName())
                .containsExactly(tuple("PolicyInputList.1", "none"),
                        tuple("PolicyInputList.2", "none"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(custom(READ_ALL, "codeartifact:ReadFromRepository", REPO, Optional.of(REPO_DENIES_ALICE),
                        Optional.empty(), List.of()), Code.INVALID_INPUT, "CallerArn is required"),
                Arguments.of(custom(READ_ALL, "codeartifact:Read*", "*", Optional.empty(), Optional.empty(),
                        List.of()), Code.INVALID_INPUT, "codeartifact:Read*"),
                Arguments.of(custom(READ_ALL, "codeartifact:ReadFromRepository", "repo", Optional.empty(),
                        Optional.empty(), List.of()), Code.INVALID_INPUT, "must be an ARN"),
                Arguments.of(custom(READ_ALL, "codeartifact:ReadFromRepository", "*", Optional.empty(),
                        Optional.of("arn:aws:iam::" + OWNER + ":role/ci"), List.of()), Code.INVALID_INPUT,
                        "IAM user"),
                Arguments.of(custom(READ_ALL, "codeartifact:ReadFromRepository", "*", Optional.empty(),
                        Optional.empty(), List.of(new ContextEntry("aws:SourceIp", List.of("1.2.3.4"), "address"))),
                        Code.INVALID_INPUT, "ContextKeyType"),
                Arguments.of(custom(READ_ALL, "codeartifact:ReadFromRepository", "*", Optional.empty(),
                        Optional.empty(), List.of(new ContextEntry("aws:SecureTransport", List.of("yes"), "boolean"))),
                        Code.INVALID_INPUT, "not a boolean"),
                Arguments.of(custom("{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\"}]}",
                        "codeartifact:ReadFromRepository", "*", Optional.empty(), Optional.empty(), List.of()),
                        Code.MALFORMED_POLICY_DOCUMENT, "PolicyInputList.1: "),
                Arguments.of(new PolicySimulation(new CustomPolicies(List.of(READ_ALL)),
                        List.of("codeartifact:ReadFromRepository"), List.of(), Optional.empty(),
                        Optional.of("arn:aws:iam::12345:root"), Optional.empty(), List.of()),
                        Code.INVALID_INPUT, "ResourceOwner"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatIamRefuses(PolicySimulation simulation, Code code, String message) {
        assertThatThrownBy(() -> simulator.simulate(simulation, root))
                .isInstanceOfSatisfying(PolicySimulationException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
