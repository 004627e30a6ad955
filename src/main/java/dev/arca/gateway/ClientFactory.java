package dev.arca.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.endpoints.CodeartifactEndpointProvider;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds the SDK clients every gateway uses: one shared HTTP client, explicit call and attempt timeouts, the
 * standard retry strategy (which backs off on throttling), and the connection's endpoint and credentials.
 */
public final class ClientFactory implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    /** The profile an Arca server's credentials file holds its keys under. */
    private static final String CREDENTIALS_FILE_PROFILE = "default";

    private final AwsSharedConfig sharedConfig;
    private final SdkHttpClient http = ApacheHttpClient.builder()
            .maxConnections(32)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();

    /** A factory that finds AWS profiles in {@code sharedConfig}. */
    public ClientFactory(AwsSharedConfig sharedConfig) {
        this.sharedConfig = Objects.requireNonNull(sharedConfig, "sharedConfig");
    }

    /** The regions CodeArtifact is offered in, from the SDK's service metadata, in name order. */
    public static List<String> regions() {
        return CodeartifactClient.serviceMetadata().regions().stream().map(Region::id).sorted().toList();
    }

    /** A gateway to a service that signs with fixed keys (the embedded local server). */
    public CodeArtifactGateway open(ConnectionProfile profile, String accessKeyId, String secretAccessKey) {
        return build(profile.name(), profile.kind(), profile.region(), Optional.of(profile.endpoint()),
                fixed(new AccessKeys(accessKeyId, secretAccessKey)), Optional.empty());
    }

    /**
     * A gateway to a saved connection. Reads the AWS shared configuration or the credentials file it names; the
     * credentials themselves are resolved by the SDK on the first call, and again when they expire.
     *
     * @param sessionKeys the keys typed for this connection in this session, if any
     * @throws GatewayException when the connection's credentials cannot be found
     */
    public CodeArtifactGateway open(Connection connection, Optional<AccessKeys> sessionKeys) {
        return switch (connection.kind()) {
            case EMBEDDED -> throw new IllegalArgumentException(
                    "the embedded server's gateway is opened with its keys");
            case ARCA_SERVER -> build(connection.name(), connection.kind(), connection.region(), connection.url(),
                    arcaServerCredentials(connection, sessionKeys), Optional.empty());
            case AWS -> {
                String profile = ((CredentialSource.SharedProfile) connection.credentials()).profile();
                ProfileFile files = sharedProfile(profile);
                // No endpoint override: the SDK itself applies AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_CODEARTIFACT,
                // AWS_ENDPOINT_URL_KMS and the profile's endpoint_url (also per service), as the AWS CLI does.
                yield build(connection.name(), connection.kind(), connection.region(), Optional.empty(),
                        profileCredentials(files, profile), Optional.of(new NamedProfile(files, profile)));
            }
        };
    }

    private AwsCredentialsProvider arcaServerCredentials(Connection connection, Optional<AccessKeys> sessionKeys) {
        return switch (connection.credentials()) {
            case CredentialSource.SharedProfile p -> profileCredentials(sharedProfile(p.profile()), p.profile());
            case CredentialSource.CredentialsFile f -> {
                if (!Files.isReadable(f.file())) {
                    throw new GatewayException("The credentials file " + f.file() + " of " + connection.name()
                            + " cannot be read.", Optional.empty(), null);
                }
                yield profileCredentials(AwsSharedConfig.read(f.file(), ProfileFile.Type.CREDENTIALS),
                        CREDENTIALS_FILE_PROFILE);
            }
            case CredentialSource.SessionKeys s -> fixed(sessionKeys.orElseThrow(() -> new GatewayException(
                    "Type the access keys for " + connection.name() + ": Arca keeps them for this session only.",
                    Optional.empty(), null)));
            case CredentialSource.EmbeddedServerKeys e -> throw new IllegalArgumentException(
                    "only the embedded server uses its own keys");
        };
    }

    private ProfileFile sharedProfile(String profile) {
        ProfileFile files = sharedConfig.load();
        if (files.profile(profile).isEmpty()) {
            throw new GatewayException("There is no AWS profile " + profile + " in " + sharedConfig.describe() + ".",
                    Optional.empty(), null);
        }
        return files;
    }

    private static AwsCredentialsProvider profileCredentials(ProfileFile files, String profile) {
        return ProfileCredentialsProvider.builder().profileFile(files).profileName(profile).build();
    }

    private static AwsCredentialsProvider fixed(AccessKeys keys) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }

    private CodeArtifactGateway build(String name, ConnectionKind kind, String region, Optional<URI> endpoint,
                                      AwsCredentialsProvider credentials, Optional<NamedProfile> profile) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .retryStrategy(b -> b.maxAttempts(4));
        // The profile also decides the endpoint (endpoint_url) and other per-profile settings of the clients.
        profile.ifPresent(p -> overrides.defaultProfileFile(p.file()).defaultProfileName(p.name()));
        ClientOverrideConfiguration configuration = overrides.build();
        CodeartifactClient codeartifact = configure(CodeartifactClient.builder(), region, endpoint, credentials,
                configuration).build();
        KmsClient kms = configure(KmsClient.builder(), region, endpoint, credentials, configuration).build();
        URI resolved = endpoint.or(() -> codeartifact.serviceClientConfiguration().endpointOverride())
                .orElseGet(() -> CodeartifactEndpointProvider.defaultProvider()
                        .resolveEndpoint(p -> p.region(Region.of(region))).join().url());
        ConnectionProfile connectionProfile = new ConnectionProfile(name, kind, resolved, region);
        return new CodeArtifactGateway(connectionProfile, codeartifact, kms, credentials,
                new ActivityFeed(connectionProfile, credentials));
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
            ClientOverrideConfiguration configuration) {
        builder.httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(configuration);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        http.close();
    }

    /** A profile of the shared configuration, by the file it is in and its name. */
    private record NamedProfile(ProfileFile file, String name) {
    }
}
