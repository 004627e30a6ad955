package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.graph.GraphEdits;
import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.UpstreamGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and editing a domain's upstream graph on a real local server through the gateway. */
class UpstreamGraphSourceTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private UpstreamGraphSource source;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        gateway = embedded.gateway();
        gateway.createDomain("team", Optional.empty());
        gateway.createStoreRepository("team", "npm-store", "public:npmjs");
        embedded.createGuidesComplexExample("team");
        embedded.sdk().putRepositoryPermissionsPolicy(r -> r.domain("team").repository("repo-b").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                        + "\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"*\"}]}"));
        source = new UpstreamGraphSource(gateway);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theGraphIsReadWithUpstreamsConnectionsAndPolicies() throws Exception {
        List<Integer> progress = new ArrayList<>();
        UpstreamGraph graph = source.load("team", (done, all) -> progress.add(done));
        assertThat(graph.repositories()).extracting(GraphRepository::name)
                .containsExactly("my_repo", "npm-store", "repo-a", "repo-b", "repo-c", "repo-d", "repo-e");
        assertThat(graph.searchPlan("my_repo").order()).containsExactly("my_repo", "repo-a", "repo-c", "repo-d", "repo-e", "repo-b");
        assertThat(graph.repository("npm-store").orElseThrow().externalConnection()).contains("public:npmjs");
        assertThat(graph.repository("repo-b").orElseThrow().hasPolicy()).isTrue();
        assertThat(graph.repository("repo-a").orElseThrow().hasPolicy()).isFalse();
        assertThat(graph.domainOwner()).isEqualTo(embedded.server().config().accountId());
        assertThat(progress).hasSize(7).contains(7);
    }

    @Test
    void changesAreSentAndTheServiceHasThem() throws Exception {
        GraphEdits edits = new GraphEdits(source.load("team", (d, a) -> { }));
        assertThat(edits.moveUpstream("my_repo", "repo-b", 1)).isEmpty();
        assertThat(edits.removeUpstream("repo-d", "repo-e")).isEmpty();
        assertThat(edits.setConnection("repo-e", Optional.of("public:pypi"))).isEmpty();
        assertThat(edits.setConnection("npm-store", Optional.empty())).isEmpty();
        assertThat(edits.addUpstream("npm-store", "repo-c")).isEmpty();

        UpstreamGraphSource.Applied applied = source.apply("team", edits.changes());

        assertThat(applied.refused()).isEmpty();
        assertThat(applied.done()).hasSize(4);
        UpstreamGraph after = source.load("team", (d, a) -> { });
        assertThat(after.searchPlan("my_repo").order()).containsExactly("my_repo", "repo-b", "repo-a", "repo-c", "repo-d");
        assertThat(after.repository("repo-e").orElseThrow().externalConnection()).contains("public:pypi");
        assertThat(after.repository("npm-store").orElseThrow().externalConnection()).isEmpty();
        assertThat(after.repository("npm-store").orElseThrow().upstreams()).containsExactly("repo-c");
    }

    @Test
    void aRepositoryChangedMeanwhileStopsTheRestAndIsNamed() throws Exception {
        GraphEdits edits = new GraphEdits(source.load("team", (d, a) -> { }));
        edits.addUpstream("repo-b", "repo-c");
        edits.addUpstream("repo-d", "repo-c");
        gateway.updateRepository("team", "repo-b", Optional.empty(), List.of("repo-e"), Optional.empty());

        UpstreamGraphSource.Applied applied = source.apply("team", edits.changes());

        assertThat(applied.done()).isEmpty();
        assertThat(applied.refused()).hasValueSatisfying(r -> {
            assertThat(r.change().repository()).isEqualTo("repo-b");
            assertThat(r.reason()).isEqualTo("repo-b was changed meanwhile: it now reads from [repo-e].");
        });
        assertThat(gateway.describeRepository("team", "repo-d").upstreams()).containsExactly("repo-e");
    }

    @Test
    void aRefusalFromTheServiceIsReportedWithItsReason() throws Exception {
        GraphEdits edits = new GraphEdits(source.load("team", (d, a) -> { }));
        edits.addUpstream("repo-b", "repo-c");
        gateway.deleteRepository("team", "repo-c");

        UpstreamGraphSource.Applied applied = source.apply("team", edits.changes());

        assertThat(applied.refused()).hasValueSatisfying(r -> assertThat(r.reason()).contains("repo-c"));
        assertThat(gateway.describeRepository("team", "repo-b").upstreams()).isEmpty();
    }
}
