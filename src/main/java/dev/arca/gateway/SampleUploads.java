package dev.arca.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.PackageFormat;
import dev.arca.core.retention.PackageRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Publishes the sample's versions the way their clients do: npm's publish document, twine's upload form, Maven's
 * file-by-file deploy ending in {@code maven-metadata.xml} — each to the endpoint GetRepositoryEndpoint names, with
 * an authorization token — and generic versions through PublishPackageVersion. Thread-safe: versions are published
 * a few at a time.
 */
final class SampleUploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "----arca-sample-boundary";

    private final CodeArtifactGateway gateway;
    private final String domain;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    SampleUploads(CodeArtifactGateway gateway, String domain) {
        this.gateway = Objects.requireNonNull(gateway);
        this.domain = Objects.requireNonNull(domain);
        this.token = gateway.authorizationToken(domain).token();
    }

    /** Publishes one version of {@code pkg} (Maven: its files; the metadata that finishes it comes later). */
    void publish(SampleDomain.Package pkg, String version) throws InterruptedException {
        PackageRef ref = pkg.ref();
        switch (ref.format()) {
            case NPM -> npm(pkg, version);
            case PYPI -> pypi(pkg, version);
            case MAVEN -> maven(pkg, version);
            case GENERIC -> generic(pkg, version);
            default -> throw new IllegalArgumentException("the sample has no " + ref.format().wireName() + " packages");
        }
    }

    /** Maven: uploads the metadata that lists the versions, which publishes them; the unfinished stay so. */
    void finish(SampleDomain.Package pkg) throws InterruptedException {
        if (pkg.ref().format() != PackageFormat.MAVEN) {
            return;
        }
        StringBuilder versions = new StringBuilder();
        pkg.versions().forEach(v -> versions.append("      <version>").append(v).append("</version>\n"));
        String metadata = """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <versioning>
                    <latest>%s</latest>
                    <release>%s</release>
                    <versions>
                %s    </versions>
                    <lastUpdated>20240101000000</lastUpdated>
                  </versioning>
                </metadata>
                """.formatted(pkg.ref().namespace(), pkg.ref().name(), pkg.versions().getLast(),
                pkg.versions().getLast(), versions);
        put(pkg, mavenDirectory(pkg.ref()) + "maven-metadata.xml", metadata.getBytes(StandardCharsets.UTF_8),
                "application/xml", "Basic");
    }

    private void npm(SampleDomain.Package pkg, String version) throws InterruptedException {
        String name = "@" + pkg.ref().namespace() + "/" + pkg.ref().name();
        String manifest = "{\"name\": \"" + name + "\", \"version\": \"" + version + "\", \"description\": \""
                + pkg.summary() + "\", \"main\": \"index.js\", \"license\": \"MIT\"}";
        byte[] tarball = SampleFiles.tgz(Map.of("package/package.json", manifest,
                "package/index.js", "module.exports = { name: '" + name + "', version: '" + version + "' };\n",
                "package/README.md", readme(pkg, version)));
        ObjectNode root = JSON.createObjectNode().put("_id", name).put("name", name)
                .put("description", pkg.summary()).put("readme", readme(pkg, version));
        root.putObject("dist-tags").put("latest", version);
        ObjectNode versionNode = root.putObject("versions").putObject(version);
        versionNode.put("name", name).put("version", version).put("_id", name + "@" + version)
                .put("description", pkg.summary()).put("main", "index.js").put("license", "MIT");
        versionNode.putObject("dist")
                .put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tarball)))
                .put("shasum", HexFormat.of().formatHex(digest("SHA-1", tarball)))
                .put("tarball", name + "/-/" + pkg.ref().name() + "-" + version + ".tgz");
        root.put("access", "restricted");
        root.putObject("_attachments").putObject(pkg.ref().name() + "-" + version + ".tgz")
                .put("content_type", "application/octet-stream")
                .put("data", Base64.getEncoder().encodeToString(tarball))
                .put("length", tarball.length);
        try {
            put(pkg, name.replace("/", "%2f"), JSON.writeValueAsBytes(root), "application/json", "Bearer");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pypi(SampleDomain.Package pkg, String version) throws InterruptedException {
        String project = pkg.ref().name();
        String module = project.replace('-', '_');
        String distInfo = module + "-" + version + ".dist-info/";
        String metadata = "Metadata-Version: 2.1\nName: " + project + "\nVersion: " + version + "\nSummary: "
                + pkg.summary() + "\nLicense: MIT\nRequires-Python: >=3.9\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(module + "/__init__.py", "__version__ = \"" + version + "\"\n");
        files.put(distInfo + "METADATA", metadata);
        files.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: arca-sample\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        files.put(distInfo + "RECORD", "");
        String fileName = module + "-" + version + "-py3-none-any.whl";
        byte[] wheel = SampleFiles.zip(files);
        List<String[]> fields = new ArrayList<>(List.of(
                new String[] {":action", "file_upload"}, new String[] {"protocol_version", "1"},
                new String[] {"metadata_version", "2.1"}, new String[] {"name", project},
                new String[] {"version", version}, new String[] {"filetype", "bdist_wheel"},
                new String[] {"pyversion", "py3"}, new String[] {"summary", pkg.summary()},
                new String[] {"license", "MIT"}, new String[] {"description", readme(pkg, version)},
                new String[] {"description_content_type", "text/markdown"},
                new String[] {"requires_python", ">=3.9"},
                new String[] {"sha256_digest", HexFormat.of().formatHex(digest("SHA-256", wheel))}));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(wheel);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        send(pkg, version, HttpRequest.newBuilder(URI.create(endpoint(pkg)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private void maven(SampleDomain.Package pkg, String version) throws InterruptedException {
        PackageRef ref = pkg.ref();
        String base = mavenDirectory(ref) + version + "/" + ref.name() + "-" + version;
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>jar</packaging>
                  <name>%s</name>
                  <description>%s</description>
                </project>
                """.formatted(ref.namespace(), ref.name(), version, ref.name(), pkg.summary());
        byte[] jar = SampleFiles.zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Title: "
                + ref.name() + "\nImplementation-Version: " + version + "\n"));
        put(pkg, base + ".pom", pom.getBytes(StandardCharsets.UTF_8), "application/xml", "Basic");
        put(pkg, base + ".jar", jar, "application/java-archive", "Basic");
    }

    private void generic(SampleDomain.Package pkg, String version) {
        PackageRef ref = pkg.ref();
        byte[] content = SampleFiles.tgz(Map.of("README.md", readme(pkg, version),
                "VERSION", version + "\n"));
        String sha256 = HexFormat.of().formatHex(digest("SHA-256", content));
        gateway.call("publish " + ref.display() + " " + version, () -> gateway.sdk().publishPackageVersion(r -> r
                .domain(domain).domainOwner(gateway.owner(domain)).repository(pkg.repository())
                .format(PackageFormat.GENERIC.wireName()).namespace(ref.namespace()).packageValue(ref.name())
                .packageVersion(version).assetName(ref.name() + "-" + version + ".tar.gz").assetSHA256(sha256),
                RequestBody.fromBytes(content)));
    }

    private void put(SampleDomain.Package pkg, String path, byte[] body, String contentType, String scheme)
            throws InterruptedException {
        send(pkg, path, HttpRequest.newBuilder(URI.create(endpoint(pkg) + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer".equals(scheme) ? "Bearer " + token : basic())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void send(SampleDomain.Package pkg, String what, HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new GatewayException("Could not publish " + pkg.ref().display() + " (" + what + "): the server"
                        + " answered HTTP " + response.statusCode() + ".", java.util.Optional.empty(), null);
            }
        } catch (IOException e) {
            throw new GatewayException("Could not publish " + pkg.ref().display() + ": " + gateway.profile().name()
                    + " at " + gateway.profile().address() + " cannot be reached.", java.util.Optional.empty(), e);
        }
    }

    private String endpoint(SampleDomain.Package pkg) {
        return endpoints.computeIfAbsent(pkg.repository() + "/" + pkg.ref().format().wireName(),
                key -> gateway.repositoryEndpoint(domain, pkg.repository(), pkg.ref().format()));
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static String mavenDirectory(PackageRef ref) {
        return ref.namespace().replace('.', '/') + "/" + ref.name() + "/";
    }

    private static String readme(SampleDomain.Package pkg, String version) {
        return "# " + pkg.ref().name() + " " + version + "\n\n" + pkg.summary()
                + ".\n\nPart of Arca's sample domain.\n";
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
