package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobBackend} promises the {@link BlobStore}, run against each backend by a subclass: content of
 * any size reads back exactly, the same content is kept once, altered or cut-short blobs fail to read, deletes are
 * seen, listings show exactly what was committed however many pages they take, and racing commits of the same content
 * leave one readable blob.
 */
public abstract class BlobBackendContract {

    /** Above two parts of S3's smallest part size (5 MiB), so backends with parts upload three. */
    protected static final int MULTIPART_SIZE = 11 << 20;

    @TempDir
    protected Path dir;

    protected BlobBackend backend;
    protected BlobStore store;
    protected final byte[] key = new byte[32];

    /**
     * A new, empty backend of the kind under test. One that uploads in parts should use parts of 5 MiB, and one that
     * lists in pages should use pages of at most three keys, so the suite crosses both.
     */
    protected abstract BlobBackend openEmptyBackend() throws Exception;

    @BeforeEach
    void open() throws Exception {
        new Random(1).nextBytes(key);
        backend = openEmptyBackend();
        store = new BlobStore(backend, dir.resolve("staging"));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    protected static byte[] bytes(int size) {
        byte[] out = new byte[size];
        new Random(size).nextBytes(out);
        return out;
    }

    protected String commit(long domainId, byte[] content) throws IOException {
        try (BlobStore.StagedBlob staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE, key)) {
            store.commit(domainId, staged);
            return staged.sha256();
        }
    }

    protected byte[] read(long domainId, String sha256) throws IOException {
        try (InputStream in = store.open(domainId, sha256, key)) {
            return in.readAllBytes();
        }
    }

    /** Replaces the kept sealed bytes with {@code change} of them, through the backend alone. */
    private void alterSealed(long domainId, String sha256, UnaryOperator<byte[]> change) throws IOException {
        byte[] sealed;
        try (InputStream in = backend.open(domainId, sha256)) {
            sealed = in.readAllBytes();
        }
        Path altered = Files.write(dir.resolve("altered"), change.apply(sealed));
        backend.delete(domainId, sha256);
        backend.put(domainId, sha256, altered);
    }

