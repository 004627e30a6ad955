package dev.arca.workflow;

/**
 * How far a run is, for a progress bar, a rate and an ETA.
 *
 * @param done              changes with a result (done, skipped or failed), of {@code total}
 * @param failed            of {@code done}, those that failed
 * @param versionsPerSecond versions this run has settled per second since it started
 * @param throttled         requests the service throttled so far (each waited for and sent again)
 */
public record ExecutionProgress(int done, int total, int failed, double versionsPerSecond, int throttled) {

    /** Told of progress after each batch, on the executor's worker threads (a GUI hops to its own thread). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = progress -> { };

        void progress(ExecutionProgress progress);
    }

    /** Between 0 and 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
