package dev.arca.server.quota;

import dev.arca.core.RequestRates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CodeArtifact's request-rate quotas ({@link RequestRates}) as token buckets: what {@code arca server
 * --emulate-quotas} enforces so that throttling and the clients' retries can be tested end to end. Control-plane
 * operations are metered per calling account, package-endpoint requests per authorization token or, without one,
 * per client IP address. {@link #off()} admits everything without looking.
 *
 * <p>Each bucket holds one second of its rate (a burst of {@code rate} requests passes at once) and refills
 * continuously at {@code rate} per second, so a steady client at the documented rate is never refused.
 */
public final class RequestQuotas {

    /** A time source in nanoseconds; tests drive one by hand. */
    @FunctionalInterface
    public interface Ticker {
        Ticker SYSTEM = System::nanoTime;

        long nanos();

        /**
         * {@code clock}'s time in nanoseconds since the epoch. The server meters on its own clock so that tests
         * running it on a fixed or moved clock decide refills too; a wall clock stepped back costs at most one
         * second's quota (a bucket is never further ahead than one burst).
         */
        static Ticker of(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            return () -> {
                Instant now = clock.instant();
                return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
            };
        }
    }

    /** Beyond this many buckets, full ones (the same as absent) are dropped so the map stays small. */
    private static final int TIDY_ABOVE = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final boolean enabled;
    private final Ticker ticker;
    /**
     * Per bucket, the time its next request may be admitted at the earliest and still leave a full one-second burst
     * after it ("theoretical arrival time" of the generic cell rate algorithm, a token bucket in one number).
     */
    private final ConcurrentHashMap<Bucket, Long> buckets = new ConcurrentHashMap<>();

    /** When the map may be tidied next: at most once a second, so a crowd of clients costs no scan per request. */
    private final AtomicLong nextTidy;

    private RequestQuotas(boolean enabled, Ticker ticker) {
        this.enabled = enabled;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.nextTidy = new AtomicLong(ticker.nanos());
    }

    /** No quotas: every request is admitted and nothing is counted. */
    public static RequestQuotas off() {
        return new RequestQuotas(false, Ticker.SYSTEM);
    }

    /** CodeArtifact's documented rates, measured on {@code ticker}. */
    public static RequestQuotas codeArtifact(Ticker ticker) {
        return new RequestQuotas(true, ticker);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Counts one request of control-plane {@code operation} by {@code accountId}: empty when it is admitted, the
     * refusal when it would exceed the operation's rate (the request is then not counted).
     */
    public Optional<Refusal> admitOperation(String operation, String accountId) {
        if (!enabled) {
            return Optional.empty();
        }
        OptionalInt documented = RequestRates.perOperation(operation);
        if (documented.isEmpty()) {
            return Optional.empty();
        }
        int rate = documented.getAsInt();
        return take(new Bucket(operation, Objects.requireNonNull(accountId, "accountId")), rate)
                .map(retryIn -> new Refusal(operation, rate, "account", retryIn));
    }

    /**
     * Counts one package-endpoint request (npm, PyPI, Maven): against its authorization token's bucket when it
     * carries one, else against its client address's. Empty when admitted, the refusal otherwise.
     */
    public Optional<Refusal> admitPackageRequest(Optional<String> token, String clientAddress) {
        if (!enabled) {
            return Optional.empty();
        }
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (token.isPresent()) {
            return take(new Bucket("token", token.get()), RequestRates.PER_TOKEN)
                    .map(retryIn -> new Refusal("requests with one authorization token", RequestRates.PER_TOKEN,
                            "token", retryIn));
        }
        // Maven and Gradle send their first request for each file without credentials and retry after the 401
        // challenge: those count here.
        return take(new Bucket("unauthenticated", clientAddress), RequestRates.WITHOUT_TOKEN_PER_IP)
                .map(retryIn -> new Refusal("requests without an authorization token",
                        RequestRates.WITHOUT_TOKEN_PER_IP, "IP address", retryIn));
    }

    private Optional<Duration> take(Bucket bucket, int rate) {
        long now = ticker.nanos();
        long interval = NANOS_PER_SECOND / rate;
        long burst = interval * rate;
        long[] refusedFor = {0};
        buckets.compute(bucket, (key, earliest) -> {
            // Differences, not comparisons, so the arithmetic survives nanoTime wrapping around. A bucket further
            // ahead than one burst can only come from a clock stepped back: it is clamped, not refused for the step.
            long from = earliest == null || earliest - now < 0 ? now
                    : earliest - now > burst ? now + burst : earliest;
            long next = from + interval;
            if (next - now > burst) {
                refusedFor[0] = next - burst - now;
                return from;
            }
            return next;
        });
        long tidy = nextTidy.get();
        if (buckets.size() > TIDY_ABOVE && tidy - now <= 0 && nextTidy.compareAndSet(tidy, now + NANOS_PER_SECOND)) {
            buckets.values().removeIf(earliest -> earliest - now <= 0);
        }
        return refusedFor[0] > 0 ? Optional.of(Duration.ofNanos(refusedFor[0])) : Optional.empty();
    }

    /** How many buckets are held: for tests that clients who come and go are forgotten. */
    int bucketCount() {
        return buckets.size();
    }

    private record Bucket(String quota, String subject) {
    }

    /**
     * A request refused for its quota.
     *
     * @param quota         what is limited: an operation's name, or the package-endpoint requests counted
     * @param ratePerSecond its rate
     * @param meteredPer    what each bucket belongs to: "account", "token" or "IP address"
     * @param retryIn       how long until the bucket admits a request again
     */
    public record Refusal(String quota, int ratePerSecond, String meteredPer, Duration retryIn) {

        public Refusal {
            Objects.requireNonNull(quota, "quota");
            Objects.requireNonNull(meteredPer, "meteredPer");
            Objects.requireNonNull(retryIn, "retryIn");
        }

        /** {@code retryIn} in whole seconds, rounded up and at least 1: what {@code Retry-After} carries. */
        public long retryAfterSeconds() {
            long seconds = retryIn.toSeconds() + (retryIn.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }

        /** The sentence a throttled client reads. */
        public String message() {
            return "Rate exceeded for " + quota + ": at most " + ratePerSecond + " requests per second per "
                    + meteredPer + "; retry after " + retryAfterSeconds() + " s";
        }
    }
}
