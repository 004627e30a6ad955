package dev.arca.server.service;

import dev.arca.core.PackageFormat;
import dev.arca.core.ServiceLimits;
import dev.arca.core.UpstreamSearchOrder;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages, versions and assets in repositories: generic publishing, listing, status changes, dispose, delete,
 * copy and origin controls, with CodeArtifact's all-or-nothing batch semantics. Asset bytes go to the
 * {@link BlobStore}; a blob nothing points at any more is removed in the same write that orphaned it.
 */
public final class PackageService {

    private static final Logger LOG = LoggerFactory.getLogger(PackageService.class);

    public static final String ALLOW = "ALLOW";
    public static final String BLOCK = "BLOCK";
    /** The statuses a request may name: a version is never stored Deleted. */
    private static final Set<VersionStatus> STATUSES = EnumSet.complementOf(EnumSet.of(VersionStatus.DELETED));
    private static final Set<VersionStatus> TARGET_STATUSES = EnumSet.of(VersionStatus.PUBLISHED,
            VersionStatus.UNLISTED, VersionStatus.ARCHIVED);
    private static final Pattern GENERIC_ASSET = Pattern.compile("[\\p{L}\\p{N}~!@^&()\\-`_+\\[\\]{};,. ]+");

    /** A package as ListPackages and DescribePackage show it. */
    public record PackageView(PackageRow row, PackageRef ref) {
    }

    /** One version of one package, with the coordinates it was asked for under. */
    public record VersionView(PackageRef ref, VersionRow row) {
    }

    /** The outcome of a publish. */
    public record Published(VersionView version, AssetRow asset) {
    }

    /** A page of versions plus the package's default display version. */
    public record VersionPage(PackageRef ref, List<VersionRow> versions, Optional<String> defaultDisplayVersion,
                              Optional<String> nextToken) {
    }

    /** Per-version results of a batch operation, in request order. */
    public record BatchResult(Map<String, VersionRow> successful, Map<String, VersionError> failed) {
    }

    /** Why one version of a batch failed. */
    public record VersionError(String errorCode, String errorMessage) {
    }

    /** An asset opened for download; the stream must be closed. */
    public record OpenAsset(String name, String version, String revision, long size, InputStream content) {
    }

    private final MetadataStore store;
    private final AssetStorage assets;
    private final RepositoryService repositories;
    private final PackageGroupService groups;
    private final PackageEvents events;
    private final Clock clock;

    public PackageService(MetadataStore store, AssetStorage assets, RepositoryService repositories,
                          PackageGroupService groups, PackageEvents events, Clock clock) {
        this.groups = Objects.requireNonNull(groups);
        this.events = Objects.requireNonNull(events);
        this.store = Objects.requireNonNull(store);
        this.assets = Objects.requireNonNull(assets);
        this.repositories = Objects.requireNonNull(repositories);
        this.clock = Objects.requireNonNull(clock);
    }

    // Publishing

