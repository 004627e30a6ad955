package dev.arca.core.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One package of a repository with all its versions, the planner's unit: newest-N counts and guards are per package.
 *
 * @param defaultDisplayVersion what ListPackageVersions reports as the package's defaultDisplayVersion, if any
 * @param publishOrdered        the versions come newest published first, as ListPackageVersions lists them with
 *                              {@code sortBy=PUBLISHED_TIME}, and a version's publish time is present only where it
 *                              was read (see {@link PublishTimesNeeded}); when false, every version's time that is
 *                              known is present, in any order, and a version without one counts as the oldest
 */
public record PackageVersions(PackageRef pkg, Optional<String> defaultDisplayVersion, List<CandidateVersion> versions,
                              boolean publishOrdered) {

    public PackageVersions {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(defaultDisplayVersion, "defaultDisplayVersion");
        versions = List.copyOf(versions);
    }

    /** Versions with every publish time known, in any order. */
    public PackageVersions(PackageRef pkg, Optional<String> defaultDisplayVersion, List<CandidateVersion> versions) {
        this(pkg, defaultDisplayVersion, versions, false);
    }
}
