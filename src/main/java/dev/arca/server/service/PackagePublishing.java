package dev.arca.server.service;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How package clients publish versions through their repository endpoints — a whole version (npm), files added to a version (PyPI), or files uploaded one by one
 * into an Unfinished version that a later request completes (Maven, including snapshot builds). Every publish is
 * checked against the origin rules (package origin controls, package groups; spec/behavior.md §5–§9), refused when
 * the version exists upstream, stores nothing unless it all succeeds, and records a package event.
 */
public final class PackagePublishing {

    /** An asset arriving with a version, staged and hashed. */
    public record NewAsset(String name, BlobStore.StagedBlob staged) {
    }

    /** A version as a package client publishes it or an external registry serves it. */
    public record NewVersion(String version, VersionMetadata metadata, List<DependencyRow> dependencies,
                             List<NewAsset> assets) {
        public NewVersion {
            Objects.requireNonNull(version);
            Objects.requireNonNull(metadata);
            dependencies = List.copyOf(dependencies);
            assets = List.copyOf(assets);
        }
    }

    /** Package-level changes a format makes with a publish, in the same transaction (npm's dist-tags). */
    @FunctionalInterface
    public interface PackageUpdate {
        void apply(MetadataStore.Transaction tx, PackageRow pkg);
    }

    /**
     * The stored version after a publish, and whether this publish stored anything — a new version, or new files of
     * one (false: an identical republish).
     */
    public record Published(VersionRow version, boolean created) {
    }

    /** What a format learns of a version from one of its files (a Maven POM): its metadata and dependencies. */
    public record Description(VersionMetadata metadata, List<DependencyRow> dependencies) {
        public Description {
            Objects.requireNonNull(metadata);
            dependencies = List.copyOf(dependencies);
        }
    }

    /** The version a file was uploaded into, and whether the upload stored it (false: the same bytes were there). */
    public record Uploaded(VersionRow version, boolean stored) {
    }


    private final MetadataStore store;
    private final AssetStorage assets;
    private final PackageGroupService groups;
    private final PackageEvents events;
    private final Clock clock;

