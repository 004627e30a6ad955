package dev.arca.server.formats.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.server.PythonDists;
import dev.arca.server.ServerConfig;
import dev.arca.server.StandInPypiIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionOriginType;

/**
 * PyPI through upstream repositories and an external connection to a stand-in index (JSON and HTML pages): pages
 * merge what is stored with what the index lists, a download ingests the whole version where the connection is
 * and retains it where it was asked for, metadata comes from the index's core metadata files, a version the index
 * has cannot be published over, and what was stored keeps serving while the index is down.
 */
class PypiUpstreamTest extends PypiApiFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PythonDists.Project TINY = PythonDists.Project.of("TinyUtil", "1.2.0", "tinyutil", "tiny")
            .withRequiresDist("colorama>=0.4");

    private StandInPypiIndex index;

    @Override
    protected ServerConfig config() {
        try {
            index = StandInPypiIndex.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index.add(TINY);
        return super.config().withExternals(Map.of("public:pypi", index.url()));
    }

    @BeforeEach
    void repositories() {
        createDomain();
        createRepository("pypi-store");
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("pypi-store")
                .externalConnection("public:pypi"));
        createRepository("middle", "pypi-store");
        createRepository("team", "middle");
    }

    @AfterEach
    void stopIndex() {
        index.close();
    }

    @Test
    void aPublicVersionIsListedThenIngestedWhereTheConnectionIsAndRetainedWhereAsked() throws Exception {
        String base = endpoint("team") + "simple/tinyutil/1.2.0/";
        JsonNode page = JSON.readTree(get("team", "simple/tinyutil/", "Accept", SimpleIndex.JSON_V1).body());
        assertThat(page.path("files").findValuesAsText("url"))
                .containsExactly(base + TINY.wheelName(), base + TINY.sdistName());
        assertThat(page.path("files").get(0).path("hashes").path("sha256").asText())
                .isEqualTo(hex("SHA-256", PythonDists.wheel(TINY)));
        assertThat(page.path("files").get(0).path("requires-python").asText()).isEqualTo(">=3.8");
        assertThat(packages("team")).isEmpty();

        HttpResponse<byte[]> wheel = get("team", "simple/tinyutil/1.2.0/" + TINY.wheelName());
        assertThat(wheel.statusCode()).isEqualTo(200);
        assertThat(wheel.body()).isEqualTo(PythonDists.wheel(TINY));
        assertThat(get("team", "simple/tinyutil/1.2.0/" + TINY.sdistName()).body())
                .isEqualTo(PythonDists.sdist(TINY));
        assertThat(index.fileRequests(TINY.wheelName())).isEqualTo(1);
        assertThat(index.fileRequests(TINY.sdistName())).isEqualTo(1);

        assertThat(packages("team")).containsExactly("tinyutil");
        assertThat(packages("middle")).isEmpty();
        assertThat(packages("pypi-store")).containsExactly("tinyutil");
        PackageVersionDescription stored = codeartifact.describePackageVersion(r -> r.domain(DOMAIN)
                .repository("pypi-store").format("pypi").packageValue("tinyutil").packageVersion("1.2.0"))
                .packageVersion();
        assertThat(stored.origin().originType()).isEqualTo(PackageVersionOriginType.EXTERNAL);
        assertThat(stored.displayName()).isEqualTo("TinyUtil");
        assertThat(stored.summary()).isEqualTo("Says tiny");
        assertThat(codeartifact.getPackageVersionReadme(r -> r.domain(DOMAIN).repository("team").format("pypi")
                .packageValue("tinyutil").packageVersion("1.2.0")).readme()).isEqualTo(TINY.readme());
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository("team")
                .format("pypi").packageValue("tinyutil").packageVersion("1.2.0")).dependencies())
                .singleElement().satisfies(d -> assertThat(d.packageValue()).isEqualTo("colorama"));
    }

    @Test
    void anIndexServingOnlyHtmlWorksTheSame() throws Exception {
        index.htmlOnly();
        String page = text(get("team", "simple/tinyutil/"));
        assertThat(page).contains("<a href=\"" + endpoint("team") + "simple/tinyutil/1.2.0/" + TINY.wheelName()
                + "#sha256=" + hex("SHA-256", PythonDists.wheel(TINY)) + "\" data-requires-python=\"&gt;=3.8\">");
        assertThat(get("team", "simple/tinyutil/1.2.0/" + TINY.wheelName()).body())
                .isEqualTo(PythonDists.wheel(TINY));
        assertThat(codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository("pypi-store")
                .format("pypi").packageValue("tinyutil").packageVersion("1.2.0")).packageVersion().summary())
                .isEqualTo("Says tiny");
    }

    @Test
    void aVersionTheIndexHasCannotBePublishedButAnotherCan() throws Exception {
        HttpResponse<byte[]> shadowed = upload("team", twineForm(TINY, TINY.wheelName(), PythonDists.wheel(TINY)));
        assertThat(shadowed.statusCode()).isEqualTo(409);
        assertThat(text(shadowed)).contains("external connection public:pypi");

        PythonDists.Project next = PythonDists.Project.of("TinyUtil", "1.3.0", "tinyutil", "tiny, patched");
        publish("team", next);
        // Published first here, the package is publish=ALLOW, upstream=BLOCK: the index's versions are not served.
        String page = text(get("team", "simple/tinyutil/"));
        assertThat(page).contains(next.wheelName()).doesNotContain(TINY.wheelName());
    }

    @Test
    void storedVersionsKeepServingWhileTheIndexIsDownAndCorruptFilesAreRefused() throws Exception {
        assertThat(get("team", "simple/tinyutil/1.2.0/" + TINY.wheelName()).statusCode()).isEqualTo(200);
        index.close();
        restart();
        token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
        assertThat(text(get("team", "simple/tinyutil/"))).contains(TINY.wheelName()).contains(TINY.sdistName());
        assertThat(get("team", "simple/tinyutil/1.2.0/" + TINY.wheelName()).body())
                .isEqualTo(PythonDists.wheel(TINY));
        HttpResponse<byte[]> missing = get("team", "simple/other/1.0/other-1.0-py3-none-any.whl");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void filesThatDoNotMatchTheIndexHashesAreNotStored() throws Exception {
        index.corrupt(TINY.sdistName());
        HttpResponse<byte[]> refused = get("team", "simple/tinyutil/1.2.0/" + TINY.wheelName());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(text(refused)).contains("public:pypi failed");
        assertThat(packages("pypi-store")).isEmpty();
        assertThat(packages("team")).isEmpty();
    }

    @Test
    void aVersionInAnUpstreamRepositoryIsRetainedInTheRequestedOneOnly() throws Exception {
        PythonDists.Project internal = PythonDists.Project.of("internal-lib", "2.0.0", "internal_lib", "inside");
        byte[] wheel = publish("middle", internal);
        assertThat(text(get("team", "simple/internal-lib/"))).contains(endpoint("team")
                + "simple/internal-lib/2.0.0/" + internal.wheelName());
        assertThat(get("team", "simple/internal-lib/2.0.0/" + internal.wheelName()).body()).isEqualTo(wheel);
        assertThat(packages("team")).containsExactly("internal-lib");
        assertThat(packages("pypi-store")).isEmpty();
        assertThat(JSON.readTree(get("team", "simple/", "Accept", SimpleIndex.JSON_V1).body()).path("projects")
                .findValuesAsText("name")).containsExactly("internal-lib");
    }

    private List<String> packages(String repository) {
        return codeartifact.listPackages(r -> r.domain(DOMAIN).repository(repository)).packages().stream()
                .map(PackageSummary::packageValue).toList();
    }
}
