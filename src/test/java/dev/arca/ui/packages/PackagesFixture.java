package dev.arca.ui.packages;

import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * A real local server with domain {@code pkgs} and repository {@code repo}, the GUI's gateway to it, and an SDK
 * client that creates packages the way a build or an administrator would.
 */
final class PackagesFixture implements AutoCloseable {

    static final String DOMAIN = "pkgs";
    static final String REPOSITORY = "repo";

    private final EmbeddedGateway embedded;
    private final CodeartifactClient client;
    private final Path dataDir;

    PackagesFixture(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        embedded = new EmbeddedGateway(dataDir);
        embedded.gateway().createDomain(DOMAIN, Optional.empty());
        embedded.gateway().createRepository(DOMAIN, REPOSITORY, Optional.empty(), List.of());
        client = CodeartifactClient.builder().endpointOverride(embedded.server().endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        embedded.server().credentials().accessKeyId(),
                        embedded.server().credentials().secretAccessKey()))).build();
    }

    /** What the local connection remembers, kept beside the server's data. */
    DomainMemory memory() {
        return new DomainMemory(UserSettings.load(dataDir.resolveSibling("config").resolve("settings.properties")),
                "local");
    }

    /** Where the page journals bulk runs, beside the server's data. */
    Path journalDir() {
        return dataDir.resolveSibling("journals");
    }

    EmbeddedGateway embedded() {
        return embedded;
    }

    /** The SDK, for what the GUI does not do itself. */
    CodeartifactClient client() {
        return client;
    }

    /** Publishes {@code content} as asset {@code NAME.bin} of generic package {@code namespace/name}. */
    void publish(String namespace, String name, String version, byte[] content) throws Exception {
        publish(REPOSITORY, namespace, name, version, content, false);
    }

    void publish(String repository, String namespace, String name, String version, byte[] content,
                 boolean unfinished) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        client.publishPackageVersion(r -> r.domain(DOMAIN).repository(repository).format("generic")
                        .namespace(namespace).packageValue(name).packageVersion(version).assetName(name + ".bin")
                        .assetSHA256(sha).unfinished(unfinished),
                RequestBody.fromBytes(content));
    }

    /**
     * Sets a package's origin controls through the SDK; like the service, this creates the package (with no
     * versions) when it does not exist yet, which is how packages of formats other than generic come to exist here.
     */
    void originControls(String format, String namespace, String name, String publish, String upstream) {
        client.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository(REPOSITORY).format(format)
                .namespace(namespace).packageValue(name).restrictions(o -> o.publish(publish).upstream(upstream)));
    }

    /** Moves versions of generic package {@code namespace/name} to {@code status}. */
    void setStatus(String namespace, String name, String status, String... versions) {
        client.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPOSITORY).format("generic")
                .namespace(namespace).packageValue(name).versions(versions).targetStatus(status));
    }

    @Override
    public void close() {
        client.close();
        embedded.close();
    }
}
