package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.LocalServer;
import dev.arca.server.RootCredentials;
import dev.arca.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The acceptance test of issue 12: for every case of a table — principals of two accounts (roots, IAM users, a role
 * session), identity policies, domain and repository policies, actions on the domain and on a repository — what
 * {@code iam:SimulatePrincipalPolicy} answers equals what the server does when the same principal makes the real
 * request through the SDK.
 */
class SimulationMatchesEnforcementTest {

    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final String ORG = "o-exampleorg1";
    private static final String DOMAIN_ARN = "arn:aws:codeartifact:us-east-1:" + A + ":domain/shared";
    private static final String REPOSITORY_ARN = "arn:aws:codeartifact:us-east-1:" + A + ":repository/shared/libs";

    /** Who makes the request. */
    private enum Caller { ROOT_A, ROOT_B, DEV_IN_A, CI_IN_B, READER_SESSION_IN_B }

    /** A real CodeArtifact request, the action it needs and the resource it is decided on. */
    private enum Request {
        DESCRIBE_DOMAIN("codeartifact:DescribeDomain", DOMAIN_ARN,
                c -> c.describeDomain(r -> r.domain("shared").domainOwner(A))),
        LIST_REPOSITORIES_IN_DOMAIN("codeartifact:ListRepositoriesInDomain", DOMAIN_ARN,
                c -> c.listRepositoriesInDomain(r -> r.domain("shared").domainOwner(A))),
        DESCRIBE_REPOSITORY("codeartifact:DescribeRepository", REPOSITORY_ARN,
                c -> c.describeRepository(r -> r.domain("shared").domainOwner(A).repository("libs"))),
        LIST_PACKAGES("codeartifact:ListPackages", REPOSITORY_ARN,
                c -> c.listPackages(r -> r.domain("shared").domainOwner(A).repository("libs")));

        final String action;
        final String resource;
        final Consumer<CodeartifactClient> call;

        Request(String action, String resource, Consumer<CodeartifactClient> call) {
            this.action = action;
            this.resource = resource;
            this.call = call;
        }
    }

    /** The domain and repository policies of a case; empty strings for none. */
    private record Setting(String name, String domainPolicy, String repositoryPolicy) {
    }

    @TempDir
    static Path temp;

