package dev.arca.server.formats.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.server.PythonDists;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * The simple repository API and legacy upload against a real server: twine's form, wheel and sdist on one
 * version, metadata kept for the control plane, PEP 503 HTML and PEP 691 JSON pages, name normalization, files
 * with their hashes, and what a republish or a bad upload gets.
 */
class PypiRepositoryApiTest extends PypiApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PythonDists.Project HELLO = PythonDists.Project.of("Hello_World", "1.0.0", "hello_world",
            "hello").withRequiresDist("requests (>=2.0)", "colorama>=0.4; platform_system == \"Windows\"");

    @BeforeEach
    void repository() {
        createDomain();
        createRepository("team");
    }

    @Test
    void aWheelAndAnSdistMakeOneVersionWithItsMetadata() throws Exception {
        publish("team", HELLO);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("team")).packages())
                .singleElement().satisfies(p -> assertThat(p.packageValue()).isEqualTo("hello-world"));
        PackageVersionDescription version = codeartifact.describePackageVersion(r -> r.domain(DOMAIN)
                .repository("team").format("pypi").packageValue("hello-world").packageVersion("1.0.0"))
                .packageVersion();
        assertThat(version.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(version.displayName()).isEqualTo("Hello_World");
        assertThat(version.summary()).isEqualTo("Says hello");
        assertThat(version.homePage()).isEqualTo("https://example.invalid/home");
        assertThat(version.sourceCodeRepository()).isEqualTo("https://example.invalid/src");
        assertThat(version.licenses()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("MIT"));
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").packageVersion("1.0.0")).assets())
                .extracting(a -> a.name()).containsExactlyInAnyOrder(HELLO.wheelName(), HELLO.sdistName());
        assertThat(codeartifact.getPackageVersionReadme(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").packageVersion("1.0.0")).readme()).isEqualTo(HELLO.readme());
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository("team")
                .format("pypi").packageValue("hello-world").packageVersion("1.0.0")).dependencies())
                .extracting(d -> d.packageValue(), d -> d.dependencyType(), d -> d.versionRequirement())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("requests", "Requires-Dist", ">=2.0"),
                        org.assertj.core.groups.Tuple.tuple("colorama", "Requires-Dist",
                                ">=0.4; platform_system == \"Windows\""));
    }

    @Test
    void projectPagesListFilesWithHashesAsHtmlOrJsonByAccept() throws Exception {
        byte[] wheel = publish("team", HELLO);
        String base = endpoint("team") + "simple/hello-world/1.0.0/";

        HttpResponse<byte[]> html = get("team", "simple/hello-world/");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(html.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(text(html)).contains("<a href=\"" + base + HELLO.wheelName() + "#sha256="
                + hex("SHA-256", wheel) + "\" data-requires-python=\"&gt;=3.8\">" + HELLO.wheelName() + "</a>");
        assertThat(text(html)).contains(HELLO.sdistName());

        HttpResponse<byte[]> json = get("team", "simple/hello-world/", "Accept",
                "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01");
        assertThat(json.headers().firstValue("Content-Type")).contains("application/vnd.pypi.simple.v1+json");
        JsonNode page = JSON.readTree(json.body());
        assertThat(page.path("meta").path("api-version").asText()).isEqualTo("1.0");
        assertThat(page.path("name").asText()).isEqualTo("hello-world");
        JsonNode first = page.path("files").get(0);
        assertThat(first.path("filename").asText()).isEqualTo(HELLO.wheelName());
        assertThat(first.path("url").asText()).isEqualTo(base + HELLO.wheelName());
        assertThat(first.path("hashes").path("sha256").asText()).isEqualTo(hex("SHA-256", wheel));
        assertThat(first.path("requires-python").asText()).isEqualTo(">=3.8");

        assertThat(get("team", "simple/hello-world/", "Accept", "application/vnd.pypi.simple.v1+html")
                .headers().firstValue("Content-Type")).contains("application/vnd.pypi.simple.v1+html; charset=utf-8");
        assertThat(get("team", "simple/hello-world/", "Accept", "application/xml").statusCode()).isEqualTo(406);

        HttpResponse<byte[]> projects = get("team", "simple/", "Accept", "application/vnd.pypi.simple.v1+json");
        assertThat(JSON.readTree(projects.body()).path("projects").findValuesAsText("name"))
                .containsExactly("hello-world");
        assertThat(text(get("team", "simple/"))).contains("<a href=\"" + endpoint("team")
                + "simple/hello-world/\">hello-world</a>");
    }

    @Test
    void otherSpellingsOfANameRedirectToTheNormalizedPage() throws Exception {
        publish("team", HELLO);
        for (String path : List.of("simple/Hello_World/", "simple/hello.world/", "simple/hello-world",
                "simple/HELLO--world")) {
            HttpResponse<byte[]> response = get("team", path);
            assertThat(response.statusCode()).as(path).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .contains(endpoint("team") + "simple/hello-world/");
        }
        assertThat(get("team", "simple").headers().firstValue("Location")).contains(endpoint("team") + "simple/");
        assertThat(get("team", "simple/unknown-project/").statusCode()).isEqualTo(404);
        assertThat(get("team", "simple/-bad-/").statusCode()).isEqualTo(400);
    }

    @Test
    void filesDownloadAsAttachmentsWithTheirBytes() throws Exception {
        byte[] wheel = publish("team", HELLO);
        HttpResponse<byte[]> download = get("team", "simple/hello-world/1.0.0/" + HELLO.wheelName());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(wheel);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + HELLO.wheelName() + "\"");
        assertThat(download.headers().firstValue("ETag")).contains("\"" + hex("SHA-256", wheel) + "\"");
        // Any spelling of the project finds the file; one that is not the project's is not served.
        assertThat(get("team", "simple/Hello_World/1.0.0/" + HELLO.wheelName()).body()).isEqualTo(wheel);
        assertThat(get("team", "simple/hello-world/1.0.0/other-1.0.0-py3-none-any.whl").statusCode())
                .isEqualTo(404);
        assertThat(get("team", "simple/hello-world/2.0.0/hello_world-2.0.0-py3-none-any.whl").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anIdenticalFileAgainChangesNothingAndOtherBytesAreAConflict() throws Exception {
        byte[] wheel = publish("team", HELLO);
        String revision = revision();
        assertThat(upload("team", twineForm(HELLO, HELLO.wheelName(), wheel)).statusCode()).isEqualTo(200);
        assertThat(revision()).isEqualTo(revision);

        byte[] other = PythonDists.wheel(PythonDists.Project.of("Hello_World", "1.0.0", "hello_world", "changed"));
        HttpResponse<byte[]> conflict = upload("team", twineForm(HELLO, HELLO.wheelName(), other));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(text(conflict)).contains("already has a file " + HELLO.wheelName());
        assertThat(get("team", "simple/hello-world/1.0.0/" + HELLO.wheelName()).body()).isEqualTo(wheel);
    }

    @Test
    void anotherFileOfAPublishedVersionIsANewRevision() throws Exception {
        byte[] wheel = PythonDists.wheel(HELLO);
        expectOk(upload("team", twineForm(HELLO, HELLO.wheelName(), wheel)));
        String first = revision();
        expectOk(upload("team", twineForm(HELLO, HELLO.sdistName(), PythonDists.sdist(HELLO))));
        assertThat(revision()).isNotEqualTo(first);

        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").versions("1.0.0").targetStatus(PackageVersionStatus.ARCHIVED));
        List<Field> zip = twineForm(HELLO, "hello_world-1.0.0.zip", "zip bytes".getBytes());
        assertThat(upload("team", zip).statusCode()).isEqualTo(409);
    }

    @Test
    void uploadsThatDoNotAddUpAreRefusedAndStoreNothing() throws Exception {
        byte[] wheel = PythonDists.wheel(HELLO);
        List<Field> badDigest = replace(twineForm(HELLO, HELLO.wheelName(), wheel), "sha256_digest", "0".repeat(64));
        assertThat(upload("team", badDigest).statusCode()).isEqualTo(400);
        List<Field> badMd5 = replace(twineForm(HELLO, HELLO.wheelName(), wheel), "md5_digest", "0".repeat(32));
        assertThat(upload("team", badMd5).statusCode()).isEqualTo(400);
        assertThat(upload("team", twineForm(HELLO, "other_project-1.0.0-py3-none-any.whl", wheel)).statusCode())
                .isEqualTo(400);
        assertThat(upload("team", twineForm(HELLO, "hello_world-2.0.0-py3-none-any.whl", wheel)).statusCode())
                .isEqualTo(400);
        assertThat(upload("team", twineForm(HELLO, "hello_world-1.0.0.exe", wheel)).statusCode()).isEqualTo(400);
        assertThat(upload("team", replace(twineForm(HELLO, HELLO.wheelName(), wheel), "filetype", "sdist"))
                .statusCode()).isEqualTo(400);
        assertThat(upload("team", replace(twineForm(HELLO, HELLO.wheelName(), wheel), ":action", "submit"))
                .statusCode()).isEqualTo(400);
        List<Field> noFile = new ArrayList<>(twineForm(HELLO, HELLO.wheelName(), wheel));
        noFile.removeLast();
        assertThat(text(upload("team", noFile))).contains("no file");
        List<Field> fileFirst = new ArrayList<>(twineForm(HELLO, HELLO.wheelName(), wheel));
        fileFirst.addFirst(fileFirst.removeLast());
        assertThat(upload("team", fileFirst).statusCode()).isEqualTo(400);
        List<Field> signed = new ArrayList<>(twineForm(HELLO, HELLO.wheelName(), wheel));
        signed.add(signed.size() - 1, new Field("gpg_signature", HELLO.wheelName() + ".asc", new byte[]{1}));
        assertThat(upload("team", signed).statusCode()).isEqualTo(400);
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint("team")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")), "Content-Type", "application/json")
                .statusCode()).isEqualTo(400);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("team")).packages()).isEmpty();
    }

    @Test
    void onlyPublishedVersionsAreListedAndUnlistedOnesStillDownload() throws Exception {
        byte[] wheel = publish("team", HELLO);
        publish("team", PythonDists.Project.of("Hello_World", "2.0.0", "hello_world", "hello again"));
        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").versions("1.0.0").targetStatus(PackageVersionStatus.UNLISTED));
        String page = text(get("team", "simple/hello-world/"));
        assertThat(page).contains("hello_world-2.0.0-py3-none-any.whl").doesNotContain(HELLO.wheelName());
        assertThat(get("team", "simple/hello-world/1.0.0/" + HELLO.wheelName()).body()).isEqualTo(wheel);

        codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").versions("1.0.0").targetStatus(PackageVersionStatus.ARCHIVED));
        assertThat(get("team", "simple/hello-world/1.0.0/" + HELLO.wheelName()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPackageWhoseOriginBlocksPublishingRefusesUploads() throws Exception {
        codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").restrictions(o -> o.publish("BLOCK").upstream("ALLOW")));
        HttpResponse<byte[]> refused = upload("team", twineForm(HELLO, HELLO.wheelName(), PythonDists.wheel(HELLO)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(text(refused)).contains("publish=BLOCK");
    }

    private String revision() {
        return codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("hello-world").packageVersion("1.0.0")).packageVersion().revision();
    }

    private static List<Field> replace(List<Field> fields, String name, String value) {
        return fields.stream().map(f -> f.name().equals(name) ? Field.of(name, value) : f).toList();
    }
}