    @Test
    void aBlobPlacedAheadIsCommittedOnceAndPutAgainIfCollectedMeanwhile() throws Exception {
        byte[] content = bytes(5000);
        try (BlobStore.StagedBlob staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE, key)) {
            store.commitAhead(1, staged);
            store.commit(1, staged);
            assertThat(read(1, staged.sha256())).isEqualTo(content);
            assertThat(backend.list()).hasSize(1);
        }
        try (BlobStore.StagedBlob staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE, key)) {
            store.commitAhead(2, staged);
            backend.delete(2, staged.sha256()); // collection removed it between the upload and the write

            store.commit(2, staged);

            assertThat(read(2, staged.sha256())).isEqualTo(content);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1000, BlobStore.CHUNK, 3 * BlobStore.CHUNK + 17, MULTIPART_SIZE})
    void contentReadsBackByteExact(int size) throws Exception {
        byte[] content = bytes(size);

        String sha256 = commit(1, content);

        assertThat(store.exists(1, sha256)).isTrue();
        assertThat(read(1, sha256)).isEqualTo(content);
    }

    @Test
    void theBackendKeepsOnlySealedBytes() throws Exception {
        byte[] content = "plain words that must not reach storage as they are. ".repeat(2000).getBytes();

        String sha256 = commit(1, content);

        byte[] sealed;
        try (InputStream in = backend.open(1, sha256)) {
            sealed = in.readAllBytes();
        }
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("plain words");
        assertThat(sealed.length).isEqualTo(BlobCipher.storedSize(content.length));
    }

    @Test
    void identicalContentCommittedTwiceIsStoredOnce() throws Exception {
        byte[] content = bytes(150_000);

        String first = commit(1, content);
        String second = commit(1, content);

        assertThat(second).isEqualTo(first);
        assertThat(store.list()).containsExactly(new BlobStore.StoredBlob(1, first));
        assertThat(read(1, first)).isEqualTo(content);
    }

    @Test
    void aListingBeforeACutoffLeavesOutWhatWasWrittenSince() throws Exception {
        Instant before = Instant.now().minusSeconds(3_600);
        String sha256 = commit(2, bytes(1_000));

        assertThat(store.listWrittenBefore(before)).isEmpty();
        assertThat(store.listWrittenBefore(Instant.now().plusSeconds(60)))
                .containsExactly(new BlobStore.StoredBlob(2, sha256));
    }

    @Test
    void aChangedByteFailsTheRead() throws Exception {
        String sha256 = commit(1, bytes(200_000));
        alterSealed(1, sha256, sealed -> {
            sealed[sealed.length / 2] ^= 1;
            return sealed;
        });

        assertThatThrownBy(() -> read(1, sha256)).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    @Test
    void aBlobCutShortAtAChunkBoundaryFailsTheRead() throws Exception {
        String sha256 = commit(1, bytes(3 * BlobStore.CHUNK));
        alterSealed(1, sha256, sealed -> Arrays.copyOf(sealed, sealed.length - (BlobStore.CHUNK + 16)));

        assertThatThrownBy(() -> read(1, sha256)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1000, BlobStore.CHUNK, BlobReader.BATCH * BlobStore.CHUNK,
            BlobReader.BATCH * BlobStore.CHUNK + 1, 9 * BlobStore.CHUNK + 90})
    void contentStreamedWholeBatchesAtATimeReadsBackByteExact(int size) throws Exception {
        byte[] content = bytes(size);
        String sha256 = commit(1, content);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = store.open(1, sha256, key)) {
            assertThat(in.transferTo(out)).isEqualTo(size);
        }

        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void aChangedByteInALaterChunkFailsTheStreamBeforeThatChunkIsHandedOn() throws Exception {
        int size = 3 * BlobReader.BATCH * BlobStore.CHUNK;
        byte[] content = bytes(size);
        String sha256 = commit(1, content);
        alterSealed(1, sha256, sealed -> {
            sealed[sealed.length - BlobStore.CHUNK / 2] ^= 1; // in the last chunk
            return sealed;
        });

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = store.open(1, sha256, key)) {
            assertThatThrownBy(() -> in.transferTo(out)).isInstanceOf(IOException.class)
                    .hasMessageContaining("damaged");
        }

        assertThat(out.size()).isLessThan(size - BlobStore.CHUNK);
        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(content, out.size()));
    }

    @ParameterizedTest(name = "cut {0} bytes short")
    @ValueSource(ints = {1, 16, 17, 1000, BlobStore.CHUNK + 16, 2 * (BlobStore.CHUNK + 16)})
    void aBlobCutShortAnywhereFailsTheStream(int cut) throws Exception {
        String sha256 = commit(1, bytes(2 * BlobReader.BATCH * BlobStore.CHUNK + 5));
        alterSealed(1, sha256, sealed -> Arrays.copyOf(sealed, sealed.length - cut));

        try (InputStream in = store.open(1, sha256, key)) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBlobCutShortInItsHeaderCannotBeOpened() throws Exception {
        String sha256 = commit(1, bytes(10));
        alterSealed(1, sha256, sealed -> Arrays.copyOf(sealed, 40));

        assertThatThrownBy(() -> store.open(1, sha256, key)).isInstanceOf(IOException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void readersClosedEarlyLeaveNothingBehindForTheNextReaders() throws Exception {
        byte[] first = bytes(5 * BlobStore.CHUNK);
        byte[] second = bytes(2 * BlobStore.CHUNK + 3);
        String firstSha = commit(1, first);
        String secondSha = commit(1, second);

        for (int i = 0; i < 40; i++) { // more than the pool holds, abandoned part-way
            InputStream in = store.open(1, firstSha, key);
            assertThat(in.readNBytes(100)).isEqualTo(Arrays.copyOf(first, 100));
            in.close();
            in.close();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        }

        assertThat(read(1, secondSha)).isEqualTo(second);
        assertThat(read(1, firstSha)).isEqualTo(first);
    }

    @Test
    void aDeletedBlobIsGoneAndCannotBeOpened() throws Exception {
        String sha256 = commit(1, bytes(5000));

        store.delete(1, sha256);

        assertThat(store.exists(1, sha256)).isFalse();
        assertThatThrownBy(() -> read(1, sha256)).isInstanceOf(IOException.class);
        assertThat(store.list()).isEmpty();
        store.delete(1, sha256);
    }

    @Test
    void aBlobBelongsToItsDomain() throws Exception {
        String sha256 = commit(1, bytes(700));

        assertThat(store.exists(2, sha256)).isFalse();
        assertThatThrownBy(() -> read(2, sha256)).isInstanceOf(IOException.class);
    }

    @Test
    void listSeesExactlyWhatWasCommittedAcrossPages() throws Exception {
        Set<BlobStore.StoredBlob> expected = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            long domain = 1 + i % 2;
            expected.add(new BlobStore.StoredBlob(domain, commit(domain, bytes(100 + i))));
        }
        String deleted = commit(2, bytes(99));
        store.delete(2, deleted);
        BlobStore.StagedBlob uncommitted = store.stage(new ByteArrayInputStream(bytes(98)), 1000, key);
        try {
            assertThat(store.list()).hasSize(8).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            uncommitted.close();
        }
    }

    @Test
    void concurrentCommitsOfTheSameContentLeaveOneReadableBlob() throws Exception {
        byte[] content = bytes(300_000);
        int writers = 6;
        List<BlobStore.StagedBlob> staged = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            staged.add(store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE, key));
        }
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> commits = new ArrayList<>();
            for (BlobStore.StagedBlob blob : staged) {
                commits.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    store.commit(3, blob);
                    return null;
                }));
            }
            for (Future<?> commit : commits) {
                commit.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            for (BlobStore.StagedBlob blob : staged) {
                blob.close();
            }
        }

        String sha256 = staged.getFirst().sha256();
        assertThat(store.list()).containsExactly(new BlobStore.StoredBlob(3, sha256));
        assertThat(read(3, sha256)).isEqualTo(content);
    }
}
