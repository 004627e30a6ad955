package dev.arca.server.formats.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.model.Records.VersionMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a version's POM says about it: its coordinates (checked against the path it is deployed to), what
 * DescribePackageVersion shows (name, description, url, licenses, scm) and its dependencies, each with its scope as
 * the dependency type. {@code ${...}} references to the POM's own properties and coordinates are resolved; anything
 * that needs a parent POM is kept as written.
 *
 * @param groupId   the POM's group id, or its parent's when it inherits it
 * @param version   the POM's version, or its parent's when it inherits it
 * @param packaging {@code jar} unless the POM says otherwise
 */
record MavenPom(Optional<String> groupId, Optional<String> artifactId, Optional<String> version, String packaging,
                VersionMetadata metadata, List<DependencyRow> dependencies) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final String DEFAULT_SCOPE = "compile";

    MavenPom {
        Objects.requireNonNull(packaging);
        Objects.requireNonNull(metadata);
        dependencies = List.copyOf(dependencies);
    }

    /** Reads a POM; an IOException says why it is not one. */
    static MavenPom read(byte[] content, String artifactId) throws IOException {
        XmlElement project = XmlElement.read(new ByteArrayInputStream(content));
        if (!project.name().equals("project")) {
            throw new IOException("its root element is " + project.name() + ", not project");
        }
        Map<String, String> properties = new HashMap<>();
        project.child("properties").ifPresent(p -> p.children().forEach(c -> properties.put(c.name(), c.text())));
        Optional<String> groupId = project.text("groupId").or(() -> project.text("parent", "groupId"));
        Optional<String> version = project.text("version").or(() -> project.text("parent", "version"));
        groupId.ifPresent(g -> alias(properties, g, "project.groupId", "pom.groupId", "groupId"));
        version.ifPresent(v -> alias(properties, v, "project.version", "pom.version", "version"));
        project.text("parent", "version").ifPresent(v -> alias(properties, v, "project.parent.version",
                "parent.version"));
        project.text("artifactId").ifPresent(a -> alias(properties, a, "project.artifactId", "pom.artifactId"));
        VersionMetadata metadata = new VersionMetadata(
                project.text("name").map(n -> interpolate(n, properties)).or(() -> Optional.of(artifactId)),
                project.text("description").map(d -> interpolate(d, properties).replaceAll("\\s+", " ")),
                project.text("url").map(u -> interpolate(u, properties)),
                project.text("scm", "url").or(() -> project.text("scm", "connection"))
                        .map(s -> interpolate(s, properties)),
                licenses(project), Optional.empty(), Optional.empty());
        List<DependencyRow> dependencies = project.child("dependencies").stream()
                .flatMap(d -> d.children("dependency").stream())
                .filter(d -> d.text("groupId").isPresent() && d.text("artifactId").isPresent())
                .map(d -> new DependencyRow(d.text("groupId").map(g -> interpolate(g, properties)),
                        interpolate(d.text("artifactId").orElseThrow(), properties),
                        Optional.of(d.text("scope").orElse(DEFAULT_SCOPE)),
                        d.text("version").map(v -> interpolate(v, properties))))
                .toList();
        return new MavenPom(groupId.map(g -> interpolate(g, properties)), project.text("artifactId"),
                version.map(v -> interpolate(v, properties)), project.text("packaging").orElse("jar"), metadata,
                dependencies);
    }

    private static void alias(Map<String, String> properties, String value, String... names) {
        for (String name : names) {
            properties.putIfAbsent(name, value);
        }
    }

    /** Replaces {@code ${name}} with the POM's own value for it, once; references it cannot resolve stay. */
    private static String interpolate(String text, Map<String, String> properties) {
        Matcher reference = REFERENCE.matcher(text);
        return reference.replaceAll(match -> Matcher.quoteReplacement(properties.getOrDefault(match.group(1),
                match.group())));
    }

    /** {@code <licenses>} as LicenseInfo JSON: each license's name and url. */
    private static Optional<String> licenses(XmlElement project) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        project.child("licenses").ifPresent(licenses -> licenses.children("license").forEach(license ->
                license.text("name").ifPresent(name -> {
                    ObjectNode info = out.addObject().put("name", name);
                    license.text("url").ifPresent(url -> info.put("url", url));
                })));
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }
}
