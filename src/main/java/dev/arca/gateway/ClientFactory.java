package dev.arca.gateway;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds the SDK clients every gateway uses: one shared HTTP client, explicit call and attempt timeouts, the
 * standard retry strategy (which backs off on throttling), and the connection's endpoint.
 */
public final class ClientFactory implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);

    private final SdkHttpClient http = ApacheHttpClient.builder()
            .maxConnections(32)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();

    /** A gateway to a service that signs with fixed keys (an Arca local server). */
    public CodeArtifactGateway open(ConnectionProfile profile, String accessKeyId, String secretAccessKey) {
        return open(profile, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    CodeArtifactGateway open(ConnectionProfile profile, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(profile);
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .retryStrategy(b -> b.maxAttempts(4))
                .build();
        CodeartifactClient codeartifact = CodeartifactClient.builder()
                .httpClient(http)
                .region(Region.of(profile.region()))
                .endpointOverride(profile.endpoint())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        KmsClient kms = KmsClient.builder()
                .httpClient(http)
                .region(Region.of(profile.region()))
                .endpointOverride(profile.endpoint())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        return new CodeArtifactGateway(profile, codeartifact, kms, new ActivityFeed(profile, credentials));
    }

    @Override
    public void close() {
        http.close();
    }
}
