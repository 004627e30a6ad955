package dev.arca.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run: one result per change, in the order of the changes.
 *
 * @param cancelled whether the run was cancelled before it settled every change
 * @param journal   the journal that records the run, which {@link WorkflowExecutor#resume} continues
 */
public record ExecutionReport(List<VersionResult> results, boolean cancelled, Duration elapsed, int throttled,
                              Path journal) {

    public ExecutionReport {
        results = List.copyOf(results);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(journal, "journal");
    }

    public int count(VersionResult.Kind kind) {
        return (int) results.stream().filter(r -> r.kind() == kind).count();
    }

    /** Whether every change is settled (done, skipped or failed): nothing left for a resume. */
    public boolean complete() {
        return count(VersionResult.Kind.NOT_RUN) == 0;
    }

    /** Whether some change failed: what {@code arca cleanup} exits 1 for. */
    public boolean anyFailed() {
        return count(VersionResult.Kind.FAILED) > 0;
    }
}
