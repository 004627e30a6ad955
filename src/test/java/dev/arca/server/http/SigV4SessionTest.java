package dev.arca.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.error.ApiException;
import dev.arca.server.iam.KnownKey;
import dev.arca.server.service.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
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
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Temporary credentials: accepted only with their own session token, signed, and only until they expire. */
class SigV4SessionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String KEY_ID = "ASIAEXAMPLEEXAMPLE01";
    private static final String SECRET = "example-secret-example-secret-example-0";
    private static final String TOKEN = "session-token-example";
    private static final RequestPrincipal SESSION = RequestPrincipal.assumedRole(
            "arn:aws:iam::123456789012:role/deployer", "ci", "AROAEXAMPLEEXAMPLE0001");

    @Test
    void aSessionKeyWithItsSignedTokenNamesTheSession() {
        SigV4Verifier verifier = verifierExpiringAt(NOW.plusSeconds(900));

        Caller caller = verifier.verify(sign(AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, TOKEN)),
                new byte[0], "sts");

        assertThat(caller.principal()).isEqualTo(SESSION);
        assertThat(caller.sessionExpiry()).contains(NOW.plusSeconds(900));
    }

    @Test
    void aSessionKeyWithoutItsTokenIsUnrecognized() {
        SigV4Verifier verifier = verifierExpiringAt(NOW.plusSeconds(900));

        assertThatThrownBy(() -> verifier.verify(sign(AwsCredentialsIdentity.create(KEY_ID, SECRET)), new byte[0],
                "sts")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void aSessionKeyWithAnotherTokenIsUnrecognized() {
        SigV4Verifier verifier = verifierExpiringAt(NOW.plusSeconds(900));

        assertThatThrownBy(() -> verifier.verify(sign(AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, "forged")),
                new byte[0], "sts")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void anExpiredSessionIsRefusedAsExpired() {
        SigV4Verifier verifier = verifierExpiringAt(NOW.minusSeconds(1));

        assertThatThrownBy(() -> verifier.verify(sign(AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, TOKEN)),
                new byte[0], "sts")).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.type()).isEqualTo("ExpiredTokenException");
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is expired");
                });
    }

    private static SigV4Verifier verifierExpiringAt(Instant expiry) {
        KnownKey key = new KnownKey(SECRET,
                new Caller(SESSION, Optional.empty(), Optional.of(expiry)), Optional.of(sha256(TOKEN)));
        return new SigV4Verifier(id -> id.equals(KEY_ID) ? Optional.of(key) : Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SigV4Verifier.SignedRequest sign(AwsCredentialsIdentity identity) {
        URI target = URI.create("http://127.0.0.1:8080/");
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(target)
                        .putHeader("Host", "127.0.0.1:8080").build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return new SigV4Verifier.SignedRequest("POST", signed.encodedPath(), null, headers);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
