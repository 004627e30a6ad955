package dev.arca.server.formats.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.server.NpmTarballs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.PackageDependency;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;

/** The npm registry protocol of a repository endpoint, spoken over HTTP as npm speaks it. */
class NpmRegistryApiTest extends NpmApiFixture {

    static final String REPO = "team";
    static final String NAME = "@acme/greeter";

    @BeforeEach
    void repository() {
        createDomain();
        createRepository(REPO);
    }

    @Test
    void aPublishedScopedPackageIsServedWithCorrectHashesAndItsMetadataIsKept() throws Exception {
        byte[] tarball = NpmTarballs.pack(NAME, "1.0.0", Map.of("left-pad", "^1.3.0"), "'hello'");
        HttpResponse<byte[]> published = put(REPO, escaped(NAME), publishDocument(NAME, "1.0.0", tarball, Map.of(
                "description", "Says hello", "license", "MIT", "homepage", "https://example.invalid/greeter",
                "repository", Map.of("type", "git", "url", "git+https://example.invalid/greeter.git"),
                "readme", "# Greeter\nSays hello.", "dependencies", Map.of("left-pad", "^1.3.0", "@acme/util", "2.x"),
                "devDependencies", Map.of("tap", "^16.0.0"), "peerDependencies", Map.of("react", ">=17"))));
        assertThat(published.statusCode()).as(text(published)).isEqualTo(201);

        JsonNode full = json(get(REPO, escaped(NAME), "Accept", "application/json"));
        assertThat(full.path("name").asText()).isEqualTo(NAME);
        assertThat(full.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
        assertThat(full.path("readme").asText()).startsWith("# Greeter");
        JsonNode dist = full.path("versions").path("1.0.0").path("dist");
        assertThat(dist.path("integrity").asText())
                .isEqualTo("sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tarball)));
        assertThat(dist.path("shasum").asText()).isEqualTo(HexFormat.of().formatHex(digest("SHA-1", tarball)));
        assertThat(dist.path("tarball").asText()).isEqualTo(endpoint(REPO) + NAME + "/-/greeter-1.0.0.tgz");
        assertThat(full.path("time").has("1.0.0")).isTrue();

        HttpResponse<byte[]> corgi = get(REPO, escaped(NAME), "Accept",
                "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*");
        assertThat(corgi.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.npm.install-v1+json");
        JsonNode abbreviated = json(corgi);
        assertThat(abbreviated.path("versions").path("1.0.0").has("readme")).isFalse();
        assertThat(abbreviated.path("versions").path("1.0.0").path("dependencies").path("left-pad").asText())
                .isEqualTo("^1.3.0");
        assertThat(abbreviated.path("versions").path("1.0.0").path("dist")).isEqualTo(dist);

        HttpResponse<byte[]> download = get(REPO, NAME + "/-/greeter-1.0.0.tgz");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(tarball);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"greeter-1.0.0.tgz\"");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(get(REPO, escaped(NAME) + "/-/greeter-1.0.0.tgz").body()).isEqualTo(tarball);

        PackageVersionDescription description = codeartifact.describePackageVersion(r -> r.domain(DOMAIN)
                .repository(REPO).format(PackageFormat.NPM).namespace("acme").packageValue("greeter")
                .packageVersion("1.0.0")).packageVersion();
        assertThat(description.displayName()).isEqualTo(NAME);
        assertThat(description.summary()).isEqualTo("Says hello");
        assertThat(description.homePage()).isEqualTo("https://example.invalid/greeter");
        assertThat(description.sourceCodeRepository()).isEqualTo("git+https://example.invalid/greeter.git");
        assertThat(description.licenses()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("MIT"));
        assertThat(description.origin().originTypeAsString()).isEqualTo("INTERNAL");
        assertThat(codeartifact.getPackageVersionReadme(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).namespace("acme").packageValue("greeter").packageVersion("1.0.0"))
                .readme()).isEqualTo("# Greeter\nSays hello.");
        List<PackageDependency> dependencies = codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN)
                .repository(REPO).format(PackageFormat.NPM).namespace("acme").packageValue("greeter")
                .packageVersion("1.0.0")).dependencies();
        assertThat(dependencies).extracting(PackageDependency::namespace, PackageDependency::packageValue,
                        PackageDependency::dependencyType, PackageDependency::versionRequirement)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(null, "left-pad", "regular", "^1.3.0"),
                        org.assertj.core.groups.Tuple.tuple("acme", "util", "regular", "2.x"),
                        org.assertj.core.groups.Tuple.tuple(null, "tap", "dev", "^16.0.0"),
                        org.assertj.core.groups.Tuple.tuple(null, "react", "peer", ">=17"));
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).namespace("acme").packageValue("greeter").packageVersion("1.0.0"))
                .assets()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("package.tgz"));
        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme")).packages()).singleElement().satisfies(p -> {
                    assertThat(p.packageValue()).isEqualTo("greeter");
                    assertThat(p.originConfiguration().restrictions().publishAsString()).isEqualTo("ALLOW");
                    assertThat(p.originConfiguration().restrictions().upstreamAsString()).isEqualTo("BLOCK");
                });
    }

    @Test
    void anIdenticalRepublishSucceedsAndADifferentOneIsAConflict() throws Exception {
        byte[] tarball = publish(REPO, NAME, "1.0.0");
        HttpResponse<byte[]> again = put(REPO, escaped(NAME), publishDocument(NAME, "1.0.0", tarball, Map.of()));
        assertThat(again.statusCode()).isEqualTo(200);

        byte[] other = NpmTarballs.pack(NAME, "1.0.0", Map.of(), "'changed'");
        HttpResponse<byte[]> conflict = put(REPO, escaped(NAME), publishDocument(NAME, "1.0.0", other, Map.of()));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("error").asText()).contains("already exists").contains("delete the version");
        assertThat(get(REPO, NAME + "/-/greeter-1.0.0.tgz").body()).isEqualTo(tarball);
    }

    @Test
    void publishedDocumentsAreCheckedAgainstTheirPathAndTheirBytes() throws Exception {
        byte[] tarball = NpmTarballs.pack(NAME, "1.0.0", Map.of(), "1");
        byte[] good = publishDocument(NAME, "1.0.0", tarball, Map.of());

        assertThat(put(REPO, "other", good).statusCode()).isEqualTo(400);
        String wrongIntegrity = new String(good, StandardCharsets.UTF_8).replaceFirst("\"sha512-[^\"]+\"",
                "\"sha512-" + Base64.getEncoder().encodeToString(new byte[64]) + "\"");
        HttpResponse<byte[]> mismatch = put(REPO, escaped(NAME), wrongIntegrity.getBytes(StandardCharsets.UTF_8));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).path("error").asText()).contains("integrity");
        String wrongLength = new String(good, StandardCharsets.UTF_8).replace("\"length\":" + tarball.length,
                "\"length\":" + (tarball.length + 1));
        assertThat(put(REPO, escaped(NAME), wrongLength.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(put(REPO, escaped(NAME), publishDocument(NAME, "1.0", tarball, Map.of())).statusCode())
                .isEqualTo(400);
        assertThat(put(REPO, escaped(NAME), "{\"name\": \"@acme/greeter\", \"versions\": ".getBytes(
                StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(put(REPO, "Capital", publishDocument("Capital", "1.0.0", tarball, Map.of())).statusCode())
                .isEqualTo(400);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository(REPO)).packages()).isEmpty();
        assertThat(put(REPO, escaped(NAME), good).statusCode()).isEqualTo(201);
    }

    @Test
    void distTagsAreListedAddedAndRemovedAndLatestDecidesTheDefaultDisplayVersion() throws Exception {
        publish(REPO, NAME, "1.0.0");
        publish(REPO, NAME, "2.0.0-beta.1");
        String tags = "-/package/" + escaped(NAME) + "/dist-tags";
        assertThat(json(get(REPO, tags))).isEqualTo(JSON.readTree("{\"latest\": \"2.0.0-beta.1\"}"));

        assertThat(put(REPO, tags + "/latest", "\"1.0.0\"".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        assertThat(put(REPO, tags + "/next", "\"2.0.0-beta.1\"".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        assertThat(json(get(REPO, tags))).isEqualTo(JSON.readTree(
                "{\"latest\": \"1.0.0\", \"next\": \"2.0.0-beta.1\"}"));
        assertThat(codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter")).defaultDisplayVersion()).isEqualTo("1.0.0");
        assertThat(json(get(REPO, escaped(NAME) + "/next")).path("version").asText()).isEqualTo("2.0.0-beta.1");

        assertThat(put(REPO, tags + "/gone", "\"9.9.9\"".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(404);
        assertThat(put(REPO, tags + "/1.0.0", "\"1.0.0\"".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
        assertThat(delete(REPO, tags + "/latest").statusCode()).isEqualTo(400);
        assertThat(delete(REPO, tags + "/next").statusCode()).isEqualTo(200);
        assertThat(delete(REPO, tags + "/next").statusCode()).isEqualTo(404);
        assertThat(json(get(REPO, tags))).isEqualTo(JSON.readTree("{\"latest\": \"1.0.0\"}"));
    }

    @Test
    void copyingVersionsBringsTheTagsThatPointAtThemAndOverwritesSameNamedOnes() throws Exception {
        createRepository("release");
        publish(REPO, NAME, "1.0.0");
        publish(REPO, NAME, "2.0.0");
        publish("release", NAME, "0.9.0");
        String stable = "-/package/" + escaped(NAME) + "/dist-tags/stable";
        put("release", stable, "\"0.9.0\"".getBytes(StandardCharsets.UTF_8));
        put(REPO, stable, "\"1.0.0\"".getBytes(StandardCharsets.UTF_8));

        codeartifact.copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository(REPO).destinationRepository("release")
                .format(PackageFormat.NPM).namespace("acme").packageValue("greeter").versions("1.0.0"));
        JsonNode tags = json(get("release", "-/package/" + escaped(NAME) + "/dist-tags"));
        assertThat(tags.path("stable").asText()).isEqualTo("1.0.0");
        assertThat(tags.path("latest").asText()).as("latest of the source names 2.0.0, which stayed behind")
                .isEqualTo("0.9.0");
        assertThat(get("release", NAME + "/-/greeter-1.0.0.tgz").statusCode()).isEqualTo(200);
    }

    @Test
    void deprecatingAVersionChangesItsManifestAndRevisionOnly() throws Exception {
        publish(REPO, NAME, "1.0.0");
        publish(REPO, NAME, "1.1.0");
        String before = revision("1.0.0");
        JsonNode document = json(get(REPO, escaped(NAME) + "?write=true", "Accept", "application/json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("versions").path("1.0.0"))
                .put("deprecated", "use 1.1.0");
        assertThat(put(REPO, escaped(NAME), JSON.writeValueAsBytes(document)).statusCode()).isEqualTo(200);

        JsonNode after = json(get(REPO, escaped(NAME), "Accept", "application/vnd.npm.install-v1+json"));
        assertThat(after.path("versions").path("1.0.0").path("deprecated").asText()).isEqualTo("use 1.1.0");
        assertThat(after.path("versions").path("1.1.0").has("deprecated")).isFalse();
        assertThat(revision("1.0.0")).isNotEqualTo(before);

        ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("versions").path("1.0.0"))
                .put("deprecated", "");
        assertThat(put(REPO, escaped(NAME), JSON.writeValueAsBytes(document)).statusCode()).isEqualTo(200);
        assertThat(json(get(REPO, escaped(NAME))).path("versions").path("1.0.0").has("deprecated")).isFalse();
    }

    @Test
    void onlyPublishedVersionsAreListedAndArchivedOnesCannotBeDownloaded() throws Exception {
        publish(REPO, NAME, "1.0.0");
        publish(REPO, NAME, "1.1.0");
        byte[] unlisted = publish(REPO, NAME, "1.2.0");
        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").versions("1.2.0").targetStatus("Unlisted"));
        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").versions("1.1.0").targetStatus("Archived"));

        JsonNode document = json(get(REPO, escaped(NAME)));
        assertThat(document.path("versions").fieldNames()).toIterable().containsExactly("1.0.0");
        assertThat(document.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
        assertThat(get(REPO, NAME + "/-/greeter-1.2.0.tgz").body()).isEqualTo(unlisted);
        HttpResponse<byte[]> archived = get(REPO, NAME + "/-/greeter-1.1.0.tgz");
        assertThat(archived.statusCode()).isEqualTo(404);
        assertThat(json(archived).path("error").asText()).contains("Archived");

        codeartifact.deletePackageVersions(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").versions("1.0.0", "1.1.0", "1.2.0"));
        assertThat(get(REPO, escaped(NAME)).statusCode()).isEqualTo(404);
        assertThat(get(REPO, "left-pad").statusCode()).isEqualTo(404);
    }

    @Test
    void packageDocumentsCarryAValidatorAndFollowEveryChangeAtOnce() throws Exception {
        publish(REPO, NAME, "1.0.0");
        HttpResponse<byte[]> first = get(REPO, escaped(NAME));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        HttpResponse<byte[]> again = get(REPO, escaped(NAME), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(get(REPO, escaped(NAME), "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> abbreviated = get(REPO, escaped(NAME), "Accept", "application/vnd.npm.install-v1+json",
                "If-None-Match", etag);
        assertThat(abbreviated.statusCode()).as("the abbreviated document is another document").isEqualTo(200);

        String tags = "-/package/" + escaped(NAME) + "/dist-tags";
        put(REPO, tags + "/beta", "\"1.0.0\"".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> tagged = get(REPO, escaped(NAME), "If-None-Match", etag);
        assertThat(tagged.statusCode()).isEqualTo(200);
        assertThat(json(tagged).path("dist-tags").path("beta").asText()).isEqualTo("1.0.0");

        publish(REPO, NAME, "1.1.0");
        assertThat(json(get(REPO, escaped(NAME))).path("versions").has("1.1.0")).isTrue();
        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").versions("1.1.0").targetStatus("Archived"));
        assertThat(json(get(REPO, escaped(NAME))).path("versions").has("1.1.0")).isFalse();

        // A change around the package rather than to it: the upstream it was read through goes away.
        createRepository("mirror", REPO);
        assertThat(json(get("mirror", escaped(NAME))).path("versions").has("1.0.0")).isTrue();
        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("mirror").upstreams(List.of()));
        assertThat(get("mirror", escaped(NAME)).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> tarball = get(REPO, NAME + "/-/greeter-1.0.0.tgz");
        assertThat(get(REPO, NAME + "/-/greeter-1.0.0.tgz", "If-None-Match",
                tarball.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void aDownloadFollowsTheVersionsStatusAndContentAtOnce() throws Exception {
        byte[] first = publish(REPO, NAME, "1.0.0");
        String tarball = NAME + "/-/greeter-1.0.0.tgz";
        assertThat(get(REPO, tarball).body()).isEqualTo(first);
        assertThat(get(REPO, tarball).body()).isEqualTo(first);

        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").versions("1.0.0").targetStatus("Archived"));
        assertThat(get(REPO, tarball).statusCode()).isEqualTo(404);

        codeartifact.deletePackageVersions(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").versions("1.0.0"));
        assertThat(get(REPO, tarball).statusCode()).isEqualTo(404);
        byte[] second = NpmTarballs.pack(NAME, "1.0.0", Map.of(), "'second'");
        assertThat(put(REPO, escaped(NAME), publishDocument(NAME, "1.0.0", second, Map.of())).statusCode())
                .isEqualTo(201);
        assertThat(get(REPO, tarball).body()).as("the republished bytes, not the remembered ones").isEqualTo(second);
    }

    @Test
    void whatCodeArtifactDoesNotSupportIsRefusedSayingSo() throws Exception {
        publish(REPO, NAME, "1.0.0");
        assertThat(json(get(REPO, "-/ping?write=true"))).isEqualTo(JSON.createObjectNode());
        HttpResponse<byte[]> unpublish = delete(REPO, escaped(NAME) + "/-rev/1-abc");
        assertThat(unpublish.statusCode()).isEqualTo(405);
        assertThat(json(unpublish).path("error").asText()).contains("delete-package-versions");
        assertThat(put(REPO, escaped(NAME) + "/-rev/1-abc", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(405);
        assertThat(delete(REPO, NAME + "/-/greeter-1.0.0.tgz/-rev/1-abc").statusCode()).isEqualTo(405);
        HttpResponse<byte[]> whoami = get(REPO, "-/whoami");
        assertThat(whoami.statusCode()).isEqualTo(404);
        assertThat(json(whoami).path("error").asText()).contains("not supported");
        assertThat(get(REPO, "-/v1/search?text=greeter").statusCode()).isEqualTo(404);
        assertThat(get(REPO, "").statusCode()).isEqualTo(404);
        assertThat(get(REPO, NAME + "/-/greeter-1.0.0.zip").statusCode()).isEqualTo(404);
    }

    @Test
    void anExternalConnectionWithoutAConfiguredUrlServesOnlyWhatItsRepositoryStores() throws Exception {
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository(REPO)
                .externalConnection("public:npmjs"));
        publish(REPO, "local-only", "1.0.0");
        assertThat(get(REPO, "local-only").statusCode()).isEqualTo(200);
        assertThat(get(REPO, "left-pad").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> tarball = get(REPO, "left-pad/-/left-pad-1.3.0.tgz");
        assertThat(tarball.statusCode()).isEqualTo(404);
        assertThat(json(tarball).path("error").asText()).contains("public:npmjs");
    }

    @Test
    void headAnswersWithTheHeadersOfAGetAndNoBody() throws Exception {
        byte[] tarball = publish(REPO, NAME, "1.0.0");
        HttpResponse<byte[]> head = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint(REPO)
                + NAME + "/-/greeter-1.0.0.tgz")).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(tarball.length);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        HttpResponse<byte[]> headDocument = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                endpoint(REPO) + escaped(NAME))).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(headDocument.statusCode()).isEqualTo(200);
        assertThat(headDocument.body()).isEmpty();
        assertThat(get(REPO, NAME + "/-/greeter-1.0.0.tgz").body()).isEqualTo(tarball);
    }

    @Test
    void aLargeTarballStreamsThroughPublishAndDownload() throws Exception {
        byte[] large = new byte[24 << 20];
        new java.util.Random(11).nextBytes(large);
        HttpResponse<byte[]> published = put(REPO, "large", publishDocument("large", "1.0.0", large, Map.of()));
        assertThat(published.statusCode()).as(text(published)).isEqualTo(201);
        assertThat(get(REPO, "large/-/large-1.0.0.tgz").body()).isEqualTo(large);
    }

    @Test
    void packageRequestsAreAuditedUnderTheActionTheyNeed() throws Exception {
        publish(REPO, NAME, "1.0.0");
        get(REPO, NAME + "/-/greeter-1.0.0.tgz");
        JsonNode publishes = JSON.readTree(signedGet("/_arca/audit?operation=PublishPackageVersion").body())
                .path("entries");
        assertThat(publishes).singleElement().satisfies(entry -> {
            assertThat(entry.path("resource").asText()).isEqualTo("acme/team/npm/acme/greeter");
            assertThat(entry.path("status").asInt()).isEqualTo(201);
            assertThat(entry.path("principal").asText()).isEqualTo("arn:aws:iam::123456789012:root");
        });
        JsonNode reads = JSON.readTree(signedGet("/_arca/audit?operation=ReadFromRepository").body())
                .path("entries");
        assertThat(reads.findValuesAsText("resource")).contains("acme/team/npm/acme/greeter@1.0.0");
    }

    private String revision(String version) {
        return codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("acme").packageValue("greeter").packageVersion(version)).packageVersion().revision();
    }
}
