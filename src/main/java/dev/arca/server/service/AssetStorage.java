package dev.arca.server.service;

import dev.arca.server.kms.LocalKms;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asset bytes on their way in and out of the {@link BlobStore}: staged and hashed under the asset size limit,
 * recorded once per domain, read back with the domain's key, and removed in the write that orphaned them.
 */
public final class AssetStorage {

    private static final Logger LOG = LoggerFactory.getLogger(AssetStorage.class);

    /** Limits on what one version may hold. */
    public record AssetLimits(long maxAssetBytes, int maxAssetsPerVersion) {
        public static final AssetLimits DEFAULT = new AssetLimits(1L << 30, 100);
    }

    private final BlobStore blobs;
    private final LocalKms kms;
    private final AssetLimits limits;
    private final Clock clock;

    public AssetStorage(BlobStore blobs, LocalKms kms, AssetLimits limits, Clock clock) {
        this.blobs = Objects.requireNonNull(blobs);
        this.kms = Objects.requireNonNull(kms);
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
    }

    public AssetLimits limits() {
        return limits;
    }

    /** The key a domain's blobs are encrypted with. */
    public byte[] domainKey(MetadataStore.Transaction tx, DomainRow domain) {
        return kms.material(tx, domain.encryptionKeyArn());
    }

    /** Stages content read from a stream; {@link BlobStore.TooLargeException} past the asset size limit. */
    public BlobStore.StagedBlob stage(InputStream content, byte[] domainKey) throws IOException {
        return blobs.stage(content, limits.maxAssetBytes(), domainKey);
    }

    /** Stages content a decoder writes; {@link BlobStore.TooLargeException} past the asset size limit. */
    public BlobStore.StagedBlob stage(BlobStore.ContentWriter content, byte[] domainKey) throws IOException {
        return blobs.stage(content, limits.maxAssetBytes(), domainKey);
    }

    /**
     * Uploads staged bytes ahead of the write that records them, where the blob backend allows (S3: the upload, the
     * slow part, then happens before the write lock is taken; {@link #record} under it finds the object there).
     */
    public void placeAhead(long domainId, List<BlobStore.StagedBlob> staged) {
        try {
            for (BlobStore.StagedBlob blob : staged) {
                blobs.commitAhead(domainId, blob);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts staged bytes in place (under the write lock, so collection cannot interleave) and records them. */
    public BlobRow record(MetadataStore.Transaction tx, long domainId, BlobStore.StagedBlob staged) {
        try {
            blobs.commit(domainId, staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tx.assets().findBlob(domainId, staged.sha256()).orElseGet(() -> {
            BlobRow row = new BlobRow(domainId, staged.sha256(), staged.size(), staged.md5(), staged.sha1(),
                    staged.sha512());
            tx.assets().insertBlob(row, clock.instant());
            return row;
        });
    }

    /** The decrypted bytes of a recorded blob. */
    public InputStream open(BlobRow blob, byte[] domainKey) throws IOException {
        return blobs.open(blob.domainId(), blob.sha256(), blob.size(), domainKey);
    }

    /**
     * Removes blobs no asset points at any more, in the write transaction that orphaned them; the files go once
     * it commits, before another write can start, so a concurrent publish of the same bytes cannot lose them.
     */
    public void collectGarbage(MetadataStore.Transaction tx) {
        List<BlobRow> orphans = tx.assets().unreferencedBlobs(10_000);
        for (BlobRow blob : orphans) {
            tx.assets().deleteBlob(blob.domainId(), blob.sha256());
        }
        if (!orphans.isEmpty()) {
            tx.afterCommit(() -> orphans.forEach(blob -> {
                try {
                    blobs.delete(blob.domainId(), blob.sha256());
                } catch (IOException e) {
                    LOG.warn("Could not remove blob file {}: {}", blob.sha256(), e.getMessage());
                }
            }));
        }
    }

    /**
     * Removes blobs that no metadata knows and that were last written before {@code writtenBefore}: a crash between
     * putting a blob in place and committing its record leaves one. The listing runs outside any transaction, so a
     * large bucket holds up no other instance's writes; each blob found unknown is checked again and removed under
     * the write lock, which every publish holds from putting its blob in place until its record commits — so no
     * publish in flight on another instance sharing the blobs can lose its bytes. The cutoff keeps anything recent
     * out of reach even so.
     */
    public int sweepUnrecordedFiles(MetadataStore store, Instant writtenBefore) {
        List<BlobStore.StoredBlob> candidates;
        try {
            candidates = blobs.listWrittenBefore(writtenBefore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BlobStore.StoredBlob> unknown = store.read(tx -> candidates.stream()
                .filter(file -> tx.assets().findBlob(file.domainId(), file.sha256()).isEmpty()).toList());
        if (unknown.isEmpty()) {
            return 0;
        }
        return store.write(tx -> {
            int removed = 0;
            try {
                for (BlobStore.StoredBlob file : unknown) {
                    if (tx.assets().findBlob(file.domainId(), file.sha256()).isEmpty()) {
                        blobs.delete(file.domainId(), file.sha256());
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return removed;
        });
    }
}
