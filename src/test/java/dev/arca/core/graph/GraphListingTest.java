package dev.arca.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plain-text graph and search order for what a live service cannot show: missing upstreams, cycles, admins. */
class GraphListingTest {

    private static final String OWNER = "111122223333";

    private static GraphRepository repository(String name, String... upstreams) {
        return new GraphRepository(name, List.of(upstreams), Optional.empty(), OWNER, false);
    }

    @Test
    void missingUpstreamsCyclesAndOtherAdministratorsAreNamed() {
        UpstreamGraph graph = UpstreamGraph.of("team", OWNER, List.of(
                repository("app", "gone", "loop-a"), repository("loop-a", "loop-b"), repository("loop-b", "loop-a"),
                new GraphRepository("shared", List.of(), Optional.empty(), "444455556666", true)));

        assertThat(GraphListing.of(graph)).isEqualTo("""
                domain team, owner 111122223333, 4 repositories

                app -> gone (missing), loop-a
                loop-a -> loop-b
                loop-b -> loop-a
                shared [resource policy] [administered by 444455556666]

                missing upstreams:
                  app -> gone (priority 1)
                cycles:
                  loop-a, loop-b
                chains past the budget of 25: none
                upstreams no request reaches: none
                """);
    }

    @Test
    void explainNamesMissingUpstreamsOnThePath() {
        UpstreamGraph graph = UpstreamGraph.of("team", OWNER, List.of(
                repository("app", "lib"), repository("lib", "gone"), repository("other", "elsewhere")));

        assertThat(GraphListing.explain(graph, graph.searchPlan("app"))).isEqualTo("""
                1 app
                2 lib
                missing on the path: lib -> gone (priority 1)
                """);
    }

    @Test
    void oneRepositoryIsSingular() {
        UpstreamGraph graph = UpstreamGraph.of("solo", OWNER, List.of(repository("only")));

        assertThat(GraphListing.of(graph)).startsWith("domain solo, owner 111122223333, 1 repository\n\nonly\n\n");
    }
}
