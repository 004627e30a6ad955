package dev.arca.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DOT text of upstream graphs: what each element becomes, and names quoted so any name is one identifier. */
class GraphDotTest {

    private static GraphRepository repository(String name, String... upstreams) {
        return new GraphRepository(name, List.of(upstreams), Optional.empty(), "111122223333", false);
    }

    @Test
    void theGuidesExampleIsBoxesWithPriorityEdgesInPriorityOrder() {
        UpstreamGraph graph = UpstreamGraph.of("team", "111122223333", List.of(
                repository("my_repo", "repo-a", "repo-b"), repository("repo-a", "repo-c", "repo-d"),
                repository("repo-b"), repository("repo-c"), repository("repo-d", "repo-e"), repository("repo-e")));

        assertThat(GraphDot.of(graph)).isEqualTo("""
                digraph "team" {
                  label="domain team (owner 111122223333)";
                  labelloc=t;
                  node [shape=box];
                  "my_repo";
                  "repo-a";
                  "repo-b";
                  "repo-c";
                  "repo-d";
                  "repo-e";
                  "my_repo" -> "repo-a" [label="1"];
                  "my_repo" -> "repo-b" [label="2"];
                  "repo-a" -> "repo-c" [label="1"];
                  "repo-a" -> "repo-d" [label="2"];
                  "repo-d" -> "repo-e" [label="1"];
                }
                """);
    }

    @Test
    void anExternalConnectionIsOneEllipseWithAnEdgeFromEachHolder() {
        UpstreamGraph graph = UpstreamGraph.of("team", "111122223333", List.of(
                new GraphRepository("npm-store", List.of(), Optional.of("public:npmjs"), "111122223333", false),
                new GraphRepository("npm-mirror", List.of(), Optional.of("public:npmjs"), "111122223333", false),
                repository("app", "npm-store")));

        String dot = GraphDot.of(graph);

        assertThat(dot.lines().filter(line -> line.contains("[shape=ellipse]")))
                .containsExactly("  \"public:npmjs\" [shape=ellipse];");
        assertThat(dot).contains("  \"npm-mirror\" -> \"public:npmjs\";\n", "  \"npm-store\" -> \"public:npmjs\";\n",
                "  \"app\" -> \"npm-store\" [label=\"1\"];\n");
    }

    @Test
    void aDanglingUpstreamIsARedDashedEdgeToANodeMarkedMissing() {
        UpstreamGraph graph = UpstreamGraph.of("team", "111122223333", List.of(
                repository("app", "repo-a", "gone"), repository("other", "gone"), repository("repo-a")));

        String dot = GraphDot.of(graph);

        assertThat(dot.lines().filter(line -> line.startsWith("  \"gone\" [")))
                .containsExactly("  \"gone\" [label=\"gone\\n(missing)\", style=dashed, color=red, fontcolor=red];");
        assertThat(dot).contains(
                "  \"app\" -> \"gone\" [label=\"2\", style=dashed, color=red, fontcolor=red];\n",
                "  \"other\" -> \"gone\" [label=\"1\", style=dashed, color=red, fontcolor=red];\n",
                "  \"app\" -> \"repo-a\" [label=\"1\"];\n");
    }

    @Test
    void quotesAndBackslashesInNamesAreEscaped() {
        UpstreamGraph graph = UpstreamGraph.of("we\"ird", "111122223333", List.of(
                repository("a\"b", "c\\l"), repository("c\\l")));

        String dot = GraphDot.of(graph);

        assertThat(dot).startsWith("digraph \"we\\\"ird\" {\n")
                .contains("  \"a\\\"b\";\n", "  \"c\\\\l\";\n", "  \"a\\\"b\" -> \"c\\\\l\" [label=\"1\"];\n");
        // Every quote that is not escaped opens or closes a string: an even number per line.
        dot.lines().forEach(line -> assertThat(line.replace("\\\\", "").replace("\\\"", "").chars()
                .filter(c -> c == '"').count() % 2).as(line).isZero());
    }

    @Test
    void quoteTurnsLineBreaksIntoDotEscapes() {
        assertThat(GraphDot.quote("two\nlines")).isEqualTo("\"two\\nlines\"");
        assertThat(GraphDot.quote("plain")).isEqualTo("\"plain\"");
    }
}
