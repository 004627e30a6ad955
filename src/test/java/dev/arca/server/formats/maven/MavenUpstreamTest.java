package dev.arca.server.formats.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.ServerConfig;
import dev.arca.server.StandInMavenRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionOriginType;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * Upstream repositories and the external connection to a public Maven repository (a stand-in on 127.0.0.1):
 * metadata merged across the search order, ingestion of a version's standard files checked against their published
 * SHA-1, fetched once, retention where requested and where the connection is, serving what was stored while the
 * public repository is down, and publishes that would shadow a public version.
 */
class MavenUpstreamTest extends MavenApiFixture {

    static final String STORE = "maven-central-store";
    static final String TEAM = "team";
    static final String APP = "app";
    static final String UTIL = GROUP_PATH + "util/";

    private StandInMavenRepository registry;
    private byte[] util11;

    @Override
    protected ServerConfig config() {
        if (registry == null) {
            try {
                registry = StandInMavenRepository.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.config().withExternals(Map.of("public:maven-central", registry.url()));
    }

    @BeforeEach
    void repositories() {
        registry.add(GROUP, "util", "1.0", "jar", "", Map.of("util.txt", "1.0"));
        util11 = registry.add(GROUP, "util", "1.1", "jar", """
                <name>Util</name>
                <dependencies>
                  <dependency><groupId>org.example</groupId><artifactId>base</artifactId><version>3</version>
                  </dependency>
                </dependencies>
                """, Map.of("util.txt", "1.1"));
        registry.addFile(UTIL + "1.1/util-1.1-sources.jar", "sources".getBytes());
        createDomain();
        createRepository(STORE);
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository(STORE)
                .externalConnection("public:maven-central"));
        createRepository(TEAM, STORE);
        createRepository(APP, TEAM);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void publicVersionsComeThroughUpstreamsAndAreKeptWhereRequestedAndWhereTheConnectionIs() throws Exception {
        String metadata = text(get(APP, UTIL + "maven-metadata.xml"));
        assertThat(metadata).contains("<version>1.0</version>", "<version>1.1</version>", "<release>1.1</release>");
        assertThat(packages(APP)).isEmpty();

        HttpResponse<byte[]> pom = get(APP, UTIL + "1.1/util-1.1.pom");
        assertThat(pom.statusCode()).isEqualTo(200);
        assertThat(text(pom)).contains("<artifactId>util</artifactId>");
        assertThat(get(APP, UTIL + "1.1/util-1.1.jar").body()).isEqualTo(util11);
        assertThat(text(get(APP, UTIL + "1.1/util-1.1.jar.sha1"))).isEqualTo(hex("SHA-1", util11));
        assertThat(get(APP, UTIL + "1.1/util-1.1-sources.jar").body()).isEqualTo("sources".getBytes());
        assertThat(registry.requests(UTIL + "1.1/util-1.1.jar")).as("the jar and its .sha1, once").isEqualTo(2);

        assertThat(packages(APP)).extracting(PackageSummary::packageValue).containsExactly("util");
        assertThat(packages(STORE)).extracting(PackageSummary::packageValue).containsExactly("util");
        assertThat(packages(TEAM)).isEmpty();
        PackageVersionDescription stored = describe(STORE, "util", "1.1");
        assertThat(stored.origin().originType()).isEqualTo(PackageVersionOriginType.EXTERNAL);
        assertThat(stored.origin().domainEntryPoint().externalConnectionName()).isEqualTo("public:maven-central");
        assertThat(stored.displayName()).isEqualTo("Util");
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(APP)
                .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("util").packageVersion("1.1")).assets())
                .extracting(a -> a.name())
                .containsExactlyInAnyOrder("util-1.1.pom", "util-1.1.jar", "util-1.1-sources.jar");
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository(APP)
                .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("util").packageVersion("1.1"))
                .dependencies()).extracting(d -> d.packageValue() + " " + d.dependencyType())
                .containsExactly("base compile");
        assertThat(text(get(APP, UTIL + "maven-metadata.xml"))).contains("<version>1.0</version>",
                "<version>1.1</version>");

        assertThat(get(APP, UTIL + "2.0-SNAPSHOT/maven-metadata.xml").statusCode()).isEqualTo(404);
        assertThat(registry.requests(UTIL + "2.0-SNAPSHOT")).as("public repositories hold no SNAPSHOTs").isZero();
    }

    @Test
    void versionsDeployedToAnUpstreamRepositoryAreListedAndRetainedDownstream() throws Exception {
        byte[] jar = deploy(TEAM, "lib", "1.0");
        assertThat(text(get(APP, GROUP_PATH + "lib/maven-metadata.xml"))).contains("<version>1.0</version>");
        assertThat(get(APP, GROUP_PATH + "lib/1.0/lib-1.0.jar").body()).isEqualTo(jar);
        assertThat(versions(APP, "lib", null)).containsExactly(Map.entry("1.0", PackageVersionStatus.PUBLISHED));
        assertThat(describe(APP, "lib", "1.0").origin().originType()).isEqualTo(PackageVersionOriginType.INTERNAL);
    }

    @Test
    void aSnapshotIsServedFromTheUpstreamThatHasItAndFollowsItsNewBuilds() throws Exception {
        String directory = GROUP_PATH + "lib/1.0-SNAPSHOT/";
        byte[] first = deploySnapshot(TEAM, "lib", "20240102.030405", 1);
        assertThat(text(get(APP, directory + "maven-metadata.xml"))).contains("<buildNumber>1</buildNumber>");
        assertThat(get(APP, directory + "lib-1.0-SNAPSHOT.jar").body()).isEqualTo(first);

        byte[] second = deploySnapshot(TEAM, "lib", "20240103.000000", 2);
        assertThat(text(get(APP, directory + "maven-metadata.xml"))).contains("<buildNumber>2</buildNumber>");
        assertThat(get(APP, directory + "lib-1.0-20240103.000000-2.jar").body()).isEqualTo(second);
        assertThat(get(APP, directory + "lib-1.0-20240102.030405-1.jar").body()).isEqualTo(first);
        assertThat(packages(APP)).isEmpty();

        HttpResponse<byte[]> shadow = put(APP, directory + "lib-1.0-20240104.000000-1.jar", "mine".getBytes());
        assertThat(shadow.statusCode()).isEqualTo(409);
        assertThat(text(shadow)).contains("upstream repository " + TEAM);
    }

    @Test
    void concurrentRequestsForTheSameMissingVersionFetchItOnce() throws Exception {
        registry.delay(200);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<byte[]>>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String repository = i % 2 == 0 ? TEAM : APP;
                requests.add(() -> get(repository, UTIL + "1.1/util-1.1.jar"));
            }
            for (Future<HttpResponse<byte[]>> response : clients.invokeAll(requests)) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                assertThat(response.get().body()).isEqualTo(util11);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(registry.requests(UTIL + "1.1/util-1.1.pom")).as("the POM and its .sha1").isEqualTo(2);
        for (String repository : List.of(STORE, TEAM, APP)) {
            assertThat(versions(repository, "util", null)).containsOnlyKeys("1.1");
        }
    }

    @Test
    void aClassifierFileIsFetchedWhenAskedForAndKeptWithItsVersion() throws Exception {
        byte[] natives = "native code".getBytes();
        registry.addFile(UTIL + "1.1/util-1.1-linux-x86_64.jar", natives);
        registry.addFile(UTIL + "1.1/util-1.1-windows.jar", "windows".getBytes());
        registry.corrupt(UTIL + "1.1/util-1.1-windows.jar");
        assertThat(get(APP, UTIL + "1.1/util-1.1.jar").statusCode()).isEqualTo(200);

        assertThat(text(get(APP, UTIL + "1.1/util-1.1-linux-x86_64.jar.sha1"))).isEqualTo(hex("SHA-1", natives));
        assertThat(get(APP, UTIL + "1.1/util-1.1-linux-x86_64.jar").body()).isEqualTo(natives);
        assertThat(registry.requests(UTIL + "1.1/util-1.1-linux-x86_64.jar")).as("the file and its .sha1, once")
                .isEqualTo(2);
        for (String repository : List.of(APP, STORE)) {
            assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(repository)
                    .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("util").packageVersion("1.1"))
                    .assets()).extracting(a -> a.name()).as(repository).contains("util-1.1-linux-x86_64.jar");
        }
        assertThat(get(TEAM, UTIL + "1.1/util-1.1-linux-x86_64.jar").body()).as("retained from the store, with it")
                .isEqualTo(natives);

        assertThat(get(APP, UTIL + "1.1/util-1.1-macos.jar").statusCode()).isEqualTo(404);
        assertThat(get(APP, UTIL + "1.1/util-1.1-windows.jar").statusCode()).as("not its published SHA-1")
                .isEqualTo(404);
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(STORE)
                .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("util").packageVersion("1.1"))
                .assets()).extracting(a -> a.name()).doesNotContain("util-1.1-windows.jar", "util-1.1-macos.jar");

        registry.close();
        assertThat(get(APP, UTIL + "1.1/util-1.1-linux-x86_64.jar").body()).as("kept when the registry is down")
                .isEqualTo(natives);
        assertThat(get(APP, UTIL + "1.1/util-1.1-javadoc.jar").statusCode()).isEqualTo(404);
    }

    @Test
    void storedVersionsAreStillServedWhenThePublicRepositoryIsDown() throws Exception {
        assertThat(get(TEAM, UTIL + "1.0/util-1.0.jar").statusCode()).isEqualTo(200);
        registry.close();
        restart();
        token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();

        String metadata = text(get(APP, UTIL + "maven-metadata.xml"));
        assertThat(metadata).contains("<version>1.0</version>").doesNotContain("<version>1.1</version>");
        assertThat(get(APP, UTIL + "1.0/util-1.0.jar").statusCode()).isEqualTo(200);
        assertThat(get(APP, UTIL + "1.0/util-1.0.pom.sha1").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> neverFetched = get(APP, UTIL + "1.1/util-1.1.jar");
        assertThat(neverFetched.statusCode()).isEqualTo(404);
        assertThat(text(neverFetched)).contains("public:maven-central");
    }

    @Test
    void aFileThatDoesNotMatchItsPublishedSha1IsNotStored() throws Exception {
        registry.corrupt(UTIL + "1.1/util-1.1.jar");
        assertThat(get(TEAM, UTIL + "1.1/util-1.1.pom").statusCode()).isEqualTo(404);
        assertThat(packages(STORE)).isEmpty();
        assertThat(packages(TEAM)).isEmpty();
        registry.corrupt(UTIL + "1.0/util-1.0.pom");
        assertThat(get(TEAM, UTIL + "1.0/util-1.0.jar").statusCode()).isEqualTo(404);
        assertThat(packages(STORE)).isEmpty();
    }

    @Test
    void publishingAVersionAvailableUpstreamIsAConflictAndIngestedPackagesCannotBePublished() throws Exception {
        HttpResponse<byte[]> shadow = put(TEAM, UTIL + "1.1/util-1.1.jar", "mine".getBytes());
        assertThat(shadow.statusCode()).isEqualTo(409);
        assertThat(text(shadow)).contains("external connection public:maven-central");

        assertThat(get(APP, UTIL + "1.0/util-1.0.jar").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> blocked = put(APP, UTIL + "9.1/util-9.1.jar", "mine".getBytes());
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(text(blocked)).contains("publish=BLOCK");
        assertThat(put(TEAM, UTIL + "9.0/util-9.0.jar", "mine".getBytes()).statusCode()).isEqualTo(201);
    }
}
