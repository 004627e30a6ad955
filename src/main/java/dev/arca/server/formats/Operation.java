package dev.arca.server.formats;

import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.PackageAction;
import dev.arca.server.service.PackageRef;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request asks for, decided from its method and path alone: the IAM action it needs, the package it
 * names (the resource of package-scoped actions), and the work that answers it once it is authorized.
 *
 * @param version the version the request names, for the audit log
 */
public record Operation(PackageAction action, Optional<PackageRef> pkg, Optional<String> version, Work work) {

    /** Answers an authorized request against the repository it addresses. */
    @FunctionalInterface
    public interface Work {
        PackageResponse run(RepositoryRow repository) throws IOException;
    }

    public Operation {
        Objects.requireNonNull(action);
        Objects.requireNonNull(pkg);
        Objects.requireNonNull(version);
        Objects.requireNonNull(work);
        if (action.onPackage() && pkg.isEmpty()) {
            throw new IllegalArgumentException(action + " is authorized on a package; name it");
        }
    }

    /** A read of the repository, about a package or not. */
    public static Operation read(Optional<PackageRef> pkg, Optional<String> version, Work work) {
        return new Operation(PackageAction.READ_FROM_REPOSITORY, pkg, version, work);
    }
}
