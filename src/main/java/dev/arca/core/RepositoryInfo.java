package dev.arca.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository as the console shows it; {@code upstreams} (priority order) and {@code externalConnection} are
 * known only when the repository was described, not listed.
 */
public record RepositoryInfo(String name, String domainName, String domainOwner, String administrator, String arn,
                             Optional<String> description, Instant createdTime, List<String> upstreams,
                             Optional<String> externalConnection) {

    public RepositoryInfo {
        Objects.requireNonNull(name);
        Objects.requireNonNull(domainName);
        Objects.requireNonNull(domainOwner);
        Objects.requireNonNull(administrator);
        Objects.requireNonNull(arn);
        Objects.requireNonNull(description);
        Objects.requireNonNull(createdTime);
        upstreams = List.copyOf(upstreams);
        Objects.requireNonNull(externalConnection);
    }
}
