package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.MovableClock;
import dev.arca.server.ServerFixture;
import dev.arca.server.TestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Requests that prove no identity are refused on every signed route — the CodeArtifact control plane, the local KMS,
 * the activity feed, IAM and STS — and package endpoints refuse what is not a live token: unsigned, signed with a
 * wrong secret or an unknown key, with a deactivated or deleted user key, with session keys but not their token, and
 * with an expired session.
 */
class EveryRouteAuthenticationTest extends ServerFixture {

    /** Ten minutes behind real time, so a session can be left to expire by moving it 16 minutes on. */
    private final MovableClock clock = new MovableClock(Duration.ofMinutes(-10));
    private IamClient rootIam;

    @Override
    protected Clock clock() {
        return clock;
    }

    @BeforeEach
    void principals() {
        rootIam = IamClients.iam(server.endpoint(), root());
    }

    @AfterEach
    void close() {
        rootIam.close();
    }

    @Test
    void everySignedRouteRefusesWhatProvesNoIdentity() throws Exception {
        Map<String, AwsCredentials> refused = new LinkedHashMap<>();
        refused.put("a wrong secret", AwsBasicCredentials.create(server.credentials().accessKeyId(),
                "not-the-secret-not-the-secret-0000000000"));
        refused.put("an unknown key", AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        refused.put("a deactivated key", userKey("paused", true));
        refused.put("a deleted key", userKey("gone", false));
        Credentials session = session();
        refused.put("session keys without their token", AwsBasicCredentials.create(session.accessKeyId(),
                session.secretAccessKey()));
        AwsSessionCredentials expiring = AwsSessionCredentials.create(session.accessKeyId(),
                session.secretAccessKey(), session.sessionToken());

        for (Map.Entry<String, AwsCredentials> credentials : refused.entrySet()) {
            routes(credentials.getValue()).forEach((route, call) -> assertRefused(route + " with "
                    + credentials.getKey(), call));
        }
        routes(expiring).forEach((route, call) -> call.run()); // the session works until it expires
        clock.move(Duration.ofMinutes(16));
        routes(expiring).forEach((route, call) -> assertRefused(route + " with an expired session", call));
        for (String path : new String[] {"/_arca/audit", "/_arca/events"}) {
            assertThat(HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(server.endpoint() + path)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("unsigned " + path).isEqualTo(403);
        }
    }

    @Test
    void unsignedCallsAreRefusedOnEverySignedRoute() {
        try (CodeartifactClient anonymous = CodeartifactClient.builder().endpointOverride(server.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertRefused("CodeArtifact unsigned", () -> anonymous.listDomains(r -> { }));
        }
        try (IamClient anonymous = IamClient.builder().endpointOverride(server.endpoint())
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertRefused("IAM unsigned", anonymous::listUsers);
        }
    }

    @Test
    void packageEndpointsTakeOnlyALiveTokenOfAPrincipalThatStillExists() throws Exception {
        codeartifact.createDomain(r -> r.domain("acme"));
        codeartifact.createRepository(r -> r.domain("acme").repository("team"));
        rootIam.createUser(r -> r.userName("ci"));
        rootIam.putUserPolicy(r -> r.userName("ci").policyName("all").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Action":["codeartifact:*","sts:GetServiceBearerToken"],"Resource":"*"}]}"""));
        var key = rootIam.createAccessKey(r -> r.userName("ci")).accessKey();
        String token;
        try (CodeartifactClient ci = IamClients.codeartifact(server.endpoint(), AwsBasicCredentials.create(
                key.accessKeyId(), key.secretAccessKey()))) {
            token = ci.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
        }
        URI ping = URI.create(codeartifact.getRepositoryEndpoint(r -> r.domain("acme").repository("team")
                .format("npm")).repositoryEndpoint() + "-/ping");
        assertThat(ping(ping, null)).isEqualTo(401);
        assertThat(ping(ping, "not-a-token")).isEqualTo(401);
        assertThat(ping(ping, token)).isEqualTo(200);

        rootIam.deleteAccessKey(r -> r.userName("ci").accessKeyId(key.accessKeyId()));
        rootIam.deleteUserPolicy(r -> r.userName("ci").policyName("all"));
        rootIam.deleteUser(r -> r.userName("ci"));

        assertThat(ping(ping, token)).as("the token of a deleted user").isEqualTo(403);
    }

    /** One cheap call per signed route, made with {@code credentials}. */
    private Map<String, Runnable> routes(AwsCredentials credentials) {
        Map<String, Runnable> routes = new LinkedHashMap<>();
        routes.put("CodeArtifact", () -> {
            try (var client = IamClients.codeartifact(server.endpoint(), credentials)) {
                client.listDomains(r -> { });
            }
        });
        routes.put("KMS", () -> {
            try (var client = IamClients.kms(server.endpoint(), credentials)) {
                client.listKeys();
            }
        });
        routes.put("IAM", () -> {
            try (var client = IamClients.iam(server.endpoint(), credentials)) {
                client.listUsers();
            }
        });
        routes.put("STS", () -> {
            try (var client = IamClients.sts(server.endpoint(), credentials)) {
                client.getCallerIdentity();
            }
        });
        routes.put("activity", () -> {
            // Only the default account's root reads it: an authenticated caller may still be told AccessDenied.
            HttpResponse<Void> answer = activity(credentials);
            String error = answer.headers().firstValue("x-amzn-ErrorType").orElse("");
            if (answer.statusCode() != 200 && !error.equals("AccessDeniedException")) {
                throw AwsServiceException.builder().statusCode(answer.statusCode()).message(error).build();
            }
        });
        return routes;
    }

    private HttpResponse<Void> activity(AwsCredentials credentials) {
        URI audit = URI.create(server.endpoint() + "/_arca/audit");
        try {
            return HttpClient.newHttpClient().send(TestSigner.signed("GET", audit, credentials,
                    ContentStreamProvider.fromUtf8String("")).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(String what, Runnable call) {
        assertThatThrownBy(call::run).as(what).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.statusCode()).as(what).isEqualTo(403));
    }

    /** A user's key that was deactivated, or deleted with the user. */
    private AwsCredentials userKey(String name, boolean deactivate) {
        rootIam.createUser(r -> r.userName(name));
        var key = rootIam.createAccessKey(r -> r.userName(name)).accessKey();
        if (deactivate) {
            rootIam.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status("Inactive"));
        } else {
            rootIam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
            rootIam.deleteUser(r -> r.userName(name));
        }
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /** A 15-minute session of a role that may do everything, assumed by a user the role trusts. */
    private Credentials session() {
        String userArn = rootIam.createUser(r -> r.userName("assumer")).user().arn();
        rootIam.putUserPolicy(r -> r.userName("assumer").policyName("assume").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));
        var key = rootIam.createAccessKey(r -> r.userName("assumer")).accessKey();
        rootIam.createRole(r -> r.roleName("admin").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                "Action":"sts:AssumeRole"}]}""".formatted(userArn)));
        rootIam.putRolePolicy(r -> r.roleName("admin").policyName("all").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        try (var sts = IamClients.sts(server.endpoint(), AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey()))) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + server.config().accountId() + ":role/admin")
                    .roleSessionName("short").durationSeconds(900)).credentials();
        }
    }

    private AwsBasicCredentials root() {
        return AwsBasicCredentials.create(server.credentials().accessKeyId(), server.credentials().secretAccessKey());
    }

    private static int ping(URI uri, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
