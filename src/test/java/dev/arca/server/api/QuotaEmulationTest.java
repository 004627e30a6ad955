package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arca.server.ServerConfig;
import dev.arca.server.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CopyPackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;

/**
 * {@code --emulate-quotas} through the AWS SDK: a burst beyond an operation's documented rate is a real
 * ThrottlingException the SDK's default retries ride out, and without the flag nothing is ever throttled. The server
 * runs on a stopped clock unless a test needs the buckets to refill, so what is admitted does not depend on how fast
 * this machine sends requests.
 */
class QuotaEmulationTest extends ServerFixture {

    private static final String DOMAIN = "quotas";

    private boolean emulateQuotas = true;
    private Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @Override
    protected ServerConfig config() {
        return super.config().withQuotaEmulation(emulateQuotas);
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @BeforeEach
    void aVersionToCopy() {
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("dev"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("prod"));
        codeartifact.publishPackageVersion(r -> r.domain(DOMAIN).repository("dev").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool").packageVersion("1.0").assetName("tool.bin")
                .assetSHA256("4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a"),
                RequestBody.fromBytes(new byte[] {1}));
    }

    private static CopyPackageVersionsResponse copy(CodeartifactClient client) {
        return client.copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository("dev")
                .destinationRepository("prod").format(PackageFormat.GENERIC).namespace("ns").packageValue("tool")
                .versions("1.0").allowOverwrite(true));
    }

    /** The outcome of each of {@code requests} copies sent back to back: null when it succeeded. */
    private List<ThrottlingException> burstOfCopies(CodeartifactClient client, int requests) {
        List<ThrottlingException> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            outcomes.add(catchThrowableOfType(ThrottlingException.class, () -> copy(client)));
        }
        return outcomes;
    }

    @Test
    void aBurstOfCopiesBeyondFivePerSecondIsThrottledWithRetryAfter() {
        List<ThrottlingException> outcomes = burstOfCopies(codeartifact, 12);

        assertThat(outcomes.subList(0, 5)).containsOnlyNulls();
        assertThat(outcomes.subList(5, 12)).doesNotContainNull();
        ThrottlingException throttled = outcomes.get(5);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(throttled.retryAfterSeconds()).isEqualTo(1);
        assertThat(throttled.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")).contains("1");
        assertThat(throttled.awsErrorDetails().errorMessage()).contains("CopyPackageVersions", "5 requests per second");
    }

    @Test
    void theSdksDefaultRetriesCarryEveryRequestOfTheBurstThrough() throws Exception {
        clock = Clock.systemUTC();
        restart();
        AtomicInteger attempts = new AtomicInteger();
        try (CodeartifactClient retrying = CodeartifactClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.credentials().accessKeyId(), server.credentials().secretAccessKey())))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context,
                                                   ExecutionAttributes executionAttributes) {
                        attempts.incrementAndGet();
                    }
                }))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build()) {

            List<ThrottlingException> outcomes = burstOfCopies(retrying, 12);

            assertThat(outcomes).containsOnlyNulls();
            assertThat(attempts.get()).as("attempts, retries of throttled requests included").isGreaterThan(12);
        }
        assertThat(codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository("prod")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("1.0"))
                .packageVersion().status()).isEqualTo(PackageVersionStatus.PUBLISHED);
    }

    @Test
    void tokenRequestsAreAdmittedAtFortyPerSecondAndNoMore() throws Exception {
        long admitted = 0;
        for (ThrottlingException outcome : inParallel(60, () -> catchThrowableOfType(ThrottlingException.class,
                () -> codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN))))) {
            admitted += outcome == null ? 1 : 0;
        }

        assertThat(admitted).isEqualTo(40);
    }

    private static <T> List<T> inParallel(int times, Callable<T> call) throws Exception {
        List<T> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<T> outcome : threads.invokeAll(Collections.nCopies(times, call))) {
                outcomes.add(outcome.get());
            }
        }
        return outcomes;
    }

    @Test
    void packageRequestsAreMeteredAtSixHundredPerSecondPerAddressWithoutATokenAndEightHundredPerToken()
            throws Exception {
        URI ping = URI.create(codeartifact.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository("dev")
                .format(PackageFormat.NPM)).repositoryEndpoint() + "-/ping");
        List<HttpResponse<Void>> outcomes;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            outcomes = inParallel(700, () -> http.send(HttpRequest.newBuilder(ping).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }

        List<HttpResponse<Void>> throttled = new ArrayList<>();
        for (HttpResponse<Void> response : outcomes) {
            assertThat(response.statusCode()).isIn(401, 429);
            if (response.statusCode() == 429) {
                throttled.add(response);
            }
        }
        assertThat(throttled).hasSize(100);
        assertThat(throttled.getFirst().headers().firstValue("Retry-After")).contains("1");
        assertThat(throttled.getFirst().headers().firstValue("x-amzn-ErrorType")).contains("ThrottlingException");

        String token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
        List<Integer> statuses;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            statuses = inParallel(810, () -> http.send(HttpRequest.newBuilder(ping)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        }
        assertThat(statuses).containsOnly(200, 429).filteredOn(status -> status == 200).hasSize(800);
    }

    @Test
    void operationsTheQuotaTableDoesNotListAreNotThrottled() {
        for (int i = 0; i < 30; i++) {
            PackageVersionStatus target = i % 2 == 0 ? PackageVersionStatus.UNLISTED : PackageVersionStatus.PUBLISHED;
            assertThat(codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("dev")
                    .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").versions("1.0")
                    .targetStatus(target)).successfulVersions()).containsKey("1.0");
        }
    }

    @Test
    void withoutEmulationTheSameBurstIsNeverThrottled() throws Exception {
        emulateQuotas = false;
        restart();

        assertThat(burstOfCopies(codeartifact, 30)).containsOnlyNulls();
        for (int i = 0; i < 60; i++) {
            codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN));
        }
    }
}
