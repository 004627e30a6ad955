package dev.arca.workflow;

import dev.arca.core.PackageFilter;
import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupPattern;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PublishTimesNeeded;
import dev.arca.core.retention.RetentionRule;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.core.retention.VersionSelection;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which part of a repository a loader reads: the ListPackages filters that narrow the listing on the service's side,
 * the packages kept of what they return, whether version sizes are worth one ListPackageVersionAssets call each, and
 * which publish times are worth one DescribePackageVersion call each.
 *
 * @param listings ListPackages filters, each a superset of what it stands for; their union is listed
 * @param packages the packages to read versions of, among those listed
 * @param sizes    whether to fill each version's size from its assets
 * @param times    the publish times a rule set's plan needs; empty for every version's
 */
public record LoadScope(List<PackageFilter> listings, Predicate<PackageRef> packages, boolean sizes,
                        Optional<PublishTimesNeeded> times) {

    /** Every package of the repository, with sizes and publish times. */
    public static final LoadScope EVERYTHING = new LoadScope(List.of(PackageFilter.NONE), pkg -> true, true,
            Optional.empty());

    public LoadScope {
        listings = List.copyOf(listings);
        if (listings.isEmpty()) {
            throw new IllegalArgumentException("A scope lists at least once");
        }
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(times, "times");
    }

    /**
     * What a rule set's plan as of {@code now} needs: the packages some rule's package filters match (a version no
     * rule matches is kept whatever it is, so reading it would only slow a large repository down), with sizes only
     * when a rule disposes or deletes, the actions that free bytes, and only the publish times that decide something
     * ({@link PublishTimesNeeded}). Plan with the same {@code now}.
     */
    public static LoadScope of(RetentionRuleSet ruleSet, Instant now) {
        Set<PackageFilter> filters = new LinkedHashSet<>();
        for (RetentionRule rule : ruleSet.rules()) {
            filters.add(listing(rule.selection()));
        }
        List<PackageFilter> listings = filters.contains(PackageFilter.NONE) ? List.of(PackageFilter.NONE)
                : List.copyOf(filters);
        boolean sizes = ruleSet.rules().stream().map(r -> r.action().kind())
                .anyMatch(k -> k == ActionKind.DISPOSE || k == ActionKind.DELETE);
        return new LoadScope(listings, pkg -> ruleSet.rules().stream()
                .anyMatch(rule -> rule.selection().matchesPackage(pkg)), sizes,
                Optional.of(new PublishTimesNeeded(ruleSet, now)));
    }

    /**
     * The ListPackages filter that returns at least the packages {@code selection} matches. A pattern's name part is
     * left to {@link VersionSelection#matchesPackage}, which normalizes names as the format does; a namespace prefix
     * (ListPackages reads namespaces exactly or by prefix, depending on the service) likewise.
     */
    static PackageFilter listing(VersionSelection selection) {
        Optional<PackageGroupPattern> pattern = selection.packages();
        Optional<PackageFormat> format = selection.format().or(() -> pattern.flatMap(PackageGroupPattern::format));
        String namespace = selection.namespace().orElseGet(() -> pattern
                .filter(p -> p.level() == PackageGroupPattern.Level.NAMESPACE
                        || p.level() == PackageGroupPattern.Level.NAME_PREFIX
                        || p.level() == PackageGroupPattern.Level.EXACT)
                .map(PackageGroupPattern::namespace).orElse(""));
        // The service filters namespaces only within one format.
        String listedNamespace = format.isPresent() ? namespace : "";
        return new PackageFilter(format, listedNamespace, selection.packagePrefix().orElse(""), Optional.empty(),
                Optional.empty());
    }
}
