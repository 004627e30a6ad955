package dev.arca.core;

import java.util.Objects;

/** A package version as version lists show it. */
public record VersionInfo(String version, String status, String revision, String originType) {

    public VersionInfo {
        Objects.requireNonNull(version);
        Objects.requireNonNull(status);
        Objects.requireNonNull(revision);
        Objects.requireNonNull(originType);
    }
}
