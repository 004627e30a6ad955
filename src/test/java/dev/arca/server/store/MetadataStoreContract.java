package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetadataStore} backend promises the services, run against each backend by a subclass:
 * transactions that commit whole or not at all, the schema's constraints, keyset paging in code-point order,
 * writers that do not lose each other's updates, and a change clock that moves exactly when what a read finds may
 * have changed.
 */
public abstract class MetadataStoreContract {

    private static final String OWNER = "111122223333";
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/k";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    protected MetadataStore store;
    private DomainRow domain;
    private RepositoryRow repository;

    /** A new, empty store of the backend under test, its schema migrated. */
    protected abstract MetadataStore openEmptyStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
        domain = store.write(tx -> tx.domains().insert(OWNER, "acme", KEY, T0));
        repository = store.write(tx -> tx.repositories().insert(domain.id(), "team", OWNER, Optional.empty(), T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    // Transactions

    @Test
    void aWriteThatFailsLeavesNothingBehindAndRunsNoAfterCommitAction() {
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> store.write(tx -> {
            PackageRow pkg = tx.packages().insert(repository.id(), "npm", "", "left-pad", "ALLOW", "BLOCK");
            version(tx, pkg, "1.0.0", VersionStatus.PUBLISHED, T0);
            tx.settings().put("marker", bytes("x"));
            tx.afterCommit(() -> ran.set(true));
            throw new IllegalStateException("the service changed its mind");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the service changed its mind");

        assertThat(store.read((Transaction tx) -> tx.packages().find(repository.id(), "npm", "", "left-pad")))
                .isEmpty();
        assertThat(store.read((Transaction tx) -> tx.settings().get("marker"))).isEmpty();
        assertThat(ran).isFalse();
    }

    @Test
    void afterCommitActionsRunOnceTheWriteIsVisibleToOtherTransactions() {
        AtomicReference<Optional<byte[]>> seen = new AtomicReference<>();
        store.write(tx -> {
            tx.settings().put("marker", bytes("committed"));
            tx.afterCommit(() -> seen.set(readOnAnotherThread(() -> store.read(r -> r.settings().get("marker")))));
            return null;
        });
        assertThat(seen.get()).hasValueSatisfying(v -> assertThat(text(v)).isEqualTo("committed"));
    }

    @Test
    void aTransactionSeesItsOwnWritesAndOthersSeeThemOnlyAfterCommit() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<byte[]>> duringWrite = other.submit(() -> {
                written.await(10, TimeUnit.SECONDS);
                try {
                    return store.read(tx -> tx.settings().get("marker"));
                } finally {
                    checked.countDown();
                }
            });
            store.write(tx -> {
                tx.settings().put("marker", bytes("v1"));
                assertThat(tx.settings().get("marker")).map(MetadataStoreContract::text).contains("v1");
                // A nested read or write joins the open transaction.
                assertThat(store.read((Transaction inner) -> inner.settings().get("marker")))
                        .map(MetadataStoreContract::text)
                        .contains("v1");
                written.countDown();
                await(checked);
                return null;
            });
            assertThat(duringWrite.get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(store.read((Transaction tx) -> tx.settings().get("marker")))
                    .map(MetadataStoreContract::text).contains("v1");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void concurrentWritersDoNotLoseEachOthersUpdates() throws Exception {
        int threads = 4;
        int increments = 25;
        store.write(tx -> {
            tx.settings().put("counter", bytes("0"));
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        store.write(tx -> {
                            int n = Integer.parseInt(text(tx.settings().get("counter").orElseThrow()));
                            tx.settings().put("counter", bytes(Integer.toString(n + 1)));
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read((Transaction tx) -> tx.settings().get("counter"))).map(MetadataStoreContract::text)
                .contains(Integer.toString(threads * increments));
    }

    // Constraints

    @Test
    void namesAreUniqueWhereTheServiceSaysSoAndAViolationChangesNothing() {
        assertThatThrownBy(() -> store.write(tx -> tx.domains().insert(OWNER, "acme", KEY, T0)))
                .isInstanceOf(StoreException.class);
        assertThat(store.write((Transaction tx) -> tx.domains().insert("444455556666", "acme", KEY, T0)).owner())
                .isEqualTo("444455556666");
        assertThatThrownBy(() -> store.write(tx -> tx.repositories().insert(domain.id(), "team", OWNER,
                Optional.empty(), T0))).isInstanceOf(StoreException.class);
        PackageRow pkg = store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "a", "ALLOW", "BLOCK"));
        assertThatThrownBy(() -> store.write(tx -> {
            version(tx, pkg, "1.0.0", VersionStatus.PUBLISHED, T0);
            return version(tx, pkg, "1.0.0", VersionStatus.UNLISTED, T0);
        })).isInstanceOf(StoreException.class);
        assertThat(store.read((Transaction tx) -> tx.versions().count(pkg.id()))).isZero();
        assertThat(store.read((Transaction tx) -> tx.domains().count(OWNER))).isEqualTo(1);
    }

    @Test
    void anAssetNeedsItsBlobAndDeletingAPackageTakesItsVersionsAssetsAndTagsWithIt() {
        PackageRow pkg = store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "a", "ALLOW", "BLOCK"));
        VersionRow version = store.write(tx -> version(tx, pkg, "1.0.0", VersionStatus.PUBLISHED, T0));
        BlobRow blob = blob("aa");
        assertThatThrownBy(() -> store.write(tx -> {
            tx.assets().insert(version.id(), "a-1.0.0.tgz", blob);
            return null;
        })).isInstanceOf(StoreException.class);

        store.write(tx -> {
            tx.assets().insertBlob(blob, T0);
            tx.assets().insert(version.id(), "a-1.0.0.tgz", blob);
            tx.packages().putTag(pkg.id(), "latest", "1.0.0");
            return null;
        });
        assertThat(store.read((Transaction tx) -> tx.assets().unreferencedBlobs(10))).isEmpty();
        store.write(tx -> {
            tx.packages().delete(pkg.id());
            return null;
        });
        assertThat(store.read((Transaction tx) -> tx.versions().find(pkg.id(), "1.0.0"))).isEmpty();
        assertThat(store.read((Transaction tx) -> tx.assets().count(version.id()))).isZero();
        assertThat(store.read((Transaction tx) -> tx.packages().tags(pkg.id()))).isEmpty();
        assertThat(store.read((Transaction tx) -> tx.assets().unreferencedBlobs(10))).containsExactly(blob);
        assertThat(store.read((Transaction tx) -> tx.assets().domainBytes(domain.id()))).isEqualTo(blob.size());
    }

    @Test
    void aDeletedUpstreamStaysInTheListByNameAndLeavesTheGraph() {
        RepositoryRow shared = store.write(tx -> tx.repositories().insert(domain.id(), "shared", OWNER,
                Optional.of("shared"), T0));
        RepositoryRow store2 = store.write(tx -> tx.repositories().insert(domain.id(), "store", OWNER,
                Optional.empty(), T0));
        store.write(tx -> {
            tx.repositories().replaceUpstreams(repository.id(), List.of(shared.id(), store2.id()));
            tx.repositories().setExternalConnection(store2.id(), Optional.of("public:npmjs"));
            return null;
        });
        store.write(tx -> {
            tx.repositories().delete(shared.id());
            return null;
        });
        assertThat(store.read((Transaction tx) -> tx.repositories().upstreamNames(repository.id())))
                .containsExactly("shared",
                "store");
        assertThat(store.read((Transaction tx) -> tx.repositories().upstreams(repository.id())))
                .containsExactly(store2.id());
        assertThat(store.read((Transaction tx) -> tx.repositories().upstreamGraph(domain.id())))
                .containsOnlyKeys(repository.id());
        assertThat(store.read((Transaction tx) -> tx.repositories().externalConnection(store2.id())))
                .contains("public:npmjs");
    }

    // Values

    @Test
    void valuesReadBackAsWrittenWithTimesToTheMillisecond() {
        VersionMetadata metadata = new VersionMetadata(Optional.of("Left pad"), Optional.of("pads — ünïcödé ✓"),
                Optional.empty(), Optional.of("https://git.example/left-pad"), Optional.of("[\"MIT\"]"),
                Optional.of("# read me\n"), Optional.of("{\"name\":\"left-pad\"}"));
        PackageRow pkg = store.write(tx -> tx.packages().insert(repository.id(), "npm", "@scope", "left-pad",
                "BLOCK", "ALLOW"));
        VersionRow written = store.write(tx -> tx.versions().insert(pkg.id(), "1.0.0-beta.1",
                VersionStatus.UNFINISHED, "rev-1", T0, "EXTERNAL", Optional.empty(), Optional.of("public:npmjs"),
                metadata));
        VersionRow read = store.read(tx -> tx.versions().find(pkg.id(), "1.0.0-beta.1")).orElseThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.publishedTime()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(read.metadata()).isEqualTo(metadata);
        assertThat(store.read((Transaction tx) -> tx.domains().find(OWNER, "acme"))).contains(domain);
        byte[] secret = {0, 1, 2, (byte) 0xff, 0};
        store.write(tx -> {
            tx.settings().put("secret", secret);
            return null;
        });
        assertThat(store.read((Transaction tx) -> tx.settings().get("secret"))).hasValueSatisfying(v -> assertThat(v)
                .containsExactly(secret));
    }

    // Paging

    @Test
    void domainsAndRepositoriesPageByNameInCodePointOrder() {
        List<String> names = List.of("b-dom", "B", "a.dom", "a-dom", "a_dom", "aB", "ab", "z9");
        store.write(tx -> {
            names.forEach(n -> tx.domains().insert("999988887777", n, KEY, T0));
            names.forEach(n -> tx.repositories().insert(domain.id(), n, "999988887777", Optional.empty(), T0));
            return null;
        });
        List<String> sorted = names.stream().sorted().toList(); // String order is code-point order here
        assertThat(pages(after -> store.read(tx -> tx.domains().list("999988887777", after, 3)
                .stream().map(DomainRow::name).toList()))).containsExactlyElementsOf(sorted);
        assertThat(pages(after -> store.read(tx -> tx.repositories().listInDomain(domain.id(), Optional.empty(),
                Optional.of("999988887777"), after, 3).stream().map(RepositoryRow::name).toList())))
                .containsExactlyElementsOf(sorted);
        assertThat(store.read((Transaction tx) ->
                tx.repositories().listInDomain(domain.id(), Optional.of("a"), Optional.empty(),
                Optional.empty(), 100)).stream().map(RepositoryRow::name))
                .containsExactly("a-dom", "a.dom", "aB", "a_dom", "ab");
    }

    @Test
    void packagesPageByFormatNamespaceAndNameWithPrefixFilters() {
        List<String[]> coordinates = List.of(new String[] {"npm", "", "zeta"}, new String[] {"npm", "@a", "x"},
                new String[] {"npm", "@a", "X"}, new String[] {"maven", "org.acme", "core"},
                new String[] {"maven", "org.acme.util", "core"}, new String[] {"npm", "", "Alpha"},
                new String[] {"pypi", "", "requests"}, new String[] {"npm", "@ab", "y"});
        store.write(tx -> {
            coordinates.forEach(c -> tx.packages().insert(repository.id(), c[0], c[1], c[2], "ALLOW", "ALLOW"));
            return null;
        });
        List<String> all = pages(after -> store.read(tx -> tx.packages().list(repository.id(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), after, 3)
                .stream().map(MetadataStoreContract::key).toList()));
        assertThat(all).containsExactly("maven org.acme core", "maven org.acme.util core", "npm  Alpha",
                "npm  zeta", "npm @a X", "npm @a x", "npm @ab y", "pypi  requests");
        assertThat(store.read((Transaction tx) ->
                tx.packages().list(repository.id(), Optional.of("npm"), Optional.of("@a"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100))
                .stream().map(MetadataStoreContract::key)).containsExactly("npm @a X", "npm @a x", "npm @ab y");
        assertThat(store.read((Transaction tx) ->
                tx.packages().list(repository.id(), Optional.of("npm"), Optional.empty(),
                Optional.of("z"), Optional.empty(), Optional.empty(), Optional.empty(), 100))
                .stream().map(MetadataStoreContract::key)).containsExactly("npm  zeta");
    }

    @Test
    void versionsPageByVersionOrNewestFirstWithTiesByVersion() {
        PackageRow pkg = store.write(tx -> tx.packages().insert(repository.id(), "generic", "tools", "cli", "ALLOW",
                "BLOCK"));
        String[][] versions = {{"1.0.0", "0"}, {"1.10.0", "5"}, {"1.2.0", "5"}, {"2.0.0", "5"}, {"0.9.0", "9"},
                {"1.0.1", "3"}};
        store.write(tx -> {
            for (String[] v : versions) {
                version(tx, pkg, v[0], v[0].startsWith("0") ? VersionStatus.ARCHIVED : VersionStatus.PUBLISHED,
                        T0.plusSeconds(Long.parseLong(v[1])));
            }
            return null;
        });
        assertThat(pages(after -> store.read(tx -> tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(),
                false, after, 2).stream().map(VersionRow::version).toList())))
                .containsExactly("0.9.0", "1.0.0", "1.0.1", "1.10.0", "1.2.0", "2.0.0");
        List<String> newest = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<VersionRow> page = store.read(tx -> tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(),
                    true, from, 2));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(v -> newest.add(v.version()));
            VersionRow last = page.getLast();
            after = Optional.of(last.publishedTime().toEpochMilli() + "\u0000" + last.version());
        }
        assertThat(newest).containsExactly("0.9.0", "1.10.0", "1.2.0", "2.0.0", "1.0.1", "1.0.0");
        assertThat(store.read((Transaction tx) ->
                tx.versions().list(pkg.id(), Optional.of(VersionStatus.ARCHIVED), Optional.empty(), false,
                Optional.empty(), 10)).stream().map(VersionRow::version)).containsExactly("0.9.0");
        assertThat(store.read((Transaction tx) -> tx.versions().latest(pkg.id(), List.of(VersionStatus.PUBLISHED))))
                .map(VersionRow::version).contains("2.0.0");
    }

    @Test
    void eventsAreNumberedInTheOrderTheyWereAppended() {
        List<Long> seqs = store.write(tx -> List.of(tx.events().append(T0, "acme", "team", "{\"n\":1}"),
                tx.events().append(T0, "acme", "other", "{\"n\":2}"),
                tx.events().append(T0, "acme", "team", "{\"n\":3}")));
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(store.read((Transaction tx) ->
                tx.events().after(seqs.getFirst(), Optional.of("acme"), Optional.of("team"), 10))
                .stream().map(Records.EventRow::body)).containsExactly("{\"n\":3}");
        assertThat(store.read((Transaction tx) -> tx.events().after(0, Optional.empty(), Optional.empty(), 2)))
                .hasSize(2);
    }

    // Change stamps

    @Test
    void aPackageWriteMovesThatPackagesStampOnlyAndAStructureWriteMovesEveryStamp() {
        PackageRow left = store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "left", "ALLOW",
                "BLOCK"));
        long leftBefore = store.changeStamp("npm", "", "left");
        long rightBefore = store.changeStamp("npm", "", "right");
        long structureBefore = store.structureStamp();
        store.write(tx -> version(tx, left, "1.0.0", VersionStatus.PUBLISHED, T0));
        assertThat(store.changeStamp("npm", "", "left")).isGreaterThan(leftBefore);
        assertThat(store.changeStamp("npm", "", "right")).isEqualTo(rightBefore);
        assertThat(store.structureStamp()).isEqualTo(structureBefore);

        long leftNow = store.changeStamp("npm", "", "left");
        assertThatThrownBy(() -> store.write(tx -> {
            version(tx, left, "2.0.0", VersionStatus.PUBLISHED, T0);
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.changeStamp("npm", "", "left")).isEqualTo(leftNow);

        store.write(tx -> {
            tx.repositories().updateDescription(repository.id(), Optional.of("changed"));
            return null;
        });
        assertThat(store.structureStamp()).isGreaterThan(structureBefore);
        assertThat(store.changeStamp("npm", "", "right")).isGreaterThan(rightBefore);
        assertThat(store.changeStamp("npm", "", "left")).isGreaterThan(leftNow);
    }

    // Helpers

    /** Every page of a keyset listing, continuing after the last item of each. */
    private static List<String> pages(java.util.function.Function<Optional<String>, List<String>> page) {
        List<String> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<String> next = page.apply(after);
            if (next.isEmpty()) {
                return all;
            }
            all.addAll(next);
            String last = next.getLast();
            after = Optional.of(last.replace(' ', '\u0000'));
        }
    }

    private static VersionRow version(Transaction tx, PackageRow pkg, String version, VersionStatus status,
                                      Instant published) {
        return tx.versions().insert(pkg.id(), version, status, "r-" + version, published, "INTERNAL",
                Optional.empty(), Optional.empty(), VersionMetadata.NONE);
    }

    private static String key(PackageRow p) {
        return p.format() + " " + p.namespace() + " " + p.name();
    }

    private BlobRow blob(String seed) {
        return new BlobRow(domain.id(), seed.repeat(32), 1234, seed.repeat(16), seed.repeat(20), seed.repeat(64));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static <T> T readOnAnotherThread(java.util.concurrent.Callable<T> read) {
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            return other.submit(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
