package dev.arca.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The package group a package belongs to, as GetAssociatedPackageGroup reports it.
 *
 * @param associationType {@code STRONG} or {@code WEAK}
 * @param effectiveOrigin each restriction type ({@code PUBLISH}, {@code EXTERNAL_UPSTREAM}, {@code INTERNAL_UPSTREAM})
 *                        with its effective mode, in the service's order
 */
public record PackageGroupInfo(String pattern, String description, String contactInfo, String associationType,
                               Map<String, String> effectiveOrigin) {

    public PackageGroupInfo {
        Objects.requireNonNull(pattern);
        Objects.requireNonNull(description);
        Objects.requireNonNull(contactInfo);
        Objects.requireNonNull(associationType);
        effectiveOrigin = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveOrigin));
    }
}
