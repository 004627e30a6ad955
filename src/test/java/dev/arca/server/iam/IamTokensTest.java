package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Authorization tokens of an IAM user: getting one needs sts:GetServiceBearerToken besides the domain permission,
 * and each request made with it is decided as the user against the policies in force when it arrives.
 */
class IamTokensTest extends ServerFixture {

    private static final String CODEARTIFACT_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:*","Resource":"*"}]}""";
    private static final String BEARER = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetServiceBearerToken",
            "Resource":"*","Condition":{"StringEquals":{"sts:AWSServiceName":"codeartifact.amazonaws.com"}}}]}""";

    private IamClient rootIam;
    private CodeartifactClient alice;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void user() {
        codeartifact.createDomain(r -> r.domain("acme"));
        codeartifact.createRepository(r -> r.domain("acme").repository("team"));
        rootIam = IamClients.iam(server.endpoint(), AwsBasicCredentials.create(server.credentials().accessKeyId(),
                server.credentials().secretAccessKey()));
        rootIam.createUser(r -> r.userName("alice"));
        var key = rootIam.createAccessKey(r -> r.userName("alice")).accessKey();
        alice = IamClients.codeartifact(server.endpoint(), AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey()));
        rootIam.putUserPolicy(r -> r.userName("alice").policyName("codeartifact").policyDocument(CODEARTIFACT_ONLY));
    }

    @AfterEach
    void close() {
        alice.close();
        rootIam.close();
    }

    @Test
    void aTokenNeedsTheBearerTokenPermission() {
        assertThatThrownBy(() -> alice.getAuthorizationToken(r -> r.domain("acme")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("user/alice is not authorized to perform: sts:GetServiceBearerToken");

        rootIam.putUserPolicy(r -> r.userName("alice").policyName("bearer").policyDocument(BEARER));

        assertThat(alice.getAuthorizationToken(r -> r.domain("acme")).authorizationToken()).isNotBlank();
    }

    @Test
    void requestsWithATokenAreDecidedAsItsUserWhenTheyArrive() throws Exception {
        rootIam.putUserPolicy(r -> r.userName("alice").policyName("bearer").policyDocument(BEARER));
        String token = alice.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
        URI ping = URI.create(alice.getRepositoryEndpoint(r -> r.domain("acme").repository("team").format("npm"))
                .repositoryEndpoint() + "-/ping");
        assertThat(status(ping, token)).isEqualTo(200);

        rootIam.putUserPolicy(r -> r.userName("alice").policyName("no-reads").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"codeartifact:ReadFromRepository",
                "Resource":"*"}]}"""));
        assertThat(status(ping, token)).as("the same token, after a deny was added").isEqualTo(403);

        rootIam.deleteUserPolicy(r -> r.userName("alice").policyName("no-reads"));
        assertThat(status(ping, token)).isEqualTo(200);
    }

    private int status(URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
