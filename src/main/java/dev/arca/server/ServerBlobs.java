package dev.arca.server;

import dev.arca.server.store.BlobBackend;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.FileBlobs;
import dev.arca.server.store.s3.S3Blobs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The blob store the configuration names — files in the data directory, or an S3 bucket — and how it is swept. */
final class ServerBlobs {

    /**
     * How old a blob in shared storage must be before the start-up sweep may remove it for want of metadata: far
     * longer than any upload takes, so a publish in flight on another instance is never touched. Blob files in the
     * data directory need none: the directory is locked, so no upload can be in flight at start.
     */
    private static final Duration SHARED_BLOB_GRACE = Duration.ofHours(1);

    private ServerBlobs() {
    }

    /** Blob files in {@code DIR/blobs}, or objects in the configured S3 bucket; staged in {@code DIR/blobs/staging}. */
    static BlobStore open(ServerConfig config, Path dataDir, List<AutoCloseable> background)
            throws ServerStartException {
        Path files = dataDir.resolve(LocalServer.BLOBS_DIR);
        BlobBackend backend;
        try {
            backend = config.blobs().isPresent() ? S3Blobs.connect(config.blobs().get()) : new FileBlobs(files);
        } catch (IOException e) {
            throw new ServerStartException(config.blobs().isPresent() ? e.getMessage()
                    : "cannot prepare the blob store in " + files + ": " + LocalServer.reason(e), e);
        }
        background.add(backend);
        try {
            return new BlobStore(backend, files.resolve("staging"));
        } catch (IOException e) {
            throw new ServerStartException("cannot prepare the blob store in " + files + ": "
                    + LocalServer.reason(e), e);
        }
    }

    /** Blobs unknown to the metadata and last written before this are removed at start. */
    static Instant sweepCutoff(ServerConfig config) {
        return Instant.now().minus(config.blobs().isPresent() ? SHARED_BLOB_GRACE : Duration.ZERO);
    }
}
