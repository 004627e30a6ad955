package dev.arca.core.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a proposed upstream list or external connection cannot be saved, as one sentence; {@code upstream} names the
 * upstream the problem is about, when it is about one (so a view can draw it on that edge).
 */
public record EditProblem(Kind kind, String repository, Optional<String> upstream, String message) {

    /** The rules of spec/behavior.md §6 that an edit can break. */
    public enum Kind {
        TOO_MANY_UPSTREAMS, SELF_UPSTREAM, DUPLICATE_UPSTREAM, UNKNOWN_UPSTREAM, CYCLE,
        UPSTREAMS_AND_CONNECTION, UNKNOWN_CONNECTION, UNKNOWN_REPOSITORY
    }

    public EditProblem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(repository);
        Objects.requireNonNull(upstream);
        Objects.requireNonNull(message);
    }
}
