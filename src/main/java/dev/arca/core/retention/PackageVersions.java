package dev.arca.core.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One package of a repository with all its versions, the planner's unit: newest-N counts and guards are per package.
 *
 * @param defaultDisplayVersion what ListPackageVersions reports as the package's defaultDisplayVersion, if any
 */
public record PackageVersions(PackageRef pkg, Optional<String> defaultDisplayVersion, List<CandidateVersion> versions) {

    public PackageVersions {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(defaultDisplayVersion, "defaultDisplayVersion");
        versions = List.copyOf(versions);
    }
}
