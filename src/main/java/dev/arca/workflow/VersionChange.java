package dev.arca.workflow;

import dev.arca.core.VersionStatus;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionPlan;
import java.util.List;
import java.util.Objects;

/**
 * One version to change and how, with what the plan saw of it: its status (sent as {@code expectedStatus}) and
 * revision (sent in {@code versionRevisions}), so a version changed since planning is reported, never overridden.
 */
public record VersionChange(PackageRef pkg, String version, VersionStatus plannedStatus, String plannedRevision,
                            RetentionAction action) {

    public VersionChange {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(plannedStatus, "plannedStatus");
        Objects.requireNonNull(plannedRevision, "plannedRevision");
        Objects.requireNonNull(action, "action");
    }

    /** The changes of a plan (every version it does not keep), in plan order. */
    public static List<VersionChange> of(RetentionPlan plan) {
        return plan.changes().stream().map(VersionChange::of).toList();
    }

    /** The change a plan line asks for; the line must not be a KEEP. */
    public static VersionChange of(PlannedVersion line) {
        RetentionAction action = line.action().orElseThrow(() ->
                new IllegalArgumentException(line.describe() + " keeps the version: nothing to execute"));
        return new VersionChange(line.pkg(), line.version().version(), line.version().status(),
                line.version().revision(), action);
    }

    /** {@code maven com.example:lib 1.0 unlist}, for messages. */
    public String describe() {
        return pkg.display() + " " + version + " " + action.kind().ruleName();
    }
}
