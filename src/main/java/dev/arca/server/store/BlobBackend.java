package dev.arca.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a {@link BlobStore} keeps sealed blobs: the bytes exactly as encrypted, addressed by domain and the SHA-256 of
 * the plaintext. Backends never see plaintext or keys; {@link FileBlobs} keeps them in the data directory,
 * {@code s3.S3Blobs} in S3-compatible object storage.
 */
public interface BlobBackend extends AutoCloseable {

    /**
     * Puts the sealed file in place as the blob {@code sha256} of the domain, unless that blob is already there
     * (content-addressed: what is there is the same plaintext). Readers see the whole blob or none of it. The file
     * may be moved away or left for the caller to delete.
     */
    void put(long domainId, String sha256, Path sealed) throws IOException;

    /**
     * Puts the sealed file in place ahead of the write that records it, outside the store's write lock, when that
     * costs the lock nothing later: the file is left where it is, so {@link #put} under the lock finds the blob there
     * (or, should collection have removed it meanwhile, puts it again). Backends whose {@code put} moves the file
     * (the data directory) do nothing here. A blob placed ahead for a write that then fails stays unrecorded until
     * the start-up reconciliation removes it.
     */
    default void putAhead(long domainId, String sha256, Path sealed) throws IOException {
    }

    boolean exists(long domainId, String sha256) throws IOException;

    /** The sealed bytes, streamed; {@link java.nio.file.NoSuchFileException} when there is no such blob. */
    InputStream open(long domainId, String sha256) throws IOException;

    /** Removes the blob; nothing happens when it is not there. */
    void delete(long domainId, String sha256) throws IOException;

    /** Every blob kept. */
    default List<BlobStore.StoredBlob> list() throws IOException {
        return listWrittenBefore(Instant.MAX);
    }

    /**
     * Every blob whose bytes were last written before {@code cutoff} (the file's modification time, the object's
     * LastModified), for reconciling with the metadata after a crash without touching uploads still in flight.
     */
    List<BlobStore.StoredBlob> listWrittenBefore(Instant cutoff) throws IOException;

    @Override
    default void close() {
    }

    /** The lowercase hex digest a blob is named by; anything else never reaches a path or an object key. */
    Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static String checkedSha256(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256;
    }
}