    PackagePublishing(MetadataStore store, AssetStorage assets, PackageGroupService groups, PackageEvents events,
                      Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.assets = Objects.requireNonNull(assets);
        this.groups = Objects.requireNonNull(groups);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Where package endpoints stage the bytes they receive (staging needs the domain's key: {@code reads}). */
    public AssetStorage assets() {
        return assets;
    }



    /**
     * Publishes a version a package client sent. A byte-identical republish succeeds and changes nothing; any other
     * publish of an existing version is a ConflictException, as is a version available upstream
     * ({@code shadowedBy} says where). Origin controls and package groups may refuse it (AccessDeniedException).
     */
    public Published publish(RepositoryRow repository, PackageRef ref, NewVersion version, Optional<String> shadowedBy,
                             PackageUpdate update) {
        return publish(repository, ref, version, shadowedBy, update, false);
    }

    /**
     * Publishes files of a version of a multi-asset format, one upload at a time (PyPI's wheels and sdist): the
     * first creates the version as {@link #publish} does, later ones add their assets to it as a new revision
     * (spec/behavior.md §5). An asset already stored under the same name is fine with identical bytes (nothing
     * changes) and a ConflictException with others; a version no longer Published takes no more files.
     */
    public Published publishAssets(RepositoryRow repository, PackageRef ref, NewVersion version,
                                   Optional<String> shadowedBy) {
        return publish(repository, ref, version, shadowedBy, (tx, pkg) -> { }, true);
    }

    private Published publish(RepositoryRow repository, PackageRef ref, NewVersion version,
                              Optional<String> shadowedBy, PackageUpdate update, boolean adding) {
        checkAssetCount(version.version(), version.assets().size());
        assets.placeAhead(repository.domainId(), version.assets().stream().map(NewAsset::staged).toList());
        return store.write(tx -> {
            DomainRow domain = PackageRows.domain(tx, repository);
            PackageRow pkg = publishable(tx, domain, repository, ref);
            Optional<VersionRow> existing = tx.versions().find(pkg.id(), version.version());
            if (existing.isPresent()) {
                boolean published = existing.get().status().equals(VersionStatus.PUBLISHED);
                if (published && adding) {
                    return addAssets(tx, domain, repository, ref, existing.get(), version);
                }
                if (published && sameAssets(tx, existing.get(), version)) {
                    return new Published(existing.get(), false);
                }
                throw ApiException.conflict("package-version", version.version(), "Version " + version.version()
                        + " of " + ref.display() + " already exists in repository " + repository.name()
                        + " (" + existing.get().status().wireName() + "); published versions cannot be overwritten"
                        + " — delete the version first to publish it again");
            }
            shadowedBy.ifPresent(where -> {
                throw shadowed(repository, ref, version.version(), where);
            });
            VersionRow row = tx.versions().insert(pkg.id(), version.version(), VersionStatus.PUBLISHED,
                    Revisions.next(), clock.instant(), "INTERNAL", Optional.of(repository.name()), Optional.empty(),
                    version.metadata());
            addContent(tx, domain, row, version);
            update.apply(tx, pkg);
            events.record(tx, repository, ref, row, "Created", row.status(),
                    new PackageEvents.Changes(version.assets().size(), 0, true, 0, true));
            return new Published(row, true);
        });
    }

    /** Adds the assets a stored version does not have yet; an asset it has must come with the same bytes. */
    private Published addAssets(MetadataStore.Transaction tx, DomainRow domain, RepositoryRow repository,
                                PackageRef ref, VersionRow existing, NewVersion version) {
        List<NewAsset> added = new ArrayList<>();
        for (NewAsset asset : version.assets()) {
            Optional<AssetRow> stored = tx.assets().find(existing.id(), asset.name());
            if (stored.isEmpty()) {
                added.add(asset);
            } else if (!stored.get().blob().sha256().equals(asset.staged().sha256())) {
                throw ApiException.conflict("asset", asset.name(), "Version " + existing.version() + " of "
                        + ref.display() + " already has a file " + asset.name() + " with other content; published"
                        + " files cannot be overwritten — delete the version first to publish it again");
            }
        }
        if (added.isEmpty()) {
            return new Published(existing, false);
        }
        checkAssetCount(existing.version(), tx.assets().count(existing.id()) + added.size());
        for (NewAsset asset : added) {
            tx.assets().insert(existing.id(), asset.name(), assets.record(tx, domain.id(), asset.staged()));
        }
        String revision = Revisions.next();
        tx.versions().updateState(existing.id(), existing.status(), revision);
        VersionRow updated = existing.withStatus(existing.status(), revision);
        events.record(tx, repository, ref, updated, "Updated", updated.status(),
                new PackageEvents.Changes(added.size(), 0, false, 0, false));
        return new Published(updated, true);
    }

    void checkAssetCount(String version, int count) {
        if (count > assets.limits().maxAssetsPerVersion()) {
            throw ApiException.quotaExceeded("package-version", version, "A version can hold at most "
                    + assets.limits().maxAssetsPerVersion() + " assets");
        }
    }

    /**
     * Adds one file to a version, for formats whose clients upload a version file by file (Maven): the first file
     * creates the version, Unfinished until the client says it is complete ({@link #finish}); more files may be
     * added while it is Unfinished or Published. The same bytes under the same name again change nothing; other
     * bytes under a stored name are a ConflictException, as is a new version available upstream
     * ({@code shadowedBy} says where). A {@code description} (from the file that describes the version) replaces
     * the version's metadata and gives it its dependencies. Origin rules apply as for {@link #publish}.
     */
    public Uploaded upload(RepositoryRow repository, PackageRef ref, String version, NewAsset asset,
                           Optional<Description> description, Optional<String> shadowedBy) {
        return store.write(tx -> {
            DomainRow domain = PackageRows.domain(tx, repository);
            PackageRow pkg = publishable(tx, domain, repository, ref);
            Optional<VersionRow> existing = tx.versions().find(pkg.id(), version);
            if (existing.isEmpty()) {
                shadowedBy.ifPresent(where -> {
                    throw shadowed(repository, ref, version, where);
                });
                VersionRow row = tx.versions().insert(pkg.id(), version, VersionStatus.UNFINISHED, Revisions.next(),
                        clock.instant(), "INTERNAL", Optional.of(repository.name()), Optional.empty(),
                        description.map(Description::metadata).orElseGet(() -> PackageRows.named(ref)));
                tx.assets().insert(row.id(), asset.name(), assets.record(tx, domain.id(), asset.staged()));
                description.ifPresent(d -> tx.versions().insertDependencies(row.id(), d.dependencies()));
                events.record(tx, repository, ref, row, "Created", row.status(),
                        new PackageEvents.Changes(1, 0, true, 0, true));
                return new Uploaded(row, true);
            }
            VersionRow row = existing.get();
            if (!row.status().equals(VersionStatus.PUBLISHED) && !row.status().equals(VersionStatus.UNFINISHED)) {
                throw ApiException.conflict("package-version", version, "Version " + version + " of "
                        + ref.display() + " is " + row.status().wireName() + " in repository " + repository.name()
                        + "; files can be added only while it is Unfinished or Published");
            }
            Optional<AssetRow> same = tx.assets().find(row.id(), asset.name());
            if (same.isPresent()) {
                if (same.get().blob().sha256().equals(asset.staged().sha256())) {
                    return new Uploaded(row, false);
                }
                throw ApiException.conflict("asset", asset.name(), asset.name() + " of version " + version + " of "
                        + ref.display() + " already exists in repository " + repository.name() + " with other"
                        + " content; published files cannot be overwritten — delete the version to publish it again");
            }
            checkAssetCount(version, tx.assets().count(row.id()) + 1);
            tx.assets().insert(row.id(), asset.name(), assets.record(tx, domain.id(), asset.staged()));
            String revision = Revisions.next();
            if (description.isPresent()) {
                tx.versions().updateMetadata(row.id(), description.get().metadata(), revision);
                tx.versions().insertDependencies(row.id(), description.get().dependencies());
            } else {
                tx.versions().updateState(row.id(), row.status(), revision);
            }
            VersionRow updated = tx.versions().find(pkg.id(), version).orElseThrow();
            events.record(tx, repository, ref, updated, "Updated", updated.status(),
                    new PackageEvents.Changes(1, 0, description.isPresent(), 0, false));
            return new Uploaded(updated, true);
        });
    }

    /**
     * Publishes those of {@code versions} the repository stores Unfinished: the client's signal that their files
     * are complete (Maven's {@code maven-metadata.xml}). Returns the versions it published.
     */
    public List<VersionRow> finish(RepositoryRow repository, PackageRef ref, Collection<String> versions) {
        return store.write(tx -> {
            List<VersionRow> published = new ArrayList<>();
            Optional<PackageRow> pkg = ref.findIn(tx, repository.id());
            for (String version : versions) {
                pkg.flatMap(p -> tx.versions().find(p.id(), version))
                        .filter(row -> row.status().equals(VersionStatus.UNFINISHED))
                        .ifPresent(row -> {
                            VersionRow done = row.withStatus(VersionStatus.PUBLISHED, Revisions.next());
                            tx.versions().updateState(row.id(), done.status(), done.revision());
                            events.record(tx, repository, ref, done, "Updated", done.status(),
                                    new PackageEvents.Changes(0, 0, false, 0, true));
                            published.add(done);
                        });
            }
            return published;
        });
    }

    /**
     * Publishes an Unfinished build in place of the version it is a build of (a Maven SNAPSHOT): the build's files,
     * metadata and dependencies become the version's, Published under a new revision, and the build is no longer
     * listed on its own. What the version held before is kept as the version {@code keepAs} names for it (from its
     * assets), Unlisted — CodeArtifact's snapshot builds. Empty when the build is not stored Unfinished (already
     * published, say).
     */
    public Optional<VersionRow> publishBuild(RepositoryRow repository, PackageRef ref, String build, String version,
                                             Function<List<AssetRow>, Optional<String>> keepAs) {
        return store.write(tx -> {
            Optional<PackageRow> pkg = ref.findIn(tx, repository.id());
            Optional<VersionRow> pending = pkg.flatMap(p -> tx.versions().find(p.id(), build))
                    .filter(row -> row.status().equals(VersionStatus.UNFINISHED));
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            long packageId = pkg.get().id();
            Optional<VersionRow> previous = tx.versions().find(packageId, version);
            int replaced = previous.map(row -> keep(tx, repository, ref, row, keepAs)).orElse(0);
            VersionRow published = StoredVersions.copy(tx, packageId, pending.get(), version,
                    VersionStatus.PUBLISHED, Revisions.next(), clock.instant());
            int files = tx.assets().count(published.id());
            events.record(tx, repository, ref, pending.get(), "Deleted", pending.get().status(),
                    new PackageEvents.Changes(0, files, false, 0, false));
            tx.versions().delete(pending.get().id());
            events.record(tx, repository, ref, published, previous.isEmpty() ? "Created" : "Updated",
                    published.status(), new PackageEvents.Changes(files, replaced, true, 0, true));
            assets.collectGarbage(tx);
            return Optional.of(published);
        });
    }

    /** Keeps a version's content as the build {@code keepAs} names, Unlisted, and removes it; returns its files. */
    private int keep(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref, VersionRow previous,
                     Function<List<AssetRow>, Optional<String>> keepAs) {
        List<AssetRow> files = tx.assets().list(previous.id(), Optional.empty(), Integer.MAX_VALUE);
        keepAs.apply(files).filter(name -> tx.versions().find(previous.packageId(), name).isEmpty()).ifPresent(name -> {
            VersionRow kept = StoredVersions.copy(tx, previous.packageId(), previous, name,
                    VersionStatus.UNLISTED, Revisions.next(), previous.publishedTime());
            events.record(tx, repository, ref, kept, "Created", kept.status(),
                    new PackageEvents.Changes(files.size(), 0, true, 0, true));
        });
        tx.versions().delete(previous.id());
        return files.size();
    }

    /**
     * The package a client publishes into, created on its first publish (publish=ALLOW, upstream=BLOCK); refused
     * when its origin controls or a package group block publishing it here.
     */
    PackageRow publishable(MetadataStore.Transaction tx, DomainRow domain, RepositoryRow repository,
                           PackageRef ref) {
        PackageRow pkg = ref.findIn(tx, repository.id())
                .orElseGet(() -> ref.insertInto(tx, repository.id(), Packages.ALLOW, Packages.BLOCK));
        if (Packages.BLOCK.equals(pkg.publish())) {
            throw ApiException.accessDenied("Publishing " + ref.display() + " to " + repository.name()
                    + " is blocked by the package's origin configuration (publish=BLOCK)");
        }
        groups.refusal(tx, domain.id(), repository.name(), "PUBLISH", ref).ifPresent(reason -> {
            throw ApiException.accessDenied("Publishing " + ref.display() + " to " + repository.name()
                    + " is refused: " + reason);
        });
        return pkg;
    }

    private static ApiException shadowed(RepositoryRow repository, PackageRef ref, String version, String where) {
        return ApiException.conflict("package-version", version, "Version " + version + " of " + ref.display()
                + " is available from " + where + "; a version that exists upstream cannot be published to "
                + repository.name());
    }

    private static boolean sameAssets(MetadataStore.Transaction tx, VersionRow existing, NewVersion version) {
        var stored = tx.assets().list(existing.id(), Optional.empty(), Integer.MAX_VALUE);
        return stored.size() == version.assets().size() && version.assets().stream().allMatch(asset ->
                stored.stream().anyMatch(s -> s.name().equals(asset.name())
                        && s.blob().sha256().equals(asset.staged().sha256())));
    }

    void addContent(MetadataStore.Transaction tx, DomainRow domain, VersionRow row, NewVersion version) {
        for (NewAsset asset : version.assets()) {
            BlobRow blob = assets.record(tx, domain.id(), asset.staged());
            tx.assets().insert(row.id(), asset.name(), blob);
        }
        tx.versions().insertDependencies(row.id(), version.dependencies());
    }

}
