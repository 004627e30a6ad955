package dev.arca.server.service;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Versions entering a repository from elsewhere: kept from an upstream repository (a reference to the same blobs)
 * or ingested through an external connection, each only where the origin rules let upstream versions in, and
 * recorded with a package event like any other change.
 */
public final class UpstreamIntake {

    private static final String INTERNAL_UPSTREAM = "INTERNAL_UPSTREAM";
    private static final String EXTERNAL_UPSTREAM = "EXTERNAL_UPSTREAM";

    private final MetadataStore store;
    private final PackagePublishing publishing;
    private final AssetStorage assets;
    private final PackageGroupService groups;
    private final PackageEvents events;
    private final Clock clock;

    UpstreamIntake(MetadataStore store, PackagePublishing publishing, AssetStorage assets, PackageGroupService groups,
                   PackageEvents events, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.publishing = Objects.requireNonNull(publishing);
        this.assets = Objects.requireNonNull(assets);
        this.groups = Objects.requireNonNull(groups);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Whether versions of the package may come into {@code repository} from its upstream repositories. */
    public boolean acceptsUpstream(MetadataStore.Transaction tx, RepositoryRow repository,
                                   PackageRef ref) {
        return accepts(tx, repository, ref, INTERNAL_UPSTREAM);
    }

    /** Whether versions of the package may be ingested into {@code repository} from its external connection. */
    public boolean acceptsExternal(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref) {
        return accepts(tx, repository, ref, EXTERNAL_UPSTREAM);
    }

    private boolean accepts(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref, String type) {
        boolean allowedByPackage = ref.findIn(tx, repository.id())
                .map(p -> !Packages.BLOCK.equals(p.upstream())).orElse(true);
        return allowedByPackage && groups.refusal(tx, repository.domainId(), repository.name(), type, ref).isEmpty();
    }

    /**
     * Keeps a version found in an upstream repository in the requested repository, as a reference to the same
     * assets (no bytes are copied). The requested repository's own row comes back — the one a concurrent request
     * stored first, if any; empty when the source is gone or origin rules now refuse it.
     */
    public Optional<VersionRow> retain(RepositoryRow target, PackageRef ref, VersionRow source) {
        return store.write(tx -> {
            Optional<VersionRow> current = tx.versions().find(source.packageId(), source.version());
            Optional<PackageRow> pkg = ref.findIn(tx, target.id());
            Optional<VersionRow> present = pkg.flatMap(p -> tx.versions().find(p.id(), source.version()));
            if (present.isPresent()) {
                return present;
            }
            if (current.isEmpty() || !acceptsUpstream(tx, target, ref)) {
                return Optional.empty();
            }
            PackageRow into = pkg.orElseGet(() -> enteredFromUpstream(tx, target, ref));
            VersionRow retained = StoredVersions.copy(tx, into.id(), current.get());
            events.record(tx, target, ref, retained, "Created", retained.status(),
                    new PackageEvents.Changes(tx.assets().count(retained.id()), 0, true, 0, true));
            return Optional.of(retained);
        });
    }

    /**
     * Stores a version fetched through an external connection in the repository that holds the connection; the
     * existing row if a concurrent request stored it first, empty when origin rules refuse it.
     */
    public Optional<VersionRow> ingest(RepositoryRow holder, PackageRef ref, String connection,
                                       PackagePublishing.NewVersion fetched) {
        assets.placeAhead(holder.domainId(),
                fetched.assets().stream().map(PackagePublishing.NewAsset::staged).toList());
        return store.write(tx -> {
            Optional<PackageRow> pkg = ref.findIn(tx, holder.id());
            Optional<VersionRow> present = pkg.flatMap(p -> tx.versions().find(p.id(), fetched.version()));
            if (present.isPresent()) {
                return present;
            }
            if (!acceptsExternal(tx, holder, ref)) {
                return Optional.empty();
            }
            PackageRow into = pkg.orElseGet(() -> enteredFromUpstream(tx, holder, ref));
            VersionRow row = tx.versions().insert(into.id(), fetched.version(), VersionStatus.PUBLISHED,
                    Revisions.next(), clock.instant(), "EXTERNAL", Optional.empty(), Optional.of(connection),
                    fetched.metadata());
            publishing.addContent(tx, PackageRows.domain(tx, holder), row, fetched);
            events.record(tx, holder, ref, row, "Created", row.status(),
                    new PackageEvents.Changes(fetched.assets().size(), 0, true, 0, true));
            return Optional.of(row);
        });
    }

    /**
     * Adds a file fetched through an external connection to a version that came through it — where the connection
     * is, then in the repository it was asked for (the same blob) — unless the version already has a file of that
     * name or is gone there. Whether the last repository's version now has the file.
     */
    public boolean addFetchedAsset(List<RepositoryRow> repositories, PackageRef ref, String version, String assetName,
                                   BlobStore.StagedBlob staged) {
        if (!repositories.isEmpty()) { // an upstream chain stays within one domain
            assets.placeAhead(repositories.getFirst().domainId(), List.of(staged));
        }
        return store.write(tx -> {
            boolean has = false;
            for (RepositoryRow repository : repositories) {
                Optional<VersionRow> row = ref.findIn(tx, repository.id())
                        .flatMap(p -> tx.versions().find(p.id(), version));
                has = row.isPresent();
                if (row.isEmpty() || tx.assets().find(row.get().id(), assetName).isPresent()) {
                    continue;
                }
                publishing.checkAssetCount(version, tx.assets().count(row.get().id()) + 1);
                long domainId = PackageRows.domain(tx, repository).id();
                tx.assets().insert(row.get().id(), assetName, assets.record(tx, domainId, staged));
                events.record(tx, repository, ref, row.get(), "Updated", row.get().status(),
                        new PackageEvents.Changes(1, 0, false, 0, false));
            }
            return has;
        });
    }

    /** A package whose first version came from upstream: publishing blocked, upstream allowed (EXT defaults). */
    private static PackageRow enteredFromUpstream(MetadataStore.Transaction tx, RepositoryRow repository,
                                                  PackageRef ref) {
        return ref.insertInto(tx, repository.id(), Packages.BLOCK, Packages.ALLOW);
    }
}
