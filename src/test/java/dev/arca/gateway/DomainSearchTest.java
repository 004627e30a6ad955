package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.Page;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching a domain against a real local server, with throttling injected between the search and the gateway. */
class DomainSearchTest {

    private static final int REPOSITORIES = 9;

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    /** The gateway's own listing, which the throttling and counting listers below wrap. */
    private final DomainSearch.PackageLister real = (domain, repository, prefix, token) -> embedded.gateway()
            .listPackages(domain, repository, PackageFilter.namePrefix(prefix), token, 100);
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        CodeArtifactGateway gateway = embedded.gateway();
        gateway.createDomain("shop", Optional.empty());
        for (int i = 0; i < REPOSITORIES; i++) {
            gateway.createRepository("shop", "repo-" + i, Optional.empty(), List.of());
        }
        embedded.publishGeneric("shop", "repo-1", "tools", "lint-core", "1.0", new byte[] {1});
        embedded.publishGeneric("shop", "repo-4", "tools", "lint-core", "2.0", new byte[] {2});
        embedded.publishGeneric("shop", "repo-4", "tools", "lint-extra", "1.0", new byte[] {3});
        embedded.publishGeneric("shop", "repo-7", "tools", "format", "1.0", new byte[] {4});
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void findsThePackageInEveryRepositoryThatHasIt() throws Exception {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        DomainSearch.Result result = new DomainSearch(embedded.gateway())
                .search("shop", "lint", (done, total) -> progress.add(done + "/" + total));

        assertThat(result.hits()).extracting(h -> h.repository() + ":" + h.pkg().name())
                .containsExactly("repo-1:lint-core", "repo-4:lint-core", "repo-4:lint-extra");
        assertThat(result.searched()).isEqualTo(REPOSITORIES);
        assertThat(result.problems()).isEmpty();
        assertThat(progress).hasSize(REPOSITORIES).contains(REPOSITORIES + "/" + REPOSITORIES);
    }

    @Test
    void neverListsMoreRepositoriesAtOnceThanItsBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch overlap = new CountDownLatch(2);
        DomainSearch.PackageLister slow = (domain, repository, prefix, token) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                overlap.countDown();
                overlap.await(2, TimeUnit.SECONDS); // makes concurrent calls actually overlap
                return real.list(domain, repository, prefix, token);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        DomainSearch.Result result = new DomainSearch(embedded.gateway()::listRepositories, slow, 2, pauses::add)
                .search("shop", "format", (done, total) -> { });

        assertThat(result.hits()).extracting(DomainSearch.Hit::repository).containsExactly("repo-7");
        assertThat(most).hasValue(2);
    }

    @Test
    void throttledRepositoriesAreRetriedWithGrowingPauses() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        DomainSearch.PackageLister throttling = (domain, repository, prefix, token) -> {
            if (calls.computeIfAbsent(repository, r -> new AtomicInteger()).incrementAndGet() <= 3) {
                throw throttled();
            }
            return real.list(domain, repository, prefix, token);
        };

        DomainSearch.Result result = new DomainSearch(embedded.gateway()::listRepositories, throttling, 3,
                pauses::add).search("shop", "lint", (done, total) -> { });

        assertThat(result.hits()).hasSize(3);
        assertThat(result.problems()).isEmpty();
        assertThat(calls.values()).allSatisfy(count -> assertThat(count).hasValue(4));
        assertThat(pauses).hasSize(3 * REPOSITORIES)
                .allSatisfy(p -> assertThat(p).isBetween(DomainSearch.FIRST_PAUSE, DomainSearch.LONGEST_PAUSE
                        .multipliedBy(2)));
        assertThat(pauses.stream().mapToLong(Duration::toMillis).max().orElseThrow())
                .isGreaterThanOrEqualTo(DomainSearch.FIRST_PAUSE.multipliedBy(4).toMillis());
    }

    @Test
    void aRepositoryThatStaysThrottledIsReportedAndTheOthersStillAnswer() throws Exception {
        DomainSearch.PackageLister oneThrottled = (domain, repository, prefix, token) -> {
            if (repository.equals("repo-4")) {
                throw throttled();
            }
            return real.list(domain, repository, prefix, token);
        };

        DomainSearch.Result result = new DomainSearch(embedded.gateway()::listRepositories, oneThrottled, 4,
                pauses::add).search("shop", "lint", (done, total) -> { });

        assertThat(result.hits()).extracting(DomainSearch.Hit::repository).containsExactly("repo-1");
        assertThat(result.searched()).isEqualTo(REPOSITORIES - 1);
        assertThat(result.problems()).singleElement().asString().startsWith("repo-4: ").contains("throttling");
        assertThat(pauses).hasSize(DomainSearch.THROTTLE_RETRIES);
    }

    @Test
    void repositoriesWithManyMatchesAreCapped() throws Exception {
        DomainSearch.PackageLister endless = (domain, repository, prefix, token) -> {
            int from = token.map(Integer::parseInt).orElse(0);
            List<PackageInfo> page = new ArrayList<>();
            for (int i = from; i < from + 50; i++) {
                page.add(new PackageInfo("generic", "ns", prefix + i, "ALLOW", "ALLOW"));
            }
            return new Page<>(page, Optional.of(Integer.toString(from + 50)));
        };

        DomainSearch.Result result = new DomainSearch(embedded.gateway()::listRepositories, endless, 4, pauses::add)
                .search("shop", "x", (done, total) -> { });

        assertThat(result.hits()).hasSize(REPOSITORIES * DomainSearch.HITS_PER_REPOSITORY);
        assertThat(result.capped()).hasSize(REPOSITORIES);
    }

    @Test
    void aCancelledSearchStopsItsWorkers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        DomainSearch.PackageLister hanging = (domain, repository, prefix, token) -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException("interrupted", Optional.empty(), e);
            }
            return new Page<>(List.of(), Optional.empty());
        };
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread searcher = Thread.ofVirtual().start(() -> {
            try {
                new DomainSearch(embedded.gateway()::listRepositories, hanging, 2, pauses::add)
                        .search("shop", "x", (done, total) -> { });
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        searcher.interrupt();

        assertThat(searcher.join(Duration.ofSeconds(10))).isTrue();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anUnknownDomainFailsWithTheServicesSentence() {
        assertThatThrownBy(() -> new DomainSearch(embedded.gateway()).search("nope", "x", (done, total) -> { }))
                .isInstanceOf(GatewayException.class).hasMessageContaining("nope");
    }

    private static GatewayException throttled() {
        return new GatewayException("Rate exceeded.", Optional.of("ThrottlingException"), null);
    }
}
