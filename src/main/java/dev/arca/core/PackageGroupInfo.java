package dev.arca.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The package group a package belongs to, as GetAssociatedPackageGroup reports it.
 *
 * @param description     empty when the group has none
 * @param contactInfo     who to ask about the group, or empty
 * @param effectiveOrigin each restriction type ({@code PUBLISH}, {@code EXTERNAL_UPSTREAM}, {@code INTERNAL_UPSTREAM})
 *                        with its effective mode, in the service's order
 */
public record PackageGroupInfo(String pattern, String description, String contactInfo,
                               Map<String, String> effectiveOrigin) {

    public PackageGroupInfo {
        Objects.requireNonNull(pattern);
        Objects.requireNonNull(description);
        Objects.requireNonNull(contactInfo);
        effectiveOrigin = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveOrigin));
    }
}
