package dev.arca.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.store.IamStore;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.MetadataStoreContract;
import dev.arca.server.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The metadata store contract on a real PostgreSQL 15, a new database per test, plus what only a shared database
 * asks: several instances migrating and writing at once.
 */
class PostgresMetadataStoreTest extends MetadataStoreContract {

    private PostgresServer server;
    private String database;

    @Override
    protected MetadataStore openEmptyStore() {
        server = PostgresServer.shared();
        database = server.createDatabase();
        return openInstance();
    }

    private PostgresMetadataStore openInstance() {
        return PostgresMetadataStore.open(server.url(database), Optional.of(PostgresServer.USER),
                Optional.of(PostgresServer.PASSWORD));
    }

    @Test
    void instancesStartingAtOnceMigrateAnEmptyDatabaseOnce() throws Exception {
        database = server.createDatabase();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService starters = Executors.newFixedThreadPool(3)) {
            List<Future<PostgresMetadataStore>> instances = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                instances.add(starters.submit(() -> {
                    go.await();
                    return openInstance();
                }));
            }
            go.countDown();
            for (Future<PostgresMetadataStore> instance : instances) {
                instance.get(30, TimeUnit.SECONDS).close();
            }
        }
        assertThat(server.query(database, "SELECT version FROM schema_migration ORDER BY version"))
                .hasSize(SchemaMigrations.latest()).last().isEqualTo(String.valueOf(SchemaMigrations.latest()));
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefusedAndLeftAlone() {
        server.execute(database, "INSERT INTO schema_migration VALUES (99, 'V99__future.sql', 0)");

        assertThatThrownBy(this::openInstance).isInstanceOf(StoreException.class)
                .hasMessage("the metadata database has schema version 99, newer than this Arca understands ("
                        + SchemaMigrations.latest() + ")");
        assertThat(server.query(database, "SELECT count(*) FROM domain")).containsExactly("1");
    }

    @Test
    void writersOfTwoInstancesTakeTurnsWithoutLosingUpdates() throws Exception {
        store.write(tx -> {
            tx.settings().put("counter", bytes("0"));
            return null;
        });
        try (PostgresMetadataStore other = openInstance(); ExecutorService writers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (MetadataStore instance : List.of(store, other, store, other)) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        instance.write(tx -> {
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
        }
        assertThat(store.read(tx -> tx.settings().get("counter")).map(PostgresMetadataStoreTest::text)).contains("80");
    }

    @Test
    void anotherInstanceWritesOnlyOnceTheAfterCommitActionsHaveRun() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch afterCommitRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (PostgresMetadataStore other = openInstance(); ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> store.write(tx -> {
                tx.settings().put("marker", bytes("first"));
                tx.afterCommit(() -> {
                    afterCommitRunning.countDown();
                    await(release);
                    order.add("first's after-commit action");
                });
                return null;
            }));
            await(afterCommitRunning);
            Future<?> second = threads.submit(() -> other.write(tx -> {
                order.add("second write saw " + text(tx.settings().get("marker").orElseThrow()));
                return null;
            }));
            try {
                Thread.sleep(500);
                assertThat(order).as("the other instance waits for the after-commit action").isEmpty();
            } finally {
                release.countDown();
            }
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("first's after-commit action", "second write saw first");
    }

    @Test
    void aWriteStartedByAnAfterCommitActionDoesNotWaitForItsOwnLock() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
        try {
            thread.submit(() -> store.write(tx -> {
                tx.afterCommit(() -> store.write(inner -> {
                    inner.settings().put("marker", bytes("written after commit"));
                    return null;
                }));
                return null;
            })).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // Cancel the wait, so that the outer write ends and closing the store does not wait for it forever.
            server.query(database, "SELECT pg_cancel_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND NOT granted");
            throw new AssertionError("the after-commit action's write waited for the lock its own thread holds", e);
        } finally {
            thread.shutdownNow();
        }
        assertThat(store.read(tx -> tx.settings().get("marker")).map(PostgresMetadataStoreTest::text))
                .contains("written after commit");
    }

    @Test
    void anotherInstanceSeesEveryStampMoveOnceItCatchesUp() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        RepositoryRow repository = store.write(tx -> {
            long domain = tx.domains().insert("444455556666", "shared", "arn:aws:kms:us-east-1:444455556666:key/k",
                    now).id();
            return tx.repositories().insert(domain, "libs", "444455556666", Optional.empty(), now);
        });
        PackageRow left = store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "left", "ALLOW", "BLOCK"));
        try (PostgresMetadataStore other = openInstance();
             PostgresMetadataStore third = openInstance()) {
            SqlIamStore otherIam = SqlIamStore.on(other);
            long leftBefore = other.changeStamp("npm", "", "left");
            long rightBefore = other.changeStamp("npm", "", "right");
            long structureBefore = other.structureStamp();
            long iamBefore = otherIam.changeStamp();

            store.write(tx -> tx.versions().insert(left.id(), "1.0.0", VersionStatus.PUBLISHED, "r1", now,
                    "INTERNAL", Optional.empty(), Optional.empty(), new VersionMetadata(Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty())));
            assertThat(other.changeStamp("npm", "", "left")).as("not caught up yet").isEqualTo(leftBefore);
            other.catchUp();
            assertThat(other.changeStamp("npm", "", "left")).isGreaterThan(leftBefore);
            assertThat(other.changeStamp("npm", "", "right")).isEqualTo(rightBefore);
            assertThat(other.structureStamp()).isEqualTo(structureBefore);
            assertThat(otherIam.changeStamp()).isEqualTo(iamBefore);

            long leftNow = other.changeStamp("npm", "", "left");
            SqlIamStore.on(third).createUser(new IamStore.UserRow("AIDAEXAMPLE", "444455556666", "ci", "/", now));
            other.catchUp();
            assertThat(otherIam.changeStamp()).isGreaterThan(iamBefore);
            assertThat(other.changeStamp("npm", "", "left")).isEqualTo(leftNow);

            third.write(tx -> {
                tx.repositories().updateDescription(repository.id(), Optional.of("changed"));
                return null;
            });
            other.catchUp();
            assertThat(other.structureStamp()).isGreaterThan(structureBefore);
            assertThat(other.changeStamp("npm", "", "right")).isGreaterThan(rightBefore);
            assertThat(other.changeStamp("npm", "", "left")).isGreaterThan(leftNow);
        }
    }

    @Test
    void everySqliteMigrationHasItsPostgresqlTwinAndNoMore() throws Exception {
        for (String folder : List.of(SchemaMigrations.SQLITE, SchemaMigrations.POSTGRESQL)) {
            Path dir = Path.of(SchemaMigrations.class.getResource(folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                        .as(folder).containsExactlyInAnyOrderElementsOf(SchemaMigrations.NAMES);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
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
