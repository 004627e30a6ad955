package dev.arca.server.formats.maven;

import dev.arca.core.MavenVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code maven-metadata.xml}, both ways: generated from what a repository serves — never stored as a client sent
 * it — and read from what clients deploy and public repositories publish.
 */
final class MavenMetadata {

    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * What a metadata document says: the artifact it is about, its versions, and for a SNAPSHOT the build it names.
     *
     * @param snapshotBuild {@code TIMESTAMP-BUILDNUMBER} of {@code <versioning><snapshot>}
     * @param plugins       whether it is a group's plugin prefix list rather than an artifact's metadata
     */
    record Document(Optional<String> groupId, Optional<String> artifactId, Optional<String> version,
                    List<String> versions, Optional<String> snapshotBuild, boolean plugins) {
        Document {
            versions = List.copyOf(versions);
        }
    }

    private MavenMetadata() {
    }

    /** Reads a metadata document; an IOException says why it is not one. */
    static Document read(InputStream in) throws IOException {
        XmlElement root = XmlElement.read(in);
        if (!root.name().equals("metadata")) {
            throw new IOException("its root element is " + root.name() + ", not metadata");
        }
        List<String> versions = root.child("versioning").flatMap(v -> v.child("versions"))
                .map(v -> v.children("version").stream().map(XmlElement::text).filter(t -> !t.isEmpty()).toList())
                .orElse(List.of());
        Optional<String> build = root.text("versioning", "snapshot", "timestamp").flatMap(timestamp ->
                root.text("versioning", "snapshot", "buildNumber").flatMap(n -> MavenFile.build(timestamp, n)));
        return new Document(root.text("groupId"), root.text("artifactId"), root.text("version"), versions, build,
                root.child("plugins").isPresent());
    }

    /**
     * An artifact's metadata listing {@code versions} in Maven's order, with the highest as {@code latest} and the
     * highest non-SNAPSHOT as {@code release}.
     */
    static byte[] artifact(MavenArtifact artifact, Collection<String> versions, Optional<Instant> lastUpdated) {
        List<MavenVersion> sorted = versions.stream().distinct().map(MavenVersion::of).sorted().toList();
        StringBuilder xml = header(artifact);
        xml.append("  <versioning>\n");
        if (!sorted.isEmpty()) {
            element(xml, "    ", "latest", sorted.getLast().text());
        }
        sorted.reversed().stream().filter(v -> !v.isSnapshot()).findFirst()
                .ifPresent(release -> element(xml, "    ", "release", release.text()));
        xml.append("    <versions>\n");
        sorted.forEach(v -> element(xml, "      ", "version", v.text()));
        xml.append("    </versions>\n");
        lastUpdated.ifPresent(time -> element(xml, "    ", "lastUpdated", LAST_UPDATED.format(time)));
        return footer(xml);
    }

    /**
     * A SNAPSHOT version's metadata: its newest build and, for each of the build's files, the name it has in that
     * build — what Maven reads to turn {@code 1.0-SNAPSHOT} into {@code 1.0-20240102.030405-7}.
     */
    static byte[] snapshot(MavenArtifact artifact, String version, String build, List<MavenFile> files,
                           Instant published) {
        Objects.requireNonNull(build);
        String updated = LAST_UPDATED.format(published);
        String value = MavenFile.buildVersion(version, build);
        StringBuilder xml = header(artifact);
        element(xml, "  ", "version", version);
        xml.append("  <versioning>\n    <snapshot>\n");
        element(xml, "      ", "timestamp", MavenFile.timestamp(build));
        element(xml, "      ", "buildNumber", MavenFile.buildNumber(build));
        xml.append("    </snapshot>\n");
        element(xml, "    ", "lastUpdated", updated);
        xml.append("    <snapshotVersions>\n");
        for (MavenFile file : files) {
            xml.append("      <snapshotVersion>\n");
            file.classifier().ifPresent(classifier -> element(xml, "        ", "classifier", classifier));
            element(xml, "        ", "extension", file.extension());
            element(xml, "        ", "value", value);
            element(xml, "        ", "updated", updated);
            xml.append("      </snapshotVersion>\n");
        }
        xml.append("    </snapshotVersions>\n");
        return footer(xml);
    }

    private static StringBuilder header(MavenArtifact artifact) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<metadata modelVersion=\"1.1.0\">\n");
        element(xml, "  ", "groupId", artifact.groupId());
        element(xml, "  ", "artifactId", artifact.artifactId());
        return xml;
    }

    private static byte[] footer(StringBuilder xml) {
        return xml.append("  </versioning>\n</metadata>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>').append(escape(text)).append("</").append(name)
                .append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
