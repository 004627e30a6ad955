package dev.arca.server.service;

import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What package clients change about stored versions besides their files: metadata revisions (npm's deprecate)
 * and package tags (npm's dist-tags), each change under a new revision with a package event.
 */
public final class PackageMetadata {

    private final MetadataStore store;
    private final PackageEvents events;

    PackageMetadata(MetadataStore store, PackageEvents events) {
        this.store = Objects.requireNonNull(store);
        this.events = Objects.requireNonNull(events);
    }

    /**
     * Revises versions the repository stores: {@code change} returns new metadata for a version it changes. Each
     * changed version gets a new revision and an Updated event. Returns how many changed.
     */
    public int revise(RepositoryRow repository, PackageRef ref,
                      Function<VersionRow, Optional<VersionMetadata>> change) {
        return store.write(tx -> {
            PackageRow pkg = PackageRows.storedPackage(tx, repository, ref);
            int changed = 0;
            for (VersionRow row : tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Integer.MAX_VALUE)) {
                Optional<VersionMetadata> revised = change.apply(row).filter(m -> !m.equals(row.metadata()));
                if (revised.isPresent()) {
                    String revision = Revisions.next();
                    tx.versions().updateMetadata(row.id(), revised.get(), revision);
                    VersionRow updated = new VersionRow(row.id(), row.packageId(), row.version(), row.status(),
                            revision, row.publishedTime(), row.originType(), row.originRepository(),
                            row.originExternal(), revised.get());
                    events.record(tx, repository, ref, updated, "Updated", row.status(),
                            new PackageEvents.Changes(0, 0, true, 0, false));
                    changed++;
                }
            }
            return changed;
        });
    }

    /** Points a tag at a version the repository stores (not Disposed). */
    public void tag(RepositoryRow repository, PackageRef ref, String tag, String version) {
        store.write(tx -> {
            PackageRow pkg = PackageRows.storedPackage(tx, repository, ref);
            VersionRow row = tx.versions().find(pkg.id(), version)
                    .filter(v -> !v.status().equals(VersionStatus.DISPOSED))
                    .orElseThrow(() -> ApiException.notFound("package-version", version, "Version " + version + " of "
                            + ref.display() + " is not stored in repository " + repository.name()
                            + "; only stored versions can be tagged here"));
            tx.packages().putTag(pkg.id(), tag, row.version());
            return null;
        });
    }

    /** Removes a tag the repository itself defines. */
    public void untag(RepositoryRow repository, PackageRef ref, String tag) {
        store.write(tx -> {
            PackageRow pkg = PackageRows.storedPackage(tx, repository, ref);
            if (!tx.packages().tags(pkg.id()).containsKey(tag)) {
                throw ApiException.notFound("package", ref.name(), "Tag " + tag + " is not defined for "
                        + ref.display() + " in repository " + repository.name()
                        + " (tags from upstream repositories cannot be removed here)");
            }
            tx.packages().deleteTag(pkg.id(), tag);
            return null;
        });
    }
}
