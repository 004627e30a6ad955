package dev.arca.server.formats.maven;

import dev.arca.server.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a path under a Maven repository names, in the Maven 2 layout (group id with its dots as directories):
 * <pre>
 * GROUP/ARTIFACT/VERSION/FILE                     a file of a version (a POM, a jar, a signature...)
 * GROUP/ARTIFACT/maven-metadata.xml               the artifact's versions
 * GROUP/ARTIFACT/VERSION-SNAPSHOT/maven-metadata.xml   a SNAPSHOT's newest build
 * </pre>
 * each optionally followed by {@code .md5}, {@code .sha1}, {@code .sha256} or {@code .sha512} for its checksum.
 * Group segments, artifact ids, versions and file names are checked here, once, before anything is looked up.
 */
sealed interface MavenPath {

    String METADATA = "maven-metadata.xml";

    MavenArtifact artifact();

    /** The checksum of the named file the request is about, if it is about a checksum file. */
    Optional<Checksum> checksum();

    /** A file of a version, or its checksum. */
    record VersionFile(MavenArtifact artifact, String version, MavenFile file, Optional<Checksum> checksum)
            implements MavenPath {
        public VersionFile {
            Objects.requireNonNull(artifact);
            Objects.requireNonNull(version);
            Objects.requireNonNull(file);
            Objects.requireNonNull(checksum);
        }

        boolean snapshot() {
            return MavenFile.isSnapshot(version);
        }

        /** The version this file is stored under: a SNAPSHOT's file goes with its build until that is published. */
        String storedVersion() {
            return file.build().map(build -> MavenFile.buildVersion(version, build)).orElse(version);
        }
    }

    /** {@code maven-metadata.xml} of an artifact, or of one of its SNAPSHOT versions, or its checksum. */
    record Metadata(MavenArtifact artifact, Optional<String> snapshot, Optional<Checksum> checksum)
            implements MavenPath {
        public Metadata {
            Objects.requireNonNull(artifact);
            Objects.requireNonNull(snapshot);
            Objects.requireNonNull(checksum);
        }
    }

    /**
     * Parses the segments after the repository.
     *
     * @throws ApiException 404 for a path that names no file of the layout, 400 for a malformed group id, artifact
     *                      id or version
     */
    static MavenPath parse(List<String> segments) {
        int n = segments.size();
        String last = n == 0 ? "" : segments.getLast();
        Optional<Checksum> checksum = Checksum.of(last);
        String name = checksum.map(c -> c.stripFrom(last)).orElse(last);
        if (name.equals(METADATA)) {
            if (n >= 4 && MavenFile.isSnapshot(segments.get(n - 2))) {
                return new Metadata(MavenArtifact.parse(segments.subList(0, n - 3), segments.get(n - 3)),
                        Optional.of(MavenArtifact.checkVersion(segments.get(n - 2))), checksum);
            }
            if (n >= 3) {
                return new Metadata(MavenArtifact.parse(segments.subList(0, n - 2), segments.get(n - 2)),
                        Optional.empty(), checksum);
            }
        } else if (n >= 4) {
            MavenArtifact artifact = MavenArtifact.parse(segments.subList(0, n - 3), segments.get(n - 3));
            String version = MavenArtifact.checkVersion(segments.get(n - 2));
            MavenFile file = MavenFile.parse(artifact.artifactId(), version, name).orElseThrow(() -> notFound(
                    name + " is not a file of " + artifact.display() + ":" + version + "; its files are named "
                            + artifact.artifactId() + "-" + version + "[-CLASSIFIER].EXTENSION"
                            + (MavenFile.isSnapshot(version) ? ", with the build's timestamp and number in place of"
                            + " SNAPSHOT" : "")));
            return new VersionFile(artifact, version, file, checksum);
        }
        throw notFound("There is nothing at " + String.join("/", segments) + "; a Maven repository serves"
                + " GROUP/ARTIFACT/VERSION/FILE and GROUP/ARTIFACT/maven-metadata.xml");
    }

    private static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message, Map.of());
    }
}
