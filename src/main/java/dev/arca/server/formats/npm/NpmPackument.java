package dev.arca.server.formats.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.SemanticVersion;
import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.upstream.ExternalPackage;
import dev.arca.server.upstream.UpstreamResolver.Layer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A package document ("packument") as one repository serves it: the versions of every repository in the search
 * order and of the public registry behind an external connection, merged (spec/formats.md §1, behavior.md §6).
 * <ul>
 *   <li>A version comes from the first repository in search order that has it; the requested repository's own
 *       versions hide upstream ones whatever their status, and only Published versions are listed.</li>
 *   <li>Tags are merged with the upstream value winning: a tag set further upstream beats one set closer to the
 *       requested repository; between equally distant repositories, the earlier in search order wins. A tag
 *       pointing at a version that is not listed is passed over; {@code latest} falls back to the highest
 *       release.</li>
 *   <li>Every tarball link points back at the requested repository; integrity and shasum are those of the
 *       stored bytes (or the registry's, for versions not fetched yet).</li>
 * </ul>
 */
final class NpmPackument {

    /** What one repository stores of a package: its versions, their tarballs' blobs, its tags. */
    record Stored(List<VersionRow> versions, Map<String, BlobRow> tarballs, Map<String, String> tags) {
    }

    private record TagCandidate(String tag, String version, int rank, int order) {
    }

    private final NpmName name;
    private final Map<String, ObjectNode> versions = new LinkedHashMap<>();
    private final Map<String, VersionRow> rows = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    private NpmPackument(NpmName name) {
        this.name = name;
    }

    /** Merges the layers of the search order; {@code endpoint} is the requested repository's URL. */
    static NpmPackument merge(NpmName name, List<Layer<Stored>> layers, String endpoint) {
        NpmPackument packument = new NpmPackument(name);
        Set<String> seen = new HashSet<>();
        List<TagCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer<Stored> layer = layers.get(i);
            int index = i;
            layer.stored().ifPresent(stored -> {
                packument.addStored(stored, layer.depth() == 0, seen, endpoint);
                stored.tags().forEach((tag, v) -> candidates.add(new TagCandidate(tag, v, layer.depth(), 2 * index)));
            });
            layer.external().ifPresent(external -> {
                packument.addExternal(external, seen, endpoint);
                external.tags().forEach((tag, v) ->
                        candidates.add(new TagCandidate(tag, v, layer.depth() + 1, 2 * index + 1)));
            });
        }
        packument.resolveTags(candidates);
        return packument;
    }

    private void addStored(Stored stored, boolean requested, Set<String> seen, String endpoint) {
        for (VersionRow row : stored.versions()) {
            boolean published = row.status().equals(VersionStatus.PUBLISHED);
            if (seen.contains(row.version()) || !(requested || published)) {
                continue;
            }
            seen.add(row.version());
            BlobRow tarball = stored.tarballs().get(row.version());
            if (published && tarball != null) {
                ObjectNode manifest = NpmManifests.parse(row.metadata().manifest(), name, row.version());
                versions.put(row.version(), NpmManifests.served(manifest, tarballUrl(endpoint, row.version()),
                        tarball));
                rows.put(row.version(), row);
            }
        }
    }

    private void addExternal(ExternalPackage external, Set<String> seen, String endpoint) {
        external.versions().forEach((version, manifest) -> {
            if (seen.add(version) && manifest.isObject()) {
                versions.put(version, NpmManifests.servedFromExternal(manifest, tarballUrl(endpoint, version)));
            }
        });
    }

    private void resolveTags(List<TagCandidate> candidates) {
        candidates.stream()
                .sorted(Comparator.comparingInt(TagCandidate::rank).reversed()
                        .thenComparingInt(TagCandidate::order))
                .filter(c -> versions.containsKey(c.version()))
                .forEach(c -> tags.putIfAbsent(c.tag(), c.version()));
        if (!tags.containsKey("latest")) {
            List<SemanticVersion> all = versions.keySet().stream().flatMap(v -> SemanticVersion.parse(v).stream())
                    .sorted().toList();
            all.stream().filter(v -> !v.isPreRelease()).reduce((a, b) -> b)
                    .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.getLast()))
                    .ifPresent(v -> tags.put("latest", v.text()));
        }
    }

    /** Where this repository serves a version's tarball: {@code ENDPOINT@scope/name/-/name-VERSION.tgz}. */
    private String tarballUrl(String endpoint, String version) {
        return endpoint + name.full() + "/-/" + name.tarball(version);
    }

    boolean isEmpty() {
        return versions.isEmpty();
    }

    Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    /** A listed version's full manifest, by version or by tag. */
    Optional<ObjectNode> version(String versionOrTag) {
        return Optional.ofNullable(versions.get(tags.getOrDefault(versionOrTag, versionOrTag)));
    }

    /** The full document: every listed version with all its fields, publish times, and the latest readme. */
    ObjectNode full() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("_id", name.full());
        out.put("name", name.full());
        Optional<VersionRow> latest = Optional.ofNullable(tags.get("latest")).map(rows::get);
        Optional.ofNullable(tags.get("latest")).map(versions::get).map(m -> m.get("description"))
                .filter(JsonNode::isTextual).ifPresent(d -> out.set("description", d));
        out.set("dist-tags", distTags());
        ObjectNode listed = out.putObject("versions");
        sortedVersions().forEach(v -> listed.set(v, versions.get(v)));
        ObjectNode time = out.putObject("time");
        rows.values().stream().map(VersionRow::publishedTime).min(Comparator.naturalOrder())
                .ifPresent(t -> time.put("created", t.toString()));
        modified().ifPresent(t -> time.put("modified", t.toString()));
        sortedVersions().stream().filter(rows::containsKey)
                .forEach(v -> time.put(v, rows.get(v).publishedTime().toString()));
        latest.flatMap(row -> row.metadata().readme()).ifPresent(readme -> out.put("readme", readme));
        return out;
    }

    /** What {@code npm install} asks for: names, tags, and each version's install fields. */
    ObjectNode abbreviated() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("name", name.full());
        modified().ifPresent(t -> out.put("modified", t.toString()));
        out.set("dist-tags", distTags());
        ObjectNode listed = out.putObject("versions");
        sortedVersions().forEach(v -> listed.set(v, NpmManifests.abbreviated(versions.get(v))));
        return out;
    }

    private ObjectNode distTags() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(tags).forEach(out::put);
        return out;
    }

    private Optional<Instant> modified() {
        return rows.values().stream().map(VersionRow::publishedTime).max(Comparator.naturalOrder());
    }

    /** Versions in SemVer order (anything unparseable last, by text). */
    private List<String> sortedVersions() {
        return versions.keySet().stream().sorted(Comparator
                .comparing((String v) -> SemanticVersion.parse(v).orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder())).toList();
    }
}
