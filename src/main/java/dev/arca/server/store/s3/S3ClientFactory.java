package dev.arca.server.store.s3;

import java.io.IOException;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client the blob store uses from the standard AWS settings of the server's environment: the default
 * credential chain, the region ({@code AWS_REGION} or a profile's), and an endpoint override from
 * {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} (or their system properties and profile keys) as the SDK reads
 * them. With an overridden endpoint it addresses buckets by path, as S3-compatible servers expect.
 */
final class S3ClientFactory {

    /** One attempt moves at most one part (a few MiB) or one object below the part size. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);
    /** Each open download holds a connection while it streams; the HTTP server has 200 threads. */
    private static final int MAX_CONNECTIONS = 200;

    private S3ClientFactory() {
    }

    /** The HTTP client S3 clients share; its owner closes it after them. */
    static SdkHttpClient http() {
        return ApacheHttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** The client for the environment's settings; an IOException with one plain sentence when they are unusable. */
    static S3Client fromEnvironment(SdkHttpClient http) throws IOException {
        Region region;
        try {
            region = new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new IOException("no AWS region is set (set AWS_REGION)", e);
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http)
                .region(region)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .retryStrategy(b -> b.maxAttempts(4))
                        .build());
        S3Client client;
        try {
            client = builder.build();
        } catch (SdkClientException | IllegalArgumentException e) {
            throw new IOException("the S3 settings are not usable: " + e.getMessage(), e);
        }
        // Whether the endpoint is overridden, and from where, is the SDK's rule: ask the client it built.
        if (client.serviceClientConfiguration().endpointOverride().isEmpty()) {
            return client;
        }
        client.close();
        return builder.forcePathStyle(true).build();
    }
}
