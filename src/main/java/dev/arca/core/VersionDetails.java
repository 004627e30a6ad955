package dev.arca.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package version as DescribePackageVersion tells it: its metadata, status, revision and where it came from.
 *
 * @param originRepository         the repository of the domain it entered through, when the service names one
 * @param originExternalConnection the external connection it was ingested from, when it came from outside
 */
public record VersionDetails(String displayName, String version, Optional<String> summary, Optional<String> homePage,
                             Optional<String> sourceCodeRepository, Optional<Instant> publishedTime,
                             List<License> licenses, String revision, String status, String originType,
                             Optional<String> originRepository, Optional<String> originExternalConnection) {

    public VersionDetails {
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(version);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(homePage);
        Objects.requireNonNull(sourceCodeRepository);
        Objects.requireNonNull(publishedTime);
        licenses = List.copyOf(licenses);
        Objects.requireNonNull(revision);
        Objects.requireNonNull(status);
        Objects.requireNonNull(originType);
        Objects.requireNonNull(originRepository);
        Objects.requireNonNull(originExternalConnection);
    }

    /** A license as the package declares it; either part may be empty. */
    public record License(String name, String url) {

        public License {
            Objects.requireNonNull(name);
            Objects.requireNonNull(url);
        }

        /** The name, the URL, or both as {@code name (url)}. */
        public String display() {
            if (name.isEmpty() || url.isEmpty()) {
                return name + url;
            }
            return name + " (" + url + ")";
        }
    }
}
