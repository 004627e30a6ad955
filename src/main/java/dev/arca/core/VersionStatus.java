package dev.arca.core;

import java.util.Arrays;
import java.util.Optional;

/** The statuses a package version can have, by their wire names (PackageVersionStatus in the model). */
public enum VersionStatus {
    PUBLISHED("Published"),
    UNFINISHED("Unfinished"),
    UNLISTED("Unlisted"),
    ARCHIVED("Archived"),
    DISPOSED("Disposed"),
    DELETED("Deleted");

    private final String wireName;

    VersionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and on screen, e.g. {@code Published}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<VersionStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
