package dev.arca.server.formats.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.server.NpmTarballs;
import dev.arca.server.ServerConfig;
import dev.arca.server.StandInNpmRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
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
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionMode;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionType;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;

/**
 * Upstream repositories and the external connection to a public npm registry (a stand-in on 127.0.0.1): search
 * order, retention, ingestion fetched once, serving what was stored while the registry is down, origin controls
 * and package groups, and publishes that would shadow an upstream version.
 */
class NpmUpstreamTest extends NpmApiFixture {

    static final String STORE = "npm-store";
    static final String TEAM = "team";
    static final String APP = "app";

    private StandInNpmRegistry registry;
    private byte[] leftPad130;

    @Override
    protected ServerConfig config() {
        if (registry == null) {
            try {
                registry = StandInNpmRegistry.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return super.config().withExternals(Map.of("public:npmjs", registry.url()));
    }

    @BeforeEach
    void repositories() {
        leftPad130 = NpmTarballs.pack("left-pad", "1.3.0", Map.of(), "'pad'");
        registry.add("left-pad", "1.2.0", NpmTarballs.pack("left-pad", "1.2.0", Map.of(), "'old pad'"), Map.of());
        registry.add("left-pad", "1.3.0", leftPad130, Map.of());
        createDomain();
        createRepository(STORE);
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository(STORE)
                .externalConnection("public:npmjs"));
        createRepository(TEAM, STORE);
        createRepository(APP, TEAM);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void publicVersionsComeThroughUpstreamsAndAreKeptWhereRequestedAndWhereTheConnectionIs() throws Exception {
        JsonNode document = json(get(APP, "left-pad", "Accept", "application/vnd.npm.install-v1+json"));
        assertThat(document.path("versions").fieldNames()).toIterable().containsExactly("1.2.0", "1.3.0");
        assertThat(document.path("dist-tags").path("latest").asText()).isEqualTo("1.3.0");
        JsonNode dist = document.path("versions").path("1.3.0").path("dist");
        assertThat(dist.path("tarball").asText()).isEqualTo(endpoint(APP) + "left-pad/-/left-pad-1.3.0.tgz");
        assertThat(dist.path("integrity").asText())
                .isEqualTo("sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", leftPad130)));
        assertThat(packages(APP)).isEmpty();
        assertThat(packages(STORE)).isEmpty();

        assertThat(get(APP, "left-pad/-/left-pad-1.3.0.tgz").body()).isEqualTo(leftPad130);
        assertThat(get(APP, "left-pad/-/left-pad-1.3.0.tgz").body()).isEqualTo(leftPad130);
        assertThat(registry.tarballRequests("left-pad")).isEqualTo(1);

        assertThat(packages(APP)).singleElement().satisfies(p -> {
            assertThat(p.packageValue()).isEqualTo("left-pad");
            assertThat(p.originConfiguration().restrictions().publishAsString()).isEqualTo("BLOCK");
            assertThat(p.originConfiguration().restrictions().upstreamAsString()).isEqualTo("ALLOW");
        });
        assertThat(packages(STORE)).extracting(PackageSummary::packageValue).containsExactly("left-pad");
        assertThat(packages(TEAM)).as("intermediate repositories keep nothing").isEmpty();
        for (String repository : List.of(APP, STORE)) {
            PackageVersionDescription version = describe(repository, "left-pad", "1.3.0");
            assertThat(version.origin().originTypeAsString()).isEqualTo("EXTERNAL");
            assertThat(version.origin().domainEntryPoint().externalConnectionName()).isEqualTo("public:npmjs");
            assertThat(version.summary()).isEqualTo("public left-pad");
        }
        JsonNode events = JSON.readTree(signedGet("/_arca/events?domain=" + DOMAIN).body()).path("events");
        assertThat(events.findValuesAsText("repositoryName")).containsExactly(STORE, APP);
        assertThat(events.findValuesAsText("operationType")).containsOnly("Created");

        JsonNode after = json(get(APP, "left-pad"));
        assertThat(after.path("versions").path("1.3.0").path("dist").path("tarball").asText())
                .isEqualTo(endpoint(APP) + "left-pad/-/left-pad-1.3.0.tgz");
        assertThat(after.path("versions").has("1.2.0")).isTrue();
    }

    @Test
    void aDeletedUpstreamStaysInTheListAndRequestsPassOverIt() throws Exception {
        createRepository("gone", STORE);
        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository(APP)
                .upstreams(u -> u.repositoryName("gone"), u -> u.repositoryName(TEAM)));
        codeartifact.deleteRepository(r -> r.domain(DOMAIN).repository("gone"));

