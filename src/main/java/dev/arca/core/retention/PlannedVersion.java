package dev.arca.core.retention;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a plan: a version, what the plan does to it and why.
 *
 * @param action     empty when the version is kept
 * @param bytesFreed the bytes disposing or deleting it frees; 0 when kept, for other actions and when size is unknown
 */
public record PlannedVersion(PackageRef pkg, CandidateVersion version, Optional<RetentionAction> action,
                             PlanReason reason, long bytesFreed) {

    public PlannedVersion {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    public ActionKind kind() {
        return action.map(RetentionAction::kind).orElse(ActionKind.KEEP);
    }

    /** The dry run's line: {@code maven com.example:lib  1.0-20240101.120000-3  delete  selected by rule 1 …}. */
    public String describe() {
        return pkg.display() + "  " + version.version() + "  " + kind().ruleName() + "  " + reason.text();
    }
}
