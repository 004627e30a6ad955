package dev.arca.core;

import java.util.Objects;

/**
 * A package version as version lists show it.
 *
 * @param defaultDisplay whether it is the package's default display version (the one consoles show first)
 */
public record VersionInfo(String version, String status, String revision, String originType,
                          boolean defaultDisplay) {

    public VersionInfo {
        Objects.requireNonNull(version);
        Objects.requireNonNull(status);
        Objects.requireNonNull(revision);
        Objects.requireNonNull(originType);
    }
}
