package dev.arca.core.policy;

import java.util.Objects;

/** A policy as the evaluator sees it: an id for reports (policy name, or "resource policy"), its source and document. */
public record AttachedPolicy(String id, PolicySourceType sourceType, PolicyDocument document) {
    public AttachedPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(document, "document");
    }
}
