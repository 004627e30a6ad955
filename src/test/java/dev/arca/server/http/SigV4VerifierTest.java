package dev.arca.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.error.ApiException;
import dev.arca.server.iam.KnownKey;
import dev.arca.server.service.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The verifier against requests signed by the AWS SDK's own SigV4 signer. */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String KEY_ID = "AKIAEXAMPLEEXAMPLE01";
    private static final String SECRET = "example-secret-example-secret-example-0";
    private static final Caller ROOT = Caller.root("123456789012");

    private final SigV4Verifier verifier = new SigV4Verifier(
            id -> id.equals(KEY_ID) ? Optional.of(new KnownKey(SECRET, ROOT)) : Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static SigV4Verifier.SignedRequest sign(String method, String uri, String body, String service,
                                                    String secret, Instant at, boolean contentSha) {
        URI target = URI.create(uri);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(target)
                .putHeader("Host", target.getHost() + ":" + target.getPort()).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY_ID, secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, contentSha)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return new SigV4Verifier.SignedRequest(method, signed.encodedPath(),
                signed.encodedQueryParameters().orElse(null), headers);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsWhatTheSdkSignsAndNamesTheCaller() {
        String body = "{\"description\":\"x\"}";
        SigV4Verifier.SignedRequest request = sign("POST",
                "http://127.0.0.1:8080/v1/repository?domain=my-domain&repository=my.repo_1&domain-owner=123456789012",
                body, "codeartifact", SECRET, NOW, true);

        assertThat(verifier.verify(request, bytes(body), "codeartifact")).isEqualTo(ROOT);
    }

    @Test
    void acceptsRequestsSignedWithPayloadSigningTurnedOff() {
        // The AWS CLI style, with no content-hash header at all, is covered by the AWS CLI walkthrough test.
        SigV4Verifier.SignedRequest request = sign("GET", "http://127.0.0.1:8080/v1/domain?domain=d1", "",
                "codeartifact", SECRET, NOW, false);

        assertThat(verifier.verify(request, new byte[0], "codeartifact")).isEqualTo(ROOT);
    }

    @Test
    void queryValuesNeedingEncodingAreCanonicalisedLikeTheSigner() {
        SigV4Verifier.SignedRequest request = sign("POST",
                "http://127.0.0.1:8080/v1/tag?resourceArn=arn%3Aaws%3Acodeartifact%3Aus-east-1%3A123456789012%3Adomain%2Fd1",
                "{}", "codeartifact", SECRET, NOW, true);

        assertThat(verifier.verify(request, bytes("{}"), "codeartifact")).isEqualTo(ROOT);
    }

    @Test
    void aChangedBodyIsRefused() {
        SigV4Verifier.SignedRequest request = sign("POST", "http://127.0.0.1:8080/v1/domain?domain=d1", "{}",
                "codeartifact", SECRET, NOW, false);

        assertThatThrownBy(() -> verifier.verify(request, bytes("{\"tags\":[]}"), "codeartifact"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"));
    }

    @Test
    void aBodyThatDoesNotMatchItsDeclaredHashIsRefused() {
        SigV4Verifier.SignedRequest request = sign("POST", "http://127.0.0.1:8080/v1/domain?domain=d1", "{}",
                "codeartifact", SECRET, NOW, true);

        assertThatThrownBy(() -> verifier.verify(request, bytes("{ }"), "codeartifact"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        SigV4Verifier.SignedRequest request = sign("GET", "http://127.0.0.1:8080/v1/domain?domain=d1", "",
                "codeartifact", "another-secret-another-secret-another-0", NOW, true);

        assertThatThrownBy(() -> verifier.verify(request, new byte[0], "codeartifact"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.type()).isEqualTo("InvalidSignatureException");
                });
    }

    @Test
    void aSignatureForAnotherServiceIsRefused() {
        SigV4Verifier.SignedRequest request = sign("POST", "http://127.0.0.1:8080/", "{}", "kms", SECRET, NOW, true);

        assertThatThrownBy(() -> verifier.verify(request, bytes("{}"), "codeartifact"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("codeartifact"));
    }

    @Test
    void requestsOutsideTheFifteenMinuteWindowAreRefused() {
        for (Duration offset : List.of(Duration.ofMinutes(16), Duration.ofMinutes(-16))) {
            SigV4Verifier.SignedRequest request = sign("GET", "http://127.0.0.1:8080/v1/domain?domain=d1", "",
                    "codeartifact", SECRET, NOW.plus(offset), true);

            assertThatThrownBy(() -> verifier.verify(request, new byte[0], "codeartifact"))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.getMessage()).startsWith("Signature expired"));
        }
        SigV4Verifier.SignedRequest withinWindow = sign("GET", "http://127.0.0.1:8080/v1/domain?domain=d1", "",
                "codeartifact", SECRET, NOW.minus(Duration.ofMinutes(14)), true);
        assertThat(verifier.verify(withinWindow, new byte[0], "codeartifact")).isEqualTo(ROOT);
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        SigV4Verifier.SignedRequest request = sign("GET", "http://127.0.0.1:8080/v1/domain?domain=d1", "",
                "codeartifact", SECRET, NOW, true);
        String auth = request.headers().get("authorization").getFirst().replace(KEY_ID, "AKIAUNKNOWNUNKNOWN01");
        request.headers().put("authorization", List.of(auth));

        assertThatThrownBy(() -> verifier.verify(request, new byte[0], "codeartifact"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() {
        SigV4Verifier.SignedRequest request = new SigV4Verifier.SignedRequest("GET", "/v1/domain", "domain=d1",
                new LinkedHashMap<>(Map.of("host", List.of("127.0.0.1"))));

        assertThatThrownBy(() -> verifier.verify(request, new byte[0], "codeartifact"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.type()).isEqualTo("MissingAuthenticationTokenException");
                });
    }
}
