package dev.arca.ui.policies;

import dev.arca.core.policy.LineDiff;
import dev.arca.core.policy.PolicyFormatter;
import dev.arca.core.policy.StoredPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A save refused because someone changed the policy after the edit started: the three texts (the base the edit
 * started from, theirs as stored now, mine), normalized, and the two diffs that explain them.
 *
 * @param theirs the policy as stored now; empty when they deleted it
 */
public record PolicyConflict(Optional<StoredPolicy> theirs, String base, String theirsText, String mine) {

    public PolicyConflict {
        Objects.requireNonNull(theirs, "theirs");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(theirsText, "theirsText");
        Objects.requireNonNull(mine, "mine");
    }

    static PolicyConflict of(Optional<StoredPolicy> base, Optional<StoredPolicy> theirs, String mine) {
        return new PolicyConflict(theirs, normal(base), normal(theirs), PolicyFormatter.formatOrKeep(mine));
    }

    /** What they changed: from the base the edit started from to their version. */
    public List<LineDiff.Row> theirChanges() {
        return LineDiff.between(base, theirsText);
    }

    /** What saving mine after a rebase would change: from their version to mine. */
    public List<LineDiff.Row> mineAgainstTheirs() {
        return LineDiff.between(theirsText, mine);
    }

    /** One sentence for the conflict dialog. */
    public String describe() {
        return theirs.map(t -> "Someone saved revision " + t.revision() + " of this policy after you started editing.")
                .orElse("Someone deleted this policy after you started editing.");
    }

    private static String normal(Optional<StoredPolicy> policy) {
        return policy.map(p -> PolicyFormatter.formatOrKeep(p.document())).orElse("");
    }
}
