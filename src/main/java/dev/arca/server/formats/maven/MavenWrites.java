package dev.arca.server.formats.maven;

import dev.arca.server.error.ApiException;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.store.BlobStore;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Maven repository's write side over one repository, as {@code mvn deploy}, Gradle and curl upload a version:
 * file by file, each file's checksums after it, then {@code maven-metadata.xml}. Files are stored as the version's
 * assets — the version Unfinished until metadata listing it arrives; a SNAPSHOT's build collects its files as its
 * own version until its metadata publishes it in the SNAPSHOT's place. Checksums are checked against the stored
 * bytes, POMs against the path they are deployed to, and neither checksum files nor metadata are kept as sent:
 * the server serves its own.
 */
final class MavenWrites {

    private static final long POM_BYTES = 16L << 20;
    private static final long METADATA_BYTES = 4L << 20;
    private static final long CHECKSUM_BYTES = 1024;

    private final Packages packages;
    private final UpstreamResolver resolver;

    MavenWrites(Packages packages, UpstreamResolver resolver) {
        this.packages = Objects.requireNonNull(packages);
        this.resolver = Objects.requireNonNull(resolver);
    }

    /** A file of a version: stored as an asset of it (of its build, for a SNAPSHOT), Unfinished when new. */
    PackageResponse file(RepositoryRow repository, MavenPath.VersionFile request, PackageRequest http)
            throws IOException {
        MavenFile file = request.file();
        if (request.snapshot() && file.build().isEmpty()) {
            throw ApiException.validation("Files of a SNAPSHOT are deployed with their build's timestamp and number"
                    + " in place of SNAPSHOT (" + request.artifact().artifactId() + "-"
                    + MavenFile.buildVersion(request.version(), "20240102.030405-1") + ".jar), as mvn deploy and"
                    + " Gradle name them");
        }
        long maxAsset = packages.publishing().assets().limits().maxAssetBytes();
        if (http.contentLength() > maxAsset) {
            throw new BlobStore.TooLargeException(maxAsset);
        }
        PackageRef ref = request.artifact().ref();
        String target = target(repository, request);
        byte[] key = packages.reads().domainKey(repository);
        Optional<PackagePublishing.Description> description = Optional.empty();
        BlobStore.StagedBlob staged;
        if (file.isPom()) {
            byte[] pom = new BoundedBody(http.body(), Math.min(maxAsset, POM_BYTES)).readAllBytes();
            description = Optional.of(describe(request, pom));
            staged = packages.publishing().assets().stage(new ByteArrayInputStream(pom), key);
        } else {
            staged = packages.publishing().assets().stage(http.body(), key);
        }
        try (staged) {
            Optional<String> shadowedBy = packages.reads().stored(repository, ref, target).isPresent()
                    ? Optional.empty() : resolver.availableUpstream(repository, ref, request.version());
            PackagePublishing.Uploaded uploaded = packages.publishing().upload(repository, ref, target,
                    new PackagePublishing.NewAsset(file.name(), staged), description, shadowedBy);
            return acknowledged(uploaded.stored() ? 201 : 200);
        }
    }

    /** The checksum of a file just uploaded: checked against the stored bytes, not kept. */
    PackageResponse fileChecksum(RepositoryRow repository, MavenPath.VersionFile request, PackageRequest http)
            throws IOException {
        Checksum checksum = request.checksum().orElseThrow();
        String sent = readChecksum(checksum, http);
        String name = request.file().name();
        AssetRow asset = packages.reads().stored(repository, request.artifact().ref(), target(repository, request))
                .flatMap(row -> packages.reads().asset(row, name))
                .orElseThrow(() -> ApiException.conflict("asset", name, name + " has not been uploaded to"
                        + " repository " + repository.name() + "; upload a file before its checksum"));
        String actual = checksum.of(asset.blob());
        if (!actual.equals(sent)) {
            throw ApiException.validation("The " + checksum.extension() + " checksum uploaded for " + name + " ("
                    + sent + ") does not match the file stored (" + actual + "); the upload was damaged or the"
                    + " checksum is wrong — deploy the version again");
        }
        return acknowledged(200);
    }

