package dev.arca.server.service;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Copies of stored versions: what CopyPackageVersions and upstream retention write, and how a Maven SNAPSHOT build
 * takes its version's place.
 */
final class StoredVersions {

    private StoredVersions() {
    }

    /**
     * Records {@code source} in another package: same status, revision, origin, metadata, dependencies and assets,
     * the assets pointing at the same blobs of the domain (a copy costs no bytes).
     */
    static VersionRow copy(MetadataStore.Transaction tx, long packageId, VersionRow source) {
        return copy(tx, packageId, source, source.version(), source.status(), source.revision(),
                source.publishedTime());
    }

    /** Records {@code source}'s content as another version, in {@code status} under {@code revision}. */
    static VersionRow copy(MetadataStore.Transaction tx, long packageId, VersionRow source, String version,
                           VersionStatus status, String revision, Instant publishedTime) {
        VersionRow copied = tx.versions().insert(packageId, version, status, revision, publishedTime,
                source.originType(), source.originRepository(), source.originExternal(), source.metadata());
        for (AssetRow asset : tx.assets().list(source.id(), Optional.empty(), Integer.MAX_VALUE)) {
            tx.assets().insert(copied.id(), asset.name(), asset.blob());
        }
        tx.versions().insertDependencies(copied.id(), tx.versions().dependencies(source.id()));
        return copied;
    }
}
