package dev.arca.workflow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a run to stop, from any thread: requests in flight finish and are recorded, nothing more is sent, and what
 * was not sent is reported as not run.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Cancellation> children = new CopyOnWriteArrayList<>();

    public void cancel() {
        cancelled.countDown();
        children.forEach(Cancellation::cancel);
    }

    /** A cancellation that this one cancels too, and that can also be cancelled alone (a run stopping itself). */
    Cancellation child() {
        Cancellation child = new Cancellation();
        children.add(child);
        if (isCancelled()) {
            child.cancel();
        }
        return child;
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits {@code duration} unless cancelled first; true when cancelled. */
    boolean awaitCancel(Duration duration) throws InterruptedException {
        return duration.isPositive() ? cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS) : isCancelled();
    }
}
