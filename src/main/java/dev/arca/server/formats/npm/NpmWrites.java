package dev.arca.server.formats.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.SemanticVersion;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.Packages;
import dev.arca.server.store.BlobStore;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The npm registry's write side over one repository: {@code npm publish} (one version with its tarball),
 * {@code npm deprecate} (the package document PUT back with {@code deprecated} messages), and
 * {@code npm dist-tag add/rm}. Everything is checked before anything is stored: the document's name and version
 * against the path, the attachment's name and length, and its integrity and shasum against the bytes received.
 */
final class NpmWrites {

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._~-]{0,63}");
    private static final int MAX_TAG_BODY = 1024;

    private final Packages packages;
    private final UpstreamResolver resolver;

    NpmWrites(Packages packages, UpstreamResolver resolver) {
        this.packages = Objects.requireNonNull(packages);
        this.resolver = Objects.requireNonNull(resolver);
    }

    /** {@code PUT /{name}}: a publish when the document carries an attachment, otherwise a deprecation. */
    PackageResponse put(RepositoryRow repository, NpmName name, PackageRequest request) throws IOException {
        long maxAsset = packages.publishing().assets().limits().maxAssetBytes();
        if (request.contentLength() > NpmPublishReader.METADATA_BYTES + (maxAsset + 2) / 3 * 4 + 4) {
            throw new BlobStore.TooLargeException(maxAsset);
        }
        byte[] key = packages.reads().domainKey(repository);
        try (NpmPublishReader.Document document = NpmPublishReader.read(request.body(), maxAsset,
                content -> packages.publishing().assets().stage(content, key))) {
            String sent = document.root().path("name").asText(name.full());
            if (!sent.equals(name.full())) {
                throw ApiException.validation("The document is for package " + sent + ", but was sent to "
                        + name.full());
            }
            return document.attachments().isEmpty()
                    ? deprecate(repository, name, document.root())
                    : publish(repository, name, document);
        }
    }

    private PackageResponse publish(RepositoryRow repository, NpmName name, NpmPublishReader.Document document) {
        if (!name.publishable()) {
            throw ApiException.validation("npm package names must be lower case to be published: " + name.full());
        }
        ObjectNode versions = object(document.root(), "versions");
        if (versions.size() != 1) {
            throw ApiException.validation("A publish carries exactly one version, not " + versions.size());
        }
        Map.Entry<String, JsonNode> only = versions.properties().iterator().next();
        String version = only.getKey();
        if (SemanticVersion.parse(version).isEmpty()) {
            throw ApiException.validation("Version '" + version + "' of " + name.full() + " is not a SemVer version");
        }
        if (!(only.getValue() instanceof ObjectNode manifest)
                || !manifest.path("name").asText().equals(name.full())
                || !manifest.path("version").asText().equals(version)) {
            throw ApiException.validation("The manifest of version " + version + " must name " + name.full()
                    + " and " + version);
        }
        NpmPublishReader.Attachment tarball = tarball(name, version, document.attachments());
        if (manifest.has("dist") && !NpmManifests.matches(manifest.get("dist"), tarball.staged().sha512(),
                tarball.staged().sha1())) {
            throw ApiException.validation("The tarball of " + name.full() + "@" + version + " does not match the"
                    + " integrity and shasum its manifest declares");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        document.root().path("dist-tags").properties().forEach(tag -> {
            if (tag.getValue().asText().equals(version)) {
                tags.put(checkTag(tag.getKey()), version);
            }
        });
        Optional<String> readme = Optional.ofNullable(document.root().get("readme")).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        PackagePublishing.NewVersion newVersion = new PackagePublishing.NewVersion(version,
                NpmManifests.metadata(name, manifest, readme), NpmManifests.dependencies(manifest),
                List.of(new PackagePublishing.NewAsset(NpmReads.TARBALL_ASSET, tarball.staged())));
        PackagePublishing.Published published = packages.publishing().publish(repository, name.ref(), newVersion,
                resolver.availableUpstream(repository, name.ref(), version),
                (tx, pkg) -> tags.forEach((tag, tagged) -> tx.packages().putTag(pkg.id(), tag, tagged)));
        Map<String, Object> body = new LinkedHashMap<>(NpmReads.ok());
        body.put("id", name.full());
        body.put("rev", published.version().revision());
        return new PackageResponse.Json(published.created() ? 201 : 200, "application/json", body);
    }

    /** The one attachment npm sends: {@code NAME-VERSION.tgz} (the full name, scope included), of its length. */
    private static NpmPublishReader.Attachment tarball(NpmName name, String version,
                                                      List<NpmPublishReader.Attachment> attachments) {
        if (attachments.size() != 1) {
            throw ApiException.validation("A publish carries the package tarball and nothing else (provenance"
                    + " bundles are not supported); this one has " + attachments.size() + " attachments");
        }
        NpmPublishReader.Attachment attachment = attachments.getFirst();
        String expected = name.full() + "-" + version + ".tgz";
        if (!attachment.name().equals(expected) && !attachment.name().equals(name.tarball(version))) {
            throw ApiException.validation("The attachment is called " + attachment.name() + "; the tarball of "
                    + name.full() + "@" + version + " is " + expected);
        }
        if (attachment.declaredLength().isPresent()
                && attachment.declaredLength().getAsLong() != attachment.staged().size()) {
            throw ApiException.validation("The attachment declares " + attachment.declaredLength().getAsLong()
                    + " bytes but holds " + attachment.staged().size());
        }
        return attachment;
    }

    /**
     * {@code npm deprecate}: the client PUTs the package document back with {@code deprecated} set (or emptied)
     * on the versions it names; each stored version whose message changes gets a new revision.
     */
    private PackageResponse deprecate(RepositoryRow repository, NpmName name, ObjectNode root) {
        ObjectNode versions = object(root, "versions");
        packages.metadata().revise(repository, name.ref(), row -> {
            JsonNode sent = versions.get(row.version());
            if (sent == null) {
                return Optional.empty();
            }
            String wanted = sent.path("deprecated").asText("");
            ObjectNode stored = NpmManifests.parse(row.metadata().manifest(), name, row.version());
            if (wanted.equals(stored.path("deprecated").asText(""))) {
                return Optional.empty();
            }
            if (wanted.isEmpty()) {
                stored.remove("deprecated");
            } else {
                stored.put("deprecated", wanted);
            }
            return Optional.of(row.metadata().withManifest(stored.toString()));
        });
        return PackageResponse.Json.ok(NpmReads.ok());
    }

    /** {@code npm dist-tag add}: the body is the version, as a JSON string. */
    PackageResponse tag(RepositoryRow repository, NpmName name, String tag, PackageRequest request)
            throws IOException {
        checkTag(tag);
        byte[] body = new BoundedBody(request.body(), MAX_TAG_BODY).readAllBytes();
        JsonNode version;
        try {
            version = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiException.validation("The body of a dist-tag change is the version as a JSON string");
        }
        if (version == null || !version.isTextual() || SemanticVersion.parse(version.asText()).isEmpty()) {
            throw ApiException.validation("The body of a dist-tag change is the version as a JSON string");
        }
        packages.metadata().tag(repository, name.ref(), tag, version.asText());
        return new PackageResponse.Json(201, "application/json", NpmReads.ok());
    }

    /** {@code npm dist-tag rm}; {@code latest} stays (point it elsewhere instead). */
    PackageResponse untag(RepositoryRow repository, NpmName name, String tag) {
        if (checkTag(tag).equals("latest")) {
            throw ApiException.validation("The latest tag cannot be removed; point it at another version instead");
        }
        packages.metadata().untag(repository, name.ref(), tag);
        return PackageResponse.Json.ok(NpmReads.ok());
    }

    private static String checkTag(String tag) {
        if (!TAG.matcher(tag).matches() || tag.matches("v[0-9].*")) {
            throw ApiException.validation("'" + tag + "' is not a usable dist-tag: a tag starts with a letter, is at"
                    + " most 64 letters, digits and - . _ ~, and does not look like a version");
        }
        return tag;
    }

    private static ObjectNode object(ObjectNode root, String field) {
        if (root.get(field) instanceof ObjectNode object) {
            return object;
        }
        throw ApiException.validation("The document has no " + field + " object");
    }
}
