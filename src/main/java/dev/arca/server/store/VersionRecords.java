package dev.arca.server.store;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Versions of a package, with what each says about itself and its dependencies. */
public interface VersionRecords {

    Optional<VersionRow> find(long packageId, String version);

    /**
     * Versions of a package, by version string, or by published time newest first when
     * {@code newestFirst}; {@code afterKey} continues after the last key (version, or time NUL version).
     */
    List<VersionRow> list(long packageId, Optional<VersionStatus> status, Optional<String> originType,
                          boolean newestFirst, Optional<String> afterKey, int limit);

    /** The most recently published version in one of {@code statuses}. */
    Optional<VersionRow> latest(long packageId, List<VersionStatus> statuses);

    VersionRow insert(long packageId, String version, VersionStatus status, String revision, Instant publishedTime,
                      String originType, Optional<String> originRepository, Optional<String> originExternal,
                      VersionMetadata metadata);

    void updateState(long versionId, VersionStatus status, String revision);

    /** Replaces what a version says about itself (npm deprecation, for one), under a new revision. */
    void updateMetadata(long versionId, VersionMetadata metadata, String revision);

    void delete(long versionId);

    int count(long packageId);

    /** A version's dependencies in the order they were declared. */
    List<DependencyRow> dependencies(long versionId);

    void insertDependencies(long versionId, List<DependencyRow> dependencies);
}
