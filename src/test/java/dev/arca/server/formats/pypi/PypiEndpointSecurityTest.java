package dev.arca.server.formats.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.PythonDists;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a path or an upload may be on the PyPI routes: traversal and injection attempts on the index, downloads and
 * uploads (400, 404 or 405, nothing written, nothing served from outside the blob store), hostile names inside an
 * upload form, and uploads bounded while they stream.
 */
class PypiEndpointSecurityTest extends PypiApiFixture {

    private static final String PREFIX = "/acme-123456789012/pypi/team/";
    private static final String FORM = "multipart/form-data; boundary=" + BOUNDARY;
    private static final PythonDists.Project EVIL = PythonDists.Project.of("evil", "1.0", "evil", "boo");

    /** Assets limited to {@link #MAX_ASSET} bytes, and repository {@link #REPO} created before each test. */
    PypiEndpointSecurityTest() {
        super(true);
    }

    @Test
    void traversalAndInjectionOnIndexDownloadAndUploadRoutesAreRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(dataDir.resolve("secret.txt"), "do not serve");
        String wheel = EVIL.wheelName();
        List<String> hostile = List.of("../../secret.txt", "simple/../../secret.txt", "simple/%2e%2e/secret.txt",
                "simple/%252e%252e/", "simple/evil/1.0/..%2f..%2fsecret.txt", "simple/evil/1.0/%2e%2e",
                "simple/evil/..%2f/" + wheel, "simple/evil/1.0/" + wheel + "%00.txt", "simple/evil/1.0/" + wheel + "/",
                "simple/evil/1.0/..", "simple/a%5cb/", "simple/a;b/", "simple/a%3bb/", "simple/a%0d%0aSet-Cookie:x=1/",
                "simple/a%00b/", "simple/%c3%a9/", "simple//", "simple/evil/1.0%2f..%2f/" + wheel,
                "simple/evil/1.0/evil-1.0-py3-none-any.whl%2f..", "simple/evil/1.0/secret.txt",
                "simple/evil/1.0/x/y", "%", "simple/a%zz/", "x".repeat(3000), "simple/" + "x".repeat(300) + "/");
        byte[] form = multipart(twineForm(EVIL, wheel, PythonDists.wheel(EVIL)));
        for (String path : hostile) {
            assertThat(raw("GET", PREFIX + path, "text/html", new byte[0], 0)).as("GET %s", path)
                    .isIn(400, 404, 414);
            assertThat(raw("POST", PREFIX + path, FORM, form, form.length)).as("POST %s", path)
                    .isIn(400, 404, 405, 414);
        }
        assertThat(raw("GET", "/acme-123456789012/pypi/../pypi/team/simple/", "text/html", new byte[0], 0))
                .isEqualTo(400);
        assertThat(raw("GET", PREFIX + "simple/a\\b/", "text/html", new byte[0], 0)).isEqualTo(400);

        for (List<Field> fields : List.of(
                twineForm(EVIL, "../../" + wheel, PythonDists.wheel(EVIL)),
                twineForm(EVIL, "..\\" + wheel, PythonDists.wheel(EVIL)),
                twineForm(EVIL, wheel + "\r\nX-Evil: 1", PythonDists.wheel(EVIL)),
                replace(twineForm(EVIL, wheel, PythonDists.wheel(EVIL)), "name", "../evil"),
                replace(twineForm(EVIL, wheel, PythonDists.wheel(EVIL)), "name", "evil\u0000"),
                replace(twineForm(EVIL, wheel, PythonDists.wheel(EVIL)), "version", "1.0/../../x"),
                replace(twineForm(EVIL, wheel, PythonDists.wheel(EVIL)), "version", "1.0\r\nX: y"))) {
            assertThat(upload("team", fields).statusCode()).as("%s", fields).isEqualTo(400);
        }
        byte[] broken = "--wrong\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(raw("POST", PREFIX, FORM, broken, broken.length)).isEqualTo(400);
        assertThat(raw("POST", PREFIX, "multipart/form-data", form, form.length)).isEqualTo(400);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("team")).packages()).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void uploadsAreBoundedWhileTheyStreamAndATooLargeOneLeavesNothingBehind() throws Exception {
        byte[] big = new byte[(int) MAX_ASSET + 1];
        new Random(7).nextBytes(big);
        HttpResponse<byte[]> tooLarge = upload("team", twineForm(EVIL, EVIL.wheelName(), big));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(text(tooLarge)).contains(String.valueOf(MAX_ASSET));

        List<Field> hugeDescription = new ArrayList<>(twineForm(EVIL, EVIL.wheelName(), new byte[10]));
        hugeDescription.addFirst(Field.of("description", "x".repeat(17 << 20)));
        assertThat(upload("team", hugeDescription).statusCode()).isEqualTo(413);
        assertThat(raw("POST", PREFIX, FORM, new byte[0], 1L << 40)).isEqualTo(413);

        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("team")).packages()).isEmpty();
        assertThat(blobFiles()).isEmpty();
        byte[] fits = new byte[(int) MAX_ASSET];
        expectOk(upload("team", twineForm(EVIL, EVIL.wheelName(), fits)));
        assertThat(blobFiles()).hasSize(1);
    }

    @Test
    void indexPagesAreSandboxedAndEscapedAndFilesAreAttachments() throws Exception {
        PythonDists.Project tricky = new PythonDists.Project("evil", "1.0", "evil", "boo", "s", List.of(),
                "<script>alert(1)</script>", "r");
        expectOk(upload("team", twineForm(tricky, EVIL.wheelName(), PythonDists.wheel(EVIL))));
        HttpResponse<byte[]> page = get("team", "simple/evil/");
        assertThat(text(page)).doesNotContain("<script>").contains("&lt;script&gt;");
        for (String path : List.of("simple/", "simple/evil/", "simple/evil/1.0/" + EVIL.wheelName(), "missing")) {
            HttpResponse<byte[]> response = get("team", path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'; sandbox");
        }
        assertThat(get("team", "simple/evil/1.0/" + EVIL.wheelName()).headers().firstValue("Content-Disposition")
                .orElseThrow()).startsWith("attachment;");
    }

    private static List<Field> replace(List<Field> fields, String name, String value) {
        return fields.stream().map(f -> f.name().equals(name) ? Field.of(name, value) : f).toList();
    }
}
