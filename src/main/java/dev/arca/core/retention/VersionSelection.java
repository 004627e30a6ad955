package dev.arca.core.retention;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupPattern;
import dev.arca.core.VersionScheme;
import dev.arca.core.VersionStatus;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which versions a rule looks at (the filters: package, status, version text, pre-release, SNAPSHOT, origin — all
 * that are present must hold) and which of those it keeps anyway (the newest {@code keepNewest} per package, those
 * published within {@code olderThanDays}). Every filter that is absent matches everything.
 *
 * @param packages      a package group pattern such as {@code /maven/com.example~} or {@code /npm/space/*}
 * @param packagePrefix the start of the package name (case-sensitive)
 * @param statuses      the statuses to look at; empty for all
 * @param versionRegex  a Java regular expression the whole version must match
 * @param keepNewest    keep this many of the newest matching versions per package, select the rest
 * @param olderThanDays select only versions published more than this many days before the plan
 */
public record VersionSelection(Optional<PackageGroupPattern> packages, Optional<PackageFormat> format,
                               Optional<String> namespace, Optional<String> packagePrefix, Set<VersionStatus> statuses,
                               Optional<String> versionRegex, Optional<Boolean> preRelease, Optional<Boolean> snapshot,
                               Optional<OriginType> origin, OptionalInt keepNewest, NewestBy newestBy,
                               OptionalInt olderThanDays) {

    /** Bounds that keep counts and ages meaningful (a century of days; more versions than any package has). */
    static final int MAX_KEEP_NEWEST = 1_000_000;
    static final int MAX_DAYS = 36_500;

    /** Selects every version. */
    public static final VersionSelection ALL = new VersionSelection(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), OptionalInt.empty(), NewestBy.PUBLISHED_TIME, OptionalInt.empty());

    public VersionSelection {
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(packagePrefix, "packagePrefix");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        Objects.requireNonNull(versionRegex, "versionRegex");
        Objects.requireNonNull(preRelease, "preRelease");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keepNewest, "keepNewest");
        Objects.requireNonNull(newestBy, "newestBy");
        Objects.requireNonNull(olderThanDays, "olderThanDays");
        versionRegex.ifPresent(Pattern::compile);
        keepNewest.ifPresent(n -> checkRange("keepNewest", n, MAX_KEEP_NEWEST));
        olderThanDays.ifPresent(n -> checkRange("olderThanDays", n, MAX_DAYS));
        if (origin.isPresent() && origin.get() == OriginType.UNKNOWN) {
            throw new IllegalArgumentException("origin is INTERNAL or EXTERNAL");
        }
    }

    static void checkRange(String field, long value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(field + " is a whole number from 1 to " + max + ", not " + value);
        }
    }

    /** Whether the package passes the package filters (pattern, format, namespace, name prefix). */
    public boolean matchesPackage(PackageRef pkg) {
        return packages.map(p -> p.matches(pkg.format(), pkg.namespace(), pkg.name())).orElse(true)
                && format.map(pkg.format()::equals).orElse(true)
                && namespace.map(pkg.namespace()::equals).orElse(true)
                && packagePrefix.map(pkg.name()::startsWith).orElse(true);
    }

    /** Whether a version of a package that passed {@link #matchesPackage} passes the version filters. */
    boolean matchesVersion(VersionScheme scheme, CandidateVersion version, Optional<Pattern> compiledRegex) {
        return (statuses.isEmpty() || statuses.contains(version.status()))
                && compiledRegex.map(p -> p.matcher(version.version()).matches()).orElse(true)
                && preRelease.map(want -> scheme.isPreRelease(version.version()) == want).orElse(true)
                && snapshot.map(want -> scheme.isSnapshot(version.version()) == want).orElse(true)
                && origin.map(version.origin()::equals).orElse(true);
    }

    public VersionSelection withPackages(Optional<PackageGroupPattern> value) {
        return new VersionSelection(value, format, namespace, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withFormat(Optional<PackageFormat> value) {
        return new VersionSelection(packages, value, namespace, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withNamespace(Optional<String> value) {
        return new VersionSelection(packages, format, value, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withPackagePrefix(Optional<String> value) {
        return new VersionSelection(packages, format, namespace, value, statuses, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withStatuses(Set<VersionStatus> value) {
        return new VersionSelection(packages, format, namespace, packagePrefix, value, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withVersionRegex(Optional<String> value) {
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, value, preRelease,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withPreRelease(Optional<Boolean> value) {
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, versionRegex, value,
                snapshot, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withSnapshot(Optional<Boolean> value) {
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, versionRegex, preRelease,
                value, origin, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withOrigin(Optional<OriginType> value) {
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, value, keepNewest, newestBy, olderThanDays);
    }

    public VersionSelection withKeepNewest(OptionalInt value, NewestBy by) {
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, origin, value, by, olderThanDays);
    }

    public VersionSelection withOlderThanDays(OptionalInt value) {
        return new VersionSelection(packages, format, namespace, packagePrefix, statuses, versionRegex, preRelease,
                snapshot, origin, keepNewest, newestBy, value);
    }
}
