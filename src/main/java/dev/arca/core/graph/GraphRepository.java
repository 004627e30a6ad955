package dev.arca.core.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository as the upstream graph sees it: its upstreams in priority order (names, some perhaps of repositories
 * that no longer exist), its external connection, the account that administers it, and whether it has a resource
 * policy.
 */
public record GraphRepository(String name, List<String> upstreams, Optional<String> externalConnection,
                              String administrator, boolean hasPolicy) {

    public GraphRepository {
        Objects.requireNonNull(name);
        upstreams = List.copyOf(upstreams);
        Objects.requireNonNull(externalConnection);
        Objects.requireNonNull(administrator);
    }

    /** The same repository reading from other upstreams or another external connection. */
    public GraphRepository withSources(List<String> newUpstreams, Optional<String> newConnection) {
        return new GraphRepository(name, newUpstreams, newConnection, administrator, hasPolicy);
    }
}
