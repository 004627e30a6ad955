package dev.arca.bench;

import dev.arca.core.policy.AccessRequest;
import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.ConditionOperators;
import dev.arca.core.policy.Decision;
import dev.arca.core.policy.Decision.Verdict;
import dev.arca.core.policy.PolicyEvaluator;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Policy evaluation benchmark (bench/policy.sh, issue 12: under 20 µs against a 50-statement policy): one
 * {@link PolicyEvaluator#evaluate} of a parsed repository policy of 50 statements — Allow and Deny, wildcard actions,
 * user, role, account and {@code *} principals, StringEquals, StringLike, IpAddress, DateGreaterThan and ForAnyValue
 * conditions — for a request the next-to-last statement allows, one the last denies, and one nothing matches. Every
 * statement is looked at in each case (a deny may come last), so the three differ little.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyEvaluationBench {

    static final String OWNER = "111111111111";
    static final String ALICE = "arn:aws:iam::" + OWNER + ":user/alice";
    static final String REPOSITORY = "arn:aws:codeartifact:us-east-1:" + OWNER + ":repository/acme/";

    private final PolicyEvaluator evaluator = new PolicyEvaluator(new ConditionOperators());
    private AccessRequest allowedLateMatch;
    private AccessRequest explicitDeny;
    private AccessRequest implicitDeny;

    @Setup
    public void setUp() {
        AttachedPolicy policy = new AttachedPolicy("repository policy", PolicySourceType.RESOURCE,
                PolicyParser.parse(fiftyStatements(), PolicyType.RESOURCE_POLICY));
        RequestPrincipal alice = RequestPrincipal.user(ALICE, "AIDAALICE");
        Map<String, List<String>> context = Map.of(
                "aws:CurrentTime", List.of("2026-12-04T12:00:00Z"),
                "aws:SecureTransport", List.of("false"),
                "aws:SourceIp", List.of("10.48.3.4"),
                "aws:PrincipalOrgID", List.of("o-acme"),
                "aws:TagKeys", List.of("team", "cost-centre"));
        allowedLateMatch = new AccessRequest(alice, "codeartifact:ReadFromRepository", REPOSITORY + "late", OWNER,
                context, List.of(), List.of(policy));
        explicitDeny = new AccessRequest(alice, "codeartifact:DeleteRepository", REPOSITORY + "late", OWNER, context,
                List.of(), List.of(policy));
        implicitDeny = new AccessRequest(alice, "codeartifact:PublishPackageVersion",
                "arn:aws:codeartifact:us-east-1:" + OWNER + ":package/acme/other/npm//left-pad", OWNER, context,
                List.of(), List.of(policy));
        expect(allowedLateMatch, Verdict.ALLOWED);
        expect(explicitDeny, Verdict.EXPLICIT_DENY);
        expect(implicitDeny, Verdict.IMPLICIT_DENY);
    }

    private void expect(AccessRequest request, Verdict verdict) {
        Decision decision = evaluator.evaluate(request);
        if (decision.verdict() != verdict) {
            throw new IllegalStateException(request.action() + ": expected " + verdict + ", got " + decision);
        }
    }

    @Benchmark
    public Decision allowedLateMatch() {
        return evaluator.evaluate(allowedLateMatch);
    }

    @Benchmark
    public Decision explicitDeny() {
        return evaluator.evaluate(explicitDeny);
    }

    @Benchmark
    public Decision implicitDeny() {
        return evaluator.evaluate(implicitDeny);
    }

    /**
     * 48 statements of five kinds that match none of the requests, then the late allow and the deny: compact JSON, as
     * a real 50-statement repository policy must be to fit CodeArtifact's 7,168 characters.
     */
    static String fiftyStatements() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            statements.add(switch (i % 5) {
                case 0 -> statement("Allow", "{\"AWS\":\"33333333333" + (i % 10) + "\"}", "codeartifact:Describe*",
                        "");
                case 1 -> statement("Deny", "\"*\"", "codeartifact:Delete*",
                        "{\"StringLike\":{\"aws:userid\":\"AIDA*" + i + "\"}}");
                case 2 -> statement("Allow", "{\"AWS\":\"22222222222" + (i % 10) + "\"}", "codeartifact:Read*",
                        "{\"IpAddress\":{\"aws:SourceIp\":\"10." + i + ".0.0/16\"}}");
                case 3 -> statement("Allow", "{\"AWS\":\"arn:aws:iam::" + OWNER + ":role/ci" + i + "\"}",
                        "codeartifact:Publish*", "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\"]}}");
                default -> statement("Deny", "\"*\"", "codeartifact:Put*", "");
            });
        }
        statements.add(statement("Allow", "{\"AWS\":\"" + ALICE + "\"}", "codeartifact:ReadFromRepository",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.48.0.0/16\"},\"StringEquals\":{\"aws:PrincipalOrgID\":"
                        + "\"o-acme\"},\"DateGreaterThan\":{\"aws:CurrentTime\":\"2025-01-01\"}}"));
        statements.add(statement("Deny", "\"*\"", "codeartifact:Delete*",
                "{\"StringLike\":{\"aws:username\":\"a*\"}}"));
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** A statement on {@code Resource: "*"} (this repository); {@code condition} empty for none. */
    private static String statement(String effect, String principal, String action, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"" + (condition.isEmpty() ? "" : ",\"Condition\":" + condition) + "}";
    }
}
