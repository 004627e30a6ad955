package dev.arca.core.retention;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a plan does what it does to a version: the rule that kept or selected it, or the guard or status that held
 * it back, in a sentence for the plan table and the dry run's output.
 *
 * @param rulePriority the deciding rule, empty when no rule matched the version or it was chosen by hand
 */
public record PlanReason(Kind kind, Optional<Integer> rulePriority, String text) {

    /** The kinds of reasons, for filtering a plan. */
    public enum Kind {
        /** No rule's filters match the version. */
        NO_RULE,
        /** A rule matched and kept it: among the newest N, or not old enough. */
        KEPT_BY_RULE,
        /** A rule matched and selected it; the plan acts on it. */
        SELECTED_BY_RULE,
        /** Picked by hand (a multi-select on the Packages page); the plan acts on it. */
        CHOSEN,
        /** Selected, but it is the package's latest release. */
        GUARD_LATEST_RELEASE,
        /** Selected, but it is the package's default display version. */
        GUARD_DEFAULT_DISPLAY_VERSION,
        /** Selected, but another repository gets it from this one through its upstreams. */
        GUARD_SERVED_DOWNSTREAM,
        /** Selected, but its status makes the action pointless or impossible (already Unlisted, Disposed…). */
        STATUS
    }

    public PlanReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rulePriority, "rulePriority");
        Objects.requireNonNull(text, "text");
    }
}