    /**
     * Publishes one asset of a generic package version. The content is staged and hashed before anything is
     * recorded; a wrong hash, a blocked origin or a clash with a different asset of the same name stores nothing.
     */
    public Published publish(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                             String version, String assetName, String declaredSha256, boolean unfinished,
                             InputStream content) {
        if (ref.format() != PackageFormat.GENERIC) {
            throw ApiException.validation("PublishPackageVersion publishes generic packages only; "
                    + ref.format().wireName() + " packages are published through their repository endpoint");
        }
        checkAssetName(assetName);
        record Target(RepositoryRow repository, DomainRow domain, byte[] key) {
        }
        Target target = store.read(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            DomainRow domainRow = tx.domains().find(repo.domainOwner(), repo.domainName()).orElseThrow();
            return new Target(repo, domainRow, assets.domainKey(tx, domainRow));
        });
        try (BlobStore.StagedBlob staged = assets.stage(content, target.key())) {
            if (!staged.sha256().equals(declaredSha256)) {
                throw ApiException.validation("The SHA-256 of the asset content (" + staged.sha256()
                        + ") does not match the one declared in x-amz-content-sha256 (" + declaredSha256 + ")");
            }
            return store.write(tx -> {
                long repositoryId = target.repository().id();
                PackageRow pkg = ref.findIn(tx, repositoryId)
                        .orElseGet(() -> ref.insertInto(tx, repositoryId, ALLOW, BLOCK));
                if (BLOCK.equals(pkg.publish())) {
                    throw ApiException.accessDenied("Publishing " + ref.display() + " to " + repository
                            + " is blocked by the package's origin configuration (publish=BLOCK)");
                }
                groups.refusal(tx, target.domain().id(), repository, "PUBLISH", ref).ifPresent(reason -> {
                    throw ApiException.accessDenied("Publishing " + ref.display() + " to " + repository
                            + " is refused: " + reason);
                });
                Optional<VersionRow> existing = tx.versions().find(pkg.id(), version);
                VersionRow row;
                RepositoryRow repo = target.repository();
                if (existing.isEmpty()) {
                    VersionStatus status = unfinished ? VersionStatus.UNFINISHED : VersionStatus.PUBLISHED;
                    row = tx.versions().insert(pkg.id(), version, status, Revisions.next(), clock.instant(),
                            "INTERNAL", Optional.of(repository), Optional.empty(),
                            new VersionMetadata(Optional.of(ref.name()), Optional.empty(), Optional.empty(),
                                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                } else {
                    row = existing.get();
                    if (row.status() != VersionStatus.PUBLISHED && row.status() != VersionStatus.UNFINISHED) {
                        throw ApiException.conflict("package-version", version, "Version " + version + " of "
                                + ref.display() + " is " + row.status().wireName() + "; assets can be added only while"
                                + " it is Unfinished or Published");
                    }
                    Optional<AssetRow> same = tx.assets().find(row.id(), assetName);
                    if (same.isPresent()) {
                        if (!same.get().blob().sha256().equals(staged.sha256())) {
                            throw ApiException.conflict("asset", assetName, "Asset " + assetName + " of version "
                                    + version + " already exists with different content; assets cannot be overwritten");
                        }
                        if (row.status().equals(VersionStatus.UNFINISHED) && !unfinished) {
                            row = setState(tx, row, VersionStatus.PUBLISHED);
                            events.record(tx, repo, ref, row, "Updated", VersionStatus.PUBLISHED,
                                    new PackageEvents.Changes(0, 0, false, 0, true));
                        }
                        return new Published(new VersionView(ref, row), same.get());
                    }
                }
                if (existing.isPresent()) {
                    if (tx.assets().count(row.id()) >= assets.limits().maxAssetsPerVersion()) {
                        throw ApiException.quotaExceeded("package-version", version, "A version can hold at most "
                                + assets.limits().maxAssetsPerVersion() + " assets");
                    }
                    boolean finishing = row.status() == VersionStatus.UNFINISHED && !unfinished;
                    row = setState(tx, row, finishing ? VersionStatus.PUBLISHED : row.status());
                }
                BlobRow blob = assets.record(tx, target.domain().id(), staged);
                tx.assets().insert(row.id(), assetName, blob);
                boolean statusChanged = existing.isEmpty() || !existing.get().status().equals(row.status());
                events.record(tx, repo, ref, row, existing.isEmpty() ? "Created" : "Updated", row.status(),
                        new PackageEvents.Changes(1, 0, existing.isEmpty(), 0, statusChanged));
                return new Published(new VersionView(ref, row), new AssetRow(assetName, blob));
            });
        } catch (BlobStore.TooLargeException e) {
            throw ApiException.quotaExceeded("asset", assetName, "Asset " + assetName + " is larger than the "
                    + assets.limits().maxAssetBytes() + "-byte limit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Packages

    public PageToken.Page<PackageView> listPackages(Caller caller, Optional<String> owner, String domain,
                                                    String repository, Optional<PackageFormat> format,
                                                    Optional<String> namespace, Optional<String> prefix,
                                                    Optional<String> publish, Optional<String> upstream,
                                                    Optional<Integer> maxResults, Optional<String> nextToken) {
        if (namespace.isPresent() && format.isEmpty()) {
            throw ApiException.validation("A namespace filter needs a format filter too");
        }
        int limit = maxResults.orElse(100);
        Optional<String> after = PageToken.decode("packages", nextToken);
        Optional<String> normalizedPrefix = prefix.map(p -> format.map(f -> PackageRef.normalize(f, p)).orElse(p));
        return store.read(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            List<PackageRow> rows = tx.packages().list(repo.id(), format.map(PackageFormat::wireName), namespace,
                    normalizedPrefix, publish, upstream, after, limit + 1);
            PageToken.Page<PackageRow> page = PageToken.page("packages", rows, limit,
                    r -> r.format() + "\u0000" + r.namespace() + "\u0000" + r.name());
            return new PageToken.Page<>(page.items().stream().map(PackageService::view).toList(), page.nextToken());
        });
    }

    public PackageView describePackage(Caller caller, Optional<String> owner, String domain, String repository,
                                       PackageRef ref) {
        return store.read(tx -> view(findPackage(tx, caller, owner, domain, repository, ref)));
    }

    /** Deletes a package with every version; blobs nothing else holds go with it. */
    public PackageView deletePackage(Caller caller, Optional<String> owner, String domain, String repository,
                                     PackageRef ref) {
        return store.write(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            PackageRow pkg = findPackage(tx, repo, ref);
            for (VersionRow version : tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Integer.MAX_VALUE)) {
                events.record(tx, repo, ref, version, "Deleted", version.status(),
                        new PackageEvents.Changes(0, tx.assets().count(version.id()), false, 0, false));
            }
            tx.packages().delete(pkg.id());
            assets.collectGarbage(tx);
            return view(pkg);
        });
    }

    /** Sets a package's origin controls, creating an empty package to hold them when it does not exist yet. */
    public PackageView putOriginConfiguration(Caller caller, Optional<String> owner, String domain, String repository,
                                              PackageRef ref, String publish, String upstream) {
        return store.write(tx -> {
            RepositoryRow repo = repositories.find(tx, caller, owner, domain, repository);
            Optional<PackageRow> pkg = ref.findIn(tx, repo.id());
            if (pkg.isEmpty()) {
                return view(ref.insertInto(tx, repo.id(), publish, upstream));
            }
            tx.packages().updateOrigin(pkg.get().id(), publish, upstream);
            PackageRow p = pkg.get();
            return view(new PackageRow(p.id(), p.repositoryId(), p.format(), p.namespace(), p.name(), publish, upstream));
        });
    }

    // Versions

    public VersionPage listVersions(Caller caller, Optional<String> owner, String domain, String repository,
                                    PackageRef ref, Optional<VersionStatus> status, Optional<String> originType,
                                    boolean newestFirst, Optional<Integer> maxResults, Optional<String> nextToken) {
        int limit = maxResults.orElse(50);
        String list = newestFirst ? "versions-by-time" : "versions";
        Optional<String> after = PageToken.decode(list, nextToken);
        return store.read(tx -> {
            PackageRow pkg = findPackage(tx, caller, owner, domain, repository, ref);
            List<VersionRow> rows = tx.versions().list(pkg.id(), status, originType, newestFirst, after, limit + 1);
            PageToken.Page<VersionRow> page = PageToken.page(list, rows, limit, newestFirst
                    ? r -> r.publishedTime().toEpochMilli() + "\u0000" + r.version()
                    : VersionRow::version);
            Optional<String> display = defaultDisplayVersion(tx, pkg);
            return new VersionPage(ref, page.items(), display, page.nextToken());
        });
    }

    public VersionView describeVersion(Caller caller, Optional<String> owner, String domain, String repository,
                                       PackageRef ref, String version) {
        return store.read(tx -> new VersionView(ref, findVersion(tx, findPackage(tx, caller, owner, domain, repository,
                ref), ref, version)));
    }

    public record AssetPage(VersionView version, List<AssetRow> assets, Optional<String> nextToken) {
    }

    public AssetPage listAssets(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                                String version, Optional<Integer> maxResults, Optional<String> nextToken) {
        int limit = maxResults.orElse(50);
        Optional<String> after = PageToken.decode("assets", nextToken);
        return store.read(tx -> {
            VersionRow row = findVersion(tx, findPackage(tx, caller, owner, domain, repository, ref), ref, version);
            PageToken.Page<AssetRow> page = PageToken.page("assets", tx.assets().list(row.id(), after, limit + 1),
                    limit, AssetRow::name);
            return new AssetPage(new VersionView(ref, row), page.items(), page.nextToken());
        });
    }

    /** Opens an asset for streaming; Unfinished, Archived and Disposed versions cannot be downloaded. */
    public OpenAsset openAsset(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                               String version, String assetName, Optional<String> revision) {
        record Found(VersionRow version, AssetRow asset, byte[] key) {
        }
        Found found = store.read(tx -> {
            VersionRow row = findVersion(tx, findPackage(tx, caller, owner, domain, repository, ref), ref, version);
            if (revision.isPresent() && !revision.get().equals(row.revision())) {
                throw ApiException.conflict("package-version", version, "Version " + version + " has revision "
                        + row.revision() + ", not " + revision.get());
            }
            if (!row.status().equals(VersionStatus.PUBLISHED) && !row.status().equals(VersionStatus.UNLISTED)) {
                throw ApiException.conflict("package-version", version, "Assets of version " + version
                        + " cannot be downloaded while it is " + row.status().wireName());
            }
            AssetRow asset = tx.assets().find(row.id(), assetName).orElseThrow(() -> ApiException.notFound("asset",
                    assetName, "Version " + version + " of " + ref.display() + " has no asset " + assetName));
            DomainRow domainRow = tx.domains().find(owner.orElse(caller.accountId()), domain).orElseThrow();
            return new Found(row, asset, assets.domainKey(tx, domainRow));
        });
        try {
            return new OpenAsset(assetName, version, found.version().revision(), found.asset().blob().size(),
                    assets.open(found.asset().blob(), found.key()));
        } catch (IOException e) {
            throw new UncheckedIOException("asset " + assetName + " of " + ref.display() + " " + version
                    + " cannot be read", e);
        }
    }

    public List<DependencyRow> dependencies(Caller caller, Optional<String> owner, String domain, String repository,
                                            PackageRef ref, String version) {
        return store.read(tx -> tx.versions().dependencies(
                findVersion(tx, findPackage(tx, caller, owner, domain, repository, ref), ref, version).id()));
    }

    // Batch operations

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
                    VersionRow changed = setState(tx, row, targetStatus);
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
                    VersionRow disposed = setState(tx, row, VersionStatus.DISPOSED);
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
            PackageRow pkg = findPackage(tx, repo, ref);
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
                        failed.put(version, new VersionError("ALREADY_EXISTS", "Version " + version + " already exists"));
                        continue;
                    }
                }
                found.put(version, row);
                foundIn.put(version, hit.get().getKey());
            }
            if (!failed.isEmpty()) {
                return new BatchResult(Map.of(), skipAllBut(requested, failed, v -> "Version " + v + " was skipped"));
            }
            PackageRow target = destinationPackage.orElseGet(() -> ref.insertInto(tx, to.id(), ALLOW, BLOCK));
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
            LOG.debug("Copied {} versions of {} ({} already there)", successful.size(), ref.display(), identical.size());
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

    /** The version the {@code latest} tag names when it is Published, else the newest Published version. */
    private static Optional<String> defaultDisplayVersion(MetadataStore.Transaction tx, PackageRow pkg) {
        return Optional.ofNullable(tx.packages().tags(pkg.id()).get("latest"))
                .flatMap(tagged -> tx.versions().find(pkg.id(), tagged))
                .filter(v -> v.status().equals(VersionStatus.PUBLISHED))
                .or(() -> tx.versions().latest(pkg.id(), List.of(VersionStatus.PUBLISHED)))
                .map(VersionRow::version);
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

    // Helpers

    private PackageRow findPackage(MetadataStore.Transaction tx, Caller caller, Optional<String> owner, String domain,
                                   String repository, PackageRef ref) {
        return findPackage(tx, repositories.find(tx, caller, owner, domain, repository), ref);
    }

    private static PackageRow findPackage(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref) {
        return ref.findIn(tx, repository.id())
                .orElseThrow(() -> ApiException.notFound("package", ref.name(), "Package " + ref.display()
                        + " does not exist in repository " + repository.name()));
    }

    private static VersionRow findVersion(MetadataStore.Transaction tx, PackageRow pkg, PackageRef ref, String version) {
        return tx.versions().find(pkg.id(), version).orElseThrow(() -> ApiException.notFound("package-version", version,
                "Version " + version + " of " + ref.display() + " does not exist in this repository"));
    }

    private static VersionRow setState(MetadataStore.Transaction tx, VersionRow row, VersionStatus status) {
        String revision = Revisions.next();
        tx.versions().updateState(row.id(), status, revision);
        return row.withStatus(status, revision);
    }

    private static PackageView view(PackageRow row) {
        PackageFormat format = PackageFormat.fromWire(row.format()).orElseThrow();
        return new PackageView(row, new PackageRef(format, row.namespace(), row.name()));
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

    private static void checkAssetName(String name) {
        if (name.equals(".") || name.equals("..") || !GENERIC_ASSET.matcher(name).matches()) {
            throw ApiException.validation("Asset name '" + name + "' may contain only letters, digits, spaces and"
                    + " ~ ! @ ^ & ( ) - ` _ + [ ] { } ; , . and cannot be . or ..");
        }
    }

    /** Bytes a domain's assets take, each stored blob once. */
    public long domainAssetBytes(MetadataStore.Transaction tx, long domainId) {
        return tx.assets().domainBytes(domainId);
    }
}
