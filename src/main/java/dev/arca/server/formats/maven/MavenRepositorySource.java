package dev.arca.server.formats.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.BlobStore;
import dev.arca.server.upstream.ExternalPackage;
import dev.arca.server.upstream.ExternalSource;
import dev.arca.server.upstream.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A public Maven repository behind {@code public:maven-central} and the other Maven connections, at the configured
 * URL (the repository root, Maven 2 layout). An artifact's versions come from its {@code maven-metadata.xml}
 * (the server orders them itself, so the repository's {@code latest} and {@code release} are not needed).
 * Fetching a version brings the files that follow standard Maven naming (spec/behavior.md §7): the POM, the main
 * artifact its packaging names, and the sources, javadoc and Gradle module files when the repository has them —
 * each checked against the SHA-1 the repository publishes next to it before anything is stored. Public repositories
 * hold releases only: SNAPSHOTs are never fetched.
 */
public final class MavenRepositorySource implements ExternalSource {

    private static final long MAX_DOCUMENT_BYTES = 16L << 20;
    /** Files a version may have besides its POM and main artifact, after ARTIFACT-VERSION. */
    private static final List<String> COMPANIONS = List.of("-sources.jar", "-javadoc.jar", ".module");
    /** Packagings whose main artifact is a jar. */
    private static final List<String> JAR_PACKAGINGS = List.of("jar", "bundle", "maven-plugin", "ejb",
            "eclipse-plugin", "maven-archetype", "test-jar");

    private final URI repository;
    private final RegistryClient client;

    /** @param repository the repository root; a missing trailing slash is added */
    public MavenRepositorySource(URI repository, HttpClient http) {
        this.repository = RegistryClient.root(repository);
        this.client = new RegistryClient(http, this.repository);
    }

    @Override
    public Optional<ExternalPackage> describe(PackageRef ref) throws IOException {
        MavenArtifact artifact = MavenArtifact.of(ref);
        HttpResponse<InputStream> response = get(artifact.directory() + "/" + MavenPath.METADATA);
        try (BoundedBody body = new BoundedBody(response.body(), MAX_DOCUMENT_BYTES)) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            client.expectOk(response, artifact.display());
            MavenMetadata.Document document = MavenMetadata.read(body);
            Map<String, JsonNode> versions = new LinkedHashMap<>();
            document.versions().stream().filter(MavenArtifact::isVersion)
                    .forEach(v -> versions.put(v, JsonNodeFactory.instance.objectNode()));
            return Optional.of(new ExternalPackage(versions, Map.of(), body.consumed()));
        }
    }

    @Override
    public Optional<PackagePublishing.NewVersion> fetch(PackageRef ref, String version, Stager stager)
            throws IOException {
        if (MavenFile.isSnapshot(version)) {
            return Optional.empty();
        }
        MavenArtifact artifact = MavenArtifact.of(ref);
        String file = artifact.artifactId() + "-" + version;
        String directory = artifact.directory() + "/" + version + "/";
        Optional<byte[]> pom = document(directory + file + ".pom");
        if (pom.isEmpty()) {
            return Optional.empty();
        }
        MavenPom described;
        try {
            described = MavenPom.read(pom.get(), artifact.artifactId());
        } catch (IOException e) {
            throw new IOException("the POM of " + artifact.display() + ":" + version + " from " + repository
                    + " cannot be read: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>(List.of(file + ".pom"));
        mainExtension(described.packaging()).ifPresent(extension -> names.add(file + "." + extension));
        COMPANIONS.forEach(companion -> names.add(file + companion));
        List<PackagePublishing.NewAsset> assets = new ArrayList<>();
        try {
            assets.add(new PackagePublishing.NewAsset(names.getFirst(),
                    stager.stage(new ByteArrayInputStream(pom.get()))));
            for (String name : names.subList(1, names.size())) {
                Optional<BlobStore.StagedBlob> staged = stage(directory + name, stager);
                if (staged.isPresent()) {
                    assets.add(new PackagePublishing.NewAsset(name, staged.get()));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (PackagePublishing.NewAsset asset : assets) {
                asset.staged().close();
            }
            throw e;
        }
        return Optional.of(new PackagePublishing.NewVersion(version, described.metadata(), described.dependencies(),
                assets));
    }

    /** A standard-named file of a release ({@code ARTIFACT-VERSION[-CLASSIFIER].EXT}) that fetch did not bring. */
    @Override
    public Optional<BlobStore.StagedBlob> fetchAsset(PackageRef ref, String version, String assetName,
                                                     Stager stager) throws IOException {
        MavenArtifact artifact = MavenArtifact.of(ref);
        if (MavenFile.isSnapshot(version) || MavenFile.parse(artifact.artifactId(), version, assetName).isEmpty()) {
            return Optional.empty();
        }
        return stage(artifact.directory() + "/" + version + "/" + assetName, stager);
    }

    /** The file that packaging produces, by extension; none for {@code pom}. */
    private static Optional<String> mainExtension(String packaging) {
        if (packaging.equals("pom")) {
            return Optional.empty();
        }
        return Optional.of(JAR_PACKAGINGS.contains(packaging) ? "jar" : packaging);
    }

    /** A small file (a POM), checked against its published SHA-1; empty when the repository does not have it. */
    private Optional<byte[]> document(String path) throws IOException {
        HttpResponse<InputStream> response = get(path);
        byte[] content;
        try (BoundedBody body = new BoundedBody(response.body(), MAX_DOCUMENT_BYTES)) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            client.expectOk(response, path);
            content = body.readAllBytes();
        }
        verify(path, Checksum.SHA1.of(content));
        return Optional.of(content);
    }

    /** A file staged as it downloads, checked against its published SHA-1; empty when it is not there. */
    private Optional<BlobStore.StagedBlob> stage(String path, Stager stager) throws IOException {
        HttpResponse<InputStream> response = get(path);
        BlobStore.StagedBlob staged;
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            client.expectOk(response, path);
            staged = stager.stage(body);
        }
        try {
            verify(path, staged.sha1());
        } catch (IOException e) {
            staged.close();
            throw e;
        }
        return Optional.of(staged);
    }

    /** Compares a file's SHA-1 with the one published next to it; a file published without one is taken as is. */
    private void verify(String path, String sha1) throws IOException {
        HttpResponse<InputStream> response = get(path + ".sha1");
        String text;
        try (BoundedBody body = new BoundedBody(response.body(), 1024)) {
            if (response.statusCode() == 404) {
                return;
            }
            client.expectOk(response, path + ".sha1");
            text = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
        }
        Optional<String> published = Checksum.SHA1.read(text);
        if (published.isEmpty() || !published.get().equals(sha1)) {
            throw new IOException(path + " from " + repository + " does not match the SHA-1 published for it");
        }
    }

    private HttpResponse<InputStream> get(String path) throws IOException {
        return client.get(repository.resolve(path), "*/*");
    }
}
