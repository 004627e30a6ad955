package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.UpstreamGraph;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracing packages through the guide's complex example on a real local server. */
class PackageTracerTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private UpstreamGraphSource source;
    private PackageTracer tracer;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        CodeArtifactGateway gateway = embedded.gateway();
        gateway.createDomain("team", Optional.empty());
        embedded.createGuidesComplexExample("team");
        byte[] bytes = "tool".getBytes(StandardCharsets.UTF_8);
        embedded.publishGeneric("team", "repo-e", "tools", "lint", "1.0.0", bytes);
        embedded.publishGeneric("team", "repo-b", "tools", "lint", "1.0.0", bytes);
        source = new UpstreamGraphSource(gateway);
        tracer = new PackageTracer(gateway);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    private PackageTrace trace(Optional<String> version) throws Exception {
        UpstreamGraph graph = source.load("team", (d, a) -> { });
        return tracer.trace(graph, "my_repo", PackageFormat.GENERIC, "tools", "lint", version, (d, a) -> { });
    }

    @Test
    void theVersionIsServedFromTheFirstRepositoryInSearchOrderThatStoresIt() throws Exception {
        List<Integer> asked = new ArrayList<>();
        UpstreamGraph graph = source.load("team", (d, a) -> { });
        PackageTrace trace = tracer.trace(graph, "my_repo", PackageFormat.GENERIC, "tools", "lint",
                Optional.of("1.0.0"), (done, all) -> asked.add(done));
        assertThat(trace.steps()).extracting(PackageTrace.Step::repository)
                .containsExactly("my_repo", "repo-a", "repo-c", "repo-d", "repo-e", "repo-b");
        assertThat(trace.outcome().servedFrom()).contains("repo-e");
        assertThat(trace.outcome().retainedIn()).containsExactly("my_repo");
        assertThat(trace.steps().get(4).stored()).hasValueSatisfying(s -> assertThat(s.version())
                .hasValueSatisfying(v -> assertThat(v.recorded()).isEqualTo("INTERNAL, entered the domain at repo-e")));
        assertThat(asked).contains(6);
    }

    @Test
    void originControlsThatBlockUpstreamEndTheSearchThere() throws Exception {
        embedded.gateway().setOriginControls("team", "repo-a", new PackageInfo("generic", "tools", "lint", "ALLOW",
                "ALLOW"), "ALLOW", "BLOCK");
        PackageTrace trace = trace(Optional.of("1.0.0"));
        assertThat(trace.steps()).extracting(PackageTrace.Step::repository)
                .containsExactly("my_repo", "repo-a", "repo-b");
        assertThat(trace.outcome().servedFrom()).contains("repo-b");
    }

    @Test
    void withoutAVersionTheRepositoriesHoldingVersionsAreCounted() throws Exception {
        assertThat(trace(Optional.empty()).outcome().conclusion())
                .isEqualTo("Clients of my_repo see versions from repo-e (1), repo-b (1).");
    }

    @Test
    void anUnknownRepositoryIsRefusedWithASentence() throws Exception {
        UpstreamGraph graph = source.load("team", (d, a) -> { });
        assertThatThrownBy(() -> tracer.trace(graph, "nope", PackageFormat.NPM, "", "x", Optional.empty(),
                (d, a) -> { })).hasMessage("Repository nope is not in domain team.");
    }
}
