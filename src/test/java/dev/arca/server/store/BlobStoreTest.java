package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path root;

    private final byte[] key = new byte[32];

    private BlobStore store() throws IOException {
        new Random(1).nextBytes(key);
        return new BlobStore(root);
    }

    private static byte[] bytes(int size) {
        byte[] out = new byte[size];
        new Random(size).nextBytes(out);
        return out;
    }

    private BlobStore.StagedBlob put(BlobStore store, byte[] content) throws IOException {
        BlobStore.StagedBlob staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE, key);
        store.commit(1, staged);
        return staged;
    }

    @Test
    void contentOfEverySizeAroundTheChunkBoundaryReadsBackExactly() throws Exception {
        BlobStore store = store();
        for (int size : new int[] {0, 1, BlobStore.CHUNK - 1, BlobStore.CHUNK, BlobStore.CHUNK + 1, 3 * BlobStore.CHUNK}) {
            byte[] content = bytes(size);
            BlobStore.StagedBlob staged = put(store, content);

            try (InputStream in = store.open(1, staged.sha256(), key)) {
                assertThat(in.readAllBytes()).as("size %d", size).isEqualTo(content);
            }
            assertThat(staged.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)));
            assertThat(Files.size(store.path(1, staged.sha256()))).isEqualTo(BlobStore.storedSize(size));
        }
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        BlobStore store = store();
        put(store, bytes(1000));
        put(store, bytes(1000));

        assertThat(store.list()).hasSize(1);
    }

    @Test
    void aChangedByteIsDetected() throws Exception {
        BlobStore store = store();
        BlobStore.StagedBlob staged = put(store, bytes(200_000));
        Path file = store.path(1, staged.sha256());
        byte[] raw = Files.readAllBytes(file);
        raw[raw.length / 2] ^= 1;
        Files.write(file, raw);

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(1, staged.sha256(), key)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    @Test
    void aFileCutShortAtAChunkBoundaryIsDetected() throws Exception {
        BlobStore store = store();
        BlobStore.StagedBlob staged = put(store, bytes(3 * BlobStore.CHUNK));
        Path file = store.path(1, staged.sha256());
        byte[] raw = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(raw, raw.length - (BlobStore.CHUNK + 16)));

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(1, staged.sha256(), key)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void anotherDomainsKeyCannotReadTheBlob() throws Exception {
        BlobStore store = store();
        BlobStore.StagedBlob staged = put(store, bytes(10));

        assertThatThrownBy(() -> store.open(1, staged.sha256(), new byte[32])).isInstanceOf(IOException.class);
    }

    @Test
    void contentOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        BlobStore store = store();

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(bytes(1001)), 1000, key))
                .isInstanceOf(BlobStore.TooLargeException.class);
        try (var files = Files.list(root.resolve("staging"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void stagedFilesLeftByACrashAreRemovedOnOpen() throws Exception {
        BlobStore store = store();
        Files.writeString(root.resolve("staging").resolve("blob123.tmp"), "half an upload");

        new BlobStore(root);

        try (var files = Files.list(root.resolve("staging"))) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(store.list()).isEmpty();
    }
}
