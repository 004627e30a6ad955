package dev.arca.server.formats.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.NpmTarballs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Who may use a repository endpoint, and what a path or an upload may be: tokens and challenges, traversal and
 * injection attempts on read and publish routes (400 or 404, nothing written), and uploads bounded while they
 * stream.
 */
class PackageEndpointSecurityTest extends NpmApiFixture {

    static final String PREFIX = "/acme-123456789012/npm/team/";

    /** Assets limited to {@link #MAX_ASSET} bytes, and repository {@link #REPO} created before each test. */
    PackageEndpointSecurityTest() {
        super(true);
    }

    @Test
    void requestsWithoutAValidTokenAreChallengedAndTokensWorkOnlyInTheirDomain() throws Exception {
        URI ping = URI.create(endpoint(REPO) + "-/ping");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(ping).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"acme-123456789012\"");
        assertThat(anonymous.body()).contains("authorization token");

        assertThat(status(ping, "Bearer not-a-token")).isEqualTo(401);
        assertThat(status(ping, "Basic " + basic("aws:" + token.substring(1)))).isEqualTo(401);
        assertThat(status(ping, "Digest " + token)).isEqualTo(401);
        assertThat(status(ping, "Bearer " + token)).isEqualTo(200);
        assertThat(status(ping, "Basic " + basic("aws:" + token))).isEqualTo(200);
        assertThat(status(ping, "basic " + basic("anyone:" + token))).isEqualTo(200);

        assertThat(status(URI.create(endpoint(REPO).replace("/team/", "/missing/") + "-/ping"), "Bearer " + token))
                .isEqualTo(404);
        codeartifact.createDomain(r -> r.domain("other"));
        String otherToken = codeartifact.getAuthorizationToken(r -> r.domain("other")).authorizationToken();
        HttpResponse<String> wrongDomain = http.send(HttpRequest.newBuilder(ping)
                .header("Authorization", "Bearer " + otherToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongDomain.statusCode()).isEqualTo(403);
        assertThat(wrongDomain.body()).contains("issued for domain other");

        server.rotateTokenSecret();
        assertThat(status(ping, "Bearer " + token)).isEqualTo(401);
    }

    @Test
    void traversalAndInjectionOnReadAndPublishRoutesAreRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(dataDir.resolve("secret.txt"), "do not serve");
        List<String> hostile = List.of("../../secret.txt", "%2e%2e/%2e%2e/secret.txt", "%252e%252e/secret.txt",
                "..%2f..%2fsecret.txt", "foo%2fbar", "@acme%2f..", "@acme%2f%2e%2e", "a%5cb", "a;b", "a%3bb",
                "a%0d%0aSet-Cookie:x=1", "a%00b", "a%7f", "%c3%a9", "a//b", ".", "@acme/greeter/-/..%2fsecret.tgz",
                "@acme/greeter/-/greeter-1.0.0.tgz%00.txt", "@acme/greeter/-/..", "%", "a%zz",
                "-/package/..%2f/dist-tags/latest", "greeter/@acme%2fgreeter", "-/@acme%2fx",
                "-/package/greeter/dist-tags/@acme%2fbeta", "x".repeat(3000));
        byte[] tarball = NpmTarballs.pack("evil", "1.0.0", Map.of(), "1");
        String document = new String(publishDocument("evil", "1.0.0", tarball, Map.of()), StandardCharsets.UTF_8);
        for (String path : hostile) {
            assertThat(raw("GET", PREFIX + path, "")).as("GET %s", path).isIn(400, 404, 414);
            assertThat(raw("PUT", PREFIX + path, document)).as("PUT %s", path).isIn(400, 404, 405, 414);
            assertThat(raw("DELETE", PREFIX + path, "")).as("DELETE %s", path).isIn(400, 404, 405, 414);
        }
        assertThat(raw("GET", "/acme-123456789012/npm/../npm/team/-/ping", "")).isEqualTo(400);
        assertThat(raw("GET", "/acme-123456789012/npm/te%2fam/-/ping", "")).isEqualTo(400);
        assertThat(raw("GET", PREFIX + "a\\b", "")).isEqualTo(400);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository(REPO)).packages()).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void uploadsAreBoundedWhileTheyStreamAndATooLargeOneLeavesNothingBehind() throws Exception {
        byte[] big = new byte[(int) MAX_ASSET + 1];
        new Random(7).nextBytes(big);
        HttpResponse<byte[]> tooLarge = put(REPO, "big", publishDocument("big", "1.0.0", big, Map.of()));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).path("error").asText()).contains(String.valueOf(MAX_ASSET));

        String readme = "x".repeat(17 << 20);
        HttpResponse<byte[]> hugeMetadata = put(REPO, "big", publishDocument("big", "1.0.0", new byte[10],
                Map.of("readme", readme)));
        assertThat(hugeMetadata.statusCode()).isEqualTo(413);

        assertThat(raw("PUT", PREFIX + "big", "{}", 1L << 40)).isEqualTo(413);
        HttpResponse<byte[]> tagBody = put(REPO, "-/package/big/dist-tags/beta",
                ("\"" + "1".repeat(2000) + "\"").getBytes(StandardCharsets.UTF_8));
        assertThat(tagBody.statusCode()).isEqualTo(413);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository(REPO)).packages()).isEmpty();
        assertThat(blobFiles()).isEmpty();
        byte[] fits = new byte[(int) MAX_ASSET];
        assertThat(put(REPO, "big", publishDocument("big", "1.0.0", fits, Map.of())).statusCode()).isEqualTo(201);
        assertThat(blobFiles()).hasSize(1);
    }

    @Test
    void packageResponsesAreNeverRenderedByABrowser() throws Exception {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(put(REPO, "page", publishDocument("page", "1.0.0", html, Map.of())).statusCode()).isEqualTo(201);
        for (String path : List.of("page", "page/-/page-1.0.0.tgz", "missing", "-/ping")) {
            HttpResponse<byte[]> response = get(REPO, path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'; sandbox");
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).doesNotContain("html");
        }
        assertThat(get(REPO, "page/-/page-1.0.0.tgz").headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        HttpResponse<byte[]> refusedByJetty = get(REPO, "%2e%2e/%3Cscript%3E");
        assertThat(refusedByJetty.statusCode()).isEqualTo(400);
        assertThat(refusedByJetty.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(refusedByJetty.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(text(refusedByJetty)).doesNotContain("<");
    }

    private int status(URI uri, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
