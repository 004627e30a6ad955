package dev.arca.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamGraphTest {

    /** A graph from "name → upstreams" pairs; repositories named only as upstreams exist unless marked missing. */
    static UpstreamGraph graph(Map<String, List<String>> upstreams, String... missing) {
        Map<String, GraphRepository> repositories = new LinkedHashMap<>();
        List<String> gone = List.of(missing);
        upstreams.forEach((name, ups) -> repositories.put(name, repo(name, ups)));
        upstreams.values().stream().flatMap(List::stream).filter(u -> !gone.contains(u))
                .forEach(u -> repositories.putIfAbsent(u, repo(u, List.of())));
        return UpstreamGraph.of("team", "111122223333", repositories.values());
    }

    static GraphRepository repo(String name, List<String> upstreams) {
        return new GraphRepository(name, upstreams, Optional.empty(), "111122223333", false);
    }

    private static final Map<String, List<String>> COMPLEX = Map.of("my_repo", List.of("A", "B"),
            "A", List.of("C", "D"), "D", List.of("E"));

    @Test
    void theGuidesSimpleExampleIsSearchedInPriorityOrder() {
        UpstreamGraph graph = graph(Map.of("my_repo", List.of("upstream-1", "upstream-2", "upstream-3")));
        assertThat(graph.searchPlan("my_repo").order())
                .containsExactly("my_repo", "upstream-1", "upstream-2", "upstream-3");
    }

    @Test
    void theGuidesComplexExampleIsSearchedDepthFirst() {
        SearchPlan plan = graph(COMPLEX).searchPlan("my_repo");
        assertThat(plan.order()).containsExactly("my_repo", "A", "C", "D", "E", "B");
        assertThat(plan.position("E")).isEqualTo(5);
        assertThat(plan.position("nowhere")).isZero();
        assertThat(plan.pastBudget()).isEmpty();
        assertThat(plan.danglingOnPath()).isEmpty();
    }

    @Test
    void edgesCarryTheirPriority() {
        assertThat(graph(COMPLEX).edges()).contains(new GraphEdge("my_repo", "A", 1, false),
                new GraphEdge("my_repo", "B", 2, false), new GraphEdge("A", "D", 2, false));
    }

    @Test
    void aDiamondIsSearchedOnceAndBothSidesSeeTheSharedRepository() {
        UpstreamGraph graph = graph(Map.of("app", List.of("left", "right"), "left", List.of("shared"),
                "right", List.of("shared")));
        assertThat(graph.searchPlan("app").order()).containsExactly("app", "left", "shared", "right");
        assertThat(graph.downstreamOf("shared")).containsExactly("app", "left", "right");
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void cyclesAreFoundAndTheSearchStillEnds() {
        UpstreamGraph graph = graph(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"),
                "x", List.of("a"), "self", List.of("self")));
        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c"), List.of("self"));
        assertThat(graph.searchPlan("x").order()).containsExactly("x", "a", "b", "c");
    }

    @Test
    void aLongChainHasNoStackTroubleFindingCycles() {
        Map<String, List<String>> chain = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            chain.put("r" + i, List.of("r" + (i + 1)));
        }
        assertThat(graph(chain).cycles()).isEmpty();
    }

    @Test
    void danglingUpstreamsAreReportedAndSkippedBySearches() {
        UpstreamGraph graph = graph(Map.of("app", List.of("gone", "shared"), "shared", List.of()), "gone");
        assertThat(graph.danglingEdges()).containsExactly(new GraphEdge("app", "gone", 1, true));
        SearchPlan plan = graph.searchPlan("app");
        assertThat(plan.order()).containsExactly("app", "shared");
        assertThat(plan.danglingOnPath()).containsExactly(new GraphEdge("app", "gone", 1, true));
        assertThat(graph.contains("gone")).isFalse();
    }

    @Test
    void repositoriesPastTheBudgetAreNamed() {
        Map<String, List<String>> chain = new LinkedHashMap<>();
        for (int i = 0; i < 29; i++) {
            chain.put(String.format("r%02d", i), List.of(String.format("r%02d", i + 1)));
        }
        UpstreamGraph graph = graph(chain);
        SearchPlan plan = graph.searchPlan("r00");
        assertThat(plan.order()).hasSize(25).endsWith("r24");
        assertThat(plan.pastBudget()).containsExactly("r25", "r26", "r27", "r28", "r29");
        assertThat(graph.chainsPastBudget()).containsOnlyKeys("r00", "r01", "r02", "r03", "r04");
        // r25 is read by r01…r24 within their budgets, but nobody's search reaches r29 from further than r05.
        assertThat(graph.unreachedUpstreams()).isEmpty();
        assertThat(graph.downstreamOf("r29")).containsExactly("r05", "r06", "r07", "r08", "r09", "r10", "r11", "r12",
                "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "r26",
                "r27", "r28");
    }

    @Test
    void anUpstreamEverySearchReachesOnlyPastTheBudgetIsUnreached() {
        Map<String, List<String>> wide = new LinkedHashMap<>();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add("m" + i);
            wide.put("m" + i, List.of("n" + i + "a", "n" + i + "b"));
        }
        wide.put("top", first);
        // top reaches m0..m9 with two each: 31 repositories; only top reads m9's upstreams and its budget ends first.
        UpstreamGraph graph = graph(wide);
        assertThat(graph.searchPlan("top").pastBudget()).containsExactly("m8", "n8a", "n8b", "m9", "n9a", "n9b");
        assertThat(graph.unreachedUpstreams()).containsExactly("m8", "m9");
        assertThat(graph.downstreamOf("n9a")).containsExactly("m9");
    }

    @Test
    void unknownRepositoriesAreRefusedWithASentence() {
        assertThatThrownBy(() -> graph(COMPLEX).searchPlan("nope"))
                .hasMessage("Repository nope is not in domain team.");
    }

    @Test
    void externalConnectionsAndTheirHoldersAreListed() {
        UpstreamGraph graph = UpstreamGraph.of("team", "111122223333", List.of(
                new GraphRepository("npm-store", List.of(), Optional.of("public:npmjs"), "111122223333", false),
                new GraphRepository("app", List.of("npm-store"), Optional.empty(), "444455556666", true)));
        assertThat(graph.externalConnections()).containsExactly("public:npmjs");
        assertThat(graph.holdersOf("public:npmjs")).containsExactly("npm-store");
        assertThat(graph.repositories()).extracting(GraphRepository::name).containsExactly("app", "npm-store");
    }
}