        assertThat(codeartifact.describeRepository(r -> r.domain(DOMAIN).repository(APP)).repository().upstreams())
                .extracting(u -> u.repositoryName()).containsExactly("gone", TEAM);
        assertThat(get(APP, "left-pad/-/left-pad-1.3.0.tgz").body()).isEqualTo(leftPad130);
        assertThat(packages(APP)).extracting(PackageSummary::packageValue).containsExactly("left-pad");
    }

    @Test
    void aVersionArchivedWhereTheConnectionIsIsNotCopiedDownstream() throws Exception {
        assertThat(get(STORE, "left-pad/-/left-pad-1.3.0.tgz").statusCode()).isEqualTo(200);
        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(STORE).format(PackageFormat.NPM)
                .packageValue("left-pad").versions("1.3.0").targetStatus(PackageVersionStatus.ARCHIVED));
        createRepository("reader", STORE);

        assertThat(get("reader", "left-pad/-/left-pad-1.3.0.tgz").statusCode()).isEqualTo(404);
        assertThat(packages("reader")).isEmpty();
        assertThat(registry.tarballRequests("left-pad")).isEqualTo(1);
    }

    @Test
    void concurrentRequestsForTheSameMissingVersionFetchItOnce() throws Exception {
        registry.delayTarballs(300);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<byte[]>>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String repository = i % 2 == 0 ? TEAM : APP;
                requests.add(() -> get(repository, "left-pad/-/left-pad-1.3.0.tgz"));
            }
            for (Future<HttpResponse<byte[]>> response : clients.invokeAll(requests)) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                assertThat(response.get().body()).isEqualTo(leftPad130);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(registry.tarballRequests("left-pad")).isEqualTo(1);
        for (String repository : List.of(STORE, TEAM, APP)) {
            assertThat(codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository(repository)
                    .format(PackageFormat.NPM).packageValue("left-pad")).versions()).hasSize(1);
        }
        JsonNode events = JSON.readTree(signedGet("/_arca/events?domain=" + DOMAIN).body()).path("events");
        assertThat(events.findValuesAsText("repositoryName")).containsExactlyInAnyOrder(STORE, TEAM, APP);
    }

    @Test
    void storedVersionsAreStillServedWhenThePublicRegistryIsDown() throws Exception {
        assertThat(get(TEAM, "left-pad/-/left-pad-1.3.0.tgz").statusCode()).isEqualTo(200);
        registry.close();
        restart();
        token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();

        JsonNode document = json(get(APP, "left-pad"));
        assertThat(document.path("versions").fieldNames()).toIterable().containsExactly("1.3.0");
        assertThat(document.path("dist-tags").path("latest").asText()).isEqualTo("1.3.0");
        assertThat(get(APP, "left-pad/-/left-pad-1.3.0.tgz").body()).isEqualTo(leftPad130);
        HttpResponse<byte[]> neverFetched = get(APP, "left-pad/-/left-pad-1.2.0.tgz");
        assertThat(neverFetched.statusCode()).isEqualTo(404);
        assertThat(json(neverFetched).path("error").asText()).contains("public:npmjs");
        assertThat(get(APP, "is-number").statusCode()).isEqualTo(404);
    }

    @Test
    void theSearchGoesDepthFirstInPriorityOrderAndRetainsOnlyInTheRequestedRepository() throws Exception {
        for (String name : List.of("repo-e", "repo-d", "repo-c", "repo-b", "repo-a")) {
            createRepository(name);
        }
        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("repo-d")
                .upstreams(u -> u.repositoryName("repo-e")));
        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("repo-a").upstreams(
                u -> u.repositoryName("repo-c"), u -> u.repositoryName("repo-d")));
        createRepository("my-repo", "repo-a", "repo-b");
        byte[] fromE = publish("repo-e", "lib", "1.0.0");
        byte[] fromB = publish("repo-b", "lib", "2.0.0");
        publish("repo-b", "lib", "1.0.0");

        JsonNode document = json(get("my-repo", "lib"));
        assertThat(document.path("versions").fieldNames()).toIterable().containsExactly("1.0.0", "2.0.0");
        assertThat(document.path("versions").path("1.0.0").path("dist").path("shasum").asText())
                .isEqualTo(java.util.HexFormat.of().formatHex(digest("SHA-1", fromE)));
        assertThat(get("my-repo", "lib/-/lib-1.0.0.tgz").body()).isEqualTo(fromE);
        assertThat(get("my-repo", "lib/-/lib-2.0.0.tgz").body()).isEqualTo(fromB);
        assertThat(packages("my-repo")).extracting(PackageSummary::packageValue).containsExactly("lib");
        for (String intermediate : List.of("repo-a", "repo-c", "repo-d")) {
            assertThat(packages(intermediate)).as(intermediate).isEmpty();
        }
        assertThat(describe("my-repo", "lib", "1.0.0").origin().domainEntryPoint().repositoryName())
                .isEqualTo("repo-e");
    }

    @Test
    void tagsMergeWithTheUpstreamValueWinningWhenOriginControlsLetUpstreamVersionsIn() throws Exception {
        publish(STORE, "shared", "1.0.1");
        JsonNode teamView = json(get(TEAM, "-/package/shared/dist-tags"));
        assertThat(teamView.path("latest").asText()).isEqualTo("1.0.1");

        publish(TEAM, "shared", "1.0.2");
        assertThat(json(get(TEAM, "shared")).path("versions").fieldNames()).toIterable()
                .as("the first publish blocks upstream versions of the package").containsExactly("1.0.2");

        codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository(TEAM).format(PackageFormat.NPM)
                .packageValue("shared").restrictions(x -> x.publish("ALLOW").upstream("ALLOW")));
        JsonNode merged = json(get(TEAM, "shared"));
        assertThat(merged.path("versions").fieldNames()).toIterable().containsExactly("1.0.1", "1.0.2");
        assertThat(merged.path("dist-tags").path("latest").asText()).as("the upstream's latest wins")
                .isEqualTo("1.0.1");
    }

    @Test
    void publishingAVersionAvailableUpstreamIsAConflictAndIngestedPackagesCannotBePublished() throws Exception {
        HttpResponse<byte[]> shadow = put(TEAM, "left-pad", publishDocument("left-pad", "1.3.0",
                NpmTarballs.pack("left-pad", "1.3.0", Map.of(), "'mine'"), Map.of()));
        assertThat(shadow.statusCode()).isEqualTo(409);
        assertThat(json(shadow).path("error").asText()).contains("external connection public:npmjs");
        publish(STORE, "internal", "1.0.0");
        HttpResponse<byte[]> shadowInternal = put(TEAM, "internal", publishDocument("internal", "1.0.0",
                NpmTarballs.pack("internal", "1.0.0", Map.of(), "'again'"), Map.of()));
        assertThat(shadowInternal.statusCode()).isEqualTo(409);
        assertThat(json(shadowInternal).path("error").asText()).contains("upstream repository " + STORE);

        assertThat(get(TEAM, "left-pad/-/left-pad-1.3.0.tgz").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> blocked = put(TEAM, "left-pad", publishDocument("left-pad", "9.0.0",
                NpmTarballs.pack("left-pad", "9.0.0", Map.of(), "'mine'"), Map.of()));
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(json(blocked).path("error").asText()).contains("publish=BLOCK");

        assertThat(publish(TEAM, "brand-new", "1.0.0")).isNotEmpty();
    }

    @Test
    void originControlsAndPackageGroupsDecideWhatMayComeFromUpstream() throws Exception {
        codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository(TEAM).format(PackageFormat.NPM)
                .packageValue("left-pad").restrictions(x -> x.publish("ALLOW").upstream("BLOCK")));
        assertThat(get(TEAM, "left-pad").statusCode()).isEqualTo(404);
        assertThat(get(TEAM, "left-pad/-/left-pad-1.3.0.tgz").statusCode()).isEqualTo(404);
        assertThat(get(APP, "left-pad/-/left-pad-1.3.0.tgz").statusCode()).as("APP reads through TEAM").isEqualTo(404);

        registry.add("is-odd", "3.0.1", NpmTarballs.pack("is-odd", "3.0.1", Map.of(), "'odd'"), Map.of());
        codeartifact.createPackageGroup(r -> r.domain(DOMAIN).packageGroup("/npm//is-odd$"));
        codeartifact.updatePackageGroupOriginConfiguration(r -> r.domain(DOMAIN).packageGroup("/npm//is-odd$")
                .restrictionsWithStrings(Map.of(PackageGroupOriginRestrictionType.EXTERNAL_UPSTREAM.toString(),
                        PackageGroupOriginRestrictionMode.BLOCK.toString())));
        assertThat(get(APP, "is-odd/-/is-odd-3.0.1.tgz").statusCode()).isEqualTo(404);
        assertThat(registry.tarballRequests("is-odd")).isZero();

        codeartifact.updatePackageGroupOriginConfiguration(r -> r.domain(DOMAIN).packageGroup("/npm//is-odd$")
                .restrictionsWithStrings(Map.of(
                        PackageGroupOriginRestrictionType.EXTERNAL_UPSTREAM.toString(),
                        PackageGroupOriginRestrictionMode.ALLOW.toString(),
                        PackageGroupOriginRestrictionType.INTERNAL_UPSTREAM.toString(),
                        PackageGroupOriginRestrictionMode.ALLOW_SPECIFIC_REPOSITORIES.toString()))
                .addAllowedRepositories(a -> a.repositoryName(TEAM)
                        .originRestrictionType(PackageGroupOriginRestrictionType.INTERNAL_UPSTREAM)));
        assertThat(get(APP, "is-odd/-/is-odd-3.0.1.tgz").statusCode()).as("APP may not retain is-odd").isEqualTo(404);
        assertThat(get(TEAM, "is-odd/-/is-odd-3.0.1.tgz").statusCode()).isEqualTo(200);
        assertThat(packages(STORE)).extracting(PackageSummary::packageValue).containsExactly("is-odd");
        assertThat(packages(APP)).isEmpty();
    }

    @Test
    void aTarballThatDoesNotMatchItsPublishedIntegrityIsNotStored() throws Exception {
        registry.corrupt("left-pad", "1.3.0");
        HttpResponse<byte[]> response = get(TEAM, "left-pad/-/left-pad-1.3.0.tgz");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(packages(STORE)).isEmpty();
        assertThat(packages(TEAM)).isEmpty();
    }

    @Test
    void aFetchedVersionBringsTheVersionsItsDependenciesWillBeAskedForAsCodeArtifactDoes() throws Exception {
        for (String version : List.of("6.0.0", "7.0.0", "7.1.0", "8.0.0")) {
            registry.add("is-number", version, NpmTarballs.pack("is-number", version, Map.of(), "1"),
                    version.equals("7.1.0") ? Map.of("kind-of", "~1.0.0", "odd-name", "git+https://example.invalid/x")
                            : Map.of());
        }
        for (String version : List.of("1.0.0", "1.0.5", "1.1.0", "2.0.0")) {
            registry.add("kind-of", version, NpmTarballs.pack("kind-of", version, Map.of(), "1"), Map.of());
        }
        registry.add("is-odd", "3.0.1", NpmTarballs.pack("is-odd", "3.0.1", Map.of(), "'odd'"),
                Map.of("is-number", "^7.0.0"));

        assertThat(get(APP, "is-odd/-/is-odd-3.0.1.tgz").statusCode()).isEqualTo(200);

        Map<String, List<String>> expected = Map.of("is-odd", List.of("3.0.1"), "is-number", List.of("7.1.0",
                "8.0.0"), "kind-of", List.of("1.0.5", "2.0.0"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!storedVersions(STORE).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(storedVersions(STORE)).as("each dependency's newest in range and its latest, transitively")
                .isEqualTo(expected);
        assertThat(registry.tarballRequests("is-number")).isEqualTo(2);
        assertThat(packages(APP)).as("fetched ahead where the connection is, retained where asked only on request")
                .extracting(PackageSummary::packageValue).containsExactly("is-odd");

        registry.close();
        assertThat(get(APP, "is-number/-/is-number-7.1.0.tgz").statusCode()).as("installable with the registry down")
                .isEqualTo(200);
    }

    /** Each package a repository stores, with its versions in order. */
    private Map<String, List<String>> storedVersions(String repository) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (PackageSummary pkg : packages(repository)) {
            out.put(pkg.packageValue(), codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository(repository)
                    .format(PackageFormat.NPM).packageValue(pkg.packageValue())).versions().stream()
                    .map(v -> v.version()).sorted().toList());
        }
        return out;
    }

    private List<PackageSummary> packages(String repository) {
        return codeartifact.listPackages(r -> r.domain(DOMAIN).repository(repository)).packages();
    }

    private PackageVersionDescription describe(String repository, String name, String version) {
        return codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(repository)
                .format(PackageFormat.NPM).packageValue(name).packageVersion(version)).packageVersion();
    }
}
