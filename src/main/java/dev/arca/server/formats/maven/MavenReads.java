package dev.arca.server.formats.maven;

import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackageReads;
import dev.arca.server.service.Packages;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Maven repository's read side over one repository: files of versions (fetched and retained through upstreams
 * and external connections as needed), {@code maven-metadata.xml} generated from what the search order offers, and
 * the checksum of either, computed from the bytes served.
 */
final class MavenReads {

    private static final Set<VersionStatus> DOWNLOADABLE = Set.of(VersionStatus.PUBLISHED, VersionStatus.UNLISTED);

    private final Packages packages;
    private final UpstreamResolver resolver;
    private final DocumentCache documents;

    MavenReads(Packages packages, UpstreamResolver resolver, DocumentCache documents) {
        this.packages = Objects.requireNonNull(packages);
        this.resolver = Objects.requireNonNull(resolver);
        this.documents = Objects.requireNonNull(documents);
    }

    /** A stored file, or its checksum. */
    PackageResponse file(RepositoryRow repository, MavenPath.VersionFile request) {
        Located located = locate(repository, request);
        String name = request.file().name();
        if (request.checksum().isPresent()) {
            Checksum checksum = request.checksum().get();
            AssetRow asset = orFetched(repository, request, located,
                    () -> packages.reads().asset(located.version(), located.assetName()));
            return checksum(checksum, checksum.of(asset.blob()), name);
        }
        PackageReads.OpenedAsset opened = orFetched(repository, request, located,
                () -> packages.reads().open(repository, request.artifact().ref(), located.version(),
                        located.assetName()));
        return new PackageResponse.Download(name, "application/octet-stream", opened.blob().size(),
                opened.content(), Optional.of(opened.blob().sha256()));
    }

    /**
     * {@code maven-metadata.xml} of an artifact or of one of its SNAPSHOT versions, or its checksum; generated once
     * until the artifact changes.
     */
    PackageResponse metadata(RepositoryRow repository, MavenPath.Metadata request) {
        DocumentCache.Cached xml = documents.get(repository, request.artifact().ref(),
                request.snapshot().map(version -> "snapshot " + version).orElse("artifact"),
                () -> request.snapshot().map(version -> snapshotMetadata(repository, request.artifact(), version))
                        .orElseGet(() -> artifactMetadata(repository, request.artifact())));
        if (request.checksum().isPresent()) {
            return checksum(request.checksum().get(), request.checksum().get().of(xml.body()), MavenPath.METADATA);
        }
        return new PackageResponse.Download(MavenPath.METADATA, "application/xml", xml.body().length,
                new ByteArrayInputStream(xml.body()), Optional.of(xml.etag()));
    }

    /**
     * What {@code lookup} finds of a file; a file a release that came through an external connection was stored
     * without (a classifier) is fetched first from the public repository it came from.
     */
    private <T> T orFetched(RepositoryRow repository, MavenPath.VersionFile request, Located located,
                            Supplier<Optional<T>> lookup) {
        return lookup.get().or(() -> !request.snapshot() && resolver.fetchAsset(repository,
                        request.artifact().ref(), located.version(), located.assetName()) ? lookup.get()
                        : Optional.empty())
                .orElseThrow(() -> missing(repository, request));
    }

    /** The stored version a request's file belongs to, and the name of that file's asset. */
    private record Located(VersionRow version, String assetName) {
    }

    /**
     * Finds the version holding the file a request names. A release is looked for like any version — upstream and
     * through external connections, and retained. A SNAPSHOT is served from the first repository of the search order
     * that has it, never retained: a newer build replaces it there. A SNAPSHOT file names its build: the version
     * holds it while that build is the newest, the build's own (Unlisted) version once a newer one was published. A
     * file named with {@code SNAPSHOT} means the same kind of file of the newest build.
     */
    private Located locate(RepositoryRow repository, MavenPath.VersionFile request) {
        MavenArtifact artifact = request.artifact();
        MavenFile file = request.file();
        if (!request.snapshot()) {
            return new Located(downloadable(repository, request, resolver.resolve(repository, artifact.ref(),
                    request.version())), file.name());
        }
        if (file.build().isPresent()) {
            Optional<VersionRow> build = resolver.findStored(repository, artifact.ref(), request.storedVersion())
                    .filter(row -> DOWNLOADABLE.contains(row.status()));
            if (build.isPresent()) {
                return new Located(build.get(), file.name());
            }
        }
        VersionRow row = downloadable(repository, request, snapshot(repository, artifact, request.version()));
        if (file.build().isPresent()) {
            return new Located(row, file.name());
        }
        return packages.reads().assetsOf(row).stream().map(AssetRow::name)
                .filter(name -> MavenFile.parse(artifact.artifactId(), row.version(), name)
                        .filter(file::sameKind).isPresent())
                .findFirst().map(name -> new Located(row, name))
                .orElseThrow(() -> missing(repository, request));
    }

