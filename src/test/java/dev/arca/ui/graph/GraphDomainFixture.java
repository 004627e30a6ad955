package dev.arca.ui.graph;

import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.UserSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real local server with domain {@code acme} laid out as teams use CodeArtifact: team repositories read from
 * shared repositories, which read from store repositories holding the external connections; one repository has a
 * policy, one still names a deleted upstream, and a generic package is published in two of them.
 */
final class GraphDomainFixture implements AutoCloseable {

    static final String DOMAIN = "acme";

    private final EmbeddedGateway embedded;
    private final Path dataDir;

    GraphDomainFixture(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        embedded = new EmbeddedGateway(dataDir);
        CodeArtifactGateway gateway = embedded.gateway();
        gateway.createDomain(DOMAIN, Optional.empty());
        gateway.createStoreRepository(DOMAIN, "npm-store", "public:npmjs");
        gateway.createStoreRepository(DOMAIN, "pypi-store", "public:pypi");
        gateway.createStoreRepository(DOMAIN, "maven-central-store", "public:maven-central");
        create("shared-libs", "npm-store", "maven-central-store");
        create("shared-python", "pypi-store");
        create("release-candidates", "shared-libs");
        create("legacy-libs");
        create("payments-service", "shared-libs", "maven-central-store", "legacy-libs");
        create("checkout-web", "shared-libs", "npm-store");
        create("mobile-app", "release-candidates", "shared-libs");
        create("data-pipeline", "shared-python", "pypi-store");
        create("ml-models", "shared-python");
        embedded.sdk().putRepositoryPermissionsPolicy(r -> r.domain(DOMAIN).repository("shared-libs").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::444455556666:root\"},\"Action\":\"codeartifact:ReadFromRepository\","
                        + "\"Resource\":\"*\"}]}"));
        // Retired without updating payments-service: a dangling upstream, as CodeArtifact keeps it.
        gateway.deleteRepository(DOMAIN, "legacy-libs");
        byte[] tool = "lint tool".getBytes(StandardCharsets.UTF_8);
        embedded.publishGeneric(DOMAIN, "shared-libs", "tools", "lint", "2.1.0", tool);
        embedded.publishGeneric(DOMAIN, "release-candidates", "tools", "lint", "2.1.0", tool);
    }

    private void create(String name, String... upstreams) {
        embedded.gateway().createRepository(DOMAIN, name, Optional.of("Packages of " + name), List.of(upstreams));
    }

    EmbeddedGateway embedded() {
        return embedded;
    }

    CodeArtifactGateway gateway() {
        return embedded.gateway();
    }

    /** What the local connection remembers, kept beside the server's data. */
    DomainMemory memory() {
        return new DomainMemory(UserSettings.load(dataDir.resolveSibling("config").resolve("settings.properties")),
                "local");
    }

    @Override
    public void close() {
        embedded.close();
    }
}
