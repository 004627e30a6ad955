package dev.arca.core;

import java.util.Objects;

/**
 * A package in a repository, with its origin controls.
 *
 * @param namespace empty when the format has none
 * @param publish   {@code ALLOW} or {@code BLOCK}: whether versions may be published to the repository
 * @param upstream  {@code ALLOW} or {@code BLOCK}: whether versions may come in from upstreams
 */
public record PackageInfo(String format, String namespace, String name, String publish, String upstream) {

    public PackageInfo {
        Objects.requireNonNull(format);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
        Objects.requireNonNull(publish);
        Objects.requireNonNull(upstream);
    }

    /** How the package reads: {@code npm @scope/name}, {@code maven group:artifact}, {@code pypi name}. */
    public String display() {
        return display(format, namespace, name);
    }

    /** How a package of {@code format} reads, namespace included when it has one. */
    public static String display(String format, String namespace, String name) {
        if (namespace.isEmpty()) {
            return name;
        }
        return switch (format) {
            case "npm" -> "@" + namespace + "/" + name;
            case "maven" -> namespace + ":" + name;
            default -> namespace + "/" + name;
        };
    }

    /** Whether {@code other} is the same package (format, namespace and name), whatever its origin controls. */
    public boolean isSamePackage(PackageInfo other) {
        return other != null && format.equals(other.format) && namespace.equals(other.namespace)
                && name.equals(other.name);
    }
}
