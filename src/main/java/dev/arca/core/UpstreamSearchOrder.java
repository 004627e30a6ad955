package dev.arca.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which one request visits repositories (spec/behavior.md §6): the requested repository, then its
 * upstreams depth-first in priority order — each upstream's own upstreams before the next one — every repository
 * once, and no more than the search budget (25) in all. For {@code my_repo → [A, B]}, {@code A → [C, D]},
 * {@code D → [E]} that is my_repo, A, C, D, E, B.
 */
public final class UpstreamSearchOrder {

    /**
     * One repository in the order, with its distance from the requested repository along the path the search took
     * (0 for the requested repository itself, 1 for its direct upstreams).
     */
    public record Stop<R>(R repository, int depth) {
        public Stop {
            Objects.requireNonNull(repository);
        }
    }

    private UpstreamSearchOrder() {
    }

    /**
     * Walks from {@code start}. {@code upstreams} is asked only for repositories the walk reaches, so it may decide
     * per repository (origin controls) whether the search continues past it.
     */
    public static <R> List<Stop<R>> of(R start, Function<R, List<R>> upstreams, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the search budget must be at least 1, not " + budget);
        }
        List<Stop<R>> order = new ArrayList<>();
        Set<R> visited = new HashSet<>();
        Deque<Stop<R>> pending = new ArrayDeque<>();
        pending.push(new Stop<>(start, 0));
        while (!pending.isEmpty() && order.size() < budget) {
            Stop<R> next = pending.pop();
            if (!visited.add(next.repository())) {
                continue;
            }
            order.add(next);
            List<R> direct = upstreams.apply(next.repository());
            for (int i = direct.size() - 1; i >= 0; i--) {
                pending.push(new Stop<>(direct.get(i), next.depth() + 1));
            }
        }
        return List.copyOf(order);
    }
}