    /**
     * {@code maven-metadata.xml} of an artifact publishes the Unfinished versions it lists; that of a SNAPSHOT
     * publishes the build it names in the SNAPSHOT's place, keeping the build it replaces as an Unlisted version.
     * Group-level plugin prefix metadata is accepted and not kept. Its checksums are checked for form only: the
     * server serves the checksum of the metadata it generates.
     */
    PackageResponse metadata(RepositoryRow repository, MavenPath.Metadata request, PackageRequest http)
            throws IOException {
        if (request.checksum().isPresent()) {
            readChecksum(request.checksum().get(), http);
            return acknowledged(200);
        }
        MavenArtifact artifact = request.artifact();
        MavenMetadata.Document document = readMetadata(http);
        if (document.plugins() && document.artifactId().isEmpty()) {
            return acknowledged(200);
        }
        if (!document.groupId().map(artifact.groupId()::equals).orElse(true)
                || !document.artifactId().map(artifact.artifactId()::equals).orElse(true)) {
            throw ApiException.validation("The metadata is about " + document.groupId().orElse("?") + ":"
                    + document.artifactId().orElse("?") + ", but was sent to " + artifact.display());
        }
        if (request.snapshot().isEmpty()) {
            packages.publishing().finish(repository, artifact.ref(), document.versions().stream()
                    .filter(v -> !MavenFile.isSnapshot(v)).toList());
            return acknowledged(200);
        }
        String version = request.snapshot().get();
        if (!document.version().map(version::equals).orElse(true)) {
            throw ApiException.validation("The metadata is about version " + document.version().get()
                    + ", but was sent to " + version);
        }
        String build = document.snapshotBuild().orElseThrow(() -> ApiException.validation("The metadata of a"
                + " SNAPSHOT names the build it publishes: versioning/snapshot with timestamp and buildNumber"));
        Optional<VersionRow> published = packages.publishing().publishBuild(repository, artifact.ref(),
                MavenFile.buildVersion(version, build), version, assets -> MavenFile.buildOf(artifact.artifactId(),
                        version, assets.stream().map(AssetRow::name).toList())
                        .map(previous -> MavenFile.buildVersion(version, previous)));
        if (published.isEmpty() && !build(repository, artifact, version).equals(Optional.of(build))) {
            throw ApiException.conflict("package-version", version, "No files of build " + build + " of "
                    + artifact.display() + ":" + version + " have been uploaded to repository " + repository.name()
                    + "; upload them before the metadata that publishes them");
        }
        return acknowledged(200);
    }

    /**
     * The version a file goes into: the version itself, or for a SNAPSHOT the version of the file's build — unless
     * that build is the one the SNAPSHOT already holds (a file added to the newest build).
     */
    private String target(RepositoryRow repository, MavenPath.VersionFile request) {
        if (request.file().build().isEmpty()) {
            return request.version();
        }
        return build(repository, request.artifact(), request.version()).equals(request.file().build())
                ? request.version() : request.storedVersion();
    }

    /** The build a SNAPSHOT version stored here holds. */
    private Optional<String> build(RepositoryRow repository, MavenArtifact artifact, String version) {
        return packages.reads().stored(repository, artifact.ref(), version).flatMap(row -> MavenFile.buildOf(
                artifact.artifactId(), version, packages.reads().assetsOf(row).stream().map(AssetRow::name).toList()));
    }

    /** The POM's metadata and dependencies, once its coordinates are those of the path it is deployed to. */
    private static PackagePublishing.Description describe(MavenPath.VersionFile request, byte[] content) {
        MavenArtifact artifact = request.artifact();
        MavenPom pom;
        try {
            pom = MavenPom.read(content, artifact.artifactId());
        } catch (IOException e) {
            throw ApiException.validation("The POM of " + artifact.display() + ":" + request.version()
                    + " cannot be read: " + e.getMessage());
        }
        check("group id", pom.groupId(), artifact.groupId());
        check("artifact id", pom.artifactId(), artifact.artifactId());
        check("version", pom.version(), request.version());
        return new PackagePublishing.Description(pom.metadata(), pom.dependencies());
    }

    /** A coordinate the POM states (not through a property it cannot resolve) must be the path's. */
    private static void check(String what, Optional<String> stated, String expected) {
        stated.filter(value -> !value.contains("${") && !value.equals(expected)).ifPresent(value -> {
            throw ApiException.validation("The POM's " + what + " is " + value + ", but it was deployed as "
                    + expected);
        });
    }

    private static MavenMetadata.Document readMetadata(PackageRequest http) throws IOException {
        try (BoundedBody body = new BoundedBody(http.body(), METADATA_BYTES)) {
            return MavenMetadata.read(body);
        } catch (BlobStore.TooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw ApiException.validation("The maven-metadata.xml sent cannot be read: " + e.getMessage());
        }
    }

    private static String readChecksum(Checksum checksum, PackageRequest http) throws IOException {
        String text = new String(new BoundedBody(http.body(), CHECKSUM_BYTES).readAllBytes(),
                StandardCharsets.US_ASCII);
        return checksum.read(text).orElseThrow(() -> ApiException.validation("A ." + checksum.extension()
                + " file holds the file's " + checksum.extension() + " hash in hexadecimal"));
    }

    private static PackageResponse acknowledged(int status) {
        return new PackageResponse.Json(status, "application/json", Map.of());
    }
}
