package dev.arca.server.formats.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.NpmRange;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.BlobStore;
import dev.arca.server.upstream.ExternalPackage;
import dev.arca.server.upstream.ExternalSource;
import dev.arca.server.upstream.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An npm registry behind {@code public:npmjs}, at the configured URL (the registry root: package document =
 * URL + name). Package descriptions use the abbreviated documents; fetching a version reads only that version
 * out of the full document (streamed, so a large document never sits in memory), downloads its tarball and
 * checks it against the published integrity. Tarballs are downloaded only from the configured registry's own
 * host: a link elsewhere is replaced by the registry's standard tarball path.
 */
public final class NpmRegistrySource implements ExternalSource {

    /** The dependency types npm installs along with a package. */
    private static final Set<String> INSTALLED = Set.of("regular", "optional", "peer");

    private static final long MAX_DOCUMENT_BYTES = 64L << 20;
    private static final String ABBREVIATED_ACCEPT = NpmReads.ABBREVIATED_TYPE + "; q=1.0, application/json; q=0.8";

    private final URI registry;
    private final RegistryClient client;

    /** @param registry the registry root; a missing trailing slash is added */
    public NpmRegistrySource(URI registry, HttpClient http) {
        this.registry = RegistryClient.root(registry);
        this.client = new RegistryClient(http, this.registry);
    }

    @Override
    public Optional<ExternalPackage> describe(PackageRef ref) throws IOException {
        NpmName name = NpmName.of(ref);
        HttpResponse<InputStream> response = client.get(document(name), ABBREVIATED_ACCEPT);
        try (BoundedBody body = new BoundedBody(response.body(), MAX_DOCUMENT_BYTES)) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            client.expectOk(response, name.full());
            JsonNode root = Json.mapper().readTree(body);
            Map<String, JsonNode> versions = new LinkedHashMap<>();
            root.path("versions").properties().forEach(v -> versions.put(v.getKey(), v.getValue()));
            Map<String, String> tags = new LinkedHashMap<>();
            root.path("dist-tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
            return Optional.of(new ExternalPackage(versions, tags, body.consumed()));
        }
    }

    /**
     * For each dependency npm installs (regular, optional, peer), the newest version its range allows and the
     * version its {@code latest} tag names — what CodeArtifact ingests along with a version (spec/formats.md §1).
     */
    @Override
    public List<Wanted> companions(PackagePublishing.NewVersion fetched,
                                   Function<PackageRef, Optional<ExternalPackage>> describe) {
        List<Wanted> wanted = new ArrayList<>();
        for (DependencyRow dependency : fetched.dependencies()) {
            Optional<NpmRange> range = dependency.versionRequirement().flatMap(NpmRange::parse);
            if (dependency.dependencyType().filter(INSTALLED::contains).isEmpty() || range.isEmpty()) {
                continue;
            }
            PackageRef ref;
            try {
                ref = NpmName.parse(dependency.namespace().map(scope -> "@" + scope + "/").orElse("")
                        + dependency.packageName()).ref();
            } catch (ApiException e) {
                continue; // a name npm itself would refuse
            }
            describe.apply(ref).ifPresent(offered -> {
                Set<String> versions = new LinkedHashSet<>();
                range.get().newest(offered.versions().keySet()).ifPresent(versions::add);
                Optional.ofNullable(offered.tags().get("latest")).filter(offered.versions()::containsKey)
                        .ifPresent(versions::add);
                versions.forEach(version -> wanted.add(new Wanted(ref, version)));
            });
        }
        return wanted;
    }

    @Override
    public Optional<PackagePublishing.NewVersion> fetch(PackageRef ref, String version, Stager stager)
            throws IOException {
        NpmName name = NpmName.of(ref);
        Optional<FullVersion> found = fullVersion(name, version);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode manifest = found.get().manifest();
        HttpResponse<InputStream> response = client.get(tarball(name, version, manifest), "application/octet-stream");
        BlobStore.StagedBlob staged;
        try (InputStream body = response.body()) {
            client.expectOk(response, name.full() + "@" + version);
            staged = stager.stage(body);
        }
        if (!NpmManifests.matches(manifest.path("dist"), staged.sha512(), staged.sha1())) {
            staged.close();
            throw new IOException("the tarball of " + name.full() + "@" + version + " from " + registry
                    + " does not match the integrity its registry publishes");
        }
        Optional<String> readme = found.get().readme().filter(r -> !manifest.has("readme"));
        return Optional.of(new PackagePublishing.NewVersion(version, NpmManifests.metadata(name, manifest, readme),
                NpmManifests.dependencies(manifest),
                List.of(new PackagePublishing.NewAsset(NpmReads.TARBALL_ASSET, staged))));
    }

    /** A version's manifest from a full document, and the document's readme when that version is latest. */
    private record FullVersion(ObjectNode manifest, Optional<String> readme) {
    }

    private Optional<FullVersion> fullVersion(NpmName name, String version) throws IOException {
        HttpResponse<InputStream> response = client.get(document(name), "application/json");
        try (BoundedBody body = new BoundedBody(response.body(), MAX_DOCUMENT_BYTES);
             JsonParser parser = Json.mapper().createParser(body)) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            client.expectOk(response, name.full());
            ObjectNode manifest = null;
            String readme = null;
            String latest = null;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the package document of " + name.full() + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "versions" -> manifest = pick(parser, version).orElse(manifest);
                    case "readme" -> readme = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "dist-tags" -> latest = parser.<JsonNode>readValueAsTree().path("latest").asText(null);
                    default -> parser.skipChildren();
                }
            }
            boolean isLatest = version.equals(latest);
            return manifest == null ? Optional.empty() : Optional.of(new FullVersion(manifest,
                    Optional.ofNullable(readme).filter(r -> isLatest)));
        }
    }

    /** Reads one entry of the versions object, skipping the others. */
    private static Optional<ObjectNode> pick(JsonParser parser, String version) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Optional.empty();
        }
        ObjectNode found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String candidate = parser.currentName();
            parser.nextToken();
            if (candidate.equals(version) && parser.currentToken() == JsonToken.START_OBJECT) {
                found = parser.readValueAsTree();
            } else {
                parser.skipChildren();
            }
        }
        return Optional.ofNullable(found);
    }

    private URI document(NpmName name) {
        return URI.create(registry + name.escaped());
    }

    /** The manifest's tarball link when it is on the registry's host; the standard path there otherwise. */
    private URI tarball(NpmName name, String version, ObjectNode manifest) {
        String link = manifest.path("dist").path("tarball").asText("");
        try {
            URI uri = URI.create(link);
            if (Objects.equals(uri.getScheme(), registry.getScheme()) && Objects.equals(uri.getHost(),
                    registry.getHost()) && uri.getPort() == registry.getPort()) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Not a usable link: use the standard path.
        }
        return URI.create(registry + name.full() + "/-/" + name.tarball(version));
    }


}
