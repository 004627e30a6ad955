package dev.arca.core.graph;

import java.util.Objects;

/**
 * One upstream link: {@code repository} reads from {@code upstream} with the given priority (1 is searched first).
 * A dangling edge names an upstream that is no longer a repository of the domain.
 */
public record GraphEdge(String repository, String upstream, int priority, boolean dangling) {

    public GraphEdge {
        Objects.requireNonNull(repository);
        Objects.requireNonNull(upstream);
        if (priority < 1) {
            throw new IllegalArgumentException("priorities start at 1, not " + priority);
        }
    }
}
