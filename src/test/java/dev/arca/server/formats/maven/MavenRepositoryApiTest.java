package dev.arca.server.formats.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.server.StandInMavenRepository;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionMode;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionType;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * The Maven repository protocol over one repository, as curl, {@code mvn deploy} and Gradle speak it: versions
 * uploaded file by file and published by their metadata, checksums served and checked, POMs read, republishing,
 * SNAPSHOT builds, generated metadata, and what the protocol does not offer.
 */
class MavenRepositoryApiTest extends MavenApiFixture {

    static final String REPO = "team";
    static final String LIB = GROUP_PATH + "lib/";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void repository() {
        createDomain();
        createRepository(REPO);
    }

    @Test
    void aVersionUploadedFileByFileIsUnfinishedUntilMetadataListingItIsPublished() throws Exception {
        byte[] jar = StandInMavenRepository.jar(Map.of("lib.txt", "lib"));
        byte[] pom = StandInMavenRepository.pom(GROUP, "lib", "1.0", "jar", """
                <name>Lib</name><description>A library</description><url>https://lib.example</url>
                <licenses><license><name>MIT</name><url>https://opensource.org/licenses/MIT</url></license></licenses>
                <scm><url>https://git.example/lib</url></scm>
                <dependencies>
                  <dependency><groupId>org.example</groupId><artifactId>core</artifactId><version>2.0</version>
                  </dependency>
                  <dependency><groupId>org.junit</groupId><artifactId>junit</artifactId><version>5</version>
                    <scope>test</scope></dependency>
                </dependencies>
                """);
        assertThat(put(REPO, LIB + "1.0/lib-1.0.jar", jar).statusCode()).isEqualTo(201);
        assertThat(put(REPO, LIB + "1.0/lib-1.0.jar.sha1", hex("SHA-1", jar)).statusCode()).isEqualTo(200);
        assertThat(put(REPO, LIB + "1.0/lib-1.0.pom", pom).statusCode()).isEqualTo(201);
        assertThat(versions(REPO, "lib", PackageVersionStatus.UNFINISHED)).containsOnlyKeys("1.0");
        assertThat(get(REPO, LIB + "1.0/lib-1.0.jar").statusCode()).isEqualTo(404);
        assertThat(get(REPO, LIB + "maven-metadata.xml").statusCode()).isEqualTo(404);

        assertThat(put(REPO, LIB + "maven-metadata.xml", metadata("lib", "0.9", "1.0")).statusCode())
                .isEqualTo(200);
        PackageVersionDescription described = describe(REPO, "lib", "1.0");
        assertThat(described.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(described.displayName()).isEqualTo("Lib");
        assertThat(described.summary()).isEqualTo("A library");
        assertThat(described.homePage()).isEqualTo("https://lib.example");
        assertThat(described.sourceCodeRepository()).isEqualTo("https://git.example/lib");
        assertThat(described.licenses()).singleElement().satisfies(license -> {
            assertThat(license.name()).isEqualTo("MIT");
            assertThat(license.url()).isEqualTo("https://opensource.org/licenses/MIT");
        });
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("lib").packageVersion("1.0"))
                .dependencies()).extracting(d -> d.namespace() + ":" + d.packageValue() + " " + d.dependencyType()
                        + " " + d.versionRequirement())
                .containsExactly("org.example:core compile 2.0", "org.junit:junit test 5");
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.MAVEN).namespace(GROUP).packageValue("lib").packageVersion("1.0")).assets())
                .extracting(a -> a.name() + " " + a.size())
                .containsExactlyInAnyOrder("lib-1.0.jar " + jar.length, "lib-1.0.pom " + pom.length);

        HttpResponse<byte[]> download = get(REPO, LIB + "1.0/lib-1.0.jar");
        assertThat(download.body()).isEqualTo(jar);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"lib-1.0.jar\"");
        assertThat(get(REPO, LIB + "1.0/lib-1.0.pom").body()).isEqualTo(pom);
        for (Map.Entry<String, String> checksum : Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
                "sha512", "SHA-512").entrySet()) {
            assertThat(text(get(REPO, LIB + "1.0/lib-1.0.jar." + checksum.getKey())))
                    .isEqualTo(hex(checksum.getValue(), jar));
        }
        HttpResponse<byte[]> head = head(REPO, LIB + "1.0/lib-1.0.jar");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(jar.length);

        HttpResponse<byte[]> metadata = get(REPO, LIB + "maven-metadata.xml");
        assertThat(text(metadata)).contains("<groupId>org.example</groupId>", "<artifactId>lib</artifactId>",
                "<latest>1.0</latest>", "<release>1.0</release>", "<version>1.0</version>")
                .doesNotContain("0.9");
        assertThat(text(get(REPO, LIB + "maven-metadata.xml.sha1"))).isEqualTo(hex("SHA-1", metadata.body()));
    }

    @Test
    void uploadedChecksumsAreCheckedAgainstTheStoredFile() throws Exception {
        byte[] jar = StandInMavenRepository.jar(Map.of("lib.txt", "lib"));
        HttpResponse<byte[]> early = put(REPO, LIB + "1.0/lib-1.0.jar.sha1", hex("SHA-1", jar));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(text(early)).contains("upload a file before its checksum");
        put(REPO, LIB + "1.0/lib-1.0.jar", jar);

        assertThat(put(REPO, LIB + "1.0/lib-1.0.jar.md5", hex("MD5", jar).toUpperCase() + "  lib-1.0.jar")
                .statusCode()).isEqualTo(200);
        assertThat(put(REPO, LIB + "1.0/lib-1.0.jar.sha256", hex("SHA-256", jar)).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> mismatch = put(REPO, LIB + "1.0/lib-1.0.jar.sha1", hex("SHA-1", new byte[1]));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(text(mismatch)).contains("does not match the file stored");
        assertThat(put(REPO, LIB + "1.0/lib-1.0.jar.sha1", "not a hash").statusCode()).isEqualTo(400);
        assertThat(put(REPO, LIB + "maven-metadata.xml.sha1", hex("SHA-1", new byte[3])).statusCode())
                .isEqualTo(200);
        assertThat(put(REPO, LIB + "maven-metadata.xml.md5", "nope").statusCode()).isEqualTo(400);
        assertThat(versions(REPO, "lib", null)).containsExactly(Map.entry("1.0", PackageVersionStatus.UNFINISHED));
    }

    @Test
    void republishingTheSameFileChangesNothingOtherBytesAreAConflictAndNewFilesMayBeAdded() throws Exception {
        deploy(REPO, "lib", "1.0");
        String revision = describe(REPO, "lib", "1.0").revision();
        byte[] jar = get(REPO, LIB + "1.0/lib-1.0.jar").body();
        assertThat(put(REPO, LIB + "1.0/lib-1.0.jar", jar).statusCode()).isEqualTo(200);
        assertThat(describe(REPO, "lib", "1.0").revision()).isEqualTo(revision);
        HttpResponse<byte[]> other = put(REPO, LIB + "1.0/lib-1.0.jar", "other".getBytes());
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(text(other)).contains("already exists");

        assertThat(put(REPO, LIB + "1.0/lib-1.0-sources.jar", "sources".getBytes()).statusCode()).isEqualTo(201);
        PackageVersionDescription added = describe(REPO, "lib", "1.0");
        assertThat(added.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(added.revision()).isNotEqualTo(revision);
        assertThat(get(REPO, LIB + "1.0/lib-1.0-sources.jar").body()).isEqualTo("sources".getBytes());

        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue("lib").versions("1.0").targetStatus("Archived"));
        assertThat(put(REPO, LIB + "1.0/lib-1.0-javadoc.jar", "docs".getBytes()).statusCode()).isEqualTo(409);
        HttpResponse<byte[]> archived = get(REPO, LIB + "1.0/lib-1.0.jar");
        assertThat(archived.statusCode()).isEqualTo(404);
        assertThat(text(archived)).contains("Archived");
    }

    @Test
    void aPomMustBeReadableAndNameThePathItIsDeployedTo() throws Exception {
        HttpResponse<byte[]> wrongArtifact = put(REPO, LIB + "1.0/lib-1.0.pom",
                StandInMavenRepository.pom(GROUP, "other", "1.0", "jar", ""));
        assertThat(wrongArtifact.statusCode()).isEqualTo(400);
        assertThat(text(wrongArtifact)).contains("artifact id is other");
        assertThat(put(REPO, LIB + "1.0/lib-1.0.pom", StandInMavenRepository.pom("org.other", "lib", "1.0", "jar",
                "")).statusCode()).isEqualTo(400);
        assertThat(put(REPO, LIB + "1.0/lib-1.0.pom", StandInMavenRepository.pom(GROUP, "lib", "2.0", "jar", ""))
                .statusCode()).isEqualTo(400);
        HttpResponse<byte[]> broken = put(REPO, LIB + "1.0/lib-1.0.pom", "<project><artifactId>lib");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(text(broken)).contains("cannot be read");
        assertThat(put(REPO, LIB + "1.0/lib-1.0.pom", "<!DOCTYPE project SYSTEM \"file:///etc/passwd\"><project/>")
                .statusCode()).isEqualTo(400);
        assertThat(packages(REPO)).isEmpty();

        byte[] ciFriendly = StandInMavenRepository.pom(GROUP, "lib", "${revision}", "pom", "");
        assertThat(put(REPO, LIB + "1.0/lib-1.0.pom", ciFriendly).statusCode()).isEqualTo(201);
    }

    @Test
    void snapshotBuildsReplaceOneAnotherAndEarlierBuildsStayDownloadableUnlisted() throws Exception {
        String directory = LIB + "1.0-SNAPSHOT/";
        byte[] first = deploySnapshot(REPO, "lib", "20240102.030405", 1);
        assertThat(versions(REPO, "lib", null)).containsExactly(
                Map.entry("1.0-SNAPSHOT", PackageVersionStatus.PUBLISHED));
        String snapshotMetadata = text(get(REPO, directory + "maven-metadata.xml"));
        assertThat(snapshotMetadata).contains("<version>1.0-SNAPSHOT</version>",
                "<timestamp>20240102.030405</timestamp>", "<buildNumber>1</buildNumber>", "<extension>pom</extension>",
                "<value>1.0-20240102.030405-1</value>");
        assertThat(get(REPO, directory + "lib-1.0-SNAPSHOT.jar").body()).isEqualTo(first);

        byte[] second = StandInMavenRepository.jar(Map.of("build.txt", "2"));
        upload(REPO, directory + "lib-1.0-20240103.000000-2.jar", second);
        assertThat(versions(REPO, "lib", PackageVersionStatus.UNFINISHED))
                .containsOnlyKeys("1.0-20240103.000000-2");
        assertThat(get(REPO, directory + "lib-1.0-SNAPSHOT.jar").body()).isEqualTo(first);
        upload(REPO, directory + "lib-1.0-20240103.000000-2.pom", StandInMavenRepository.pom(GROUP, "lib",
                "1.0-SNAPSHOT", "jar", ""));
        upload(REPO, directory + "maven-metadata.xml", snapshotMetadata("lib", "1.0-SNAPSHOT", "20240103.000000", 2));

        assertThat(versions(REPO, "lib", null)).containsOnly(
                Map.entry("1.0-SNAPSHOT", PackageVersionStatus.PUBLISHED),
                Map.entry("1.0-20240102.030405-1", PackageVersionStatus.UNLISTED));
        assertThat(get(REPO, directory + "lib-1.0-SNAPSHOT.jar").body()).isEqualTo(second);
        assertThat(get(REPO, directory + "lib-1.0-20240103.000000-2.jar").body()).isEqualTo(second);
        assertThat(get(REPO, directory + "lib-1.0-20240102.030405-1.jar").body()).isEqualTo(first);
        assertThat(text(get(REPO, directory + "maven-metadata.xml"))).contains("<buildNumber>2</buildNumber>");
        JsonNode events = JSON.readTree(signedGet("/_arca/events?domain=" + DOMAIN).body()).path("events");
        assertThat(events.findValues("detail")).extracting(d -> d.path("packageVersion").asText() + " "
                        + d.path("operationType").asText() + " " + d.path("packageVersionState").asText())
                .containsSubsequence("1.0-20240103.000000-2 Created Unfinished",
                        "1.0-20240102.030405-1 Created Unlisted", "1.0-20240103.000000-2 Deleted Unfinished",
                        "1.0-SNAPSHOT Updated Published");
        assertThat(put(REPO, directory + "maven-metadata.xml", snapshotMetadata("lib", "1.0-SNAPSHOT",
                "20240103.000000", 2)).statusCode()).isEqualTo(200);

        upload(REPO, LIB + "maven-metadata.xml", metadata("lib", "1.0-SNAPSHOT"));
        String artifactMetadata = text(get(REPO, LIB + "maven-metadata.xml"));
        assertThat(artifactMetadata).contains("<latest>1.0-SNAPSHOT</latest>", "<version>1.0-SNAPSHOT</version>")
                .doesNotContain("<release>", "20240102");
    }

    @Test
    void snapshotFilesAreDeployedUnderTheirBuildAndMetadataMustNameAnUploadedBuild() throws Exception {
        String directory = LIB + "1.0-SNAPSHOT/";
        HttpResponse<byte[]> plain = put(REPO, directory + "lib-1.0-SNAPSHOT.jar", "jar".getBytes());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(text(plain)).contains("timestamp and number");
        HttpResponse<byte[]> unknown = put(REPO, directory + "maven-metadata.xml",
                snapshotMetadata("lib", "1.0-SNAPSHOT", "20240102.030405", 1));
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(text(unknown)).contains("No files of build 20240102.030405-1");
        assertThat(put(REPO, directory + "maven-metadata.xml", metadata("lib", "1.0-SNAPSHOT")).statusCode())
                .isEqualTo(400);
        assertThat(put(REPO, directory + "maven-metadata.xml", snapshotMetadata("lib", "2.0-SNAPSHOT",
                "20240102.030405", 1)).statusCode()).isEqualTo(400);
        assertThat(get(REPO, directory + "maven-metadata.xml").statusCode()).isEqualTo(404);
        assertThat(packages(REPO)).isEmpty();
    }

    @Test
    void metadataListsPublishedVersionsOnlyInMavenOrder() throws Exception {
        for (String version : new String[] {"1.9", "1.10", "2.0-beta-1", "1.0"}) {
            deploy(REPO, "lib", version);
        }
        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue("lib").versions("1.0").targetStatus("Unlisted"));
        put(REPO, LIB + "3.0/lib-3.0.jar", "unfinished".getBytes());
        String metadata = text(get(REPO, LIB + "maven-metadata.xml"));
        assertThat(metadata).contains("<latest>2.0-beta-1</latest>", "<release>2.0-beta-1</release>")
                .doesNotContain("<version>1.0</version>", "3.0");
        assertThat(metadata.indexOf("<version>1.9</version>"))
                .isLessThan(metadata.indexOf("<version>1.10</version>"));

        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue("lib").versions("3.0").targetStatus("Published"));
        assertThat(text(get(REPO, LIB + "maven-metadata.xml"))).contains("<release>3.0</release>");
        assertThat(get(REPO, LIB + "3.0/lib-3.0.jar").body()).isEqualTo("unfinished".getBytes());
    }

    @Test
    void originControlsAndPackageGroupsDecideWhatMayBePublished() throws Exception {
        codeartifact.createPackageGroup(r -> r.domain(DOMAIN).packageGroup("/maven/org.example/locked$"));
        codeartifact.updatePackageGroupOriginConfiguration(r -> r.domain(DOMAIN)
                .packageGroup("/maven/org.example/locked$")
                .restrictionsWithStrings(Map.of(PackageGroupOriginRestrictionType.PUBLISH.toString(),
                        PackageGroupOriginRestrictionMode.BLOCK.toString())));
        HttpResponse<byte[]> refused = put(REPO, GROUP_PATH + "locked/1.0/locked-1.0.jar", "x".getBytes());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(text(refused)).contains("refused");

        deploy(REPO, "lib", "1.0");
        codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue("lib").restrictions(o -> o.publish("BLOCK").upstream("ALLOW")));
        assertThat(put(REPO, LIB + "1.1/lib-1.1.jar", "x".getBytes()).statusCode()).isEqualTo(403);
        assertThat(versions(REPO, "lib", null)).containsOnlyKeys("1.0");
    }

    @Test
    void whatTheProtocolDoesNotOfferIsRefusedSayingSo() throws Exception {
        deploy(REPO, "lib", "1.0");
        HttpResponse<byte[]> delete = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint(REPO)
                + LIB + "1.0/lib-1.0.jar")).DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(text(delete)).contains("delete-package-versions");
        assertThat(get(REPO, LIB).statusCode()).isEqualTo(404);
        assertThat(get(REPO, "").statusCode()).isEqualTo(404);
        assertThat(get(REPO, LIB + "1.0/lib-2.0.jar").statusCode()).isEqualTo(404);
        assertThat(get(REPO, LIB + "1.0/lib-1.0.war").statusCode()).isEqualTo(404);
        assertThat(get(REPO, GROUP_PATH + "missing/maven-metadata.xml").statusCode()).isEqualTo(404);
        String plugins = "<metadata><plugins><plugin><name>X</name><prefix>x</prefix><artifactId>x-maven-plugin"
                + "</artifactId></plugin></plugins></metadata>";
        assertThat(put(REPO, GROUP_PATH + "maven-metadata.xml", plugins).statusCode()).isEqualTo(200);
        assertThat(packages(REPO)).hasSize(1);
    }

    @Test
    void packageRequestsAreAuditedUnderTheActionTheyNeed() throws Exception {
        deploy(REPO, "lib", "1.0");
        get(REPO, LIB + "1.0/lib-1.0.jar");
        JsonNode publishes = JSON.readTree(signedGet("/_arca/audit?operation=PublishPackageVersion").body())
                .path("entries");
        assertThat(publishes.findValuesAsText("resource")).containsOnly("acme/team/maven/org.example/lib@1.0");
        JsonNode metadata = JSON.readTree(signedGet("/_arca/audit?operation=PutPackageMetadata").body())
                .path("entries");
        assertThat(metadata).hasSize(3);
        assertThat(metadata.findValuesAsText("resource")).containsOnly("acme/team/maven/org.example/lib");
        JsonNode reads = JSON.readTree(signedGet("/_arca/audit?operation=ReadFromRepository").body())
                .path("entries");
        assertThat(reads.findValuesAsText("resource")).contains("acme/team/maven/org.example/lib@1.0");
    }
}
