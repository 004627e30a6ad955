package dev.arca.gateway;

import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.iam.IamClient;

/** A real local server with the GUI's gateway connected to it, for ViewModel tests. */
public final class EmbeddedGateway implements AutoCloseable {

    private final LocalServer server;
    private final ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
    private final CodeArtifactGateway gateway;
    private CodeartifactClient sdk;

    public EmbeddedGateway(Path dataDir) throws Exception {
        this(ServerConfig.embedded(dataDir));
    }

    /** A server started with {@code config} (e.g. external connections pointing at stand-in registries). */
    public EmbeddedGateway(ServerConfig config) throws Exception {
        server = LocalServer.start(config);
        gateway = clients.open(new ConnectionProfile("Local server", ConnectionKind.EMBEDDED, server.endpoint(),
                "us-east-1"), server.credentials().accessKeyId(), server.credentials().secretAccessKey());
    }

    public CodeArtifactGateway gateway() {
        return gateway;
    }

    public LocalServer server() {
        return server;
    }

    /** A plain SDK client signed as the server's root user, for arranging what a test needs. */
    public synchronized CodeartifactClient sdk() {
        if (sdk == null) {
            sdk = sdkFor(server);
        }
        return sdk;
    }

    /** A new SDK client for any local server, signed as its root user; the caller closes it. */
    public static CodeartifactClient sdkFor(LocalServer server) {
        return CodeartifactClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.credentials().accessKeyId(), server.credentials().secretAccessKey()))).build();
    }

    /** A new IAM client for any local server, signed as its root user; the caller closes it. */
    public static IamClient iamFor(LocalServer server) {
        return IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.credentials().accessKeyId(), server.credentials().secretAccessKey()))).build();
    }

    /**
     * Creates the user guide's complex upstream example in {@code domain} (repository names need two characters):
     * {@code my_repo → [repo-a, repo-b]}, {@code repo-a → [repo-c, repo-d]}, {@code repo-d → [repo-e]}.
     */
    public void createGuidesComplexExample(String domain) {
        for (String name : java.util.List.of("repo-c", "repo-e", "repo-b")) {
            gateway.createRepository(domain, name, java.util.Optional.empty(), java.util.List.of());
        }
        gateway.createRepository(domain, "repo-d", java.util.Optional.empty(), java.util.List.of("repo-e"));
        gateway.createRepository(domain, "repo-a", java.util.Optional.empty(), java.util.List.of("repo-c", "repo-d"));
        gateway.createRepository(domain, "my_repo", java.util.Optional.empty(), java.util.List.of("repo-a", "repo-b"));
    }

    /** Publishes a one-file generic package version through the SDK, as a user of the AWS CLI would. */
    public void publishGeneric(String domain, String repository, String namespace, String pkg, String version,
                               byte[] content) {
        publishGeneric(sdk(), domain, repository, namespace, pkg, version, content);
    }

    /** Publishes a one-file generic package version ({@code PKG.bin}) with {@code sdk}. */
    public static void publishGeneric(CodeartifactClient sdk, String domain, String repository, String namespace,
                                      String pkg, String version, byte[] content) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            sdk.publishPackageVersion(r -> r.domain(domain).repository(repository).format("generic")
                    .namespace(namespace).packageValue(pkg).packageVersion(version).assetName(pkg + ".bin")
                    .assetSHA256(sha), RequestBody.fromBytes(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
        gateway.close();
        clients.close();
        server.close();
    }
}
