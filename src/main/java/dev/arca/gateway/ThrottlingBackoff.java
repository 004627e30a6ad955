package dev.arca.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries a gateway call the service throttled after an exponential, jittered pause — on top of the SDK's own
 * retries, for work that makes many calls at once (a domain search, a graph load, a trace) — and gives up with a
 * sentence saying so.
 */
public final class ThrottlingBackoff {

    /** Waits between throttled attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int RETRIES = 5;
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);
    private static final String THROTTLED = "ThrottlingException";

    private final Pause pause;

    public ThrottlingBackoff(Pause pause) {
        this.pause = Objects.requireNonNull(pause);
    }

    /** Sleeps for real. */
    public static ThrottlingBackoff sleeping() {
        return new ThrottlingBackoff(duration -> Thread.sleep(duration));
    }

    /**
     * Runs {@code call}, again after a pause while the service throttles it.
     *
     * @throws GatewayException the call's own failure, or one saying the service kept throttling
     */
    public <T> T call(Supplier<T> call) throws InterruptedException {
        Duration wait = FIRST_PAUSE;
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (GatewayException e) {
                if (e.errorCode().filter(THROTTLED::equals).isEmpty()) {
                    throw e;
                }
                if (attempt == RETRIES) {
                    throw new GatewayException("the service kept throttling the requests; try again later.",
                            e.errorCode(), e);
                }
                long jitter = ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1);
                pause.sleep(wait.plusMillis(jitter));
                wait = wait.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait.multipliedBy(2);
            }
        }
    }
}
