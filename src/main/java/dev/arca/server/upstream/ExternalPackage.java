package dev.arca.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A package as a public registry describes it.
 *
 * @param versions  each version's metadata in the format's own shape (npm: its abbreviated manifest)
 * @param tags      package-level tags (npm dist-tags)
 * @param sizeBytes how large the registry's answer was, which is what caching it costs
 */
public record ExternalPackage(Map<String, JsonNode> versions, Map<String, String> tags, long sizeBytes) {

    public ExternalPackage {
        versions = Map.copyOf(versions);
        tags = Map.copyOf(tags);
    }
}