    private static LocalServer server;
    private static final Map<Caller, CodeartifactClient> CLIENTS = new EnumMap<>(Caller.class);
    private static final Map<Caller, String> ARNS = new EnumMap<>(Caller.class);
    private static final Map<Caller, AwsCredentials> KEYS = new EnumMap<>(Caller.class);
    private static CodeartifactClient owner;
    private static IamClient iamA;
    private static IamClient iamB;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data")).withAccounts(List.of(A, B),
                Optional.of(ORG)));
        owner = codeartifact(keys(server.credentials(A)));
        owner.createDomain(r -> r.domain("shared"));
        owner.createRepository(r -> r.domain("shared").repository("libs"));
        iamA = iam(keys(server.credentials(A)));
        iamB = iam(keys(server.credentials(B)));
        CLIENTS.put(Caller.ROOT_A, owner);
        ARNS.put(Caller.ROOT_A, "arn:aws:iam::" + A + ":root");
        CLIENTS.put(Caller.ROOT_B, codeartifact(keys(server.credentials(B))));
        ARNS.put(Caller.ROOT_B, "arn:aws:iam::" + B + ":root");
        user(iamA, Caller.DEV_IN_A, "dev", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:Describe*",
                "Resource":"*"}]}""");
        user(iamB, Caller.CI_IN_B, "ci", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["codeartifact:*","sts:AssumeRole"],
                "Resource":"*"},
                {"Effect":"Deny","Action":"codeartifact:ListPackages","Resource":"*",
                "Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-exampleorg1"}}}]}""");
        readerSession(KEYS.get(Caller.CI_IN_B));
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(CodeartifactClient::close);
        iamA.close();
        iamB.close();
        server.close();
    }

    @Test
    void whatTheSimulatorSaysIsWhatTheServerDoes() {
        // Worked out by hand from policies.md, so that the two sides cannot agree on a wrong answer unnoticed.
        Map<String, PolicyEvaluationDecisionType> expected = Map.of(
                "no policies / ROOT_B / DESCRIBE_DOMAIN", PolicyEvaluationDecisionType.IMPLICIT_DENY,
                "no policies / ROOT_A / LIST_PACKAGES", PolicyEvaluationDecisionType.ALLOWED,
                "no policies / DEV_IN_A / DESCRIBE_REPOSITORY", PolicyEvaluationDecisionType.ALLOWED,
                "no policies / DEV_IN_A / LIST_PACKAGES", PolicyEvaluationDecisionType.IMPLICIT_DENY,
                "domain grants account B / CI_IN_B / DESCRIBE_DOMAIN", PolicyEvaluationDecisionType.ALLOWED,
                "domain grants account B / READER_SESSION_IN_B / LIST_PACKAGES", PolicyEvaluationDecisionType.ALLOWED,
                "domain grants user ci by ARN / ROOT_B / DESCRIBE_DOMAIN", PolicyEvaluationDecisionType.IMPLICIT_DENY,
                "domain grants B, repository denies everyone ListPackages / ROOT_A / LIST_PACKAGES",
                PolicyEvaluationDecisionType.EXPLICIT_DENY,
                "domain denies all but account A with NotPrincipal / CI_IN_B / DESCRIBE_DOMAIN",
                PolicyEvaluationDecisionType.EXPLICIT_DENY);
        List<String> mismatches = new ArrayList<>();
        Map<PolicyEvaluationDecisionType, Integer> decisions = new LinkedHashMap<>();
        int cases = 0;
        for (Setting setting : settings()) {
            apply(setting);
            for (Caller caller : Caller.values()) {
                for (Request request : Request.values()) {
                    PolicyEvaluationDecisionType simulated = simulate(caller, request, setting);
                    boolean allowed = performed(caller, request);
                    decisions.merge(simulated, 1, Integer::sum);
                    cases++;
                    String name = setting.name() + " / " + caller + " / " + request;
                    if (expected.containsKey(name) && expected.get(name) != simulated) {
                        mismatches.add(name + ": simulated " + simulated + ", worked out " + expected.get(name));
                    }
                    if ((simulated == PolicyEvaluationDecisionType.ALLOWED) != allowed) {
                        mismatches.add(name + ": simulated " + simulated + ", the server "
                                + (allowed ? "allowed" : "denied"));
                    }
                }
            }
        }

        assertThat(cases).isGreaterThanOrEqualTo(80);
        assertThat(mismatches).isEmpty();
        assertThat(decisions).as("the table exercises every verdict").containsOnlyKeys(
                PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.EXPLICIT_DENY,
                PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(decisions.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
    }

    /** The policy settings of the table, each applied before its cases run. */
    private static List<Setting> settings() {
        String readers = "\"codeartifact:Describe*\",\"codeartifact:List*\"";
        return List.of(
                new Setting("no policies", "", ""),
                new Setting("domain grants account B", policy("Allow", "{\"AWS\":\"" + B + "\"}", readers, ""), ""),
                new Setting("domain grants user ci by ARN", policy("Allow",
                        "{\"AWS\":\"arn:aws:iam::" + B + ":user/ci\"}", readers, ""), ""),
                new Setting("domain grants the organization", policy("Allow", "\"*\"", readers,
                        "\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}"), ""),
                new Setting("domain grants B, repository denies everyone ListPackages",
                        policy("Allow", "{\"AWS\":\"arn:aws:iam::" + B + ":root\"}", readers, ""),
                        policy("Deny", "\"*\"", "\"codeartifact:ListPackages\"", "")),
                new Setting("repository grants the reader role, domain grants B from loopback",
                        policy("Allow", "{\"AWS\":\"" + B + "\"}", readers,
                                "\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}"),
                        policy("Allow", "{\"AWS\":\"arn:aws:iam::" + B + ":role/reader\"}", readers, "")),
                new Setting("domain denies all but account A with NotPrincipal", policy("Deny", "{\"AWS\":\"" + A
                        + "\"}", "\"codeartifact:Describe*\"", "").replace("\"Principal\"", "\"NotPrincipal\""), ""));
    }

    private static String policy(String effect, String principal, String actions, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":" + principal
                + ",\"Action\":[" + actions + "],\"Resource\":\"*\""
                + (condition.isEmpty() ? "" : ",\"Condition\":{" + condition + "}") + "}]}";
    }

    private static void apply(Setting setting) {
        if (setting.domainPolicy().isEmpty()) {
            deleteQuietly(() -> owner.deleteDomainPermissionsPolicy(r -> r.domain("shared")));
        } else {
            owner.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(setting.domainPolicy()));
        }
        if (setting.repositoryPolicy().isEmpty()) {
            deleteQuietly(() -> owner.deleteRepositoryPermissionsPolicy(r -> r.domain("shared").repository("libs")));
        } else {
            owner.putRepositoryPermissionsPolicy(r -> r.domain("shared").repository("libs")
                    .policyDocument(setting.repositoryPolicy()));
        }
    }

    /**
     * SimulatePrincipalPolicy as the caller's own account asks it: the policies that apply to the resource as the
     * resource policy (the domain's, and for a repository its own too), the resource's owner, and the context keys
     * the real request brings that the policies use.
     */
    private static PolicyEvaluationDecisionType simulate(Caller caller, Request request, Setting setting) {
        String resourcePolicy = combined(setting, request.resource.equals(REPOSITORY_ARN));
        IamClient iam = ARNS.get(caller).contains(":" + A + ":") ? iamA : iamB;
        List<EvaluationResult> results = iam.simulatePrincipalPolicy(r -> {
            r.policySourceArn(ARNS.get(caller)).actionNames(request.action).resourceArns(request.resource)
                    .resourceOwner("arn:aws:iam::" + A + ":root")
                    .contextEntries(ContextEntry.builder().contextKeyName("aws:SourceIp")
                            .contextKeyType(ContextKeyTypeEnum.IP).contextKeyValues("127.0.0.1").build());
            if (!resourcePolicy.isEmpty()) {
                r.resourcePolicy(resourcePolicy);
            }
        }).evaluationResults();
        assertThat(results).hasSize(1);
        return results.getFirst().evalDecision();
    }

    /** The domain's and the repository's statements as one resource policy (empty when neither has one). */
    private static String combined(Setting setting, boolean onRepository) {
        List<String> statements = new ArrayList<>();
        for (String document : onRepository ? List.of(setting.domainPolicy(), setting.repositoryPolicy())
                : List.of(setting.domainPolicy())) {
            if (!document.isEmpty()) {
                statements.add(document.substring(document.indexOf('[') + 1, document.lastIndexOf(']')));
            }
        }
        return statements.isEmpty() ? ""
                : "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static boolean performed(Caller caller, Request request) {
        try {
            request.call.accept(CLIENTS.get(caller));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private static void user(IamClient iam, Caller caller, String name, String policy) {
        String arn = iam.createUser(r -> r.userName(name)).user().arn();
        iam.putUserPolicy(r -> r.userName(name).policyName("codeartifact").policyDocument(policy));
        var key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        KEYS.put(caller, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        CLIENTS.put(caller, codeartifact(KEYS.get(caller)));
        ARNS.put(caller, arn);
    }

    /** Role {@code reader} in account B, trusted by B, allowed to describe and list; a session of it, by ci. */
    private static void readerSession(AwsCredentials assumer) {
        iamB.createRole(r -> r.roleName("reader").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                "Action":"sts:AssumeRole"}]}""".formatted(B)));
        iamB.putRolePolicy(r -> r.roleName("reader").policyName("read").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Action":["codeartifact:Describe*","codeartifact:List*"],"Resource":"*"}]}"""));
        try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(assumer))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + B + ":role/reader")
                    .roleSessionName("table")).credentials();
            CLIENTS.put(Caller.READER_SESSION_IN_B, codeartifact(AwsSessionCredentials.create(session.accessKeyId(),
                    session.secretAccessKey(), session.sessionToken())));
            ARNS.put(Caller.READER_SESSION_IN_B, "arn:aws:sts::" + B + ":assumed-role/reader/table");
        }
    }

    private static void deleteQuietly(Runnable delete) {
        try {
            delete.run();
        } catch (software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException e) {
            // Nothing to delete.
        }
    }

    private static AwsBasicCredentials keys(RootCredentials root) {
        return AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey());
    }

    private static CodeartifactClient codeartifact(AwsCredentials credentials) {
        return CodeartifactClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
