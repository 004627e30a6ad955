package dev.arca.server.formats.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a public index lists for a project, as an external connection remembers it: where the index says it is,
 * its SHA-256 when the index publishes one, its Requires-Python, and whether the index serves its core metadata
 * apart (PEP 658/714, {@code URL.metadata}) with that file's SHA-256, if given.
 */
record IndexFile(String fileName, URI url, Optional<String> sha256, Optional<String> requiresPython,
                 boolean coreMetadata, Optional<String> coreMetadataSha256) {

    IndexFile {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(url);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(requiresPython);
        Objects.requireNonNull(coreMetadataSha256);
    }

    /** The files of one version as {@link dev.arca.server.upstream.ExternalPackage} keeps them. */
    static JsonNode toJson(List<IndexFile> files) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (IndexFile file : files) {
            ObjectNode entry = out.addObject().put("filename", file.fileName()).put("url", file.url().toString())
                    .put("core-metadata", file.coreMetadata());
            file.sha256().ifPresent(v -> entry.put("sha256", v));
            file.requiresPython().ifPresent(v -> entry.put("requires-python", v));
            file.coreMetadataSha256().ifPresent(v -> entry.put("core-metadata-sha256", v));
        }
        return out;
    }

    static List<IndexFile> fromJson(JsonNode files) {
        List<IndexFile> out = new ArrayList<>();
        for (JsonNode entry : files) {
            out.add(new IndexFile(entry.path("filename").asText(), URI.create(entry.path("url").asText()),
                    text(entry, "sha256"), text(entry, "requires-python"), entry.path("core-metadata").asBoolean(),
                    text(entry, "core-metadata-sha256")));
        }
        return out;
    }

    private static Optional<String> text(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? Optional.of(entry.get(field).asText()) : Optional.empty();
    }
}
