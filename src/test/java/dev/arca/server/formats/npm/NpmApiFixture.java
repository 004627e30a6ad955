package dev.arca.server.formats.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.server.NpmTarballs;
import dev.arca.server.RawHttp;
import dev.arca.server.formats.PackageApiFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** A server with a domain, and an HTTP client speaking the npm registry protocol with an authorization token. */
abstract class NpmApiFixture extends PackageApiFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    NpmApiFixture() {
        this(false);
    }

    /** A fixture for the endpoint security tests when {@code secured}: see {@link PackageApiFixture}. */
    NpmApiFixture(boolean secured) {
        super("npm", secured);
    }

    /** The token as npm sends it. */
    @Override
    protected String authorization() {
        return "Bearer " + token;
    }

    HttpResponse<byte[]> put(String repository, String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint(repository) + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), "Content-Type", "application/json");
    }

    HttpResponse<byte[]> delete(String repository, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint(repository) + path)).DELETE());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** What {@code npm publish} sends for one version: the manifest, its dist hashes, the tarball attached. */
    static byte[] publishDocument(String name, String version, byte[] tarball, Map<String, Object> manifestFields)
            throws Exception {
        ObjectNode root = JSON.createObjectNode().put("_id", name).put("name", name);
        root.putObject("dist-tags").put("latest", version);
        ObjectNode manifest = root.putObject("versions").putObject(version);
        manifest.put("name", name).put("version", version).put("_id", name + "@" + version);
        manifestFields.forEach((field, value) -> manifest.set(field, JSON.valueToTree(value)));
        manifest.putObject("dist")
                .put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tarball)))
                .put("shasum", HexFormat.of().formatHex(digest("SHA-1", tarball)))
                .put("tarball", "http://ignored/" + name + "/-/" + name + "-" + version + ".tgz");
        root.put("access", "public");
        root.putObject("_attachments").putObject(name + "-" + version + ".tgz")
                .put("content_type", "application/octet-stream")
                .put("data", Base64.getEncoder().encodeToString(tarball))
                .put("length", tarball.length);
        return JSON.writeValueAsBytes(root);
    }

    /** Publishes a version with a generated tarball; returns the tarball. */
    byte[] publish(String repository, String name, String version) throws Exception {
        byte[] tarball = NpmTarballs.pack(name, version, Map.of(), "'" + name + "@" + version + "'");
        HttpResponse<byte[]> response = put(repository, escaped(name), publishDocument(name, version, tarball,
                Map.of()));
        if (response.statusCode() != 201) {
            throw new AssertionError("publish of " + name + "@" + version + " answered " + response.statusCode()
                    + ": " + text(response));
        }
        return tarball;
    }

    /** A name as npm puts it in a path: {@code @scope%2fname}. */
    static String escaped(String name) {
        return name.replace("/", "%2f");
    }

    static byte[] digest(String algorithm, byte[] data) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    /** Sends a request line exactly as given, for paths no HTTP client library would send; returns the status. */
    int raw(String method, String rawPath, String body) throws IOException {
        return raw(method, rawPath, body, body.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Like {@link #raw(String, String, String)}, declaring whatever Content-Length it is told. */
    int raw(String method, String rawPath, String body, long declaredLength) throws IOException {
        return RawHttp.status(server.port(), method, rawPath, authorization(), "application/json", body,
                declaredLength);
    }
}
