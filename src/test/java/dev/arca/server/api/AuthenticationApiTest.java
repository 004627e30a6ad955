package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.RootCredentials;
import dev.arca.server.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** Signatures and authorization tokens, end to end through the SDK and raw HTTP. */
class AuthenticationApiTest extends ServerFixture {

    @Test
    void aClientWithTheWrongSecretGetsAnInvalidSignature403() {
        RootCredentials wrong = new RootCredentials(server.credentials().accessKeyId(), "not-the-secret-not-the-secret-00");
        try (CodeartifactClient client = codeartifactClient(wrong)) {
            assertThatThrownBy(() -> client.listDomains(r -> { }))
                    .isInstanceOfSatisfying(CodeartifactException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void anUnknownKeyIsUnrecognized() {
        try (CodeartifactClient client = codeartifactClient(new RootCredentials("AKIANOBODYNOBODYNOB1",
                "whatever-whatever-whatever-whatever"))) {
            assertThatThrownBy(() -> client.listDomains(r -> { }))
                    .isInstanceOfSatisfying(CodeartifactException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void anUnsignedRequestIsRefusedWithoutTouchingAnything() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/v1/domain?domain=sneaky")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(codeartifact.listDomains(r -> { }).domains()).isEmpty();
    }

    @Test
    void malformedJsonIsACannotParseValidationError() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/v1/domains")).POST(HttpRequest.BodyPublishers.ofString("{"))
                .build(), HttpResponse.BodyHandlers.ofString());

        // Unsigned, so authentication fails first: nothing is parsed before the caller is known.
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void tokensLastTwelveHoursByDefaultOrAsAsked() {
        codeartifact.createDomain(r -> r.domain("tokens"));

        GetAuthorizationTokenResponse standard = codeartifact.getAuthorizationToken(r -> r.domain("tokens"));
        GetAuthorizationTokenResponse short15 = codeartifact.getAuthorizationToken(r -> r.domain("tokens")
                .durationSeconds(900L));

        assertThat(standard.authorizationToken()).isNotBlank();
        assertThat(Duration.between(Instant.now(), standard.expiration())).isBetween(Duration.ofHours(12).minusMinutes(1),
                Duration.ofHours(12));
        assertThat(Duration.between(Instant.now(), short15.expiration())).isBetween(Duration.ofMinutes(14),
                Duration.ofMinutes(15));
    }

    @Test
    void tokenDurationsBetweenZeroAndFifteenMinutesAreRefused() {
        codeartifact.createDomain(r -> r.domain("tokens"));

        assertThatThrownBy(() -> codeartifact.getAuthorizationToken(r -> r.domain("tokens").durationSeconds(899L)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> codeartifact.getAuthorizationToken(r -> r.domain("tokens").durationSeconds(43_201L)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aTokenForAMissingDomainIsNotFound() {
        assertThatThrownBy(() -> codeartifact.getAuthorizationToken(r -> r.domain("nowhere")))
                .isInstanceOf(software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException.class);
    }

    @Test
    void anUnknownOperationIsNamedAsSuch() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/v1/nothing-here")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UNKNOWN_OPERATION");
    }
}
