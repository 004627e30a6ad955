package dev.arca.server.upstream;

import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A public registry behind an external connection, spoken to in its own protocol at the URL the server was
 * configured with. Implementations are per format; resolution, caching and ingestion around them are not.
 */
public interface ExternalSource {

    /** A version of a package to fetch. */
    record Wanted(PackageRef ref, String version) {
    }

    /** Stages the bytes of an asset under the asset size limit, encrypted for the domain they are bound for. */
    @FunctionalInterface
    interface Stager {
        BlobStore.StagedBlob stage(InputStream content) throws IOException;
    }

    /**
     * What the registry offers of a package: its versions and tags; empty when it does not have the package.
     *
     * @throws IOException when the registry cannot be reached or answers something unusable
     */
    Optional<ExternalPackage> describe(PackageRef ref) throws IOException;

    /**
     * Fetches one version: its metadata, dependencies and assets, the assets staged through {@code stager} and
     * checked against the hashes the registry publishes for them. Empty when the registry does not have it.
     *
     * @throws IOException when the registry cannot be reached, or sends bytes that do not match their hashes
     */
    Optional<PackagePublishing.NewVersion> fetch(PackageRef ref, String version, Stager stager) throws IOException;

    /**
     * Fetches one more file of a version the registry has, that {@link #fetch} did not bring (a Maven artifact
     * with a classifier), staged through {@code stager} and checked against its published hash. Empty when the
     * registry does not have it, or the format has no such files.
     *
     * @throws IOException when the registry cannot be reached, or sends bytes that do not match their hash
     */
    default Optional<BlobStore.StagedBlob> fetchAsset(PackageRef ref, String version, String assetName,
                                                      Stager stager) throws IOException {
        return Optional.empty();
    }

    /**
     * Versions of other packages to fetch after this one was, because the registry's clients will ask for them
     * next (npm: for each dependency, the newest version its range allows and its {@code latest}). None by default.
     *
     * @param describe what the registry offers of a package (cached)
     */
    default List<Wanted> companions(PackagePublishing.NewVersion fetched,
                                    Function<PackageRef, Optional<ExternalPackage>> describe) {
        return List.of();
    }
}
