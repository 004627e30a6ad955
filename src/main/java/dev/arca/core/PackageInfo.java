package dev.arca.core;

import java.util.Objects;

/**
 * A package in a repository, with its origin controls.
 *
 * @param namespace empty when the format has none
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
        if (namespace.isEmpty()) {
            return name;
        }
        return switch (format) {
            case "npm" -> "@" + namespace + "/" + name;
            case "maven" -> namespace + ":" + name;
            default -> namespace + "/" + name;
        };
    }
}
