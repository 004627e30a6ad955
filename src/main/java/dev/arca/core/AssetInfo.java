package dev.arca.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A file of a package version with its size and hashes (keys MD5, SHA-1, SHA-256, SHA-512). */
public record AssetInfo(String name, long size, Map<String, String> hashes) {

    /** The hash algorithms the service reports for an asset, weakest first. */
    public static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");

    public AssetInfo {
        Objects.requireNonNull(name);
        hashes = Map.copyOf(hashes);
    }
}
