package dev.arca.server.formats.pypi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.model.Records.VersionMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution's core metadata (the fields of PKG-INFO / METADATA, which a legacy upload sends as form fields
 * and PEP 658 serves as a file), keyed the way upload forms name them: lower case with {@code _}
 * ({@code Requires-Dist} is {@code requires_dist}). What CodeArtifact keeps of it: summary, home page, source
 * repository, license, the description as the readme, and {@code Requires-Dist} as dependencies.
 */
final class PythonMetadata {

    static final String DEPENDENCY_TYPE = "Requires-Dist";
    private static final Pattern REQUIREMENT = Pattern.compile(
            "\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*\\(?([^;()]*)\\)?\\s*(?:;\\s*(.*))?");
    private static final Set<String> SOURCE_LABELS = Set.of("source", "source code", "sourcecode", "repository",
            "code");
    private static final String UNKNOWN = "UNKNOWN";

    private final Map<String, List<String>> fields;

    private PythonMetadata(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** Metadata from fields named as upload forms name them; values in the order given. */
    static PythonMetadata of(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return new PythonMetadata(copy);
    }

    /**
     * Parses a METADATA / PKG-INFO file: RFC 822 style headers (continuation lines start with white space), then
     * the description as the body.
     */
    static PythonMetadata parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        String key = null;
        StringBuilder value = new StringBuilder();
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && key != null) {
                value.append('\n').append(line.strip());
                continue;
            }
            put(fields, key, value);
            int colon = line.indexOf(':');
            key = colon > 0 ? formName(line.substring(0, colon)) : null;
            value.setLength(0);
            value.append(colon > 0 ? line.substring(colon + 1).strip() : "");
        }
        put(fields, key, value);
        if (i < lines.length - 1) {
            String body = String.join("\n", List.of(lines).subList(i + 1, lines.length));
            if (!body.isBlank()) {
                fields.computeIfAbsent("description", k -> new ArrayList<>()).add(body);
            }
        }
        return new PythonMetadata(fields);
    }

    private static void put(Map<String, List<String>> fields, String key, StringBuilder value) {
        if (key != null) {
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value.toString());
        }
    }

    /** {@code Requires-Dist} → {@code requires_dist}; {@code Project-URL} → {@code project_urls} (as forms say). */
    private static String formName(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return name.equals("project_url") ? "project_urls" : name;
    }

    Optional<String> first(String field) {
        List<String> values = fields.getOrDefault(field, List.of());
        return values.stream().map(String::strip).filter(v -> !v.isEmpty() && !v.equals(UNKNOWN)).findFirst();
    }

    List<String> all(String field) {
        return fields.getOrDefault(field, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    Optional<String> requiresPython() {
        return first("requires_python");
    }

    /** What CodeArtifact records about the version; the manifest keeps name, version and Requires-Python. */
    VersionMetadata versionMetadata(String displayName, String version) {
        ObjectNode manifest = JsonNodeFactory.instance.objectNode().put("name", displayName).put("version", version);
        requiresPython().ifPresent(r -> manifest.put("requires_python", r));
        Optional<String> readme = fields.getOrDefault("description", List.of()).stream()
                .filter(d -> !d.isBlank() && !d.strip().equals(UNKNOWN)).findFirst();
        return new VersionMetadata(Optional.of(displayName), first("summary"),
                first("home_page").or(() -> projectUrl(Set.of("homepage", "home page", "home"))),
                projectUrl(SOURCE_LABELS), licenses(), readme, Optional.of(manifest.toString()));
    }

    /** Requires-Dist as dependencies: the normalized project, and the specifier with its marker, if any. */
    List<DependencyRow> dependencies() {
        List<DependencyRow> out = new ArrayList<>();
        for (String requirement : all("requires_dist")) {
            Matcher m = REQUIREMENT.matcher(requirement);
            if (!m.matches()) {
                continue;
            }
            String specifier = m.group(3).strip();
            String marker = m.group(4) == null ? "" : m.group(4).strip();
            String requirementText = marker.isEmpty() ? specifier : specifier + "; " + marker;
            out.add(new DependencyRow(Optional.empty(), PythonNames.normalize(m.group(1)),
                    Optional.of(DEPENDENCY_TYPE), Optional.of(requirementText).filter(s -> !s.isEmpty())));
        }
        return out;
    }

    /** {@code Project-URL: Label, URL} entries whose label is one of {@code labels}. */
    private Optional<String> projectUrl(Set<String> labels) {
        for (String entry : all("project_urls")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && labels.contains(entry.substring(0, comma).strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(entry.substring(comma + 1).strip()).filter(u -> !u.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** License-Expression, else the first line of License, as LicenseInfo JSON. */
    private Optional<String> licenses() {
        return first("license_expression").or(() -> first("license").map(l -> l.lines().findFirst().orElse(l)))
                .map(name -> {
                    ArrayNode out = JsonNodeFactory.instance.arrayNode();
                    out.addObject().put("name", name);
                    return out.toString();
                });
    }
}
