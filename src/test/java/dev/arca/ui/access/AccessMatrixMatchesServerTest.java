package dev.arca.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.iam.PrincipalArn;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.ServerConfig;
import dev.arca.ui.common.ExecutorTaskRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The acceptance criterion: every cell of the access matrix — principals of two accounts (roots, users, a
 * role) × read, publish, get token, edit policy, administer — equals what the local server does when that principal
 * makes the real request: a Maven read with its token, a publish, GetAuthorizationToken, PutRepositoryPermissionsPolicy
 * and UpdateRepository through the SDK.
 */
class AccessMatrixMatchesServerTest {

    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String TOKEN_FOR_EVERYONE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
             "Action":"codeartifact:GetAuthorizationToken","Resource":"*"}]}""";
    static final String DOMAIN_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"TokensForAccountB","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"codeartifact:GetAuthorizationToken","Resource":"*"}]}
            """.formatted(B);
    static final String REPOSITORY_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "AccountBReads", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%1$s:root"},
                 "Action": "codeartifact:ReadFromRepository", "Resource": "*"},
                {"Sid": "CiPublishes", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%1$s:user/ci"},
                 "Action": "codeartifact:PublishPackageVersion", "Resource": "*"},
                {"Sid": "DevWorks", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%2$s:user/dev"},
                 "Action": ["codeartifact:ReadFromRepository", "codeartifact:PublishPackageVersion"], "Resource": "*"},
                {"Sid": "DeployerNeverPublishes", "Effect": "Deny",
                 "Principal": {"AWS": "arn:aws:iam::%2$s:role/deployer"},
                 "Action": "codeartifact:PublishPackageVersion", "Resource": "*"}
              ]
            }""".formatted(B, A);
    static final String EVERYTHING = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Action":["codeartifact:*","sts:GetServiceBearerToken","sts:AssumeRole"],"Resource":"*"}]}""";
    static final String TOKENS_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetServiceBearerToken",
             "Resource":"*"}]}""";

    /** SHA-256 of the one byte 2. */
    private static final String TWO_SHA256 = "dbc1b4c900ffe48d575b5da5c638040125f65db0fe3e24494b76ea986457d986";

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final Map<String, AwsCredentials> credentials = new HashMap<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(ServerConfig.embedded(temp).withAccounts(List.of(A, B), Optional.empty()));
        arrange(embedded, credentials, clients);
    }

    /** The domain "shared" of A with repository "libs", users and a role in A and B, and their credentials. */
    static void arrange(EmbeddedGateway embedded, Map<String, AwsCredentials> credentials,
                        List<AutoCloseable> clients) {
        var server = embedded.server();
        credentials.put("arn:aws:iam::" + A + ":root", AwsBasicCredentials.create(server.credentials(A).accessKeyId(),
                server.credentials(A).secretAccessKey()));
        credentials.put("arn:aws:iam::" + B + ":root", AwsBasicCredentials.create(server.credentials(B).accessKeyId(),
                server.credentials(B).secretAccessKey()));
        IamClient iamA = iam(embedded, credentials.get("arn:aws:iam::" + A + ":root"));
        IamClient iamB = iam(embedded, credentials.get("arn:aws:iam::" + B + ":root"));
        clients.add(iamA);
        clients.add(iamB);
        user(iamA, A, "dev", TOKENS_ONLY, credentials);
        user(iamB, B, "ci", EVERYTHING, credentials);
        iamA.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/dev"},
                "Action":"sts:AssumeRole"}]}""".formatted(A)));
        iamA.putRolePolicy(r -> r.roleName("deployer").policyName("everything").policyDocument(EVERYTHING));
        try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials.get("arn:aws:iam::" + A + ":user/dev")))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            var session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + A + ":role/deployer")
                    .roleSessionName("matrix")).credentials();
            credentials.put("arn:aws:iam::" + A + ":role/deployer", AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        }
        var gateway = embedded.gateway();
        gateway.createDomain("shared", Optional.empty());
        gateway.createRepository("shared", "libs", Optional.of("Shared libraries"), List.of());
        embedded.publishGeneric("shared", "libs", "example", "example", "1.0.0", new byte[] {1});
    }

    private static void user(IamClient iam, String account, String name, String policy,
                             Map<String, AwsCredentials> credentials) {
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("own").policyDocument(policy));
        var key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        credentials.put("arn:aws:iam::" + account + ":user/" + name,
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    static IamClient iam(EmbeddedGateway embedded, AwsCredentials keys) {
        return IamClient.builder().endpointOverride(embedded.server().endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static CodeartifactClient codeartifact(EmbeddedGateway embedded, AwsCredentials keys) {
        return CodeartifactClient.builder().endpointOverride(embedded.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Installs the domain and repository policies the matrix is about. */
    static void putPolicies(CodeartifactClient owner) {
        owner.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(DOMAIN_POLICY));
        owner.putRepositoryPermissionsPolicy(r -> r.domain("shared").repository("libs")
                .policyDocument(REPOSITORY_POLICY));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        embedded.close();
    }

    @Test
    void everyCellOfTheMatrixIsWhatTheServerDoesWithTheRealRequest() throws Exception {
        CodeartifactClient owner = codeartifact(embedded, credentials.get("arn:aws:iam::" + A + ":root"));
        clients.add(owner);
        // Tokens are decided when each request arrives (policies.md §3.4): fetch them first, while anyone may.
        owner.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(TOKEN_FOR_EVERYONE));
        Map<String, String> tokens = new HashMap<>();
        for (var entry : credentials.entrySet()) {
            try (CodeartifactClient client = codeartifact(embedded, entry.getValue())) {
                tokens.put(entry.getKey(), client.getAuthorizationToken(r -> r.domain("shared").domainOwner(A))
                        .authorizationToken());
            }
        }
        putPolicies(owner);
        String mavenEndpoint = embedded.gateway().repositoryEndpoint("shared", "libs", PackageFormat.MAVEN);

        AccessSimulatorViewModel viewModel = new AccessSimulatorViewModel(embedded::gateway,
                ExecutorTaskRunner.sameThread(e -> { throw new AssertionError(e); }));
        viewModel.domainProperty().set("shared");
        viewModel.repositoryProperty().set("libs");
        viewModel.packageNameProperty().set("generic/example/example");
        viewModel.matrix().run();

        List<String> mismatches = new ArrayList<>();
        Map<Boolean, Integer> seen = new HashMap<>();
        List<MatrixRow> rows = viewModel.matrix().rows();
        for (MatrixRow row : rows) {
            AwsCredentials keys = credentials.get(row.principal().arn());
            assertThat(keys).as("credentials of " + row.principal().arn()).isNotNull();
            for (MatrixCell cell : row.cells()) {
                boolean real = realRequest(cell.ability(), keys, tokens.get(row.principal().arn()), mavenEndpoint);
                seen.merge(real, 1, Integer::sum);
                if (real != cell.allowed()) {
                    mismatches.add(row.principal().describe() + " / " + cell.ability() + ": simulator "
                            + cell.allowed() + ", server " + real + "\n" + cell.explanation());
                }
            }
        }
        assertThat(rows).extracting(r -> r.principal().arn()).containsExactlyInAnyOrder(
                "arn:aws:iam::" + A + ":root", "arn:aws:iam::" + A + ":user/dev",
                "arn:aws:iam::" + A + ":role/deployer", "arn:aws:iam::" + B + ":root",
                "arn:aws:iam::" + B + ":user/ci");
        assertThat(mismatches).isEmpty();
        assertThat(seen).containsOnlyKeys(true, false); // a mix, so neither side can pass by always saying one thing
        // A few cells worked out by hand (policies.md), so the two sides cannot agree on a wrong answer unnoticed.
        assertThat(row(rows, PrincipalArn.root(B).arn()).cell(Ability.READ).allowed()).isTrue();
        assertThat(row(rows, PrincipalArn.root(B).arn()).cell(Ability.PUBLISH).allowed()).isFalse();
        assertThat(row(rows, "arn:aws:iam::" + A + ":user/dev").cell(Ability.GET_TOKEN).allowed()).isFalse();
        assertThat(row(rows, "arn:aws:iam::" + B + ":user/ci").cell(Ability.EDIT_POLICY).allowed()).isFalse();
        MatrixCell denied = row(rows, "arn:aws:iam::" + A + ":role/deployer").cell(Ability.PUBLISH);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.answers().getFirst().statements()).containsExactly(new dev.arca.core.iam.DecidingStatement(
                "repository policy", false, 3, 10, 5, 12, 70));
    }

    private static MatrixRow row(List<MatrixRow> rows, String arn) {
        return rows.stream().filter(r -> r.principal().arn().equals(arn)).findFirst().orElseThrow();
    }

    private boolean realRequest(Ability ability, AwsCredentials keys, String token, String mavenEndpoint)
            throws Exception {
        if (ability == Ability.READ) {
            return maven(mavenEndpoint + "com/example/app/1.0/app-1.0.pom", token);
        }
        try (CodeartifactClient client = codeartifact(embedded, keys)) {
            Runnable call = switch (ability) {
                case PUBLISH -> () -> client.publishPackageVersion(r -> r.domain("shared").domainOwner(A)
                        .repository("libs").format("generic").namespace("example").packageValue("example")
                        .packageVersion("2." + System.nanoTime()).assetName("example.bin").assetSHA256(TWO_SHA256),
                        RequestBody.fromBytes(new byte[] {2}));
                case GET_TOKEN -> () -> client.getAuthorizationToken(r -> r.domain("shared").domainOwner(A));
                case EDIT_POLICY -> () -> client.putRepositoryPermissionsPolicy(r -> r.domain("shared")
                        .domainOwner(A).repository("libs").policyDocument(REPOSITORY_POLICY));
                case ADMIN -> () -> client.updateRepository(r -> r.domain("shared").domainOwner(A).repository("libs")
                        .description("Shared libraries"));
                case READ -> throw new IllegalStateException();
            };
            try {
                call.run();
                return true;
            } catch (AccessDeniedException e) {
                return false;
            }
        }
    }

    /** A Maven GET with the token: refused (403) or not (found or not). */
    private static boolean maven(String url, String token) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String basic = Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
            int status = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            Predicate<Integer> refused = s -> s == 401 || s == 403;
            return !refused.test(status);
        }
    }
}
