package dev.arca.server.formats.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.StandInMavenRepository;
import dev.arca.server.RawHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a Maven path or upload may be, and who may use the endpoint: challenges Maven answers with credentials,
 * traversal and injection attempts on read and publish routes (400 or 404, nothing written, nothing served from
 * outside the blob store), uploads bounded while they stream, and downloads that are never rendered.
 */
class MavenEndpointSecurityTest extends MavenApiFixture {

    static final String PREFIX = "/acme-123456789012/maven/team/";

    /** Assets limited to {@link #MAX_ASSET} bytes, and repository {@link #REPO} created before each test. */
    MavenEndpointSecurityTest() {
        super(true);
    }

    @Test
    void requestsWithoutATokenAreChallengedSoMavenSendsItsCredentials() throws Exception {
        URI jar = URI.create(endpoint(REPO) + "org/example/lib/1.0/lib-1.0.jar");
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(jar).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"acme-123456789012\"");
        HttpResponse<String> publish = http.send(HttpRequest.newBuilder(jar)
                .PUT(HttpRequest.BodyPublishers.ofString("jar")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(publish.statusCode()).isEqualTo(401);
        assertThat(publish.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(packages(REPO)).isEmpty();
    }

    @Test
    void traversalAndInjectionOnReadAndPublishRoutesAreRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(dataDir.resolve("secret.txt"), "do not serve");
        List<String> hostile = List.of("../../secret.txt", "org/../../secret.txt", "%2e%2e/%2e%2e/secret.txt",
                "org/%252e%252e/lib/1.0/lib-1.0.jar", "org%2fexample/lib/1.0/lib-1.0.jar",
                "org/example/lib/1.0/..%2f..%2fsecret.txt", "org/example/lib/1.0/lib-1.0.jar%00.txt",
                "org%5cexample/lib/1.0/lib-1.0.jar", "org/example/lib/1.0/lib-1.0.jar;x=1",
                "org/example/lib/1.0/lib-1.0.jar%3bx", "org/example/lib/1.0/lib-1.0.jar%0d%0aSet-Cookie:x=1",
                "org/exa%c3%a9/lib/1.0/lib-1.0.jar", "org//lib/1.0/lib-1.0.jar", "org/example/lib/./lib-1.0.jar",
                "org/example/lib/1.0/..", "org/example/lib/%2e%2e/maven-metadata.xml", "org/ex:ample/lib/1.0/x.jar",
                "org/example/lib/1.0/lib-1.0.jar%2f..%2f..%2fsecret.txt", "org/example/lib/1.0/lib-1.0.%2e%2e",
                "org/example/..lib/1.0/..lib-1.0.jar", "org/example/lib/1.0/lib-1.0.jar%7f", "%",
                "org/example/lib/1.0/lib-1.0.%zz", "org/example/lib/$%7bjndi:x%7d/maven-metadata.xml",
                "org/example/lib/1.0%2f..%2f1.0/lib-1.0.jar", "x".repeat(3000));
        String body = "<project/>";
        for (String path : hostile) {
            assertThat(raw("GET", PREFIX + path, "")).as("GET %s", path).isIn(400, 404, 414);
            assertThat(raw("HEAD", PREFIX + path, "")).as("HEAD %s", path).isIn(400, 404, 414);
            assertThat(raw("PUT", PREFIX + path, body)).as("PUT %s", path).isIn(400, 404, 405, 414);
        }
        assertThat(raw("GET", "/acme-123456789012/maven/../maven/team/org/example/lib/maven-metadata.xml", ""))
                .isEqualTo(400);
        assertThat(raw("PUT", PREFIX + "org\\example/lib/1.0/lib-1.0.jar", body)).isEqualTo(400);

        assertThat(packages(REPO)).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void uploadsAreBoundedWhileTheyStreamAndATooLargeOneLeavesNothingBehind() throws Exception {
        byte[] big = new byte[(int) MAX_ASSET + 1];
        new Random(7).nextBytes(big);
        HttpResponse<byte[]> tooLarge = put(REPO, "org/example/lib/1.0/lib-1.0.jar", big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(text(tooLarge)).contains(String.valueOf(MAX_ASSET));
        byte[] bigPom = StandInMavenRepository.pom(GROUP, "lib", "1.0", "jar",
                "<description>" + "x".repeat((int) MAX_ASSET) + "</description>");
        assertThat(put(REPO, "org/example/lib/1.0/lib-1.0.pom", bigPom).statusCode()).isEqualTo(413);
        assertThat(raw("PUT", PREFIX + "org/example/lib/1.0/lib-1.0.jar", "x", 1L << 40)).isEqualTo(413);
        assertThat(put(REPO, "org/example/lib/maven-metadata.xml", "<metadata>" + " ".repeat(5 << 20)
                + "</metadata>").statusCode()).isEqualTo(413);
        assertThat(put(REPO, "org/example/lib/1.0/lib-1.0.jar.sha1", "0".repeat(2048)).statusCode())
                .isEqualTo(413);
        assertThat(packages(REPO)).isEmpty();
        assertThat(blobFiles()).isEmpty();

        assertThat(put(REPO, "org/example/lib/1.0/lib-1.0.jar", new byte[(int) MAX_ASSET]).statusCode())
                .isEqualTo(201);
        assertThat(blobFiles()).hasSize(1);
    }

    @Test
    void aClientStillSendingARefusedUploadHearsTheRefusalAndKeepsItsConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + PREFIX + "org/example/lib/1.0/lib-1.0.jar HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + authorization() + "\r\nContent-Length: " + (MAX_ASSET + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the server refuses the declared size before the body arrives
            out.write(new byte[(int) MAX_ASSET + 1]);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = RawHttp.head(in);
            assertThat(head).startsWith("HTTP/1.1 413");
            in.readNBytes(RawHttp.contentLength(head));

            out.write("GET /_arca/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.head(in)).as("the refused body was read, not left to reset the connection")
                    .startsWith("HTTP/1.1 200");
        }
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void filesAndMetadataAreServedAsAttachmentsAndNeverRendered() throws Exception {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(REPO, "org/example/page/1.0/page-1.0.html", html);
        upload(REPO, "org/example/page/maven-metadata.xml", metadata("page", "1.0"));
        for (String path : List.of("org/example/page/1.0/page-1.0.html", "org/example/page/1.0/page-1.0.html.sha1",
                "org/example/page/maven-metadata.xml", "org/example/page/2.0/page-2.0.html")) {
            HttpResponse<byte[]> response = get(REPO, path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'; sandbox");
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).doesNotContain("html");
        }
        HttpResponse<byte[]> page = get(REPO, "org/example/page/1.0/page-1.0.html");
        assertThat(page.body()).isEqualTo(html);
        assertThat(page.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(get(REPO, "org/example/page/maven-metadata.xml").headers().firstValue("Content-Disposition")
                .orElseThrow()).startsWith("attachment;");
        assertThat(get(REPO, "org/example/page/2.0/page-2.0.html").statusCode()).isEqualTo(404);
    }
}
