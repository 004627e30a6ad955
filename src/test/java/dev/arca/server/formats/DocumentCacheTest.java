package dev.arca.server.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.sql.SqliteMetadataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger renders = new AtomicInteger();
    private SqliteMetadataStore store;
    private RepositoryRow repository;
    private final PackageRef left = new PackageRef(PackageFormat.NPM, "", "left");
    private final PackageRef right = new PackageRef(PackageFormat.NPM, "", "right");

    @BeforeEach
    void open() {
        store = SqliteMetadataStore.open(dir.resolve("metadata.db"));
        repository = store.write(tx -> tx.repositories().insert(tx.domains().insert("123456789012", "acme",
                "arn:aws:kms:us-east-1:123456789012:key/k", NOW).id(), "team", "123456789012", Optional.empty(), NOW));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DocumentCache cache(long maxBytes) {
        return new DocumentCache(store, maxBytes, Duration.ofSeconds(30), nanos::get);
    }

    private DocumentCache.Cached get(DocumentCache cache, PackageRef ref, String variant, boolean external) {
        return cache.get(repository, ref, variant, () -> DocumentCache.Rendered.text("text/plain",
                ref.name() + " " + variant + " #" + renders.incrementAndGet(), external));
    }

    private static String text(DocumentCache.Cached cached) {
        return new String(cached.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aDocumentIsRenderedOnceUntilItsPackageChanges() {
        DocumentCache cache = cache(1 << 20);
        DocumentCache.Cached first = get(cache, left, "full", false);
        assertThat(get(cache, left, "full", false)).isSameAs(first);
        assertThat(text(get(cache, left, "abbreviated", false))).isEqualTo("left abbreviated #2");
        assertThat(text(get(cache, right, "full", false))).isEqualTo("right full #3");
        assertThat(renders).hasValue(3);

        store.write(tx -> tx.packages().insert(repository.id(), "npm", "", "left", "ALLOW", "BLOCK"));
        DocumentCache.Cached changed = get(cache, left, "full", false);
        assertThat(text(changed)).isEqualTo("left full #4");
        assertThat(changed.etag()).isNotEqualTo(first.etag()).matches("[0-9a-f]{32}");
        assertThat(get(cache, right, "full", false).body()).as("another package's document stays")
                .asString(StandardCharsets.UTF_8).isEqualTo("right full #3");

        store.write(tx -> {
            tx.repositories().replaceUpstreams(repository.id(), java.util.List.of());
            return null;
        });
        assertThat(text(get(cache, right, "full", false))).as("a change around every package").endsWith("#5");
    }

    @Test
    void aDocumentShowingAPublicRegistrysAnswerLivesOnlySoLong() {
        DocumentCache cache = cache(1 << 20);
        DocumentCache.Cached first = get(cache, left, "full", true);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(get(cache, left, "full", true)).isSameAs(first);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(text(get(cache, left, "full", true))).endsWith("#2");
    }

    @Test
    void aFailedRenderingIsThrownAndNothingIsKept() {
        DocumentCache cache = cache(1 << 20);
        assertThatThrownBy(() -> cache.get(repository, left, "full", () -> {
            throw new IllegalStateException("no such package");
        })).hasMessage("no such package");
        assertThat(text(get(cache, left, "full", false))).endsWith("#1");
        assertThat(cache.weight()).isPositive();
    }

    @Test
    void theLeastRecentlyUsedDocumentsGoWhenTheBudgetIsSpent() {
        DocumentCache cache = cache(4_000);
        for (int i = 0; i < 40; i++) {
            nanos.incrementAndGet();
            get(cache, left, "variant-" + i, false);
            nanos.incrementAndGet();
            get(cache, right, "kept", false);
            assertThat(cache.weight()).isLessThanOrEqualTo(4_000);
        }
        assertThat(renders.get()).as("the document used all along stayed").isEqualTo(41);
        int before = renders.get();
        get(cache, left, "variant-0", false);
        assertThat(renders.get()).as("the oldest one went").isEqualTo(before + 1);
    }
}
