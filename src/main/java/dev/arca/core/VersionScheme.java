package dev.arca.core;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a package format orders its versions and tells pre-releases apart: Maven's ComparableVersion rules (with
 * SNAPSHOT builds), Semantic Versioning 2.0 (npm, and NuGet, Cargo and Swift versions written that way) and PEP 440
 * (PyPI). Generic packages (and Ruby) have no order of their own here; callers fall back to publish time.
 */
public enum VersionScheme {

    /** Maven: ComparableVersion, with a SNAPSHOT's timestamped builds just below the SNAPSHOT itself. */
    MAVEN {
        @Override
        public boolean isPreRelease(String version) {
            return isSnapshot(version) || MAVEN_PRE_RELEASE.matcher(version.toLowerCase(Locale.ROOT)).find();
        }

        @Override
        public boolean isSnapshot(String version) {
            return version.endsWith(SNAPSHOT_SUFFIX) || MAVEN_BUILD.matcher(version).matches();
        }

        @Override
        Comparator<String> parsedOrder() {
            return Comparator.comparing(remembering(MavenSnapshotKey::of));
        }
    },
    /** Semantic Versioning 2.0.0: a pre-release below its release, build metadata ignored. */
    SEMVER {
        @Override
        public boolean isPreRelease(String version) {
            return SemanticVersion.parse(version).map(SemanticVersion::isPreRelease).orElse(false);
        }

        @Override
        Comparator<String> parsedOrder() {
            return parsedFirst(remembering(SemanticVersion::parse));
        }
    },
    /** PEP 440: epochs, pre-, post- and development releases, local labels. */
    PEP440 {
        @Override
        public boolean isPreRelease(String version) {
            return Pep440Version.parse(version).map(Pep440Version::isPreRelease).orElse(false);
        }

        @Override
        Comparator<String> parsedOrder() {
            return parsedFirst(remembering(Pep440Version::parse));
        }
    },
    /** No version order: versions are told apart by when they were published. */
    NONE {
        @Override
        public boolean isPreRelease(String version) {
            return false;
        }

        @Override
        public boolean ordersVersions() {
            return false;
        }

        @Override
        Comparator<String> parsedOrder() {
            return (a, b) -> 0;
        }
    };

    private static final String SNAPSHOT_SUFFIX = "-SNAPSHOT";
    /** A build of a SNAPSHOT as Maven deploys it: {@code 1.0-20240101.120000-3} (UTC timestamp, build number). */
    private static final Pattern MAVEN_BUILD = Pattern.compile("(.+)-([0-9]{8}\\.[0-9]{6})-([0-9]{1,9})");
    /** Qualifiers Maven ranks below a release, as whole tokens: {@code 1.0-rc1}, {@code 2.0.M3}, {@code 1.0-beta-2}. */
    private static final Pattern MAVEN_PRE_RELEASE = Pattern.compile(
            "(?:^|[.\\-]|(?<=[0-9]))(?:alpha|beta|milestone|rc|cr|preview|ea|a(?=[0-9])|b(?=[0-9])|m(?=[0-9]))"
                    + "(?=$|[.\\-0-9])");

    /** The scheme a format's versions follow. */
    public static VersionScheme of(PackageFormat format) {
        return switch (format) {
            case MAVEN -> MAVEN;
            case NPM, NUGET, CARGO, SWIFT -> SEMVER;
            case PYPI -> PEP440;
            case GENERIC, RUBY -> NONE;
        };
    }

    /** Whether the format ranks a version below its release: a qualifier, a pre-release tag, a SNAPSHOT. */
    public abstract boolean isPreRelease(String version);

    /** Whether it is a Maven SNAPSHOT ({@code 1.0-SNAPSHOT}) or one of its builds ({@code 1.0-20240101.120000-3}). */
    public boolean isSnapshot(String version) {
        return false;
    }

    /** Whether the scheme orders versions at all; when not, {@link #order()} only tells texts apart. */
    public boolean ordersVersions() {
        return true;
    }

    /**
     * A total order, oldest first: versions the scheme reads in its own order, above them versions it cannot read,
     * and versions equal in the scheme (such as {@code 1.0} and {@code 1.0.0}) by their text. Each call returns a new
     * comparator that reads every version once and remembers it: use one per sort, not shared between threads.
     */
    public Comparator<String> order() {
        return parsedOrder().thenComparing(Comparator.naturalOrder());
    }

    abstract Comparator<String> parsedOrder();

    /** Reads each text once: sorting n versions then parses n times, not n log n. */
    private static <V> Function<String, V> remembering(Function<String, V> parser) {
        Map<String, V> read = new HashMap<>();
        return text -> read.computeIfAbsent(text, parser);
    }

    /** Readable versions in their order, all of them above the unreadable ones, which tie among themselves. */
    private static <V extends Comparable<V>> Comparator<String> parsedFirst(Function<String, Optional<V>> parser) {
        return Comparator.comparing((String v) -> parser.apply(v).orElse(null),
                Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /**
     * Orders a SNAPSHOT's builds just below the SNAPSHOT they belong to (which holds the newest build) and above the
     * release before it: the version as Maven reads it with {@code SNAPSHOT} in place of the build, then builds before
     * the SNAPSHOT itself, then the build's timestamp and number.
     */
    private record MavenSnapshotKey(MavenVersion version, boolean head, String timestamp, long build)
            implements Comparable<MavenSnapshotKey> {

        private static final Comparator<MavenSnapshotKey> ORDER = Comparator.comparing(MavenSnapshotKey::version)
                .thenComparing(MavenSnapshotKey::head)
                .thenComparing(MavenSnapshotKey::timestamp)
                .thenComparingLong(MavenSnapshotKey::build);

        static MavenSnapshotKey of(String text) {
            Matcher build = MAVEN_BUILD.matcher(text);
            if (build.matches()) {
                return new MavenSnapshotKey(MavenVersion.of(build.group(1) + SNAPSHOT_SUFFIX), false, build.group(2),
                        Long.parseLong(build.group(3)));
            }
            return new MavenSnapshotKey(MavenVersion.of(text), true, "", 0);
        }

        @Override
        public int compareTo(MavenSnapshotKey other) {
            return ORDER.compare(this, other);
        }
    }
}
