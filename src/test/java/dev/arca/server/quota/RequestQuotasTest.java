package dev.arca.server.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The token buckets behind {@code --emulate-quotas}, on a clock the test moves by hand. */
class RequestQuotasTest {

    private static final String ACCOUNT = "111122223333";
    private static final String OTHER_ACCOUNT = "444455556666";

    /** Starts near the top of nanoTime's range, so a wrap-around is part of every test. */
    private long now = Long.MAX_VALUE - Duration.ofMillis(500).toNanos();
    private final RequestQuotas quotas = RequestQuotas.codeArtifact(() -> now);

    private void advance(Duration by) {
        now += by.toNanos();
    }

    private long admitted(String operation, String account, int requests) {
        return IntStream.range(0, requests).filter(i -> quotas.admitOperation(operation, account).isEmpty()).count();
    }

    @Test
    void aBurstOfOneSecondsRateIsAdmittedAndTheNextRequestRefused() {
        assertThat(admitted("CopyPackageVersions", ACCOUNT, 5)).isEqualTo(5);
        assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isPresent();
        assertThat(admitted("GetAuthorizationToken", ACCOUNT, 41)).isEqualTo(40);
        assertThat(admitted("ListPackages", ACCOUNT, 250)).isEqualTo(200);
    }

    @Test
    void eachOperationHasItsOwnBucket() {
        admitted("CopyPackageVersions", ACCOUNT, 5);

        assertThat(quotas.admitOperation("ListPackageVersions", ACCOUNT)).isEmpty();
    }

    @Test
    void operationsTheTableDoesNotListAreNeverRefused() {
        assertThat(admitted("UpdatePackageVersionsStatus", ACCOUNT, 10_000)).isEqualTo(10_000);
        assertThat(admitted("DescribeDomain", ACCOUNT, 10_000)).isEqualTo(10_000);
    }

    @Test
    void theBucketRefillsAtTheRateContinuously() {
        admitted("CopyPackageVersions", ACCOUNT, 5);

        advance(Duration.ofMillis(199));
        assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isPresent();
        advance(Duration.ofMillis(1));
        assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isEmpty();
        assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isPresent();
        advance(Duration.ofMillis(400));
        assertThat(admitted("CopyPackageVersions", ACCOUNT, 5)).isEqualTo(2);
    }

    @Test
    void aSteadyClientAtTheRateIsNeverRefused() {
        for (int i = 0; i < 100; i++) {
            assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isEmpty();
            advance(Duration.ofMillis(200));
        }
    }

    @Test
    void anIdleBucketRefillsToOneSecondOfBurstAndNoMore() {
        admitted("CopyPackageVersions", ACCOUNT, 5);

        advance(Duration.ofMinutes(10));

        assertThat(admitted("CopyPackageVersions", ACCOUNT, 10)).isEqualTo(5);
    }

    @Test
    void refusedRequestsAreNotCounted() {
        admitted("CopyPackageVersions", ACCOUNT, 5);
        admitted("CopyPackageVersions", ACCOUNT, 1_000);

        advance(Duration.ofMillis(200));

        assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isEmpty();
    }

    @Test
    void aClockSteppedBackCostsAtMostOneSecondsQuota() {
        admitted("CopyPackageVersions", ACCOUNT, 5);

        advance(Duration.ofHours(-1));
        assertThat(admitted("CopyPackageVersions", ACCOUNT, 5)).isZero();
        advance(Duration.ofSeconds(1));

        assertThat(admitted("CopyPackageVersions", ACCOUNT, 10)).isEqualTo(5);
    }

    @Test
    void theServersTickerIsItsClocksTimeInNanoseconds() {
        java.time.Instant at = java.time.Instant.parse("2026-12-05T07:30:00.123456789Z");

        long nanos = RequestQuotas.Ticker.of(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC)).nanos();

