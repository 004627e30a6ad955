package dev.arca.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a package list is narrowed to; every part goes to ListPackages, so the service does the filtering.
 *
 * @param format     one format, or any
 * @param namespace  empty for any namespace; needs a format, as the service requires. A leading {@code @} (an npm
 *                   scope as people write it) is dropped: the service names scopes without it
 * @param namePrefix empty for any name
 * @param publish    {@code ALLOW} or {@code BLOCK} origin control for publishing, or any
 * @param upstream   {@code ALLOW} or {@code BLOCK} origin control for upstreams, or any
 */
public record PackageFilter(Optional<PackageFormat> format, String namespace, String namePrefix,
                            Optional<String> publish, Optional<String> upstream) {

    /** Every package. */
    public static final PackageFilter NONE = new PackageFilter(Optional.empty(), "", "", Optional.empty(),
            Optional.empty());

    /** Packages of any format whose names start with {@code prefix}. */
    public static PackageFilter namePrefix(String prefix) {
        return new PackageFilter(Optional.empty(), "", prefix, Optional.empty(), Optional.empty());
    }

    public PackageFilter {
        Objects.requireNonNull(format);
        namespace = namespace.strip().replaceFirst("^@", "");
        namePrefix = namePrefix.strip();
        Objects.requireNonNull(publish);
        Objects.requireNonNull(upstream);
    }

    /** Why the service would refuse this filter, as a sentence; empty when it is fine. */
    public Optional<String> problem() {
        if (!namespace.isEmpty() && format.isEmpty()) {
            return Optional.of("Choose a format to filter by namespace: the service only filters namespaces"
                    + " within one format.");
        }
        return Optional.empty();
    }

    /** Whether any part narrows the list. */
    public boolean narrows() {
        return !equals(NONE);
    }
}
