package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionMode;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionType;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.RepositoryDescription;

/** The sample domain loaded into a real local server through the gateway, read back with a plain SDK client. */
class SampleDomainLoaderTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeartifactClient sdk;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("data"));
        sdk = embedded.sdk();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    private SampleDomainLoader.Summary load() throws InterruptedException {
        return new SampleDomainLoader(embedded.gateway()).load((done, total, message) -> { });
    }

    @Test
    void theSampleLoadsInUnderTenSecondsWithAProgressReportForEveryStep() throws Exception {
        List<String> messages = new ArrayList<>();
        int[] last = new int[2];
        long start = System.nanoTime();
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        SampleDomainLoader.Summary summary = new SampleDomainLoader(embedded.gateway()).load((done, total, message) -> {
            synchronized (messages) {
                messages.add(message);
                phases.putIfAbsent(message.split(" ")[0] + ":first", (System.nanoTime() - start) / 1_000_000);
                phases.put(message.split(" ")[0] + ":last", (System.nanoTime() - start) / 1_000_000);
                last[0] = Math.max(last[0], done);
                last[1] = total;
            }
        });

        System.out.println("Sample domain: " + summary.describe() + " Phases ended at (ms): " + phases);
        assertThat(summary.elapsed()).isLessThan(budget());
        assertThat(last[0]).isEqualTo(last[1]);
        assertThat(messages).contains("Created domain demo", "Set the domain and repository policies");
        assertThat(summary.describe()).startsWith("Loaded domain demo: 7 repositories, ");
    }

    @Test
    void everyStatusIsThereInRealisticNumbers() throws Exception {
        load();

        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> formats = new TreeMap<>();
        for (RepositoryDescription repository : repositories()) {
            for (PackageSummary pkg : sdk.listPackagesPaginator(r -> r.domain("demo")
                    .repository(repository.name())).packages()) {
                sdk.listPackageVersionsPaginator(r -> r.domain("demo").repository(repository.name())
                        .format(pkg.format()).namespace(pkg.namespace()).packageValue(pkg.packageValue()))
                        .versions().forEach(v -> {
                            statuses.merge(v.statusAsString(), 1, Integer::sum);
                            formats.merge(pkg.formatAsString(), 1, Integer::sum);
                        });
            }
        }

        System.out.println("Sample versions by status " + statuses + ", by format " + formats);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("Published", 169, "Unlisted", 29,
                "Archived", 40, "Disposed", 26, "Unfinished", 2));
        assertThat(formats).containsExactlyInAnyOrderEntriesOf(Map.of("generic", 60, "maven", 62, "npm", 72,
                "pypi", 72));
    }

    @Test
    void teamsReadFromSharedWhichReadsFromTheStores() throws Exception {
        load();

        Map<String, RepositoryDescription> byName = new TreeMap<>();
        repositories().forEach(r -> byName.put(r.name(), sdk.describeRepository(d -> d.domain("demo")
                .repository(r.name())).repository()));

        assertThat(byName.keySet()).containsExactly("maven-central-store", "npm-store", "pypi-store", "shared",
                "team-data", "team-payments", "team-web");
        for (String team : List.of("team-data", "team-payments", "team-web")) {
            assertThat(byName.get(team).upstreams()).extracting(u -> u.repositoryName()).containsExactly("shared");
        }
        assertThat(byName.get("shared").upstreams()).extracting(u -> u.repositoryName())
                .containsExactly("npm-store", "pypi-store", "maven-central-store");
        assertThat(byName.get("npm-store").externalConnections()).extracting(c -> c.externalConnectionName())
                .containsExactly("public:npmjs");
        assertThat(byName.get("maven-central-store").externalConnections()).extracting(c -> c.externalConnectionName())
                .containsExactly("public:maven-central");
        assertThat(sdk.listPackagesPaginator(r -> r.domain("demo").repository("shared").format("npm")).packages())
                .as("releases promoted into shared").hasSize(6);
    }

    @Test
    void groupsPoliciesAndTagsAreSet() throws Exception {
        load();

        assertThat(sdk.listPackageGroupsPaginator(r -> r.domain("demo")).packageGroups())
                .extracting(g -> g.pattern()).contains("/*", "/npm/*", "/npm/demo/*", "/maven/com.example.payments/*",
                        "/pypi//demo-~", "/generic/*");
        var scope = sdk.describePackageGroup(r -> r.domain("demo").packageGroup("/npm/demo/*")).packageGroup();
        assertThat(scope.originConfiguration().restrictions().get(PackageGroupOriginRestrictionType.EXTERNAL_UPSTREAM)
                .mode()).isEqualTo(PackageGroupOriginRestrictionMode.BLOCK);
        assertThat(sdk.listAllowedRepositoriesForGroup(r -> r.domain("demo").packageGroup("/npm/demo/*")
                .originRestrictionType("PUBLISH")).allowedRepositories()).containsExactly("team-web");
        assertThat(sdk.getDomainPermissionsPolicy(r -> r.domain("demo")).policy().document())
                .contains("AccountReadsEveryRepository");
        assertThat(sdk.getRepositoryPermissionsPolicy(r -> r.domain("demo").repository("shared")).policy()
                .document()).contains("ReleasesArriveByPromotion");
        String domainArn = sdk.describeDomain(r -> r.domain("demo")).domain().arn();
        assertThat(sdk.listTagsForResource(r -> r.resourceArn(domainArn)).tags()).extracting(t -> t.key())
                .contains("environment", "owner", "cost-center");
    }

    @Test
    void loadingTwiceIsRefusedWithOneSentenceAndChangesNothing() throws Exception {
        load();
        int repositories = repositories().size();

        assertThatThrownBy(this::load).isInstanceOf(SampleDomainLoader.Refused.class)
                .hasMessage("The sample domain is loaded already (domain demo exists), so nothing was changed.");
        assertThat(repositories()).hasSize(repositories);
    }

    @Test
    void aServerWithDomainsIsRefusedAndLeftAsItWas() {
        embedded.gateway().createDomain("payments", Optional.empty());

        assertThatThrownBy(this::load).isInstanceOf(SampleDomainLoader.Refused.class)
                .hasMessage("The sample domain loads only into a server without domains, and this one has 1 domain"
                        + " (payments), so nothing was changed.");
        assertThat(sdk.listDomains(r -> { }).domains()).extracting(d -> d.name()).containsExactly("payments");
    }

    /**
     * Ten seconds on a machine with a core to spare; more in proportion when others keep every core busy (this
     * machine's two cores are shared, and each publish waits for three fsyncs).
     */
    private static Duration budget() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        double overload = Math.max(1.0, load / cores);
        System.out.printf(java.util.Locale.ROOT, "Load average %.1f on %d cores: budget %.0f s%n", load, cores,
                10 * overload);
        return Duration.ofMillis((long) (10_000 * overload));
    }

    private List<RepositoryDescription> repositories() {
        return sdk.listRepositoriesInDomainPaginator(r -> r.domain("demo")).repositories().stream()
                .map(s -> sdk.describeRepository(r -> r.domain("demo").repository(s.name())).repository()).toList();
    }
}
