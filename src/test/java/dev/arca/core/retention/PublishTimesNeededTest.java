package dev.arca.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The planner on a publish-ordered listing with only the times {@link PublishTimesNeeded} reads gives the same plan
 * as with every time known — ties in publish time included — while reading few of them.
 */
class PublishTimesNeededTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetentionAction ARCHIVE = new RetentionAction.SetStatus(VersionStatus.ARCHIVED);
    private static final RetentionAction DELETE = new RetentionAction.Delete();
    private static final VersionStatus[] STATUSES = {VersionStatus.PUBLISHED, VersionStatus.PUBLISHED,
            VersionStatus.PUBLISHED, VersionStatus.UNLISTED, VersionStatus.ARCHIVED, VersionStatus.UNFINISHED};

    @Test
    void keepingTheNewestTenOfFiftyReadsElevenTimesAndPlansAsWithEveryTime() throws Exception {
        PackageRef pkg = new PackageRef(PackageFormat.GENERIC, "bench", "pkg");
        List<CandidateVersion> versions = new ArrayList<>();
        for (int v = 1; v <= 50; v++) {
            versions.add(version("1.0." + v, VersionStatus.PUBLISHED, NOW.minusSeconds(50 - v)));
        }
        RetentionRuleSet rules = new RetentionRuleFlags().format("generic").keepNewest(10).action("archive").build();

        Reads reads = planBothWays(rules, pkg, versions);

        assertThat(reads.count()).isEqualTo(11);
    }

    @Test
    void olderThanDaysReadsALogarithmicNumberOfTimes() throws Exception {
        PackageRef pkg = new PackageRef(PackageFormat.GENERIC, "bench", "pkg");
        List<CandidateVersion> versions = new ArrayList<>();
        for (int d = 0; d < 1000; d++) {
            versions.add(version("1." + d, VersionStatus.PUBLISHED, NOW.minus(Duration.ofDays(d))));
        }
        RetentionRuleSet rules = new RetentionRuleFlags().olderThanDays(90).action("archive").build();

        Reads reads = planBothWays(rules, pkg, versions);

        assertThat(reads.count()).isLessThanOrEqualTo(11);
    }

    @Test
    void aRuleSetWithoutAgesOrNewestCountsReadsNoTimeAtAll() throws Exception {
        PackageRef pkg = new PackageRef(PackageFormat.NPM, "", "ui");
        List<CandidateVersion> versions = List.of(version("2.0.0-beta.1", VersionStatus.PUBLISHED, NOW),
                version("1.0.0", VersionStatus.PUBLISHED, NOW.minusSeconds(5)));
        RetentionRuleSet rules = new RetentionRuleFlags().versionRegex(".*-beta.*").action("unlist").build();

        assertThat(planBothWays(rules, pkg, versions).count()).isZero();
    }

    @Test
    void aListingWhoseTimesRiseIsReadWholeAndPlannedByTheTimes() throws Exception {
        PackageRef pkg = new PackageRef(PackageFormat.GENERIC, "bench", "pkg");
        List<CandidateVersion> oldestFirst = new ArrayList<>();
        for (int v = 1; v <= 20; v++) {
            oldestFirst.add(version("1." + v, VersionStatus.PUBLISHED, NOW.minusSeconds(100 - v)));
        }
        RetentionRuleSet rules = new RetentionRuleFlags().keepNewest(3).action("archive").build();
        Reads reads = new Reads(oldestFirst);

        PackageVersions read = new PublishTimesNeeded(rules, NOW)
                .read(new PackageVersions(pkg, Optional.empty(), withoutTimes(oldestFirst), true), reads);

        assertThat(read.publishOrdered()).isFalse();
        assertThat(reads.count()).isEqualTo(20);
        assertThat(decisions(new RetentionPlanner(rules).plan(List.of(read), NOW)))
                .isEqualTo(decisions(new RetentionPlanner(rules).plan(List.of(new PackageVersions(pkg,
                        Optional.empty(), oldestFirst)), NOW)));
    }

    /** Random packages full of ties in publish time, under rules of every kind that needs times. */
    @Test
    void everyRuleKindPlansTheSameOnRandomPackagesWithManyTies() throws Exception {
        Random random = new Random(14);
        List<RetentionRuleSet> ruleSets = List.of(
                new RetentionRuleFlags().keepNewest(3).action("archive").build(),
                new RetentionRuleFlags().keepNewest(2).keepLatest(true).action("unlist").build(),
                new RetentionRuleFlags().olderThanDays(3).action("delete").build(),
                new RetentionRuleFlags().keepNewest(4).olderThanDays(2).keepLatest(true).action("archive").build(),
                new RetentionRuleSet(List.of(
                        rule(1, VersionSelection.ALL.withStatuses(Set.of(VersionStatus.UNLISTED))
                                .withKeepNewest(OptionalInt.of(1), NewestBy.PUBLISHED_TIME), ARCHIVE),
                        rule(2, VersionSelection.ALL.withKeepNewest(OptionalInt.of(3), NewestBy.VERSION)
                                .withOlderThanDays(OptionalInt.of(1)), DELETE)), RetentionGuards.SAFE));
        for (int round = 0; round < 300; round++) {
            PackageFormat format = round % 3 == 0 ? PackageFormat.GENERIC : round % 3 == 1 ? PackageFormat.MAVEN
                    : PackageFormat.NPM;
            PackageRef pkg = new PackageRef(format, format == PackageFormat.NPM ? "" : "ns", "p" + round);
            List<CandidateVersion> versions = new ArrayList<>();
            int count = 1 + random.nextInt(25);
            for (int v = 0; v < count; v++) {
                // Few distinct times (whole days, some minutes apart): many versions tie.
                Instant time = NOW.minus(Duration.ofDays(random.nextInt(6))).minusSeconds(60L * random.nextInt(3));
                // Maven's 1.2 and 1.2.0 are the same in its order: time decides between them.
                String text = format == PackageFormat.MAVEN ? "1." + v / 2 + (v % 2 == 0 ? "" : ".0") : "1." + v;
                versions.add(version(text, STATUSES[random.nextInt(STATUSES.length)], time));
            }
            for (RetentionRuleSet rules : ruleSets) {
                Reads reads = planBothWays(rules, pkg, versions, random);
                assertThat(reads.count()).isLessThanOrEqualTo(count);
            }
        }
    }

    private static RetentionRule rule(int priority, VersionSelection selection, RetentionAction action) {
        return new RetentionRule(priority, "", selection, action);
    }

    private static Reads planBothWays(RetentionRuleSet rules, PackageRef pkg, List<CandidateVersion> versions)
            throws InterruptedException {
        return planBothWays(rules, pkg, versions, new Random(1));
    }

    /**
     * Plans with every time, and from a listing newest first (ties shuffled, as a service may list them) with only
     * the times read; asserts the two plans decide every version alike and returns the reads.
     */
    private static Reads planBothWays(RetentionRuleSet rules, PackageRef pkg, List<CandidateVersion> versions,
                                      Random random) throws InterruptedException {
        List<CandidateVersion> listing = new ArrayList<>(versions);
        Collections.shuffle(listing, random);
        listing.sort(Comparator.comparing((CandidateVersion v) -> v.publishedTime().orElseThrow()).reversed());
        Reads reads = new Reads(listing);

        PackageVersions read = new PublishTimesNeeded(rules, NOW)
                .read(new PackageVersions(pkg, Optional.empty(), withoutTimes(listing), true), reads);

        RetentionPlan expected = new RetentionPlanner(rules).plan(List.of(new PackageVersions(pkg, Optional.empty(),
                versions)), NOW);
        RetentionPlan actual = new RetentionPlanner(rules).plan(List.of(read), NOW);
        assertThat(decisions(actual)).isEqualTo(decisions(expected));
        assertThat(actual.summary()).isEqualTo(expected.summary());
        return reads;
    }

    private static Map<String, String> decisions(RetentionPlan plan) {
        return plan.entries().stream().collect(Collectors.toMap(e -> e.version().version(),
                e -> e.kind() + " " + e.reason().text() + " " + e.bytesFreed()));
    }

    private static List<CandidateVersion> withoutTimes(List<CandidateVersion> versions) {
        return versions.stream().map(v -> new CandidateVersion(v.version(), v.status(), Optional.empty(), v.origin(),
                v.sizeBytes(), v.revision())).toList();
    }

    private static CandidateVersion version(String version, VersionStatus status, Instant published) {
        return new CandidateVersion(version, status, Optional.of(published), OriginType.INTERNAL,
                OptionalLong.of(version.length()), "r-" + version);
    }

    /** Answers from the full listing, counting every time read. */
    private static final class Reads implements PublishTimesNeeded.Reader {

        private final Map<String, Optional<Instant>> times;
        private final AtomicInteger count = new AtomicInteger();

        Reads(List<CandidateVersion> versions) {
            this.times = versions.stream().collect(Collectors.toMap(CandidateVersion::version,
                    CandidateVersion::publishedTime));
        }

        @Override
        public List<Optional<Instant>> read(List<CandidateVersion> versions) {
            count.addAndGet(versions.size());
            return versions.stream().map(v -> times.get(v.version())).toList();
        }

        int count() {
            return count.get();
        }
    }
}
