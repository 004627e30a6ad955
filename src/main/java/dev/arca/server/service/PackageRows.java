package dev.arca.server.service;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore;
import java.util.Optional;

/**
 * Look-ups and small changes every part of the packages aggregate makes inside its transactions: a package or
 * version by its coordinates, with the error the service answers when it is not there.
 */
final class PackageRows {

    private PackageRows() {
    }

    static PackageRow findPackage(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref) {
        return ref.findIn(tx, repository.id())
                .orElseThrow(() -> ApiException.notFound("package", ref.name(), "Package " + ref.display()
                        + " does not exist in repository " + repository.name()));
    }

    static PackageRow storedPackage(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref) {
        return ref.findIn(tx, repository.id())
                .orElseThrow(() -> ApiException.notFound("package", ref.name(), "Package " + ref.display()
                        + " is not stored in repository " + repository.name()));
    }

    static VersionRow findVersion(MetadataStore.Transaction tx, PackageRow pkg, PackageRef ref, String version) {
        return tx.versions().find(pkg.id(), version).orElseThrow(() -> ApiException.notFound("package-version", version,
                "Version " + version + " of " + ref.display() + " does not exist in this repository"));
    }

    static VersionRow setState(MetadataStore.Transaction tx, VersionRow row, VersionStatus status) {
        String revision = Revisions.next();
        tx.versions().updateState(row.id(), status, revision);
        return row.withStatus(status, revision);
    }

    static PackageReads.PackageView view(PackageRow row) {
        PackageFormat format = PackageFormat.fromWire(row.format()).orElseThrow();
        return new PackageReads.PackageView(row, new PackageRef(format, row.namespace(), row.name()));
    }

    static DomainRow domain(MetadataStore.Transaction tx, RepositoryRow repository) {
        return tx.domains().find(repository.domainOwner(), repository.domainName()).orElseThrow();
    }

    /** What a version says about itself before anything describes it: its package's name. */
    static VersionMetadata named(PackageRef ref) {
        return new VersionMetadata(Optional.of(ref.name()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
