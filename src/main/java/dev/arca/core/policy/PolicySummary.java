package dev.arca.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a domain's policy list: a resource, its ARN and the revision of its policy, empty when it has none.
 * CodeArtifact keeps no change time for policies, so the revision is what tells one version from the next.
 */
public record PolicySummary(PolicyTarget target, String resourceArn, Optional<String> revision) {

    public PolicySummary {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(revision, "revision");
    }

    public boolean hasPolicy() {
        return revision.isPresent();
    }
}
