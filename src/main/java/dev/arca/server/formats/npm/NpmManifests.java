package dev.arca.server.formats.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.model.Records.VersionMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version's package.json as npm publishes it and as the registry serves it: what CodeArtifact keeps of it
 * (summary, license, home page, repository, readme, dependencies), the stored form (without readme and dist,
 * which are served from what is stored), and the full and abbreviated forms clients read.
 */
final class NpmManifests {

    /** The package.json dependency maps and CodeArtifact's names for them. */
    private static final Map<String, String> DEPENDENCY_TYPES = Map.of("dependencies", "regular",
            "devDependencies", "dev", "peerDependencies", "peer", "optionalDependencies", "optional");
    private static final List<String> DEPENDENCY_ORDER = List.of("dependencies", "devDependencies",
            "peerDependencies", "optionalDependencies");
    /** What npm install needs of a version (the registry's "corgi" documents). */
    private static final List<String> ABBREVIATED = List.of("name", "version", "deprecated", "dependencies",
            "optionalDependencies", "devDependencies", "bundleDependencies", "peerDependencies",
            "peerDependenciesMeta", "bin", "directories", "engines", "cpu", "os", "libc", "funding", "license",
            "_hasShrinkwrap", "hasInstallScript", "acceptDependencies");
    private static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall");

    private NpmManifests() {
    }

    /** What CodeArtifact records about a version, with the manifest kept in its stored form. */
    static VersionMetadata metadata(NpmName name, ObjectNode manifest, Optional<String> readme) {
        return new VersionMetadata(Optional.of(name.full()), text(manifest, "description"),
                text(manifest, "homepage"), repository(manifest.get("repository")), licenses(manifest),
                readme.or(() -> text(manifest, "readme")).filter(r -> !r.isBlank()),
                Optional.of(stored(manifest).toString()));
    }

    /** The manifest as stored: what the publisher sent, minus the readme (kept apart) and dist (served fresh). */
    static ObjectNode stored(ObjectNode manifest) {
        ObjectNode out = manifest.deepCopy();
        out.remove(List.of("readme", "dist", "_attachments"));
        return out;
    }

    /** The stored manifest of a version, or a minimal one for a version stored without it. */
    static ObjectNode parse(Optional<String> stored, NpmName name, String version) {
        if (stored.isPresent()) {
            try {
                JsonNode node = Json.mapper().readTree(stored.get());
                if (node instanceof ObjectNode object) {
                    return object;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("stored manifest of " + name.full() + "@" + version + " is not JSON", e);
            }
        }
        ObjectNode minimal = JsonNodeFactory.instance.objectNode();
        minimal.put("name", name.full());
        minimal.put("version", version);
        return minimal;
    }

    /** Dependencies in package.json order: regular, dev, peer, optional; scoped names split into namespace. */
    static List<DependencyRow> dependencies(ObjectNode manifest) {
        List<DependencyRow> out = new ArrayList<>();
        for (String field : DEPENDENCY_ORDER) {
            JsonNode map = manifest.get(field);
            if (map instanceof ObjectNode deps) {
                deps.properties().forEach(entry -> {
                    String dependency = entry.getKey();
                    int slash = dependency.indexOf('/');
                    boolean scoped = dependency.startsWith("@") && slash > 1;
                    out.add(new DependencyRow(scoped ? Optional.of(dependency.substring(1, slash)) : Optional.empty(),
                            scoped ? dependency.substring(slash + 1) : dependency,
                            Optional.of(DEPENDENCY_TYPES.get(field)),
                            Optional.of(entry.getValue().asText())));
                });
            }
        }
        return out;
    }

    /** The version as a full packument lists it, with dist pointing at this repository and hashes of the bytes. */
    static ObjectNode served(ObjectNode stored, String tarballUrl, BlobRow tarball) {
        ObjectNode out = stored.deepCopy();
        ObjectNode dist = out.putObject("dist");
        dist.put("integrity", integrity(tarball.sha512()));
        dist.put("shasum", tarball.sha1());
        dist.put("tarball", tarballUrl);
        return out;
    }

    /** A version known only from a public registry: its dist keeps the registry's hashes, the link points here. */
    static ObjectNode servedFromExternal(JsonNode external, String tarballUrl) {
        ObjectNode out = external.deepCopy();
        ObjectNode dist = out.has("dist") && out.get("dist").isObject()
                ? (ObjectNode) out.get("dist") : out.putObject("dist");
        dist.put("tarball", tarballUrl);
        return out;
    }

    /** Only what installing needs, as the registry's abbreviated ("corgi") documents carry it. */
    static ObjectNode abbreviated(ObjectNode full) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String field : ABBREVIATED) {
            if (full.has(field)) {
                out.set(field, full.get(field));
            }
        }
        JsonNode scripts = full.get("scripts");
        if (!out.has("hasInstallScript") && scripts != null
                && INSTALL_SCRIPTS.stream().anyMatch(scripts::has)) {
            out.put("hasInstallScript", true);
        }
        out.set("dist", full.get("dist"));
        return out;
    }

    /** npm's Subresource Integrity form of a SHA-512: {@code sha512-BASE64}. */
    static String integrity(String sha512Hex) {
        return "sha512-" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha512Hex));
    }

    /** Whether a {@code dist} object's published hashes match bytes with these SHA-512 and SHA-1 digests. */
    static boolean matches(JsonNode dist, String sha512Hex, String sha1Hex) {
        String integrity = dist.path("integrity").asText("");
        List<String> sha512 = new ArrayList<>();
        for (String entry : integrity.split("\\s+")) {
            if (entry.startsWith("sha512-")) {
                sha512.add(entry.replaceFirst("\\?.*$", ""));
            }
        }
        if (!sha512.isEmpty()) {
            return sha512.contains(integrity(sha512Hex));
        }
        String shasum = dist.path("shasum").asText("");
        return shasum.isEmpty() || shasum.equalsIgnoreCase(sha1Hex);
    }

    private static Optional<String> text(JsonNode manifest, String field) {
        JsonNode value = manifest.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<String> repository(JsonNode repository) {
        if (repository == null) {
            return Optional.empty();
        }
        return repository.isTextual() ? Optional.of(repository.asText()).filter(s -> !s.isBlank())
                : text(repository, "url");
    }

    /** license (a string or {type, url}) or the legacy licenses array, as LicenseInfo JSON. */
    private static Optional<String> licenses(JsonNode manifest) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        JsonNode license = manifest.get("license");
        if (license != null) {
            addLicense(out, license);
        }
        JsonNode legacy = manifest.get("licenses");
        if (legacy != null && legacy.isArray()) {
            legacy.forEach(l -> addLicense(out, l));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }

    private static void addLicense(ArrayNode out, JsonNode license) {
        if (license.isTextual() && !license.asText().isBlank()) {
            out.addObject().put("name", license.asText());
        } else if (license.isObject() && license.path("type").isTextual()) {
            ObjectNode info = out.addObject().put("name", license.get("type").asText());
            if (license.path("url").isTextual()) {
                info.put("url", license.get("url").asText());
            }
        }
    }
}
