package dev.arca.server.store;

import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.BlobRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assets of versions and the blobs behind them: a blob is stored once per domain, by its SHA-256, however many
 * assets point at it.
 */
public interface AssetRecords {

    /** A version's assets by name. */
    List<AssetRow> list(long versionId, Optional<String> afterName, int limit);

    Optional<AssetRow> find(long versionId, String name);

    int count(long versionId);

    void insert(long versionId, String name, BlobRow blob);

    void deleteAll(long versionId);

    /** The blob behind each version's asset called {@code assetName}, by version, for versions that have one. */
    Map<String, BlobRow> blobsByVersion(long packageId, String assetName);

    Optional<BlobRow> findBlob(long domainId, String sha256);

    void insertBlob(BlobRow blob, Instant createdTime);

    /** Blobs no asset points at any more, oldest first. */
    List<BlobRow> unreferencedBlobs(int limit);

    void deleteBlob(long domainId, String sha256);

    /** Bytes stored for a domain: every blob once, however many assets point at it. */
    long domainBytes(long domainId);
}
