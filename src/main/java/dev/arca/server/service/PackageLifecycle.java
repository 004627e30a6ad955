package dev.arca.server.service;

import dev.arca.core.ServiceLimits;
import dev.arca.core.UpstreamSearchOrder;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackageReads.PackageView;
import dev.arca.server.store.MetadataStore;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to stored packages and versions after they are published: origin controls, status changes,
 * dispose, delete and copy between repositories, with CodeArtifact's all-or-nothing batch semantics guarded by the
 * revision and status the caller saw. The package's one collector of blobs: a blob nothing points at any more is
 * removed in the same write that orphaned it.
 */
public final class PackageLifecycle {

    /** Per-version results of a batch operation, in request order. */
    public record BatchResult(Map<String, VersionRow> successful, Map<String, VersionError> failed) {
    }

    /** Why one version of a batch failed. */
    public record VersionError(String errorCode, String errorMessage) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PackageLifecycle.class);
    /** The statuses a request may name: a version is never stored Deleted. */
    private static final Set<VersionStatus> STATUSES = EnumSet.complementOf(EnumSet.of(VersionStatus.DELETED));
    private static final Set<VersionStatus> TARGET_STATUSES = EnumSet.of(VersionStatus.PUBLISHED,
            VersionStatus.UNLISTED, VersionStatus.ARCHIVED);

    private final MetadataStore store;
    private final AssetStorage assets;
    private final RepositoryService repositories;
    private final PackageEvents events;

    PackageLifecycle(MetadataStore store, AssetStorage assets, RepositoryService repositories, PackageEvents events) {
        this.store = Objects.requireNonNull(store);
        this.assets = Objects.requireNonNull(assets);
        this.repositories = Objects.requireNonNull(repositories);
        this.events = Objects.requireNonNull(events);
    }

    /** Deletes a package with every version; blobs nothing else holds go with it. */
    public PackageView deletePackage(Caller caller, Optional<String> owner, String domain, String repository,
                                     PackageRef ref) {
        return store.write(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            PackageRow pkg = PackageRows.findPackage(tx, repo, ref);
            for (VersionRow version : tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Integer.MAX_VALUE)) {
                events.record(tx, repo, ref, version, "Deleted", version.status(),
                        new PackageEvents.Changes(0, tx.assets().count(version.id()), false, 0, false));
            }
            tx.packages().delete(pkg.id());
            assets.collectGarbage(tx);
            return PackageRows.view(pkg);
        });
    }

    /** Sets a package's origin controls, creating an empty package to hold them when it does not exist yet. */
    public PackageView putOriginConfiguration(Caller caller, Optional<String> owner, String domain, String repository,
                                              PackageRef ref, String publish, String upstream) {
        return store.write(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            Optional<PackageRow> pkg = ref.findIn(tx, repo.id());
            if (pkg.isEmpty()) {
                return PackageRows.view(ref.insertInto(tx, repo.id(), publish, upstream));
            }
            tx.packages().updateOrigin(pkg.get().id(), publish, upstream);
            PackageRow p = pkg.get();
            return PackageRows.view(new PackageRow(p.id(), p.repositoryId(), p.format(), p.namespace(), p.name(),
                    publish, upstream));
        });
    }

    /** Moves versions to Published, Unlisted or Archived: all of them, or none. */
    public BatchResult updateStatus(Caller caller, Optional<String> owner, String domain, String repository,
                                    PackageRef ref, List<String> versions, Map<String, String> revisions,
                                    Optional<VersionStatus> expectedStatus, VersionStatus targetStatus) {
        if (!TARGET_STATUSES.contains(targetStatus)) {
            throw ApiException.validation("targetStatus must be Published, Unlisted or Archived, not "
                    + targetStatus.wireName()
                    + (targetStatus.equals(VersionStatus.DISPOSED) ? " (use DisposePackageVersions)" : ""));
        }
        return batch(caller, owner, domain, repository, ref, versions, revisions, expectedStatus,
                "is skipped", row -> row.status().equals(VersionStatus.DISPOSED)
                        ? Optional.of(new VersionError("NOT_ALLOWED", "version " + row.version()
                        + " is Disposed and can no longer change status")) : Optional.empty(),
                (tx, repo, row) -> {
                    if (row.status().equals(targetStatus)) {
                        return row;
                    }
                    VersionRow changed = PackageRows.setState(tx, row, targetStatus);
                    events.record(tx, repo, ref, changed, "Updated", targetStatus,
                            new PackageEvents.Changes(0, 0, false, 0, true));
                    return changed;
                }, false);
    }

    /** Removes the assets of versions and marks them Disposed: all of them, or none. */
    public BatchResult dispose(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                               List<String> versions, Map<String, String> revisions,
                               Optional<VersionStatus> expectedStatus) {
        return batch(caller, owner, domain, repository, ref, versions, revisions, expectedStatus, "is skipped",
                row -> Optional.empty(),
                (tx, repo, row) -> {
                    if (row.status().equals(VersionStatus.DISPOSED)) {
                        return row;
                    }
                    int removed = tx.assets().count(row.id());
                    tx.assets().deleteAll(row.id());
                    VersionRow disposed = PackageRows.setState(tx, row, VersionStatus.DISPOSED);
                    events.record(tx, repo, ref, disposed, "Updated", VersionStatus.DISPOSED,
                            new PackageEvents.Changes(0, removed, false, 0, true));
                    return disposed;
                }, true);
    }

    /** Deletes versions outright: all of them, or none. They can be published again afterwards. */
    public BatchResult delete(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                              List<String> versions, Optional<VersionStatus> expectedStatus) {
        return batch(caller, owner, domain, repository, ref, versions, Map.of(), expectedStatus, "is skipped",
                row -> Optional.empty(),
                (tx, repo, row) -> {
                    events.record(tx, repo, ref, row, "Deleted", row.status(),
                            new PackageEvents.Changes(0, tx.assets().count(row.id()), false, 0, false));
                    tx.packages().deleteTagsOf(row.packageId(), row.version());
                    tx.versions().delete(row.id());
                    return row.withStatus(VersionStatus.DELETED, row.revision());
                }, true);
    }

    @FunctionalInterface
    private interface VersionChange {
        VersionRow apply(MetadataStore.Transaction tx, RepositoryRow repository, VersionRow row);
    }

    @FunctionalInterface
    private interface VersionCheck {
        Optional<VersionError> check(VersionRow row);
    }

    private BatchResult batch(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                              List<String> versions, Map<String, String> revisions,
                              Optional<VersionStatus> expectedStatus, String skipped, VersionCheck allowed,
                              VersionChange change, boolean freesAssets) {
        checkVersionList(versions, revisions, true);
        return store.write(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            PackageRow pkg = PackageRows.findPackage(tx, repo, ref);
            Map<String, VersionRow> rows = new LinkedHashMap<>();
            Map<String, VersionError> failed = new LinkedHashMap<>();
            for (String version : versions) {
                Optional<VersionRow> row = tx.versions().find(pkg.id(), version);
                if (row.isEmpty()) {
                    failed.put(version, new VersionError("NOT_FOUND", "Could not find version " + version));
                    continue;
                }
                VersionRow current = row.get();
                String expectedRevision = revisions.get(version);
                if (expectedRevision != null && !expectedRevision.equals(current.revision())) {
                    failed.put(version, new VersionError("MISMATCHED_REVISION", "current revision: "
                            + current.revision() + ", expected revision: " + expectedRevision));
                } else if (expectedStatus.isPresent() && !expectedStatus.get().equals(current.status())) {
                    failed.put(version, new VersionError("MISMATCHED_STATUS", "current status: "
                            + current.status().wireName() + ", expected status: " + expectedStatus.get().wireName()));
                } else {
                    allowed.check(current).ifPresentOrElse(error -> failed.put(version, error),
                            () -> rows.put(version, current));
                }
            }
            if (!failed.isEmpty()) {
                return new BatchResult(Map.of(), skipAllBut(versions, failed, v -> "version " + v + " " + skipped));
            }
            Map<String, VersionRow> successful = new LinkedHashMap<>();
            rows.forEach((version, row) -> successful.put(version, change.apply(tx, repo, row)));
            if (freesAssets) {
                assets.collectGarbage(tx);
            }
            return new BatchResult(successful, Map.of());
        });
    }

    /**
     * Copies versions of one package between repositories of a domain, sharing the stored bytes. All or
     * nothing; versions already in the destination with the same assets count as done and are not reported.
     */
    public BatchResult copy(Caller caller, Optional<String> owner, String domain, String source, String destination,
                            PackageRef ref, List<String> versions, Map<String, String> revisions,
                            boolean allowOverwrite, boolean includeFromUpstream) {
        if (versions.isEmpty() == revisions.isEmpty()) {
            throw ApiException.validation("Give either versions or versionRevisions, not both and not neither");
        }
        List<String> requested = versions.isEmpty() ? List.copyOf(revisions.keySet()) : versions;
        checkVersionList(requested, Map.of(), false);
        return store.write(tx -> {
            RepositoryRow from = repositories.find(tx, caller, owner, domain, source);
            RepositoryRow to = repositories.find(tx, caller, owner, domain, destination);
            Map<String, VersionError> failed = new LinkedHashMap<>();
            Map<String, VersionRow> found = new LinkedHashMap<>();
            Map<String, PackageRow> foundIn = new LinkedHashMap<>();
            Optional<PackageRow> destinationPackage = ref.findIn(tx, to.id());
            Set<String> identical = new HashSet<>();
            for (String version : requested) {
                Optional<Map.Entry<PackageRow, VersionRow>> hit = locate(tx, from, ref, version, includeFromUpstream);
                if (hit.isEmpty()) {
                    failed.put(version, new VersionError("NOT_FOUND", "Could not find version " + version));
                    continue;
                }
                VersionRow row = hit.get().getValue();
                String expectedRevision = revisions.get(version);
                if (expectedRevision != null && !expectedRevision.equals(row.revision())) {
                    failed.put(version, new VersionError("MISMATCHED_REVISION", "current revision: "
                            + row.revision() + ", expected revision: " + expectedRevision));
                    continue;
                }
                Optional<VersionRow> existing = destinationPackage.flatMap(p -> tx.versions().find(p.id(), version));
                if (existing.isPresent()) {
                    if (sameContent(tx, existing.get(), row)) {
                        identical.add(version);
                        continue;
                    }
                    if (!allowOverwrite) {
                        failed.put(version, new VersionError("ALREADY_EXISTS",
                                "Version " + version + " already exists"));
                        continue;
                    }
                }
                found.put(version, row);
                foundIn.put(version, hit.get().getKey());
            }
            if (!failed.isEmpty()) {
                return new BatchResult(Map.of(), skipAllBut(requested, failed, v -> "Version " + v + " was skipped"));
            }
            PackageRow target = destinationPackage
                    .orElseGet(() -> ref.insertInto(tx, to.id(), Packages.ALLOW, Packages.BLOCK));
            Map<String, VersionRow> successful = new LinkedHashMap<>();
            for (Map.Entry<String, VersionRow> entry : found.entrySet()) {
                tx.versions().find(target.id(), entry.getKey()).ifPresent(old -> tx.versions().delete(old.id()));
                VersionRow copied = StoredVersions.copy(tx, target.id(), entry.getValue());
                // Tags pointing at a copied version come along and win over same-named tags in the destination.
                tx.packages().tags(foundIn.get(entry.getKey()).id()).forEach((tag, tagged) -> {
                    if (tagged.equals(entry.getKey())) {
                        tx.packages().putTag(target.id(), tag, tagged);
                    }
                });
                events.record(tx, to, ref, copied, "Created", copied.status(), new PackageEvents.Changes(
                        tx.assets().count(copied.id()), 0, true, 0, true));
                successful.put(entry.getKey(), copied);
            }
            if (allowOverwrite) {
                assets.collectGarbage(tx);
            }
            LOG.debug("Copied {} versions of {} ({} already there)", successful.size(), ref.display(),
                    identical.size());
            return new BatchResult(successful, Map.of());
        });
    }

    /** Finds a version in a repository or, when asked, through its upstreams in search order (25 at most). */
    private static Optional<Map.Entry<PackageRow, VersionRow>> locate(MetadataStore.Transaction tx,
                                                                      RepositoryRow start, PackageRef ref,
                                                                      String version, boolean upstreams) {
        List<UpstreamSearchOrder.Stop<Long>> order = UpstreamSearchOrder.of(start.id(),
                id -> upstreams ? tx.repositories().upstreams(id) : List.of(),
                ServiceLimits.DEFAULT.upstreamSearchBudget());
        for (UpstreamSearchOrder.Stop<Long> stop : order) {
            Optional<PackageRow> pkg = ref.findIn(tx, stop.repository());
            Optional<VersionRow> row = pkg.flatMap(p -> tx.versions().find(p.id(), version));
            if (row.isPresent()) {
                return Optional.of(Map.entry(pkg.get(), row.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean sameContent(MetadataStore.Transaction tx, VersionRow a, VersionRow b) {
        List<String> left = tx.assets().list(a.id(), Optional.empty(), Integer.MAX_VALUE).stream()
                .map(x -> x.name() + "=" + x.blob().sha256()).toList();
        List<String> right = tx.assets().list(b.id(), Optional.empty(), Integer.MAX_VALUE).stream()
                .map(x -> x.name() + "=" + x.blob().sha256()).toList();
        return left.equals(right) && a.status().equals(b.status()) && a.metadata().equals(b.metadata());
    }

    private static Map<String, VersionError> skipAllBut(List<String> versions, Map<String, VersionError> failed,
                                                        java.util.function.Function<String, String> message) {
        Map<String, VersionError> out = new LinkedHashMap<>();
        for (String version : versions) {
            out.put(version, failed.getOrDefault(version, new VersionError("SKIPPED", message.apply(version))));
        }
        return out;
    }

    /** Collects every orphaned blob, e.g. after a repository was deleted with its packages. */
    public void collectGarbage() {
        store.write(tx -> {
            assets.collectGarbage(tx);
            return null;
        });
    }

    /** The status a request names by its wire name; Deleted and unknown names are a ValidationException. */
    public static VersionStatus status(String wireName) {
        return VersionStatus.fromWire(wireName).filter(STATUSES::contains).orElseThrow(() -> ApiException.validation(
                "Status " + wireName + " is not one of " + STATUSES.stream().map(VersionStatus::wireName).sorted()
                        .toList()));
    }

    private static void checkVersionList(List<String> versions, Map<String, String> revisions, boolean required) {
        if (required && versions.isEmpty()) {
            throw ApiException.validation("versions must name at least one version");
        }
        if (versions.size() > ServiceLimits.VERSIONS_PER_BATCH) {
            throw ApiException.validation("At most " + ServiceLimits.VERSIONS_PER_BATCH
                    + " versions can be changed in one request, not " + versions.size());
        }
        if (new HashSet<>(versions).size() != versions.size()) {
            throw ApiException.validation("versions lists a version more than once");
        }
        if (!revisions.isEmpty() && !revisions.keySet().equals(new HashSet<>(versions))) {
            throw ApiException.validation("versionRevisions must name exactly the versions in versions");
        }
    }
}
