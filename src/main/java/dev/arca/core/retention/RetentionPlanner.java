package dev.arca.core.retention;

import dev.arca.core.VersionScheme;
import dev.arca.core.VersionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Plans a rule set over a repository's versions without touching anything (the dry run): rules by ascending priority,
 * the first whose filters match a version decides it, guards and statuses then hold back what must not change.
 * The same input always gives the same plan: ties in publish time are broken by the format's version order, then text.
 */
public final class RetentionPlanner {

    private final RetentionRuleSet ruleSet;
    private final Map<Integer, Optional<Pattern>> regexes = new HashMap<>();

    public RetentionPlanner(RetentionRuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        for (RetentionRule rule : ruleSet.rules()) {
            regexes.put(rule.priority(), rule.selection().versionRegex().map(Pattern::compile));
        }
    }

    /** The plan for these packages as of {@code now} (the moment "older than D days" counts from). */
    public RetentionPlan plan(List<PackageVersions> packages, Instant now) {
        return plan(packages, now, DownstreamUse.none());
    }

    /**
     * The plan for these packages as of {@code now}, holding back what {@code downstream} says other repositories get
     * from this one when the rule set's guards ask for it.
     */
    public RetentionPlan plan(List<PackageVersions> packages, Instant now, DownstreamUse downstream) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(downstream, "downstream");
        List<PlannedVersion> entries = new ArrayList<>();
        packages.stream().sorted(Comparator.comparing(PackageVersions::pkg))
                .forEach(pkg -> entries.addAll(planPackage(pkg, now, downstream)));
        return RetentionPlan.of(entries);
    }

    /**
     * Newest first by publish time; unknown times count as oldest; ties by the format's version order (highest
     * first), which ends with the text, so no two versions tie. With {@link NewestBy#VERSION} (and a format that
     * orders versions), the version order comes first and publish time breaks ties. One comparator per sort: it
     * remembers the versions it has read.
     */
    public static Comparator<CandidateVersion> newestFirst(VersionScheme scheme, NewestBy by) {
        return newestFirst(scheme, by, Comparator.comparing(
                (CandidateVersion v) -> v.publishedTime().orElse(Instant.MIN)).reversed());
    }

    /** {@link #newestFirst(VersionScheme, NewestBy)} with publish time as {@code byPublish} orders it. */
    static Comparator<CandidateVersion> newestFirst(VersionScheme scheme, NewestBy by,
                                                    Comparator<CandidateVersion> byPublish) {
        Comparator<CandidateVersion> byVersion = Comparator.comparing(CandidateVersion::version, scheme.order())
                .reversed();
        return by == NewestBy.VERSION && scheme.ordersVersions()
                ? byVersion.thenComparing(byPublish)
                : byPublish.thenComparing(byVersion);
    }

    /**
     * The package's latest release: of its Published versions that are not pre-releases, the highest in the format's
     * order (the newest by publish time for formats without one).
     */
    public static Optional<CandidateVersion> latestRelease(PackageRef pkg, List<CandidateVersion> versions) {
        return latestRelease(pkg, versions, PublishOrder.byTime(versions));
    }

    private static Optional<CandidateVersion> latestRelease(PackageRef pkg, List<CandidateVersion> versions,
                                                            PublishOrder order) {
        VersionScheme scheme = VersionScheme.of(pkg.format());
        return versions.stream().filter(v -> isRelease(scheme, v))
                .min(newestFirst(scheme, NewestBy.VERSION, order.newestFirst()));
    }

    /** Whether a version is a candidate for the latest release: Published, not a pre-release. */
    static boolean isRelease(VersionScheme scheme, CandidateVersion version) {
        return version.status() == VersionStatus.PUBLISHED && !scheme.isPreRelease(version.version());
    }

    /**
     * For each rule in priority order, the indexes of {@code versions} it decides: those its filters match that no
     * earlier rule matched (none when its package filters do not match). Publish times play no part in it.
     */
    List<List<Integer>> decidedByRule(PackageRef pkg, List<CandidateVersion> versions) {
        VersionScheme scheme = VersionScheme.of(pkg.format());
        List<Integer> open = new ArrayList<>(IntStream.range(0, versions.size()).boxed().toList());
        List<List<Integer>> byRule = new ArrayList<>();
        for (RetentionRule rule : ruleSet.rules()) {
            VersionSelection selection = rule.selection();
            if (open.isEmpty() || !selection.matchesPackage(pkg)) {
                byRule.add(List.of());
                continue;
            }
            Optional<Pattern> regex = regexes.get(rule.priority());
            List<Integer> matched = open.stream()
                    .filter(i -> selection.matchesVersion(scheme, versions.get(i), regex)).toList();
            byRule.add(matched);
            open.removeAll(Set.copyOf(matched));
        }
        return byRule;
    }

    RetentionRuleSet ruleSet() {
        return ruleSet;
    }

    private List<PlannedVersion> planPackage(PackageVersions pkg, Instant now, DownstreamUse downstream) {
        VersionScheme scheme = VersionScheme.of(pkg.pkg().format());
        PublishOrder order = PublishOrder.of(pkg);
        List<CandidateVersion> ordered = pkg.versions().stream()
                .sorted(newestFirst(scheme, NewestBy.PUBLISHED_TIME, order.newestFirst())).toList();
        Holds holds = new Holds(ruleSet.guards(), latestRelease(pkg.pkg(), ordered, order)
                .map(CandidateVersion::version), downstream);
        // By position in the ordered list, so even two identical input rows are each planned once.
        PlannedVersion[] decided = new PlannedVersion[ordered.size()];
        List<List<Integer>> byRule = decidedByRule(pkg.pkg(), ordered);
        for (int r = 0; r < byRule.size(); r++) {
            RetentionRule rule = ruleSet.rules().get(r);
            List<Integer> matched = byRule.get(r);
            // The list is already newest first by publish time; only a version-order rule needs its own ranking.
            List<Integer> ranked = rule.selection().newestBy() == NewestBy.PUBLISHED_TIME ? matched
                    : matched.stream().sorted(Comparator.comparing(ordered::get,
                            newestFirst(scheme, rule.selection().newestBy(), order.newestFirst()))).toList();
            for (int rank = 0; rank < ranked.size(); rank++) {
                int index = ranked.get(rank);
                decided[index] = decide(pkg, rule, ordered.get(index), rank, now, holds, order);
            }
        }
        List<PlannedVersion> entries = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            entries.add(decided[i] != null ? decided[i] : keep(pkg.pkg(), ordered.get(i),
                    new PlanReason(PlanReason.Kind.NO_RULE, Optional.empty(), "kept: no rule selects it")));
        }
        return entries;
    }

    private PlannedVersion decide(PackageVersions pkg, RetentionRule rule, CandidateVersion version, int rank,
                                  Instant now, Holds holds, PublishOrder order) {
        VersionSelection selection = rule.selection();
        Optional<Integer> priority = Optional.of(rule.priority());
        String byRule = " (rule " + rule.priority() + ")";
        if (selection.keepNewest().isPresent() && rank < selection.keepNewest().getAsInt()) {
            return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.KEPT_BY_RULE, priority, "kept: #"
                    + (rank + 1) + " of the newest " + selection.keepNewest().getAsInt() + " by "
                    + selection.newestBy().ruleName() + byRule));
        }
        if (selection.olderThanDays().isPresent()) {
            int days = selection.olderThanDays().getAsInt();
            Optional<Boolean> older = order.publishedBefore(version, now.minus(Duration.ofDays(days)));
            if (older.isEmpty()) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.KEPT_BY_RULE, priority,
                        "kept: publish time unknown, so not known to be older than " + days + " days" + byRule));
            }
            if (!older.get()) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.KEPT_BY_RULE, priority,
                        "kept: published within the last " + days + " days" + byRule));
            }
        }
        String selectedBy = "selected by rule " + rule.priority();
        return act(pkg, version, rule.action(), holds, priority, selectedBy,
                new PlanReason(PlanReason.Kind.SELECTED_BY_RULE, priority, selectedBy
                        + (rule.description().isEmpty() ? "" : " \"" + rule.description() + "\"")));
    }

    /**
     * Plans one action on versions picked by hand (the Packages page's multi-select: Copy to…, Unlist, Archive,
     * Dispose…, Delete…). Each chosen version gets the action unless a guard or its status holds it back; only the
     * chosen versions are listed, but each package needs all its versions so the guards know its latest release.
     *
     * @param chosen the versions picked, by package
     */
    public static RetentionPlan planChosen(List<PackageVersions> packages, Map<PackageRef, Set<String>> chosen,
                                           RetentionAction action, RetentionGuards guards) {
        return planChosen(packages, chosen, action, guards, DownstreamUse.none());
    }

    /** As {@link #planChosen(List, Map, RetentionAction, RetentionGuards)}, with what other repositories get from here. */
    public static RetentionPlan planChosen(List<PackageVersions> packages, Map<PackageRef, Set<String>> chosen,
                                           RetentionAction action, RetentionGuards guards, DownstreamUse downstream) {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(guards, "guards");
        List<PlannedVersion> entries = new ArrayList<>();
        for (PackageVersions pkg : packages.stream().sorted(Comparator.comparing(PackageVersions::pkg)).toList()) {
            Set<String> picked = chosen.getOrDefault(pkg.pkg(), Set.of());
            if (picked.isEmpty()) {
                continue;
            }
            VersionScheme scheme = VersionScheme.of(pkg.pkg().format());
            PublishOrder order = PublishOrder.of(pkg);
            Holds holds = new Holds(guards, latestRelease(pkg.pkg(), pkg.versions(), order)
                    .map(CandidateVersion::version), downstream);
            pkg.versions().stream().filter(v -> picked.contains(v.version()))
                    .sorted(newestFirst(scheme, NewestBy.PUBLISHED_TIME, order.newestFirst()))
                    .forEach(v -> entries.add(act(pkg, v, action, holds, Optional.empty(),
                            "chosen by hand", new PlanReason(PlanReason.Kind.CHOSEN, Optional.empty(),
                                    "chosen by hand"))));
        }
        return RetentionPlan.of(entries);
    }

    /** The action on a selected version, unless a guard or the version's status holds it back. */
    private static PlannedVersion act(PackageVersions pkg, CandidateVersion version, RetentionAction action,
                                      Holds holds, Optional<Integer> priority, String selectedBy, PlanReason selected) {
        RetentionGuards guards = holds.guards();
        if (action.kind().hidesVersion()) {
            if (guards.latestRelease() && holds.latestRelease().equals(Optional.of(version.version()))) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.GUARD_LATEST_RELEASE, priority,
                        "kept: the latest release (guard), " + selectedBy));
            }
            if (guards.defaultDisplayVersion() && pkg.defaultDisplayVersion().equals(Optional.of(version.version()))) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.GUARD_DEFAULT_DISPLAY_VERSION,
                        priority, "kept: the default display version (guard), " + selectedBy));
            }
            Optional<String> reader = guards.servedDownstream()
                    ? holds.downstream().servedTo(pkg.pkg(), version.version()) : Optional.empty();
            if (reader.isPresent()) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.GUARD_SERVED_DOWNSTREAM, priority,
                        "kept: " + reader.get() + " gets it from here through its upstreams (guard), " + selectedBy));
            }
        }
        Optional<String> pointless = statusProblem(action.kind(), version.status());
        if (pointless.isPresent()) {
            return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.STATUS, priority,
                    "kept: " + pointless.get() + ", " + selectedBy));
        }
        PlannedVersion planned = new PlannedVersion(pkg.pkg(), version, Optional.of(action), selected, 0);
        return freesBytes(planned)
                ? new PlannedVersion(pkg.pkg(), version, Optional.of(action), selected, version.sizeBytes().orElse(0))
                : planned;
    }

    /**
     * Why an action of {@code kind} cannot or need not apply to a version in this status (spec/behavior.md §4); empty
     * if it can. The Packages page asks it too, to offer only the actions that make sense for the versions selected.
     */
    public static Optional<String> statusProblem(ActionKind kind, VersionStatus status) {
        if (status == VersionStatus.DELETED) {
            return Optional.of("already deleted");
        }
        Optional<VersionStatus> target = switch (kind) {
            case PUBLISH -> Optional.of(VersionStatus.PUBLISHED);
            case UNLIST -> Optional.of(VersionStatus.UNLISTED);
            case ARCHIVE -> Optional.of(VersionStatus.ARCHIVED);
            default -> Optional.empty();
        };
        if (target.isPresent() && status == target.get()) {
            return Optional.of("already " + status.wireName());
        }
        if (target.isPresent() && status == VersionStatus.DISPOSED) {
            return Optional.of("a Disposed version cannot become " + target.get().wireName());
        }
        return switch (kind) {
            case DISPOSE -> status == VersionStatus.DISPOSED ? Optional.of("already Disposed") : Optional.empty();
            case COPY -> status == VersionStatus.DISPOSED ? Optional.of("a Disposed version has no assets to copy")
                    : Optional.empty();
            case KEEP -> Optional.of("nothing to do");
            default -> Optional.empty();
        };
    }

    /** Whether carrying out the entry frees its assets' bytes: dispose, or delete of a version not yet disposed. */
    static boolean freesBytes(PlannedVersion entry) {
        return (entry.kind() == ActionKind.DISPOSE || entry.kind() == ActionKind.DELETE)
                && entry.version().status() != VersionStatus.DISPOSED;
    }

    /** What holds a package's selected versions back: the guards, its latest release, what others get from here. */
    private record Holds(RetentionGuards guards, Optional<String> latestRelease, DownstreamUse downstream) {
    }

    private static PlannedVersion keep(PackageRef pkg, CandidateVersion version, PlanReason reason) {
        return new PlannedVersion(pkg, version, Optional.empty(), reason, 0);
    }
}
