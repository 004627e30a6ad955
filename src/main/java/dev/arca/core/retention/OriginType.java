package dev.arca.core.retention;

import java.util.Arrays;
import java.util.Optional;

/** Where a version entered the domain: published into it, or ingested from an external connection. */
public enum OriginType {
    INTERNAL, EXTERNAL, UNKNOWN;

    /** The service's {@code originType} value; anything else (or nothing) reads as {@link #UNKNOWN}. */
    public static OriginType fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.name().equals(value)).findFirst().orElse(UNKNOWN);
    }

    /** A rule's origin filter: INTERNAL or EXTERNAL only. */
    static Optional<OriginType> filterValue(String value) {
        return value.equals("INTERNAL") || value.equals("EXTERNAL") ? Optional.of(valueOf(value)) : Optional.empty();
    }
}
