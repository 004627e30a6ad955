package dev.arca.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupPattern;
import dev.arca.core.VersionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final PackageRef LIB = new PackageRef(PackageFormat.MAVEN, "com.example", "lib");
    private static final RetentionAction DELETE = new RetentionAction.Delete();
    private static final RetentionAction UNLIST = new RetentionAction.SetStatus(VersionStatus.UNLISTED);

    @Test
    void anEmptyRepositoryPlansNothing() {
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL, DELETE)).plan(List.of(), NOW);

        assertThat(plan.entries()).isEmpty();
        assertThat(plan.counts()).containsEntry(ActionKind.KEEP, 0).containsEntry(ActionKind.DELETE, 0);
        assertThat(plan.bytesFreed()).isZero();
    }

    @Test
    void everyVersionIsListedOnceWithItsActionAndReason() {
        PackageVersions pkg = pkg(LIB, published("1.0", 3), published("1.1", 2), published("1.2", 1));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(1),
                NewestBy.PUBLISHED_TIME), DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(plan.entries()).extracting(e -> e.version().version(), PlannedVersion::kind)
                .containsExactly(tuple("1.2", ActionKind.KEEP), tuple("1.1", ActionKind.DELETE),
                        tuple("1.0", ActionKind.DELETE));
        assertThat(plan.entries().getFirst().reason().text())
                .isEqualTo("kept: #1 of the newest 1 by publishedTime (rule 1)");
        assertThat(plan.entries().get(1).reason().text()).isEqualTo("selected by rule 1 \"test rule\"");
        assertThat(plan.count(ActionKind.DELETE)).isEqualTo(2);
        assertThat(plan.count(ActionKind.KEEP)).isEqualTo(1);
    }

    @Test
    void versionsNoRuleMatchesAreKeptForThatReason() {
        PackageVersions pkg = pkg(LIB, published("1.0", 3));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withStatuses(Set.of(VersionStatus.UNLISTED)),
                DELETE)).plan(List.of(pkg), NOW);

        assertThat(plan.entries().getFirst().reason().kind()).isEqualTo(PlanReason.Kind.NO_RULE);
        assertThat(plan.entries().getFirst().kind()).isEqualTo(ActionKind.KEEP);
    }

    @Test
    void keepNewestByVersionFollowsTheFormatsOrderNotPublishTime() {
        // 1.0.1 was published last (a backport), but 2.0 is the higher version.
        PackageVersions pkg = pkg(LIB, published("1.0", 5), published("2.0", 4), published("1.0.1", 1));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(1),
                NewestBy.VERSION), DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("1.0.1", "1.0");
    }

    @Test
    void keepNewestByVersionUsesPep440ForPyPi() {
        // an epoch outranks everything; a post-release outranks its release; a pre-release ranks below it
        PackageVersions pkg = pkg(new PackageRef(PackageFormat.PYPI, "", "tool"), published("1!0.1", 9),
                published("2.0.post1", 8), published("2.0", 7), published("2.1rc1", 1), published("2.1.dev3", 2));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(3),
                NewestBy.VERSION), DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("2.0", "2.0.post1");
        assertThat(reasonOf(plan, "1!0.1")).isEqualTo("kept: #1 of the newest 3 by version (rule 1)");
    }

    @Test
    void snapshotFilterTellsSnapshotsAndTheirBuildsFromReleases() {
        PackageVersions pkg = pkg(LIB, published("1.0", 5), with(published("1.1-20250101.101010-1", 4),
                VersionStatus.UNLISTED), published("1.1-SNAPSHOT", 3), published("1.1-rc1", 2));
        RetentionPlan releases = planner(rule(1, VersionSelection.ALL.withSnapshot(Optional.of(false)), UNLIST),
                RetentionGuards.NONE).plan(List.of(pkg), NOW);
        RetentionPlan snapshots = planner(rule(1, VersionSelection.ALL.withSnapshot(Optional.of(true)), DELETE),
                RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(releases.changes()).extracting(e -> e.version().version()).containsExactly("1.1-rc1", "1.0");
        assertThat(deleted(snapshots)).containsExactly("1.1-SNAPSHOT", "1.1-20250101.101010-1");
    }

    @Test
    void tiesInPublishTimeAreBrokenByVersionOrderThenText() {
        Instant same = NOW.minus(Duration.ofDays(1));
        PackageVersions pkg = pkg(new PackageRef(PackageFormat.NPM, "", "ui"), at("1.0.0", same),
                at("1.0.0-rc.1", same), at("1.2.0", same), at("1.10.0", same));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(2),
                NewestBy.PUBLISHED_TIME), DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(plan.entries()).extracting(e -> e.version().version())
                .containsExactly("1.10.0", "1.2.0", "1.0.0", "1.0.0-rc.1");
        assertThat(deleted(plan)).containsExactly("1.0.0", "1.0.0-rc.1");
        // the same input in another order plans the same
        PackageVersions reversed = new PackageVersions(pkg.pkg(), Optional.empty(), pkg.versions().reversed());
        assertThat(planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(2), NewestBy.PUBLISHED_TIME),
                DELETE), RetentionGuards.NONE).plan(List.of(reversed), NOW)).isEqualTo(plan);
    }

    @Test
    void genericPackagesWithEqualPublishTimesFallBackToText() {
        Instant same = NOW.minus(Duration.ofDays(1));
        PackageVersions pkg = pkg(new PackageRef(PackageFormat.GENERIC, "tools", "cli"), at("b", same),
                at("a", same), at("c", NOW.minus(Duration.ofDays(9))));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(1),
                NewestBy.VERSION), DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(plan.entries()).extracting(e -> e.version().version()).containsExactly("b", "a", "c");
        assertThat(deleted(plan)).containsExactly("a", "c");
    }

    @Test
    void olderThanDaysSelectsOnlyVersionsPublishedBeforeTheCutoff() {
        PackageVersions pkg = pkg(LIB, published("1.0", 40), published("1.1", 30), published("1.2", 5),
                new CandidateVersion("0.1", VersionStatus.PUBLISHED, Optional.empty(), OriginType.INTERNAL,
                        OptionalLong.empty(), "r"));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withOlderThanDays(OptionalInt.of(30)), DELETE),
                RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("1.0");
        assertThat(reasonOf(plan, "1.1")).isEqualTo("kept: published within the last 30 days (rule 1)");
        assertThat(reasonOf(plan, "0.1")).startsWith("kept: publish time unknown");
    }

    @Test
    void keepNewestAndOlderThanDaysBothHaveToAllowASelection() {
        PackageVersions pkg = pkg(LIB, published("1.0", 100), published("1.1", 90), published("1.2", 10),
                published("1.3", 5));
        VersionSelection selection = VersionSelection.ALL.withKeepNewest(OptionalInt.of(1), NewestBy.PUBLISHED_TIME)
                .withOlderThanDays(OptionalInt.of(30));
        RetentionPlan plan = planner(rule(1, selection, DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("1.1", "1.0");
    }

    @Test
    void statusFilterSelectsOnlyThoseStatuses() {
        PackageVersions pkg = pkg(LIB, published("1.0", 3), with(published("1.1", 2), VersionStatus.UNLISTED),
                with(published("1.2", 1), VersionStatus.ARCHIVED));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withStatuses(Set.of(VersionStatus.UNLISTED,
                VersionStatus.ARCHIVED)), DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("1.2", "1.1");
    }

    @Test
    void versionRegexMustMatchTheWholeVersion() {
        PackageVersions pkg = pkg(LIB, published("1.0-nightly", 3), published("1.0", 2), published("nightly-1", 1));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withVersionRegex(Optional.of(".*-nightly")),
                DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("1.0-nightly");
    }

    @Test
    void preReleaseFilterFollowsEachFormatsRules() {
        PackageVersions maven = pkg(LIB, published("1.0-rc1", 3), published("1.0", 2));
        PackageVersions npm = pkg(new PackageRef(PackageFormat.NPM, "", "ui"), published("2.0.0-beta.1", 3),
                published("2.0.0", 2));
        PackageVersions pypi = pkg(new PackageRef(PackageFormat.PYPI, "", "tool"), published("3.0.dev1", 4),
                published("3.0a1", 3), published("3.0.post1", 1));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withPreRelease(Optional.of(true)), UNLIST))
                .plan(List.of(pypi, npm, maven), NOW);

        assertThat(plan.changes()).extracting(e -> e.pkg().name() + " " + e.version().version())
                .containsExactly("ui 2.0.0-beta.1", "tool 3.0a1", "tool 3.0.dev1", "lib 1.0-rc1");
    }

    @Test
    void packagesAreMatchedByGroupPatternFormatNamespaceAndPrefix() {
        PackageVersions lib = pkg(LIB, published("1.0", 1));
        PackageVersions other = pkg(new PackageRef(PackageFormat.MAVEN, "org.other", "lib"), published("1.0", 1));
        PackageVersions tool = pkg(new PackageRef(PackageFormat.MAVEN, "com.example.tools", "tool"),
                published("1.0", 1));
        List<PackageVersions> all = List.of(lib, other, tool);

        VersionSelection byPattern = VersionSelection.ALL.withPackages(
                Optional.of(PackageGroupPattern.parse("/maven/com.example~")));
        assertThat(selectedPackages(byPattern, all)).containsExactly("com.example:lib", "com.example.tools:tool");
        VersionSelection byFlags = VersionSelection.ALL.withFormat(Optional.of(PackageFormat.MAVEN))
                .withNamespace(Optional.of("com.example")).withPackagePrefix(Optional.of("li"));
        assertThat(selectedPackages(byFlags, all)).containsExactly("com.example:lib");
        assertThat(selectedPackages(VersionSelection.ALL.withFormat(Optional.of(PackageFormat.NPM)), all)).isEmpty();
    }

    @Test
    void originFilterTellsInternalFromExternal() {
        CandidateVersion ingested = new CandidateVersion("0.9", VersionStatus.PUBLISHED,
                Optional.of(NOW.minus(Duration.ofDays(9))), OriginType.EXTERNAL, OptionalLong.of(10), "r");
        PackageVersions pkg = pkg(LIB, published("1.0", 1), ingested);
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withOrigin(Optional.of(OriginType.EXTERNAL)),
                DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("0.9");
    }

    @Test
    void theFirstMatchingRuleDecidesAndLaterRulesDoNotSeeItsVersions() {
        PackageVersions pkg = pkg(LIB, with(published("1.0", 3), VersionStatus.UNLISTED), published("1.1", 2),
                published("1.2", 1));
        RetentionRule keepPublished = rule(1, VersionSelection.ALL.withStatuses(Set.of(VersionStatus.PUBLISHED))
                .withKeepNewest(OptionalInt.of(5), NewestBy.VERSION), UNLIST);
        RetentionRule deleteTheRest = rule(2, VersionSelection.ALL, DELETE);
        RetentionPlan plan = new RetentionPlanner(new RetentionRuleSet(List.of(deleteTheRest, keepPublished),
                RetentionGuards.NONE)).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("1.0");
        assertThat(plan.count(ActionKind.KEEP)).isEqualTo(2);
        assertThat(plan.entries().getFirst().reason().rulePriority()).contains(1);
    }

    @Test
    void guardsKeepTheLatestReleaseAndTheDefaultDisplayVersion() {
        PackageVersions pkg = new PackageVersions(LIB, Optional.of("2.1-SNAPSHOT"), List.of(published("2.0", 5),
                published("1.9", 4), published("2.1-SNAPSHOT", 1), published("2.1-rc1", 2)));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL, DELETE)).plan(List.of(pkg), NOW);

        assertThat(deleted(plan)).containsExactly("2.1-rc1", "1.9");
        assertThat(reasonOf(plan, "2.0")).isEqualTo("kept: the latest release (guard), selected by rule 1");
        assertThat(reasonOf(plan, "2.1-SNAPSHOT"))
                .isEqualTo("kept: the default display version (guard), selected by rule 1");
        assertThat(planner(rule(1, VersionSelection.ALL, DELETE), RetentionGuards.NONE).plan(List.of(pkg), NOW)
                .count(ActionKind.DELETE)).isEqualTo(4);
    }

    @Test
    void theDownstreamGuardKeepsWhatAnotherRepositoryGetsFromHereWhenOn() {
        PackageVersions pkg = pkg(LIB, published("1.0", 3), published("1.1", 2), published("1.2", 1));
        DownstreamUse use = DownstreamUse.of(Map.of(LIB, Map.of("1.1", "team")));
        RetentionRule deleteAll = rule(1, VersionSelection.ALL, DELETE);

        RetentionPlan guarded = planner(deleteAll, RetentionGuards.NONE.withServedDownstream(true))
                .plan(List.of(pkg), NOW, use);
        assertThat(deleted(guarded)).containsExactly("1.2", "1.0");
        assertThat(reasonOf(guarded, "1.1"))
                .isEqualTo("kept: team gets it from here through its upstreams (guard), selected by rule 1");
        assertThat(guarded.entries()).filteredOn(e -> e.version().version().equals("1.1")).singleElement()
                .extracting(e -> e.reason().kind()).isEqualTo(PlanReason.Kind.GUARD_SERVED_DOWNSTREAM);

        assertThat(deleted(planner(deleteAll, RetentionGuards.NONE).plan(List.of(pkg), NOW, use)))
                .as("guard off").hasSize(3);
        assertThat(RetentionPlanner.planChosen(List.of(pkg), Map.of(LIB, Set.of("1.1")),
                new RetentionAction.SetStatus(VersionStatus.ARCHIVED), RetentionGuards.NONE.withServedDownstream(true),
                use).count(ActionKind.ARCHIVE)).as("chosen by hand, still guarded").isZero();
        assertThat(planner(rule(1, VersionSelection.ALL, new RetentionAction.Copy("prod", false, false)),
                RetentionGuards.NONE.withServedDownstream(true)).plan(List.of(pkg), NOW, use)
                .count(ActionKind.COPY)).as("a copy hides nothing").isEqualTo(3);
    }

    @Test
    void theLatestReleaseIsTheHighestPublishedNonPreRelease() {
        List<CandidateVersion> versions = List.of(published("3.0", 1), with(published("4.0", 1),
                VersionStatus.UNLISTED), published("3.1-beta", 1), published("2.9", 0));
        assertThat(RetentionPlanner.latestRelease(LIB, versions)).map(CandidateVersion::version).contains("3.0");
    }

    @Test
    void guardsDoNotHoldBackCopiesOrRestores() {
        PackageVersions pkg = new PackageVersions(LIB, Optional.of("2.0"), List.of(published("2.0", 1)));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL,
                new RetentionAction.Copy("prod", false, true))).plan(List.of(pkg), NOW);

        assertThat(plan.count(ActionKind.COPY)).isEqualTo(1);
    }

    @Test
    void actionsThatWouldNotChangeAVersionKeepItWithItsStatusAsTheReason() {
        PackageVersions pkg = pkg(LIB, with(published("1.0", 3), VersionStatus.UNLISTED),
                with(published("1.1", 2), VersionStatus.DISPOSED), published("1.2", 1));
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL, UNLIST), RetentionGuards.NONE)
                .plan(List.of(pkg), NOW);

        assertThat(reasonOf(plan, "1.0")).isEqualTo("kept: already Unlisted, selected by rule 1");
        assertThat(reasonOf(plan, "1.1"))
                .isEqualTo("kept: a Disposed version cannot become Unlisted, selected by rule 1");
        assertThat(plan.changes()).extracting(e -> e.version().version()).containsExactly("1.2");
    }

    @Test
    void bytesFreedCountDisposedAndDeletedAssetsOnce() {
        PackageVersions pkg = pkg(LIB, published("1.0", 4), with(published("1.1", 3), VersionStatus.DISPOSED),
                new CandidateVersion("1.2", VersionStatus.PUBLISHED, Optional.of(NOW.minus(Duration.ofDays(2))),
                        OriginType.INTERNAL, OptionalLong.empty(), "r"));
        RetentionPlan deletePlan = planner(rule(1, VersionSelection.ALL, DELETE), RetentionGuards.NONE)
                .plan(List.of(pkg), NOW);
        RetentionPlan archivePlan = planner(rule(1, VersionSelection.ALL,
                new RetentionAction.SetStatus(VersionStatus.ARCHIVED)), RetentionGuards.NONE).plan(List.of(pkg), NOW);

        assertThat(deletePlan.bytesFreed()).isEqualTo(500);
        assertThat(deletePlan.unknownSizes()).isEqualTo(1);
        assertThat(deletePlan.summary()).isEqualTo("3 versions: 3 delete, 0 keep; frees 500 B (1 of unknown size)");
        assertThat(archivePlan.summary()).isEqualTo("3 versions: 2 archive, 1 keep");
        assertThat(archivePlan.bytesFreed()).isZero();
    }

    @Test
    void versionsChosenByHandGetTheActionUnlessAGuardOrTheirStatusHoldsThemBack() {
        PackageRef ui = new PackageRef(PackageFormat.NPM, "", "ui");
        PackageVersions lib = new PackageVersions(LIB, Optional.empty(), List.of(published("1.0", 3),
                published("2.0", 2), with(published("1.5", 1), VersionStatus.ARCHIVED)));
        PackageVersions uiVersions = pkg(ui, published("0.1.0", 2), published("0.2.0", 1));
        RetentionPlan plan = RetentionPlanner.planChosen(List.of(uiVersions, lib),
                java.util.Map.of(LIB, Set.of("1.0", "2.0", "1.5"), ui, Set.of("0.1.0")),
                new RetentionAction.SetStatus(VersionStatus.ARCHIVED), RetentionGuards.SAFE);

        assertThat(plan.entries()).extracting(e -> e.pkg().name() + " " + e.version().version(), PlannedVersion::kind)
                .containsExactly(tuple("ui 0.1.0", ActionKind.ARCHIVE), tuple("lib 1.5", ActionKind.KEEP),
                        tuple("lib 2.0", ActionKind.KEEP), tuple("lib 1.0", ActionKind.ARCHIVE));
        assertThat(reasonOf(plan, "2.0")).isEqualTo("kept: the latest release (guard), chosen by hand");
        assertThat(reasonOf(plan, "1.5")).isEqualTo("kept: already Archived, chosen by hand");
        assertThat(plan.entries().getFirst().reason().kind()).isEqualTo(PlanReason.Kind.CHOSEN);
    }

    @Test
    void keepTheNewestTenSnapshotBuildsPerArtifactNeverTheLatestRelease() {
        // 20 artifacts × 100 versions = 2,000: per artifact 10 releases, then 90 SNAPSHOT builds of the next
        // version (the newest of which is the SNAPSHOT itself), all published one minute apart.
        List<PackageVersions> repository = new ArrayList<>();
        List<String> expectedDeleted = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            PackageRef artifact = new PackageRef(PackageFormat.MAVEN, "com.example", "artifact-" + a);
            List<CandidateVersion> versions = new ArrayList<>();
            Instant t = NOW.minus(Duration.ofDays(300));
            for (int r = 1; r <= 10; r++) {
                versions.add(at("1." + r, t = t.plus(Duration.ofMinutes(1))));
            }
            for (int b = 1; b <= 89; b++) {
                String build = "1.11-2025%02d%02d.120000-%d".formatted(1 + b / 28, 1 + b % 28, b);
                versions.add(with(at(build, t = t.plus(Duration.ofMinutes(1))), VersionStatus.UNLISTED));
                if (b <= 80) {
                    expectedDeleted.add(artifact.name() + " " + build);
                }
            }
            versions.add(at("1.11-SNAPSHOT", t.plus(Duration.ofMinutes(1))));
            repository.add(new PackageVersions(artifact, Optional.of("1.11-SNAPSHOT"), versions));
        }
        RetentionRule rule = new RetentionRule(1, "Keep the newest 10 SNAPSHOT builds per artifact",
                VersionSelection.ALL.withFormat(Optional.of(PackageFormat.MAVEN)).withSnapshot(Optional.of(true))
                        .withKeepNewest(OptionalInt.of(10), NewestBy.VERSION), DELETE);

        RetentionPlan plan = new RetentionPlanner(new RetentionRuleSet(List.of(rule), RetentionGuards.SAFE))
                .plan(repository, NOW);

        assertThat(plan.entries()).hasSize(2_000);
        assertThat(plan.changes()).extracting(e -> e.pkg().name() + " " + e.version().version())
                .containsExactlyInAnyOrderElementsOf(expectedDeleted);
        assertThat(plan.count(ActionKind.DELETE)).isEqualTo(1_600);
        assertThat(plan.count(ActionKind.KEEP)).isEqualTo(400);
        assertThat(plan.summary()).isEqualTo("2,000 versions: 1,600 delete, 400 keep; frees 800 KB");
        assertThat(plan.entries()).filteredOn(e -> e.version().version().equals("1.10"))
                .allMatch(e -> e.kind() == ActionKind.KEEP);
    }

    @Test
    void planningTenThousandVersionsIsQuick() {
        List<PackageVersions> repository = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            List<CandidateVersion> versions = new ArrayList<>();
            for (int v = 0; v < 50; v++) {
                versions.add(published("1." + v, 50 - v));
            }
            repository.add(pkg(new PackageRef(PackageFormat.MAVEN, "com.example", "p" + p), versions
                    .toArray(CandidateVersion[]::new)));
        }
        long start = System.nanoTime();
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(5),
                NewestBy.VERSION), DELETE)).plan(repository, NOW);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(plan.count(ActionKind.DELETE)).isEqualTo(200 * 45);
    }

    @Test
    void oneHugePackagePlansEveryVersionInOrder() {
        List<CandidateVersion> versions = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            versions.add(at("1." + i + "-20250101.120000-" + i, NOW.minus(Duration.ofSeconds(i % 1_000))));
        }
        PackageVersions pkg = new PackageVersions(LIB, Optional.empty(), versions);
        long start = System.nanoTime();
        RetentionPlan plan = planner(rule(1, VersionSelection.ALL.withKeepNewest(OptionalInt.of(10),
                NewestBy.VERSION), DELETE)).plan(List.of(pkg), NOW);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(plan.count(ActionKind.DELETE)).isEqualTo(19_990);
        assertThat(plan.entries()).filteredOn(e -> e.kind() == ActionKind.KEEP)
                .extracting(e -> e.version().version()).allMatch(v -> v.startsWith("1.1999"));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static List<String> selectedPackages(VersionSelection selection, List<PackageVersions> all) {
        return planner(rule(1, selection, DELETE), RetentionGuards.NONE).plan(all, NOW).changes().stream()
                .map(e -> e.pkg().namespace() + ":" + e.pkg().name()).toList();
    }

    private static List<String> deleted(RetentionPlan plan) {
        return plan.entries().stream().filter(e -> e.kind() == ActionKind.DELETE).map(e -> e.version().version())
                .toList();
    }

    private static String reasonOf(RetentionPlan plan, String version) {
        return plan.entries().stream().filter(e -> e.version().version().equals(version)).findFirst().orElseThrow()
                .reason().text();
    }

    private static RetentionRule rule(int priority, VersionSelection selection, RetentionAction action) {
        return new RetentionRule(priority, "test rule", selection, action);
    }

    private static RetentionPlanner planner(RetentionRule rule) {
        return planner(rule, RetentionGuards.SAFE);
    }

    private static RetentionPlanner planner(RetentionRule rule, RetentionGuards guards) {
        return new RetentionPlanner(new RetentionRuleSet(List.of(rule), guards));
    }

    private static PackageVersions pkg(PackageRef ref, CandidateVersion... versions) {
        return new PackageVersions(ref, Optional.empty(), List.of(versions));
    }

    private static CandidateVersion published(String version, int daysAgo) {
        return at(version, NOW.minus(Duration.ofDays(daysAgo)));
    }

    private static CandidateVersion at(String version, Instant time) {
        return new CandidateVersion(version, VersionStatus.PUBLISHED, Optional.of(time), OriginType.INTERNAL,
                OptionalLong.of(500), "rev-" + version);
    }

    private static CandidateVersion with(CandidateVersion version, VersionStatus status) {
        return new CandidateVersion(version.version(), status, version.publishedTime(), version.origin(),
                version.sizeBytes(), version.revision());
    }
}
