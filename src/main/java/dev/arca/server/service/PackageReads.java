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
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StampedMemo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading packages, versions and assets: listings, descriptions and downloads as the control plane asks for them
 * (by caller and coordinates, under its permission checks) and as package endpoints do (in a repository they
 * resolved). Downloads stream from the blob store; where an asset is, is remembered until its package changes.
 */
public final class PackageReads {

    /** A package as ListPackages and DescribePackage show it. */
    public record PackageView(PackageRow row, PackageRef ref) {
    }

    /** One version of one package, with the coordinates it was asked for under. */
    public record VersionView(PackageRef ref, VersionRow row) {
    }

    /** A page of versions plus the package's default display version. */
    public record VersionPage(PackageRef ref, List<VersionRow> versions, Optional<String> defaultDisplayVersion,
                              Optional<String> nextToken) {
    }

    public record AssetPage(VersionView version, List<AssetRow> assets, Optional<String> nextToken) {
    }

    /** An asset opened for download; the stream must be closed. */
    public record OpenAsset(String name, String version, String revision, long size, InputStream content) {
    }

    /** An asset opened for download: its stored blob (size, hashes) and its bytes, which must be closed. */
    public record OpenedAsset(BlobRow blob, InputStream content) {
    }

    private record AssetKey(long repositoryId, long versionId, String assetName) {
    }

    /** A stored asset's blob and the key that decrypts it. */
    private record FoundAsset(BlobRow blob, byte[] key) {
    }

    private final StampedMemo<AssetKey, FoundAsset> foundAssets = new StampedMemo<>();
    private final MetadataStore store;
    private final AssetStorage assets;
    private final RepositoryService repositories;

    PackageReads(MetadataStore store, AssetStorage assets, RepositoryService repositories) {
        this.store = Objects.requireNonNull(store);
        this.assets = Objects.requireNonNull(assets);
        this.repositories = Objects.requireNonNull(repositories);
    }

    // As the control plane asks: by caller and coordinates

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
            return new PageToken.Page<>(page.items().stream().map(PackageRows::view).toList(), page.nextToken());
        });
    }

    public PackageView describePackage(Caller caller, Optional<String> owner, String domain, String repository,
                                       PackageRef ref) {
        return store.read(tx -> PackageRows.view(findPackage(tx, caller, owner, domain, repository, ref)));
    }

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
        return store.read(tx -> new VersionView(ref, findVersion(tx, caller, owner, domain, repository, ref, version)));
    }

    public AssetPage listAssets(Caller caller, Optional<String> owner, String domain, String repository, PackageRef ref,
                                String version, Optional<Integer> maxResults, Optional<String> nextToken) {
        int limit = maxResults.orElse(50);
        Optional<String> after = PageToken.decode("assets", nextToken);
        return store.read(tx -> {
            VersionRow row = findVersion(tx, caller, owner, domain, repository, ref, version);
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
            VersionRow row = findVersion(tx, caller, owner, domain, repository, ref, version);
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
                findVersion(tx, caller, owner, domain, repository, ref, version).id()));
    }

    // As package endpoints ask: in a repository they resolved

    /** Where assets bound for a repository are staged: its domain's key. */
    public byte[] domainKey(RepositoryRow repository) {
        return store.read(tx -> assets.domainKey(tx, PackageRows.domain(tx, repository)));
    }

    /** A version the repository itself stores (not its upstreams), in whatever status. */
    public Optional<VersionRow> stored(RepositoryRow repository, PackageRef ref, String version) {
        return store.read(tx -> ref.findIn(tx, repository.id())
                .flatMap(p -> tx.versions().find(p.id(), version)));
    }

    /** One asset of a stored version, with its blob's size and hashes; empty when it has no asset of that name. */
    public Optional<AssetRow> asset(VersionRow version, String assetName) {
        return store.read(tx -> tx.assets().find(version.id(), assetName));
    }

    /** The assets of a stored version, by name, with their blobs' sizes and hashes. */
    public List<AssetRow> assetsOf(VersionRow version) {
        return store.read(tx -> tx.assets().list(version.id(), Optional.empty(), Integer.MAX_VALUE));
    }

    /**
     * Opens a stored version of {@code ref}'s asset; empty when the version has no asset of that name. Where an
     * asset is and its domain's key are remembered until the package changes: downloads repeat.
     */
    public Optional<OpenedAsset> open(RepositoryRow repository, PackageRef ref, VersionRow version,
                                      String assetName) {
        Optional<FoundAsset> found = foundAssets.get(new AssetKey(repository.id(), version.id(), assetName),
                store.changeStamp(ref.format().wireName(), ref.namespace(), ref.name()),
                () -> store.read(tx -> tx.assets().find(version.id(), assetName)
                        .map(asset -> new FoundAsset(asset.blob(),
                                assets.domainKey(tx, PackageRows.domain(tx, repository))))));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OpenedAsset(found.get().blob(), assets.open(found.get().blob(), found.get().key())));
        } catch (IOException e) {
            throw new UncheckedIOException("asset " + assetName + " of version " + version.version()
                    + " cannot be read", e);
        }
    }

    /** The package's own tags in this repository (not its upstreams'); empty when it has none or is not here. */
    public Map<String, String> tags(RepositoryRow repository, PackageRef ref) {
        return store.read(tx -> ref.findIn(tx, repository.id())
                .map(p -> tx.packages().tags(p.id())).orElse(Map.of()));
    }

    private PackageRow findPackage(MetadataStore.Transaction tx, Caller caller, Optional<String> owner, String domain,
                                   String repository, PackageRef ref) {
        return PackageRows.findPackage(tx, repositories.find(tx, caller, owner, domain, repository), ref);
    }

    private VersionRow findVersion(MetadataStore.Transaction tx, Caller caller, Optional<String> owner, String domain,
                                   String repository, PackageRef ref, String version) {
        return PackageRows.findVersion(tx, findPackage(tx, caller, owner, domain, repository, ref), ref, version);
    }

    /** The version the {@code latest} tag names when it is Published, else the newest Published version. */
    private static Optional<String> defaultDisplayVersion(MetadataStore.Transaction tx, PackageRow pkg) {
        return Optional.ofNullable(tx.packages().tags(pkg.id()).get("latest"))
                .flatMap(tagged -> tx.versions().find(pkg.id(), tagged))
                .filter(v -> v.status().equals(VersionStatus.PUBLISHED))
                .or(() -> tx.versions().latest(pkg.id(), List.of(VersionStatus.PUBLISHED)))
                .map(VersionRow::version);
    }
}
