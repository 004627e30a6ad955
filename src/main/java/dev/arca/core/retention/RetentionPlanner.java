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
        Objects.requireNonNull(now, "now");
        List<PlannedVersion> entries = new ArrayList<>();
        packages.stream().sorted(Comparator.comparing(PackageVersions::pkg))
                .forEach(pkg -> entries.addAll(planPackage(pkg, now)));
        return RetentionPlan.of(entries);
    }

    /**
     * Newest first by publish time; unknown times count as oldest; ties by the format's version order (highest
     * first), which ends with the text, so no two versions tie. With {@link NewestBy#VERSION} (and a format that
     * orders versions), the version order comes first and publish time breaks ties. One comparator per sort: it
     * remembers the versions it has read.
     */
    public static Comparator<CandidateVersion> newestFirst(VersionScheme scheme, NewestBy by) {
        Comparator<CandidateVersion> byTime = Comparator.comparing(
                (CandidateVersion v) -> v.publishedTime().orElse(Instant.MIN)).reversed();
        Comparator<CandidateVersion> byVersion = Comparator.comparing(CandidateVersion::version, scheme.order())
                .reversed();
        return by == NewestBy.VERSION && scheme.ordersVersions()
                ? byVersion.thenComparing(byTime)
                : byTime.thenComparing(byVersion);
    }

    /**
     * The package's latest release: of its Published versions that are not pre-releases, the highest in the format's
     * order (the newest by publish time for formats without one).
     */
    public static Optional<CandidateVersion> latestRelease(PackageRef pkg, List<CandidateVersion> versions) {
        VersionScheme scheme = VersionScheme.of(pkg.format());
        return versions.stream()
                .filter(v -> v.status() == VersionStatus.PUBLISHED && !scheme.isPreRelease(v.version()))
                .min(newestFirst(scheme, NewestBy.VERSION));
    }

    private List<PlannedVersion> planPackage(PackageVersions pkg, Instant now) {
        VersionScheme scheme = VersionScheme.of(pkg.pkg().format());
        List<CandidateVersion> ordered = pkg.versions().stream()
                .sorted(newestFirst(scheme, NewestBy.PUBLISHED_TIME)).toList();
        Optional<String> latestRelease = latestRelease(pkg.pkg(), ordered).map(CandidateVersion::version);
        // By position in the ordered list, so even two identical input rows are each planned once.
        PlannedVersion[] decided = new PlannedVersion[ordered.size()];
        List<Integer> open = new ArrayList<>(IntStream.range(0, ordered.size()).boxed().toList());
        for (RetentionRule rule : ruleSet.rules()) {
            VersionSelection selection = rule.selection();
            if (open.isEmpty() || !selection.matchesPackage(pkg.pkg())) {
                continue;
            }
            Optional<Pattern> regex = regexes.get(rule.priority());
            List<Integer> matched = open.stream()
                    .filter(i -> selection.matchesVersion(scheme, ordered.get(i), regex)).toList();
            // The list is already newest first by publish time; only a version-order rule needs its own ranking.
            List<Integer> ranked = selection.newestBy() == NewestBy.PUBLISHED_TIME ? matched
                    : matched.stream().sorted(Comparator.comparing(ordered::get,
                            newestFirst(scheme, selection.newestBy()))).toList();
            for (int rank = 0; rank < ranked.size(); rank++) {
                int index = ranked.get(rank);
                decided[index] = decide(pkg, rule, ordered.get(index), rank, now, latestRelease);
            }
            open.removeAll(Set.copyOf(matched));
        }
        List<PlannedVersion> entries = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            entries.add(decided[i] != null ? decided[i] : keep(pkg.pkg(), ordered.get(i),
                    new PlanReason(PlanReason.Kind.NO_RULE, Optional.empty(), "kept: no rule selects it")));
        }
        return entries;
    }

    private PlannedVersion decide(PackageVersions pkg, RetentionRule rule, CandidateVersion version, int rank,
                                  Instant now, Optional<String> latestRelease) {
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
            if (version.publishedTime().isEmpty()) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.KEPT_BY_RULE, priority,
                        "kept: publish time unknown, so not known to be older than " + days + " days" + byRule));
            }
            if (!version.publishedTime().get().isBefore(now.minus(Duration.ofDays(days)))) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.KEPT_BY_RULE, priority,
                        "kept: published within the last " + days + " days" + byRule));
            }
        }
        String selectedBy = "selected by rule " + rule.priority();
        return act(pkg, version, rule.action(), ruleSet.guards(), latestRelease, priority, selectedBy,
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
            Optional<String> latestRelease = latestRelease(pkg.pkg(), pkg.versions()).map(CandidateVersion::version);
            pkg.versions().stream().filter(v -> picked.contains(v.version()))
                    .sorted(newestFirst(scheme, NewestBy.PUBLISHED_TIME))
                    .forEach(v -> entries.add(act(pkg, v, action, guards, latestRelease, Optional.empty(),
                            "chosen by hand", new PlanReason(PlanReason.Kind.CHOSEN, Optional.empty(),
                                    "chosen by hand"))));
        }
        return RetentionPlan.of(entries);
    }

    /** The action on a selected version, unless a guard or the version's status holds it back. */
    private static PlannedVersion act(PackageVersions pkg, CandidateVersion version, RetentionAction action,
                                      RetentionGuards guards, Optional<String> latestRelease,
                                      Optional<Integer> priority, String selectedBy, PlanReason selected) {
        if (action.kind().hidesVersion()) {
            if (guards.latestRelease() && latestRelease.equals(Optional.of(version.version()))) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.GUARD_LATEST_RELEASE, priority,
                        "kept: the latest release (guard), " + selectedBy));
            }
            if (guards.defaultDisplayVersion() && pkg.defaultDisplayVersion().equals(Optional.of(version.version()))) {
                return keep(pkg.pkg(), version, new PlanReason(PlanReason.Kind.GUARD_DEFAULT_DISPLAY_VERSION,
                        priority, "kept: the default display version (guard), " + selectedBy));
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

    private static PlannedVersion keep(PackageRef pkg, CandidateVersion version, PlanReason reason) {
        return new PlannedVersion(pkg, version, Optional.empty(), reason, 0);
    }
}
