package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.retention.DownstreamUse;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.gateway.EmbeddedGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * Which versions of {@code store} other repositories get through their upstreams, against a real local server:
 * {@code team → shared → store}, and {@code apart} reading nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownstreamUseFinderTest {

    private static final String DOMAIN = "acme";
    private static final PackageRef LIB = new PackageRef(PackageFormat.GENERIC, "tools", "lib");
    private static final PackageRef OLD = new PackageRef(PackageFormat.GENERIC, "tools", "old");

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;

    @BeforeAll
    void arrange() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        var gateway = embedded.gateway();
        gateway.createDomain(DOMAIN, Optional.empty());
        gateway.createRepository(DOMAIN, "store", Optional.empty(), List.of());
        gateway.createRepository(DOMAIN, "shared", Optional.empty(), List.of("store"));
        gateway.createRepository(DOMAIN, "team", Optional.empty(), List.of("shared"));
        gateway.createRepository(DOMAIN, "apart", Optional.empty(), List.of());
        for (String version : List.of("1.0", "1.1", "1.2", "1.3")) {
            publish("store", "lib", version);
        }
        publish("store", "old", "0.9");
        embedded.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("store").format("generic")
                .namespace("tools").packageValue("old").versions("0.9").targetStatus(PackageVersionStatus.ARCHIVED));
        publish("shared", "lib", "1.1"); // shared serves its own 1.1, to itself and to team
        publish("team", "lib", "1.2");   // team serves its own 1.2; shared still gets 1.2 from store
        publish("apart", "lib", "1.3");  // apart reads nothing: it plays no part
    }

    @AfterAll
    void stop() {
        embedded.close();
    }

    private void publish(String repository, String pkg, String version) {
        embedded.publishGeneric(DOMAIN, repository, "tools", pkg, version,
                (pkg + version).getBytes(StandardCharsets.UTF_8));
    }

    private List<PackageVersions> load(String repository) throws InterruptedException {
        return new RepositoryVersionsLoader(embedded.gateway()).load(DOMAIN, repository,
                LoadScope.of(new RetentionRuleFlags().action("archive").build(), Instant.now()), progress -> { });
    }

    @Test
    void aVersionIsServedToTheFirstReaderThatHoldsItNowhereBeforeThisRepository() throws Exception {
        DownstreamUse use = new DownstreamUseFinder(embedded.gateway()).find(DOMAIN, "store", load("store"));

        assertThat(use.servedTo(LIB, "1.0")).as("nobody before store holds 1.0").contains("shared");
        assertThat(use.servedTo(LIB, "1.1")).as("shared holds 1.1, and team searches shared first").isEmpty();
        assertThat(use.servedTo(LIB, "1.2")).as("team holds 1.2, shared does not").contains("shared");
        assertThat(use.servedTo(LIB, "1.3")).contains("shared");
        assertThat(use.servedTo(OLD, "0.9")).as("an Archived version is served to nobody").isEmpty();
        assertThat(use.size()).isEqualTo(3);
    }

    @Test
    void aMiddleRepositoryServesWhatItsReadersDoNotHold() throws Exception {
        DownstreamUse use = new DownstreamUseFinder(embedded.gateway()).find(DOMAIN, "shared", load("shared"));

        assertThat(use.servedTo(LIB, "1.1")).contains("team");
    }

    @Test
    void aRepositoryNobodyReadsServesNothing() throws Exception {
        assertThat(new DownstreamUseFinder(embedded.gateway()).find(DOMAIN, "apart", load("apart")).size()).isZero();
        assertThat(new DownstreamUseFinder(embedded.gateway()).find(DOMAIN, "team", load("team")).size()).isZero();
    }

    @Test
    void theReadersAndWhatTheySearchFirstComeFromTheGraph() throws Exception {
        var graph = new dev.arca.gateway.UpstreamGraphSource(embedded.gateway()).load(DOMAIN, (d, a) -> { });

        assertThat(DownstreamUseFinder.searchedBefore(graph, "store"))
                .isEqualTo(Map.of("shared", List.of("shared"), "team", List.of("team", "shared")));
    }
}
