package dev.arca.server.formats.maven;

import dev.arca.server.RawHttp;
import dev.arca.server.StandInMavenRepository;
import dev.arca.server.formats.PackageApiFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;

/**
 * A server with a domain, and an HTTP client speaking the Maven repository protocol with an authorization token
 * sent as Maven sends it (Basic, user {@code aws}).
 */
abstract class MavenApiFixture extends PackageApiFixture {

    static final String GROUP = "org.example";
    static final String GROUP_PATH = "org/example/";

    MavenApiFixture() {
        this(false);
    }

    /** A fixture for the endpoint security tests when {@code secured}: see {@link PackageApiFixture}. */
    MavenApiFixture(boolean secured) {
        super("maven", secured);
    }

    /** The token as Maven sends it. */
    @Override
    protected String authorization() {
        return basicAuthorization();
    }

    HttpResponse<byte[]> head(String repository, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint(repository) + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> put(String repository, String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint(repository) + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/octet-stream"));
    }

    HttpResponse<byte[]> put(String repository, String path, String body) throws Exception {
        return put(repository, path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a file with its .sha1 and .md5, as mvn deploy does; fails unless every upload succeeds. */
    void upload(String repository, String path, byte[] content) throws Exception {
        expectOk(put(repository, path, content), path);
        expectOk(put(repository, path + ".sha1", hex("SHA-1", content)), path + ".sha1");
        expectOk(put(repository, path + ".md5", hex("MD5", content)), path + ".md5");
    }

    void upload(String repository, String path, String content) throws Exception {
        upload(repository, path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deploys a release as mvn deploy does: its POM and jar, each with its checksums, then the artifact's metadata
     * listing it. Returns the jar.
     */
    byte[] deploy(String repository, String artifactId, String version) throws Exception {
        String directory = GROUP_PATH + artifactId + "/" + version + "/" + artifactId + "-" + version;
        byte[] jar = StandInMavenRepository.jar(Map.of("version.txt", artifactId + " " + version));
        upload(repository, directory + ".jar", jar);
        upload(repository, directory + ".pom", StandInMavenRepository.pom(GROUP, artifactId, version, "jar", ""));
        upload(repository, GROUP_PATH + artifactId + "/maven-metadata.xml", metadata(artifactId, version));
        return jar;
    }

    /** Deploys build {@code buildNumber} of ARTIFACT 1.0-SNAPSHOT as mvn deploy does; returns its jar. */
    byte[] deploySnapshot(String repository, String artifactId, String timestamp, int buildNumber) throws Exception {
        String directory = GROUP_PATH + artifactId + "/1.0-SNAPSHOT/";
        String file = artifactId + "-1.0-" + timestamp + "-" + buildNumber;
        byte[] jar = StandInMavenRepository.jar(Map.of("build.txt", String.valueOf(buildNumber)));
        upload(repository, directory + file + ".jar", jar);
        upload(repository, directory + file + ".pom", StandInMavenRepository.pom(GROUP, artifactId, "1.0-SNAPSHOT",
                "jar", ""));
        upload(repository, directory + "maven-metadata.xml", snapshotMetadata(artifactId, "1.0-SNAPSHOT", timestamp,
                buildNumber));
        return jar;
    }

    /** Artifact-level metadata as a client deploys it, listing {@code versions}. */
    static String metadata(String artifactId, String... versions) {
        StringBuilder xml = new StringBuilder("<metadata><groupId>" + GROUP + "</groupId><artifactId>" + artifactId
                + "</artifactId><versioning><versions>");
        for (String version : versions) {
            xml.append("<version>").append(version).append("</version>");
        }
        return xml.append("</versions><lastUpdated>20240102030405</lastUpdated></versioning></metadata>")
                .toString();
    }

    /** SNAPSHOT metadata as a client deploys it, naming one build. */
    static String snapshotMetadata(String artifactId, String version, String timestamp, int buildNumber) {
        return "<metadata modelVersion=\"1.1.0\"><groupId>" + GROUP + "</groupId><artifactId>" + artifactId
                + "</artifactId><version>" + version + "</version><versioning><snapshot><timestamp>" + timestamp
                + "</timestamp><buildNumber>" + buildNumber + "</buildNumber></snapshot>"
                + "<lastUpdated>20240102030405</lastUpdated></versioning></metadata>";
    }

    PackageVersionDescription describe(String repository, String artifactId, String version) {
        return codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(repository)
                .format(PackageFormat.MAVEN).namespace(GROUP).packageValue(artifactId).packageVersion(version))
                .packageVersion();
    }

    /** Versions in a status, by version, with their status (all statuses when {@code status} is null). */
    Map<String, PackageVersionStatus> versions(String repository, String artifactId, PackageVersionStatus status) {
        Map<String, PackageVersionStatus> out = new LinkedHashMap<>();
        for (PackageVersionSummary summary : codeartifact.listPackageVersions(r -> r.domain(DOMAIN)
                .repository(repository).format(PackageFormat.MAVEN).namespace(GROUP).packageValue(artifactId)
                .status(status)).versions()) {
            out.put(summary.version(), summary.status());
        }
        return out;
    }

    List<PackageSummary> packages(String repository) {
        return codeartifact.listPackages(r -> r.domain(DOMAIN).repository(repository)).packages();
    }

    /** Sends a request line exactly as given, for paths no HTTP client library would send; returns the status. */
    int raw(String method, String rawPath, String body, long declaredLength) throws IOException {
        return RawHttp.status(server.port(), method, rawPath, authorization(), "application/octet-stream", body,
                declaredLength);
    }

    int raw(String method, String rawPath, String body) throws IOException {
        return raw(method, rawPath, body, body.getBytes(StandardCharsets.UTF_8).length);
    }

    private static void expectOk(HttpResponse<byte[]> response, String path) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT " + path + " answered " + response.statusCode() + ": " + text(response));
        }
    }
}
