package dev.arca.core.graph;

import dev.arca.core.UpstreamSearchOrder;
import java.util.List;
import java.util.Objects;

/**
 * What a request to {@code start} searches: the repositories in search order within the budget, those its
 * upstreams reach only past the budget (never searched), and the missing repositories its searched repositories
 * still name as upstreams.
 */
public record SearchPlan(String start, List<UpstreamSearchOrder.Stop<String>> searched, List<String> pastBudget,
                         List<GraphEdge> danglingOnPath) {

    public SearchPlan {
        Objects.requireNonNull(start);
        searched = List.copyOf(searched);
        pastBudget = List.copyOf(pastBudget);
        danglingOnPath = List.copyOf(danglingOnPath);
    }

    /** The searched repositories' names, in search order. */
    public List<String> order() {
        return searched.stream().map(UpstreamSearchOrder.Stop::repository).toList();
    }

    /** The 1-based position of {@code repository} in the search order, or 0 when the search does not reach it. */
    public int position(String repository) {
        for (int i = 0; i < searched.size(); i++) {
            if (searched.get(i).repository().equals(repository)) {
                return i + 1;
            }
        }
        return 0;
    }
}
