package dev.arca.core;

import java.util.Objects;

/**
 * A package a version depends on, as ListPackageVersionDependencies lists it.
 *
 * @param namespace          empty when the format has none
 * @param type               how the format names the dependency's kind ({@code compile}, {@code dev}…), or empty
 * @param versionRequirement the range the version accepts, as the format writes it, or empty
 */
public record DependencyInfo(String namespace, String packageName, String type, String versionRequirement) {

    public DependencyInfo {
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(packageName);
        Objects.requireNonNull(type);
        Objects.requireNonNull(versionRequirement);
    }

    /** The dependency's name as its format writes it, like {@link PackageInfo#display()}. */
    public String display(String format) {
        return PackageInfo.display(format, namespace, packageName);
    }
}
