package dev.arca.server.formats.maven;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of one version in the Maven 2 layout, {@code ARTIFACT-VERSION[-CLASSIFIER].EXTENSION}. Files of a SNAPSHOT
 * version name the build they belong to in place of {@code SNAPSHOT} ({@code lib-1.0-20240102.030405-7.jar}, as
 * {@code mvn deploy} and Gradle upload them); a request may still name {@code lib-1.0-SNAPSHOT.jar}, meaning the
 * newest build.
 *
 * @param build the snapshot build a file belongs to, {@code TIMESTAMP-BUILDNUMBER}; empty for releases and for
 *              files named with {@code SNAPSHOT}
 */
record MavenFile(String name, Optional<String> build, Optional<String> classifier, String extension) {

    static final String SNAPSHOT = "SNAPSHOT";
    private static final Pattern BUILD = Pattern.compile("([0-9]{8}\\.[0-9]{6})-([1-9][0-9]{0,8})");
    /** What follows ARTIFACT-VERSION: an optional classifier, then the extension (which may have dots). */
    private static final Pattern REST = Pattern.compile(
            "(?:-([A-Za-z0-9_-]+))?\\.([A-Za-z0-9_+-]+(?:\\.[A-Za-z0-9_+-]+)*)");

    MavenFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(build);
        Objects.requireNonNull(classifier);
        Objects.requireNonNull(extension);
    }

    /** Whether a version is a SNAPSHOT ({@code 1.0-SNAPSHOT}), whose builds replace one another. */
    static boolean isSnapshot(String version) {
        return version.endsWith("-" + SNAPSHOT);
    }

    /** The version a build of a SNAPSHOT is stored as: {@code 1.0-SNAPSHOT} and its build → {@code 1.0-BUILD}. */
    static String buildVersion(String snapshotVersion, String build) {
        return snapshotVersion.substring(0, snapshotVersion.length() - SNAPSHOT.length()) + build;
    }

    /** A build as it is written in a file name, from the timestamp and build number of snapshot metadata. */
    static Optional<String> build(String timestamp, String buildNumber) {
        String build = timestamp + "-" + buildNumber;
        return BUILD.matcher(build).matches() ? Optional.of(build) : Optional.empty();
    }

    /** The timestamp part of a build, {@code 20240102.030405}. */
    static String timestamp(String build) {
        return build.substring(0, build.indexOf('-'));
    }

    /** The build number part of a build. */
    static String buildNumber(String build) {
        return build.substring(build.indexOf('-') + 1);
    }

    /** The file {@code name} in the directory of {@code version} of {@code artifactId}; empty if it is not one. */
    static Optional<MavenFile> parse(String artifactId, String version, String name) {
        boolean snapshot = isSnapshot(version);
        String prefix = artifactId + "-" + (snapshot ? version.substring(0, version.length() - SNAPSHOT.length())
                : version);
        if (!name.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = name.substring(prefix.length());
        Optional<String> build = Optional.empty();
        if (snapshot) {
            Matcher timestamped = BUILD.matcher(rest);
            if (timestamped.lookingAt()) {
                build = Optional.of(timestamped.group());
                rest = rest.substring(timestamped.end());
            } else if (rest.startsWith(SNAPSHOT)) {
                rest = rest.substring(SNAPSHOT.length());
            } else {
                return Optional.empty();
            }
        }
        Matcher parts = REST.matcher(rest);
        if (!parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new MavenFile(name, build, Optional.ofNullable(parts.group(1)), parts.group(2)));
    }

    /** The build a stored SNAPSHOT version holds, read from the names of its files. */
    static Optional<String> buildOf(String artifactId, String snapshotVersion, List<String> fileNames) {
        return fileNames.stream().flatMap(name -> parse(artifactId, snapshotVersion, name).stream())
                .flatMap(file -> file.build().stream()).findFirst();
    }

    /** Whether two files are the same kind of file of a version: same classifier, same extension. */
    boolean sameKind(MavenFile other) {
        return classifier.equals(other.classifier) && extension.equals(other.extension);
    }

    /** The version's POM, which describes it. */
    boolean isPom() {
        return classifier.isEmpty() && extension.equals("pom");
    }
}
