package dev.arca.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource policy as the service stores it: which resource, its document and the revision a save must name.
 *
 * @param repository empty for the domain's own policy
 */
public record StoredPolicy(String domain, Optional<String> repository, String resourceArn, String document,
                           String revision) {

    public StoredPolicy {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(revision, "revision");
    }
}
