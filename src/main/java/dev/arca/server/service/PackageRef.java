package dev.arca.server.service;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.store.MetadataStore;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A package's coordinates as the service stores them: names normalized per format (PyPI, NuGet), the npm
 * scope without {@code @}, and the namespace required or forbidden as the format demands.
 *
 * @param namespace empty string for formats without one
 */
public record PackageRef(PackageFormat format, String namespace, String name) {

    public PackageRef {
        Objects.requireNonNull(format);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
    }

    /** Validates and normalizes request coordinates. */
    public static PackageRef of(PackageFormat format, Optional<String> namespace, String name) {
        boolean required = format == PackageFormat.MAVEN || format == PackageFormat.GENERIC
                || format == PackageFormat.SWIFT;
        boolean allowed = required || format == PackageFormat.NPM;
        if (required && namespace.isEmpty()) {
            throw ApiException.validation("A " + format.wireName() + " package needs a namespace");
        }
        if (!allowed && namespace.isPresent()) {
            throw ApiException.validation(format.wireName() + " packages have no namespace");
        }
        String ns = namespace.orElse("");
        if (format == PackageFormat.NPM && ns.startsWith("@")) {
            throw ApiException.validation("An npm namespace is the scope without '@': " + ns.substring(1));
        }
        return new PackageRef(format, ns, normalize(format, name));
    }

    static String normalize(PackageFormat format, String name) {
        return switch (format) {
            case PYPI -> name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case NUGET -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    public Optional<String> namespaceIfAny() {
        return namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
    }

    /** How the package is named in messages: {@code generic/team/tool}. */
    public String display() {
        return format.wireName() + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    /** This package in a repository, when the repository holds it. */
    public Optional<PackageRow> findIn(MetadataStore.Transaction tx, long repositoryId) {
        return tx.packages().find(repositoryId, format.wireName(), namespace, name);
    }

    /** Adds this package to a repository with the given origin controls. */
    public PackageRow insertInto(MetadataStore.Transaction tx, long repositoryId, String publish, String upstream) {
        return tx.packages().insert(repositoryId, format.wireName(), namespace, name, publish, upstream);
    }
}
