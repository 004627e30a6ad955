package dev.arca.workflow;

import java.time.Duration;
import java.util.Optional;

/**
 * Spaces the requests of one operation: at most its rate per second when it has one, and after a throttled request
 * nobody sends before the service's {@code Retry-After} has passed. Throttling also halves the rate (or, for an
 * operation without one, spaces requests at least 100 ms apart) and each success wins back a little, so a run
 * that shares the quota with other clients settles below it instead of being throttled over and over.
 */
final class RatePacer {

    private static final long FLOOR_NANOS = 100_000_000L;
    private static final long SLOWEST_NANOS = 2_000_000_000L;

    private final long baseInterval;
    private long interval;
    private long next = System.nanoTime();
    private long slowedUntil = next;

    /** @param perSecond the most requests per second; empty for no limit of its own */
    RatePacer(Optional<Integer> perSecond) {
        this.baseInterval = perSecond.map(rate -> 1_000_000_000L / rate).orElse(0L);
        this.interval = baseInterval;
    }

    /**
     * Waits for this operation's next slot.
     *
     * @return false when the run was cancelled while waiting (the slot is then not used)
     */
    boolean acquire(Cancellation cancellation) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = next - now > 0 ? next : now;
            next = slot + interval;
        }
        return !cancellation.awaitCancel(Duration.ofNanos(slot - System.nanoTime()));
    }

    /**
     * The service throttled a request: nobody sends before {@code retryAfter}, and the pace slows — once per
     * {@code retryAfter}, as requests sent together are throttled together for the same excess.
     */
    synchronized void throttled(Duration retryAfter) {
        long now = System.nanoTime();
        long resume = now + retryAfter.toNanos();
        if (resume - next > 0) {
            next = resume;
        }
        if (now - slowedUntil >= 0) {
            interval = Math.min(SLOWEST_NANOS, Math.max(FLOOR_NANOS, interval * 2));
            slowedUntil = resume;
        }
    }

    /** A request went through: the pace recovers by a tenth towards the configured rate. */
    synchronized void succeeded() {
        if (interval > baseInterval) {
            long faster = interval - Math.max(1, interval / 10);
            interval = faster < FLOOR_NANOS && baseInterval < FLOOR_NANOS ? baseInterval : Math.max(baseInterval, faster);
        }
    }
}
