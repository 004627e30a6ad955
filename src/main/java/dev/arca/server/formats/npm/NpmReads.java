package dev.arca.server.formats.npm;

import dev.arca.core.SemanticVersion;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackageReads;
import dev.arca.server.service.Packages;
import dev.arca.server.upstream.UpstreamResolver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The npm registry's read side over one repository: package documents merged across the search order, single
 * versions, tarballs (fetched and retained through upstreams and external connections as needed) and tags.
 */
final class NpmReads {

    static final String TARBALL_ASSET = "package.tgz";
    static final String ABBREVIATED_TYPE = "application/vnd.npm.install-v1+json";
    private static final Set<VersionStatus> DOWNLOADABLE = Set.of(VersionStatus.PUBLISHED, VersionStatus.UNLISTED);

    private final Packages packages;
    private final UpstreamResolver resolver;
    private final DocumentCache documents;

    NpmReads(Packages packages, UpstreamResolver resolver, DocumentCache documents) {
        this.packages = Objects.requireNonNull(packages);
        this.resolver = Objects.requireNonNull(resolver);
        this.documents = Objects.requireNonNull(documents);
    }

    /**
     * The package document: abbreviated when the client prefers npm's install format (and is not about to write
     * it back, {@code ?write=true}), full otherwise. Rendered once until the package changes.
     */
    PackageResponse packument(RepositoryRow repository, NpmName name, PackageRequest request) {
        boolean abbreviated = request.header("accept").map(NpmReads::prefersAbbreviated).orElse(false)
                && !request.query("write").map("true"::equals).orElse(false);
        String variant = (abbreviated ? "abbreviated " : "full ") + request.endpoint();
        String type = (abbreviated ? ABBREVIATED_TYPE : "application/json") + "; charset=utf-8";
        return new PackageResponse.Document(documents.get(repository, name.ref(), variant, () -> {
            List<UpstreamResolver.Layer<NpmPackument.Stored>> layers = layers(repository, name);
            NpmPackument packument = merged(repository, name, layers, request.endpoint());
            return DocumentCache.Rendered.json(type, abbreviated ? packument.abbreviated() : packument.full(),
                    UpstreamResolver.usesExternal(layers));
        }));
    }

    /** One version's full manifest, by version or tag. */
    PackageResponse version(RepositoryRow repository, NpmName name, String versionOrTag, PackageRequest request) {
        return PackageResponse.Json.ok(merged(repository, name, request.endpoint()).version(versionOrTag)
                .orElseThrow(() -> ApiException.notFound("package-version", versionOrTag, "Version or tag "
                        + versionOrTag + " of " + name.full() + " is not available from repository "
                        + repository.name())));
    }

    /** The tags clients of this repository see, merged across the search order. */
    PackageResponse tags(RepositoryRow repository, NpmName name, PackageRequest request) {
        return PackageResponse.Json.ok(merged(repository, name, request.endpoint()).tags());
    }

    /** A version's tarball; a version not stored here is looked for upstream and retained. */
    PackageResponse tarball(RepositoryRow repository, NpmName name, String file) {
        String version = versionOfTarball(name, file);
        VersionRow row = resolver.resolve(repository, name.ref(), version);
        if (!DOWNLOADABLE.contains(row.status())) {
            throw ApiException.notFound("package-version", version, "Version " + version + " of " + name.full()
                    + " is " + row.status().wireName() + " in repository " + repository.name()
                    + " and cannot be downloaded");
        }
        PackageReads.OpenedAsset asset = packages.reads().open(repository, name.ref(), row, TARBALL_ASSET)
                .orElseThrow(() -> ApiException.notFound("asset", TARBALL_ASSET, "Version " + version + " of "
                        + name.full() + " has no tarball"));
        return new PackageResponse.Download(name.tarball(version), "application/octet-stream", asset.blob().size(),
                asset.content(), Optional.of(asset.blob().sha256()));
    }

    NpmPackument merged(RepositoryRow repository, NpmName name, String endpoint) {
        return merged(repository, name, layers(repository, name), endpoint);
    }

    private List<UpstreamResolver.Layer<NpmPackument.Stored>> layers(RepositoryRow repository, NpmName name) {
        return resolver.layers(repository, name.ref(), (tx, pkg) -> new NpmPackument.Stored(tx.versions().list(pkg.id(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Integer.MAX_VALUE),
                tx.assets().blobsByVersion(pkg.id(), TARBALL_ASSET), tx.packages().tags(pkg.id())));
    }

    private static NpmPackument merged(RepositoryRow repository, NpmName name,
                                       List<UpstreamResolver.Layer<NpmPackument.Stored>> layers, String endpoint) {
        NpmPackument packument = NpmPackument.merge(name, layers, endpoint);
        if (packument.isEmpty()) {
            throw ApiException.notFound("package", name.full(), "Package " + name.full()
                    + " is not available from repository " + repository.name());
        }
        return packument;
    }

    /** The version a tarball file name stands for: {@code NAME-VERSION.tgz} with the unscoped name. */
    static String versionOfTarball(NpmName name, String file) {
        String prefix = name.name() + "-";
        Optional<String> version = file.startsWith(prefix) && file.endsWith(".tgz")
                ? Optional.of(file.substring(prefix.length(), file.length() - ".tgz".length()))
                : Optional.empty();
        return version.filter(v -> SemanticVersion.parse(v).isPresent()).orElseThrow(() ->
                ApiException.notFound("asset", file, file + " is not a tarball of " + name.full()
                        + "; tarballs are named " + name.tarball("VERSION")));
    }

    /** Whether an Accept header asks for the abbreviated document rather than the full one. */
    static boolean prefersAbbreviated(String accept) {
        for (String part : accept.split(",")) {
            String[] params = part.strip().split(";");
            if (params[0].strip().equalsIgnoreCase(ABBREVIATED_TYPE)) {
                for (int i = 1; i < params.length; i++) {
                    if (params[i].strip().matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> ok() {
        return Map.of("ok", true);
    }
}
