package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UpstreamSearchOrderTest {

    private static List<String> order(Map<String, List<String>> graph, String start, int budget) {
        return UpstreamSearchOrder.of(start, r -> graph.getOrDefault(r, List.of()), budget).stream()
                .map(UpstreamSearchOrder.Stop::repository).toList();
    }

    @Test
    void theGuidesComplexExampleIsSearchedDepthFirstInPriorityOrder() {
        Map<String, List<String>> graph = Map.of("my_repo", List.of("A", "B"), "A", List.of("C", "D"),
                "D", List.of("E"));
        List<UpstreamSearchOrder.Stop<String>> stops = UpstreamSearchOrder.of("my_repo",
                r -> graph.getOrDefault(r, List.of()), 25);
        assertThat(stops).extracting(UpstreamSearchOrder.Stop::repository)
                .containsExactly("my_repo", "A", "C", "D", "E", "B");
        assertThat(stops).extracting(UpstreamSearchOrder.Stop::depth).containsExactly(0, 1, 2, 2, 3, 1);
    }

    @Test
    void aRepositoryReachedTwiceIsVisitedOnceAndCyclesEnd() {
        Map<String, List<String>> graph = Map.of("r", List.of("a", "b"), "a", List.of("shared"),
                "b", List.of("shared", "r"), "shared", List.of("a"));
        assertThat(order(graph, "r", 25)).containsExactly("r", "a", "shared", "b");
    }

    @Test
    void noMoreRepositoriesThanTheBudgetAreVisited() {
        Map<String, List<String>> chain = new java.util.HashMap<>();
        IntStream.range(0, 40).forEach(i -> chain.put("r" + i, List.of("r" + (i + 1))));
        assertThat(order(chain, "r0", 25)).hasSize(25).endsWith("r24");
    }

    @Test
    void upstreamsAreAskedForOnlyOfRepositoriesTheSearchReaches() {
        List<String> asked = new java.util.ArrayList<>();
        UpstreamSearchOrder.of("r", r -> {
            asked.add(r);
            return r.equals("r") ? List.of("blocked") : List.of();
        }, 1);
        assertThat(asked).containsExactly("r");
        assertThatThrownBy(() -> UpstreamSearchOrder.of("r", r -> List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
