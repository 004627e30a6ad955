package dev.arca.workflow;

import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.VersionWriteOutcome;
import dev.arca.core.retention.RetentionAction;
import dev.arca.gateway.PackageVersionWrites;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, on resume, a version whose batch was started but has no recorded outcome, by what the service holds now:
 * already as the action leaves it → DONE; still as planned → send again (PENDING); changed by someone else →
 * FAILED with the code the service would have answered. The rule is spelled out on {@link WorkflowExecutor}.
 */
final class InterruptedBatchCheck {

    private final PackageVersionWrites writes;
    private final String domain;
    private final String repository;

    InterruptedBatchCheck(PackageVersionWrites writes, String domain, String repository) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** The outcome to journal for change {@code index} of an interrupted batch. */
    RunJournal.Outcome decide(int index, VersionChange change) {
        if (change.action() instanceof RetentionAction.Copy copy) {
            boolean landed = writes.current(domain, copy.repository(), change.pkg(), change.version()).isPresent();
            return new RunJournal.Outcome(index, landed ? RunJournal.State.DONE : RunJournal.State.PENDING, "", "");
        }
        Optional<VersionInfo> now = writes.current(domain, repository, change.pkg(), change.version());
        String planned = change.plannedStatus().wireName();
        if (now.isEmpty()) {
            return change.action() instanceof RetentionAction.Delete
                    ? new RunJournal.Outcome(index, RunJournal.State.DONE, "", "")
                    : new RunJournal.Outcome(index, RunJournal.State.FAILED, VersionWriteOutcome.NOT_FOUND,
                    "Could not find version " + change.version());
        }
        VersionInfo current = now.get();
        boolean sameRevision = change.plannedRevision().isEmpty()
                || change.plannedRevision().equals(current.revision());
        boolean untouched = current.status().equals(planned)
                && (sameRevision || change.action() instanceof RetentionAction.Delete);
        Optional<String> result = switch (change.action()) {
            case RetentionAction.SetStatus set -> Optional.of(set.target().wireName());
            case RetentionAction.Dispose dispose -> Optional.of(VersionStatus.DISPOSED.wireName());
            default -> Optional.empty();
        };
        if (untouched) {
            return new RunJournal.Outcome(index, RunJournal.State.PENDING, "", "");
        }
        if (result.isPresent() && result.get().equals(current.status())) {
            return new RunJournal.Outcome(index, RunJournal.State.DONE, "", "");
        }
        if (!current.status().equals(planned)) {
            return new RunJournal.Outcome(index, RunJournal.State.FAILED, VersionWriteOutcome.MISMATCHED_STATUS,
                    "current status: " + current.status() + ", expected status: " + planned);
        }
        return new RunJournal.Outcome(index, RunJournal.State.FAILED, VersionWriteOutcome.MISMATCHED_REVISION,
                "current revision: " + current.revision() + ", expected revision: " + change.plannedRevision());
    }
}
