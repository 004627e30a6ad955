package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.CandidateVersion;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.EmbeddedGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * The calls a load makes, counted on the way to a real local server, and the plans they give: a rule set's load
 * reads only the publish times its plan needs, and plans exactly as with every time read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoaderCallCountTest {

    private static final String DOMAIN = "shop";
    private static final String REPOSITORY = "builds";
    private static final int PACKAGES = 4;
    private static final int VERSIONS = 30;

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;

    @BeforeAll
    void arrange() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        embedded.gateway().createDomain(DOMAIN, Optional.empty());
        embedded.gateway().createRepository(DOMAIN, REPOSITORY, Optional.empty(), List.of());
        // Published one after another, so some share a millisecond: ties in publish time, as the service stores them.
        for (int p = 0; p < PACKAGES; p++) {
            for (int v = 1; v <= VERSIONS; v++) {
                embedded.publishGeneric(DOMAIN, REPOSITORY, "ci", "app" + p, "1.0." + v,
                        ("app" + p + v).getBytes(StandardCharsets.UTF_8));
            }
        }
        embedded.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPOSITORY).format("generic")
                .namespace("ci").packageValue("app0").versions("1.0.30", "1.0.7").targetStatus(
                        PackageVersionStatus.UNLISTED));
    }

    @AfterAll
    void stopServer() {
        embedded.close();
    }

    @Test
    void keepingTheNewestFiveReadsSixPublishTimesAPackageAndListsEachPackageOnce() throws Exception {
        RetentionRuleSet rules = new RetentionRuleFlags().format("generic").keepNewest(5).action("archive").build();
        CountingReads reads = new CountingReads(embedded.gateway(), true);

        PlanCheck check = planBothWays(rules, Instant.now(), reads);

        assertThat(reads.count("ListPackages")).isEqualTo(1);
        assertThat(reads.count("ListPackageVersions")).isEqualTo(PACKAGES);
        assertThat(reads.count("DescribePackageVersion")).isBetween(6 * PACKAGES, 6 * PACKAGES + check.ties());
        assertThat(reads.count("ListPackageVersionAssets")).isZero();
        assertThat(check.plan().count(ActionKind.ARCHIVE)).isEqualTo(PACKAGES * 25);
    }

    @Test
    void aRuleSetThatNeedsNoPublishTimeDescribesNothing() throws Exception {
        RetentionRuleSet rules = new RetentionRuleFlags().versionRegex("1\\.0\\.1.").action("unlist").build();
        CountingReads reads = new CountingReads(embedded.gateway(), true);

        planBothWays(rules, Instant.now(), reads);

        assertThat(reads.count("DescribePackageVersion")).isZero();
    }

    @Test
    void olderThanDaysFindsItsCutoffByBinarySearch() throws Exception {
        // "now" is 30 days after the 12th newest version of app1 was published: the cutoff falls within the package.
        PackageVersions app1 = everything().stream().filter(p -> p.pkg().name().equals("app1")).findFirst()
                .orElseThrow();
        Instant twelfth = app1.versions().stream().map(v -> v.publishedTime().orElseThrow())
                .sorted(Comparator.reverseOrder()).toList().get(11);
        RetentionRuleSet rules = new RetentionRuleFlags().olderThanDays(30).action("archive").build();
        CountingReads reads = new CountingReads(embedded.gateway(), true);

        PlanCheck check = planBothWays(rules, twelfth.plus(Duration.ofDays(30)).plusMillis(1), reads);

        // log2(30) + 1 reads for each of 4 packages, against 120 when every time is read.
        assertThat(reads.count("DescribePackageVersion")).isLessThanOrEqualTo(6 * PACKAGES);
        assertThat(check.plan().count(ActionKind.ARCHIVE)).isPositive();
    }

    @Test
    void onAnAwsConnectionEachHiddenStatusIsListedToo() throws Exception {
        RetentionRuleSet rules = new RetentionRuleFlags().keepNewest(3).action("archive").build();
        CountingReads reads = new CountingReads(embedded.gateway(), false);

        planBothWays(rules, Instant.now(), reads);

        assertThat(reads.count("ListPackageVersions")).isEqualTo(5 * PACKAGES);
        assertThat(reads.count("DescribePackageVersion")).isLessThan(PACKAGES * VERSIONS / 2);
    }

    private List<PackageVersions> everything() throws InterruptedException {
        return new RepositoryVersionsLoader(embedded.gateway()).load(DOMAIN, REPOSITORY, LoadScope.EVERYTHING,
                progress -> { });
    }

    private record PlanCheck(RetentionPlan plan, int ties) {
    }

    /**
     * Loads with the rule set's scope through {@code reads}, and with every publish time; asserts that both plans
     * decide every version alike.
     */
    private PlanCheck planBothWays(RetentionRuleSet rules, Instant now, CountingReads reads)
            throws InterruptedException {
        List<PackageVersions> full = everything();
        List<PackageVersions> needed = reads.loader().load(DOMAIN, REPOSITORY, LoadScope.of(rules, now), progress -> { });

        RetentionPlan expected = new RetentionPlanner(rules).plan(full, now);
        RetentionPlan actual = new RetentionPlanner(rules).plan(needed, now);
        assertThat(decisions(actual)).isEqualTo(decisions(expected));
        int ties = (int) full.stream().mapToLong(p -> p.versions().size() - p.versions().stream()
                .map(CandidateVersion::publishedTime).distinct().count()).sum();
        return new PlanCheck(actual, ties);
    }

    private static Map<String, String> decisions(RetentionPlan plan) {
        return plan.entries().stream().collect(Collectors.toMap(e -> e.pkg().display() + " " + e.version().version(),
                e -> e.kind() + " " + e.reason().text()));
    }
}