    /** A SNAPSHOT version where the search order has it now. */
    private VersionRow snapshot(RepositoryRow repository, MavenArtifact artifact, String version) {
        return resolver.findStored(repository, artifact.ref(), version).orElseThrow(() -> ApiException.notFound(
                "package-version", version, "Version " + version + " of " + artifact.display() + " is not in"
                        + " repository " + repository.name() + " or the repositories it reads from"));
    }

    private static VersionRow downloadable(RepositoryRow repository, MavenPath.VersionFile request, VersionRow row) {
        if (!DOWNLOADABLE.contains(row.status())) {
            throw ApiException.notFound("package-version", request.version(), "Version " + request.version() + " of "
                    + request.artifact().display() + " is " + row.status().wireName() + " in repository "
                    + repository.name() + " and cannot be downloaded");
        }
        return row;
    }

    private static ApiException missing(RepositoryRow repository, MavenPath.VersionFile request) {
        return ApiException.notFound("asset", request.file().name(), request.file().name() + " is not a file of "
                + request.artifact().display() + ":" + request.version() + " in repository " + repository.name());
    }

    /**
     * An artifact's versions as this repository's clients see them: the Published versions of every repository of
     * the search order and those the public repository behind an external connection offers. The requested
     * repository's own versions hide upstream ones of the same name, whatever their status.
     */
    private DocumentCache.Rendered artifactMetadata(RepositoryRow repository, MavenArtifact artifact) {
        List<UpstreamResolver.Layer<List<VersionRow>>> layers = resolver.layers(repository, artifact.ref(),
                (tx, pkg) -> tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                        Integer.MAX_VALUE));
        Set<String> seen = new HashSet<>();
        Set<String> listed = new LinkedHashSet<>();
        Optional<Instant> lastUpdated = Optional.empty();
        for (UpstreamResolver.Layer<List<VersionRow>> layer : layers) {
            for (VersionRow row : layer.stored().orElse(List.of())) {
                boolean published = row.status().equals(VersionStatus.PUBLISHED);
                if (seen.contains(row.version()) || !(published || layer.depth() == 0)) {
                    continue;
                }
                seen.add(row.version());
                if (published) {
                    listed.add(row.version());
                    lastUpdated = later(lastUpdated, row.publishedTime());
                }
            }
            layer.external().ifPresent(external -> external.versions().keySet().stream()
                    .filter(seen::add).forEach(listed::add));
        }
        if (listed.isEmpty()) {
            throw ApiException.notFound("package", artifact.artifactId(), "Package " + artifact.display()
                    + " has no published versions available from repository " + repository.name());
        }
        return new DocumentCache.Rendered("application/xml", MavenMetadata.artifact(artifact, listed, lastUpdated),
                UpstreamResolver.usesExternal(layers));
    }

    /** A SNAPSHOT's newest build: the version's Published content, where the search order has it now. */
    private DocumentCache.Rendered snapshotMetadata(RepositoryRow repository, MavenArtifact artifact,
                                                    String version) {
        VersionRow row = snapshot(repository, artifact, version);
        List<MavenFile> files = packages.reads().assetsOf(row).stream()
                .flatMap(a -> MavenFile.parse(artifact.artifactId(), version, a.name()).stream())
                .filter(f -> f.build().isPresent())
                .sorted(Comparator.comparing(MavenFile::name))
                .toList();
        if (!row.status().equals(VersionStatus.PUBLISHED) || files.isEmpty()) {
            throw ApiException.notFound("package-version", version, "Version " + version + " of "
                    + artifact.display() + " has no published build in repository " + repository.name());
        }
        return new DocumentCache.Rendered("application/xml", MavenMetadata.snapshot(artifact, version,
                files.getFirst().build().orElseThrow(), files, row.publishedTime()), false);
    }

    private static Optional<Instant> later(Optional<Instant> current, Instant candidate) {
        return Optional.of(current.filter(c -> c.isAfter(candidate)).orElse(candidate));
    }

    private static PackageResponse checksum(Checksum checksum, String hex, String fileName) {
        byte[] text = hex.getBytes(StandardCharsets.US_ASCII);
        return new PackageResponse.Download(fileName + "." + checksum.extension(), "text/plain", text.length,
                new ByteArrayInputStream(text), Optional.empty());
    }
}
