package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.CandidateVersion;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.GatewayException;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/** The loader against a real local server, through the SDK as against AWS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryVersionsLoaderTest {

    private static final String DOMAIN = "shop";

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;
    private long mavenBytes;

    @BeforeAll
    void arrange() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        embedded.gateway().createDomain(DOMAIN, Optional.empty());
        embedded.gateway().createRepository(DOMAIN, "dev", Optional.empty(), List.of());
        publish("tools", "lint", "1.0.0", "abc");
        publish("tools", "lint", "1.1.0", "abcde");
        publish("tools", "lint", "2.0.0", "abcdefg");
        publish("tools", "fmt", "1.0.0", "x");
        publish("other", "lint", "1.0.0", "xy");
        setStatus("tools", "lint", "1.0.0", PackageVersionStatus.ARCHIVED);
        setStatus("tools", "lint", "1.1.0", PackageVersionStatus.UNLISTED);
        mavenBytes = MavenDeploys.deploy(embedded.gateway(), DOMAIN, "dev", "com.example", "lib", "1.0", true);
        MavenDeploys.deploy(embedded.gateway(), DOMAIN, "dev", "com.example", "lib", "1.1", true);
        MavenDeploys.deploy(embedded.gateway(), DOMAIN, "dev", "com.example", "lib", "1.2", false);
    }

    @AfterAll
    void stopServer() {
        embedded.close();
    }

    private void publish(String namespace, String pkg, String version, String content) {
        embedded.publishGeneric(DOMAIN, "dev", namespace, pkg, version, content.getBytes(StandardCharsets.UTF_8));
    }

    private void setStatus(String namespace, String pkg, String version, PackageVersionStatus status) {
        embedded.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("dev").format("generic")
                .namespace(namespace).packageValue(pkg).versions(version).targetStatus(status));
    }

    private List<PackageVersions> load(LoadScope scope) throws InterruptedException {
        return new RepositoryVersionsLoader(embedded.gateway()).load(DOMAIN, "dev", scope, progress -> { });
    }

    private static PackageVersions find(List<PackageVersions> packages, PackageFormat format, String namespace,
                                        String name) {
        return packages.stream().filter(p -> p.pkg().equals(new PackageRef(format, namespace, name))).findFirst()
                .orElseThrow();
    }

    private static Map<String, VersionStatus> statuses(PackageVersions pkg) {
        return pkg.versions().stream().collect(Collectors.toMap(CandidateVersion::version, CandidateVersion::status));
    }

    @Test
    void everythingGivesEveryPackageInOrderWithVersionsOfEveryStatus() throws Exception {
        List<PackageVersions> packages = load(LoadScope.EVERYTHING);

        assertThat(packages).extracting(p -> p.pkg().display()).containsExactly("maven com.example:lib",
                "generic other/lint", "generic tools/fmt", "generic tools/lint");
        assertThat(statuses(find(packages, PackageFormat.GENERIC, "tools", "lint"))).isEqualTo(Map.of(
                "1.0.0", VersionStatus.ARCHIVED, "1.1.0", VersionStatus.UNLISTED, "2.0.0", VersionStatus.PUBLISHED));
        assertThat(statuses(find(packages, PackageFormat.MAVEN, "com.example", "lib"))).isEqualTo(Map.of(
                "1.0", VersionStatus.PUBLISHED, "1.1", VersionStatus.PUBLISHED, "1.2", VersionStatus.UNFINISHED));
    }

    @Test
    void everyVersionHasItsPublishTimeRevisionOriginAndTheSizeOfItsAssets() throws Exception {
        PackageVersions lint = find(load(LoadScope.EVERYTHING), PackageFormat.GENERIC, "tools", "lint");

        assertThat(lint.versions()).allSatisfy(v -> {
            assertThat(v.publishedTime()).isPresent();
            assertThat(v.revision()).isNotEmpty();
            assertThat(v.origin().name()).isEqualTo("INTERNAL");
        });
        assertThat(lint.versions().stream().collect(Collectors.toMap(CandidateVersion::version,
                v -> v.sizeBytes().getAsLong()))).isEqualTo(Map.of("1.0.0", 3L, "1.1.0", 5L, "2.0.0", 7L));
        assertThat(find(load(LoadScope.EVERYTHING), PackageFormat.MAVEN, "com.example", "lib").versions().stream()
                .filter(v -> v.version().equals("1.0")).findFirst().orElseThrow().sizeBytes().getAsLong())
                .isGreaterThanOrEqualTo(mavenBytes);
    }

    @Test
    void eachPackageCarriesTheDefaultDisplayVersionTheServiceReports() throws Exception {
        List<PackageVersions> packages = load(LoadScope.EVERYTHING);

        String expected = embedded.sdk().listPackageVersions(r -> r.domain(DOMAIN).repository("dev").format("generic")
                .namespace("tools").packageValue("lint")).defaultDisplayVersion();
        assertThat(find(packages, PackageFormat.GENERIC, "tools", "lint").defaultDisplayVersion())
                .isEqualTo(Optional.ofNullable(expected));
        assertThat(find(packages, PackageFormat.MAVEN, "com.example", "lib").defaultDisplayVersion()).isPresent();
    }

    @Test
    void aRuleSetsScopeReadsOnlyThePackagesItsRulesCanTouchAndNoSizesWithoutDisposeOrDelete() throws Exception {
        LoadScope scope = LoadScope.of(new RetentionRuleFlags().format("generic").namespace("tools")
                .action("archive").build(), Instant.EPOCH);
        List<LoadProgress> progress = new CopyOnWriteArrayList<>();

        List<PackageVersions> packages = new RepositoryVersionsLoader(embedded.gateway())
                .load(DOMAIN, "dev", scope, progress::add);

        assertThat(packages).extracting(p -> p.pkg().display()).containsExactly("generic tools/fmt",
                "generic tools/lint");
        assertThat(packages).flatExtracting(PackageVersions::versions).allSatisfy(v ->
                assertThat(v.sizeBytes()).isEmpty());
        assertThat(progress).filteredOn(p -> p.stage() == LoadProgress.Stage.DESCRIBING_VERSIONS)
                .allSatisfy(p -> assertThat(p.total()).isEqualTo(2));
        assertThat(progress).noneMatch(p -> p.stage() == LoadProgress.Stage.SIZING_VERSIONS);
    }

    @Test
    void progressCountsPackagesTwiceThenVersionsUpToTheirTotals() throws Exception {
        List<LoadProgress> progress = new CopyOnWriteArrayList<>();

        new RepositoryVersionsLoader(embedded.gateway()).load(DOMAIN, "dev", LoadScope.EVERYTHING, progress::add);

        assertThat(progress.getFirst()).isEqualTo(new LoadProgress(LoadProgress.Stage.LISTING_VERSIONS, 0, 4));
        assertThat(progress).contains(new LoadProgress(LoadProgress.Stage.LISTING_VERSIONS, 4, 4),
                new LoadProgress(LoadProgress.Stage.DESCRIBING_VERSIONS, 0, 4),
                new LoadProgress(LoadProgress.Stage.DESCRIBING_VERSIONS, 4, 4),
                new LoadProgress(LoadProgress.Stage.SIZING_VERSIONS, 0, 8));
        assertThat(progress.getLast().describe()).isEqualTo("listed the assets of 8 of 8 versions");
    }

    @Test
    void aRepositoryThatDoesNotExistFailsWithTheServicesNotFound() {
        assertThatThrownBy(() -> new RepositoryVersionsLoader(embedded.gateway())
                .load(DOMAIN, "nowhere", LoadScope.EVERYTHING, progress -> { }))
                .isInstanceOfSatisfying(GatewayException.class, e ->
                        assertThat(e.errorCode()).contains("ResourceNotFoundException"));
    }

    @Test
    void underTheServicesRequestQuotasEveryVersionIsReadOnceWithItsSize() throws Exception {
        // 60 versions: 60 ListPackageVersionAssets calls, three times the 20 a second CodeArtifact allows.
        try (EmbeddedGateway quoted = new EmbeddedGateway(dev.arca.server.ServerConfig.embedded(temp.resolve("quotas"))
                .withQuotaEmulation(true))) {
            quoted.gateway().createDomain(DOMAIN, Optional.empty());
            quoted.gateway().createRepository(DOMAIN, "busy", Optional.empty(), List.of());
            for (int i = 0; i < 60; i++) {
                quoted.publishGeneric(DOMAIN, "busy", "ns", "pkg" + (i % 3), "1." + i, new byte[i + 1]);
            }

            List<PackageVersions> packages = new RepositoryVersionsLoader(quoted.gateway())
                    .load(DOMAIN, "busy", LoadScope.EVERYTHING, progress -> { });

            assertThat(packages).hasSize(3);
            List<CandidateVersion> versions = packages.stream().flatMap(p -> p.versions().stream()).toList();
            assertThat(versions).extracting(CandidateVersion::version).doesNotHaveDuplicates().hasSize(60);
            assertThat(versions).allSatisfy(v -> assertThat(v.sizeBytes().getAsLong())
                    .isEqualTo(Long.parseLong(v.version().substring(2)) + 1));
        }
    }
}
