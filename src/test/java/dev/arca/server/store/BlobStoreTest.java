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

/** What the blob store does before a backend sees the bytes: staging, hashing, limits and keys. */
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
    void contentOfEverySizeAroundTheChunkBoundaryReadsBackExactlyAndIsHashed() throws Exception {
        BlobStore store = store();
        for (int size : new int[] {0, 1, BlobStore.CHUNK - 1, BlobStore.CHUNK, BlobStore.CHUNK + 1, 3 * BlobStore.CHUNK}) {
            byte[] content = bytes(size);
            BlobStore.StagedBlob staged = put(store, content);

            try (InputStream in = store.open(1, staged.sha256(), key)) {
                assertThat(in.readAllBytes()).as("size %d", size).isEqualTo(content);
            }
            assertThat(staged.size()).isEqualTo(size);
            assertThat(staged.sha256()).isEqualTo(hex("SHA-256", content));
            assertThat(staged.sha512()).isEqualTo(hex("SHA-512", content));
            assertThat(staged.sha1()).isEqualTo(hex("SHA-1", content));
            assertThat(staged.md5()).isEqualTo(hex("MD5", content));
        }
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
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

    @Test
    void aSmallBlobIsReadFromItsFileOnceThenFromMemoryAndOnlyWithItsDomainKey() throws Exception {
        BlobStore store = store();
        byte[] content = bytes(3000);
        BlobStore.StagedBlob staged = put(store, content);
        try (InputStream first = store.open(1, staged.sha256(), content.length, key)) {
            assertThat(first.readAllBytes()).isEqualTo(content);
        }
        Path file = onlyBlobFile();
        Files.write(file, new byte[] {1, 2, 3}); // the file no longer holds the blob: only memory can answer now

        try (InputStream again = store.open(1, staged.sha256(), content.length, key)) {
            assertThat(again.readAllBytes()).isEqualTo(content);
        }
        assertThatThrownBy(() -> store.open(1, staged.sha256(), content.length, new byte[32]))
                .as("kept bytes are not handed to another key").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.open(1, staged.sha256(), key)).as("the streaming open reads the file")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aDeletedSmallBlobIsForgottenAndALargeOneIsNeverKept() throws Exception {
        BlobStore store = store();
        byte[] small = bytes(100);
        BlobStore.StagedBlob stagedSmall = put(store, small);
        store.open(1, stagedSmall.sha256(), small.length, key).close();
        store.delete(1, stagedSmall.sha256());
        assertThatThrownBy(() -> store.open(1, stagedSmall.sha256(), small.length, key))
                .isInstanceOf(IOException.class);

        byte[] large = bytes(BlobStore.SMALL + 1);
        BlobStore.StagedBlob stagedLarge = put(store, large);
        store.open(1, stagedLarge.sha256(), large.length, key).close();
        Files.write(onlyBlobFile(), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> store.open(1, stagedLarge.sha256(), large.length, key).readAllBytes())
                .as("read from its file again").isInstanceOf(IOException.class);
    }

    private Path onlyBlobFile() throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("staging")))
                    .reduce((a, b) -> {
                        throw new AssertionError("more than one blob file: " + a + ", " + b);
                    }).orElseThrow();
        }
    }
}
