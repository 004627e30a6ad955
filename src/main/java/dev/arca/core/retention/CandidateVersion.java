package dev.arca.core.retention;

import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A version as the planner sees it: what ListPackageVersions tells (status, revision, origin) plus its publish time
 * and, when known, the bytes its assets take.
 *
 * @param revision the revision the plan saw, which the executor sends as a precondition
 */
public record CandidateVersion(String version, VersionStatus status, Optional<Instant> publishedTime,
                               OriginType origin, OptionalLong sizeBytes, String revision) {

    public CandidateVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishedTime, "publishedTime");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(revision, "revision");
    }

    /** From a version list row, with what the list does not carry. */
    public static CandidateVersion of(VersionInfo info, Optional<Instant> publishedTime, OptionalLong sizeBytes) {
        VersionStatus status = VersionStatus.fromWire(info.status()).orElseThrow(() ->
                new IllegalArgumentException("'" + info.status() + "' is not a package version status"));
        return new CandidateVersion(info.version(), status, publishedTime, OriginType.fromWire(info.originType()),
                sizeBytes, info.revision());
    }
}