        assertThat(nanos).isEqualTo(at.getEpochSecond() * 1_000_000_000L + 123_456_789);
    }

    @Test
    void eachAccountHasItsOwnBuckets() {
        admitted("CopyPackageVersions", ACCOUNT, 5);

        assertThat(admitted("CopyPackageVersions", OTHER_ACCOUNT, 5)).isEqualTo(5);
        assertThat(quotas.admitOperation("CopyPackageVersions", ACCOUNT)).isPresent();
    }

    @Test
    void aRefusalSaysWhenTheBucketAdmitsAgain() {
        admitted("CopyPackageVersions", ACCOUNT, 5);
        advance(Duration.ofMillis(50));

        RequestQuotas.Refusal refusal = quotas.admitOperation("CopyPackageVersions", ACCOUNT).orElseThrow();

        assertThat(refusal.retryIn()).isEqualTo(Duration.ofMillis(150));
        assertThat(refusal.retryAfterSeconds()).isEqualTo(1);
        assertThat(refusal.message()).isEqualTo("Rate exceeded for CopyPackageVersions: at most 5 requests per"
                + " second per account; retry after 1 s");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(refusal(Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(refusal(Duration.ofMillis(1000)).retryAfterSeconds()).isEqualTo(1);
        assertThat(refusal(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(refusal(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    private long admittedPackageRequests(Optional<String> token, String address, int requests) {
        return IntStream.range(0, requests).filter(i -> quotas.admitPackageRequest(token, address).isEmpty()).count();
    }

    @Test
    void packageRequestsWithATokenAreMeteredAtEightHundredPerSecondPerToken() {
        assertThat(admittedPackageRequests(Optional.of("token-a"), "10.0.0.1", 900)).isEqualTo(800);
        assertThat(admittedPackageRequests(Optional.of("token-b"), "10.0.0.1", 900)).isEqualTo(800);

        RequestQuotas.Refusal refusal = quotas.admitPackageRequest(Optional.of("token-a"), "10.0.0.2").orElseThrow();
        assertThat(refusal.meteredPer()).isEqualTo("token");
        assertThat(refusal.retryIn()).isEqualTo(Duration.ofNanos(1_250_000));
        advance(Duration.ofMillis(10));
        assertThat(admittedPackageRequests(Optional.of("token-a"), "10.0.0.1", 100)).isEqualTo(8);
    }

    @Test
    void packageRequestsWithoutATokenAreMeteredAtSixHundredPerSecondPerAddress() {
        assertThat(admittedPackageRequests(Optional.empty(), "10.0.0.1", 700)).isEqualTo(600);
        assertThat(admittedPackageRequests(Optional.empty(), "10.0.0.2", 700)).isEqualTo(600);

        assertThat(quotas.admitPackageRequest(Optional.empty(), "10.0.0.1").orElseThrow().message())
                .isEqualTo("Rate exceeded for requests without an authorization token: at most 600 requests per"
                        + " second per IP address; retry after 1 s");
        assertThat(quotas.admitPackageRequest(Optional.of("token-a"), "10.0.0.1")).isEmpty();
    }

    @Test
    void manyClientsComeAndGoWithoutTheirBucketsAccumulating() {
        for (int i = 0; i < 50_000; i++) {
            assertThat(quotas.admitPackageRequest(Optional.empty(), "10.0." + (i / 256) + "." + (i % 256))).isEmpty();
            advance(Duration.ofNanos(100_000));
        }

        assertThat(quotas.bucketCount()).isLessThan(25_000);
        assertThat(admittedPackageRequests(Optional.empty(), "10.0.0.0", 700)).isEqualTo(600);
    }

    @Test
    void offAdmitsEverything() {
        RequestQuotas off = RequestQuotas.off();

        assertThat(off.enabled()).isFalse();
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> off.admitOperation("CopyPackageVersions", ACCOUNT))
                .filter(Optional::isPresent)).isEmpty();
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> off.admitPackageRequest(Optional.empty(), "10.0.0.1"))
                .filter(Optional::isPresent)).isEmpty();
    }

    private static RequestQuotas.Refusal refusal(Duration retryIn) {
        return new RequestQuotas.Refusal("CopyPackageVersions", 5, "account", retryIn);
    }
}
