package dev.arca.server.formats.maven;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.PackageRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Maven package: its group id is the package's namespace, its artifact id the package name. */
record MavenArtifact(String groupId, String artifactId) {

    private static final Pattern GROUP_SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*");
    private static final int MAX_LENGTH = 255;

    MavenArtifact {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(artifactId);
    }

    /** The artifact a path names: the group id's segments (its dots as directories) and the artifact id. */
    static MavenArtifact parse(List<String> group, String artifactId) {
        for (String segment : group) {
            if (!GROUP_SEGMENT.matcher(segment).matches()) {
                throw ApiException.validation("'" + segment + "' is not a valid part of a group id (letters, digits,"
                        + " - and _)");
            }
        }
        String groupId = String.join(".", group);
        if (groupId.length() > MAX_LENGTH) {
            throw ApiException.validation("A group id is at most " + MAX_LENGTH + " characters");
        }
        if (!ARTIFACT_ID.matcher(artifactId).matches() || artifactId.length() > MAX_LENGTH) {
            throw ApiException.validation("'" + artifactId + "' is not a valid artifact id (letters, digits, - . and"
                    + " _)");
        }
        return new MavenArtifact(groupId, artifactId);
    }

    /** Whether a version is one a path can name: letters, digits, - . _ and +. */
    static boolean isVersion(String version) {
        return VERSION.matcher(version).matches() && version.length() <= MAX_LENGTH;
    }

    /** A version as a path names it; a 400 when it is not one. */
    static String checkVersion(String version) {
        if (!isVersion(version)) {
            throw ApiException.validation("'" + version + "' is not a valid version (letters, digits, - . _ and +)");
        }
        return version;
    }

    static MavenArtifact of(PackageRef ref) {
        return new MavenArtifact(ref.namespace(), ref.name());
    }

    PackageRef ref() {
        return PackageRef.of(PackageFormat.MAVEN, Optional.of(groupId), artifactId);
    }

    /** Where the artifact's files live in the Maven 2 layout: {@code org/example/lib}. */
    String directory() {
        return groupId.replace('.', '/') + "/" + artifactId;
    }

    /** {@code org.example:lib}, as Maven names artifacts in messages. */
    String display() {
        return groupId + ":" + artifactId;
    }
}
