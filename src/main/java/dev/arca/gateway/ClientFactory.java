package dev.arca.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.endpoints.CodeartifactEndpointProvider;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients every gateway uses: one shared HTTP client, explicit call and attempt timeouts, the
 * standard retry strategy (which backs off on throttling), and the connection's endpoint and credentials.
 */
public final class ClientFactory implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    /** The profile an Arca server's credentials file holds its keys under. */
    private static final String CREDENTIALS_FILE_PROFILE = "default";
    /** The profile the AWS CLI uses when none is named. */
    private static final String DEFAULT_PROFILE = "default";

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

    /**
     * A gateway for a command run in {@code environment}, connected the way the AWS CLI connects. The profile is
     * {@code profile}, else {@code AWS_PROFILE}, else {@code default}. Credentials: the named profile's when
     * {@code profile} is given; else {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} (and
     * {@code AWS_SESSION_TOKEN}) from {@code environment}; else {@code AWS_PROFILE}'s; else the SDK's default chain
     * (keys, web identity, the default profile with SSO and roles, containers, the instance). Region: {@code region},
     * else {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, else the profile's. Endpoint: {@code endpoint} when given;
     * else, as for AWS connections, the SDK applies {@code AWS_ENDPOINT_URL*} and the profile's
     * {@code endpoint_url}, or the service's own.
     *
     * @throws GatewayException when no region is found, the profile does not exist, or the keys are half set
     */
    public CodeArtifactGateway openForCommandLine(Optional<URI> endpoint, Optional<String> profile,
                                                  Optional<String> region, Map<String, String> environment) {
        ProfileFile files = sharedConfig.load();
        String profileName = profile.or(() -> setting(environment, "AWS_PROFILE")).orElse(DEFAULT_PROFILE);
        if (profile.isPresent() || setting(environment, "AWS_PROFILE").isPresent()) {
            requireProfile(files, profileName);
        }
        String signingRegion = region.filter(r -> !r.isBlank())
                .or(() -> setting(environment, "AWS_REGION"))
                .or(() -> setting(environment, "AWS_DEFAULT_REGION"))
                .or(() -> files.profile(profileName).flatMap(p -> p.property(ProfileProperty.REGION)))
                .orElseThrow(() -> new GatewayException("No region is set: pass --region, set AWS_REGION, or give"
                        + " profile " + profileName + " a region in " + sharedConfig.describe() + ".",
                        Optional.empty(), null));
        AwsCredentialsProvider credentials = commandLineCredentials(profile, files, profileName, environment);
        Optional<NamedProfile> settings = files.profile(profileName).isPresent()
                ? Optional.of(new NamedProfile(files, profileName)) : Optional.empty();
        // The kind only tells the activity feed how to read events, which no command uses.
        return build("CodeArtifact", endpoint.isPresent() ? ConnectionKind.ARCA_SERVER : ConnectionKind.AWS,
                signingRegion, endpoint, credentials, settings);
    }

    private static AwsCredentialsProvider commandLineCredentials(Optional<String> profile, ProfileFile files,
                                                                 String profileName, Map<String, String> environment) {
        if (profile.isPresent()) {
            return profileCredentials(files, profileName);
        }
        Optional<String> keyId = setting(environment, "AWS_ACCESS_KEY_ID");
        Optional<String> secret = setting(environment, "AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() != secret.isPresent()) {
            throw new GatewayException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together.",
                    Optional.empty(), null);
        }
        if (keyId.isPresent()) {
            Optional<String> token = setting(environment, "AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        // A profile that says where its credentials come from is used as such, so its own failure (an expired
        // SSO session, a role it may not assume) is what the user reads — as the AWS CLI, which asks the profile
        // before web identity, containers and the instance.
        if (setting(environment, "AWS_PROFILE").isPresent()
                || files.profile(profileName).filter(AwsSharedConfig::hasCredentials).isPresent()) {
            return profileCredentials(files, profileName);
        }
        return new RemainingSources(DefaultCredentialsProvider.builder().profileFile(() -> files)
                .profileName(profileName).build());
    }

    /**
     * The SDK's default chain for a command line whose environment and profile hold no credentials: web identity,
     * a container, the instance. It fails with one sentence rather than every source's reason.
     */
    private record RemainingSources(DefaultCredentialsProvider chain) implements AwsCredentialsProvider,
            SdkAutoCloseable {
        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return chain.resolveCredentials();
            } catch (SdkClientException e) {
                throw SdkClientException.create("no AWS credentials were found: set AWS_ACCESS_KEY_ID and"
                        + " AWS_SECRET_ACCESS_KEY, name a profile with --profile or AWS_PROFILE, or give the default"
                        + " profile credentials");
            }
        }

        @Override
        public void close() {
            chain.close();
        }
    }

    private static Optional<String> setting(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
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
        return requireProfile(sharedConfig.load(), profile);
    }

    private ProfileFile requireProfile(ProfileFile files, String profile) {
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
        // IAM is global: its one endpoint signs for us-east-1, on AWS and on an Arca server alike.
        IamClient iam = configure(IamClient.builder(), Region.AWS_GLOBAL.id(), endpoint, credentials, configuration)
                .build();
        AccessAnalyzerClient analyzer = configure(AccessAnalyzerClient.builder(), region, endpoint, credentials,
                configuration).build();
        URI resolved = endpoint.or(() -> codeartifact.serviceClientConfiguration().endpointOverride())
                .orElseGet(() -> CodeartifactEndpointProvider.defaultProvider()
                        .resolveEndpoint(p -> p.region(Region.of(region))).join().url());
        ConnectionProfile connectionProfile = new ConnectionProfile(name, kind, resolved, region);
        return new CodeArtifactGateway(connectionProfile, new CodeArtifactGateway.Clients(codeartifact, kms, iam,
                analyzer), credentials, new ActivityFeed(connectionProfile, credentials));
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
