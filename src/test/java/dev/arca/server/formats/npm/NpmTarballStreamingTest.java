package dev.arca.server.formats.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.RawHttp;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large tarballs as they stream out, whole batches of decrypted chunks at a time: byte-exact, cut short of their
 * Content-Length (never completed with unchecked bytes) when the blob was altered on disk, and clients that leave
 * mid-download disturb no one after them.
 */
class NpmTarballStreamingTest extends NpmApiFixture {

    private static final String NAME = "big";
    private static final String FILE = "big/-/big-1.0.0.tgz";

    private byte[] tarball;

    @BeforeEach
    void publishBigTarball() throws Exception {
        createDomain();
        createRepository(REPO);
        tarball = new byte[(1 << 20) + 12_345];
        new Random(15).nextBytes(tarball);
        HttpResponse<byte[]> published = put(REPO, NAME, publishDocument(NAME, "1.0.0", tarball, Map.of()));
        assertThat(published.statusCode()).as(text(published)).isEqualTo(201);
    }

    @Test
    void aLargeTarballIsServedByteExactWithItsLength() throws Exception {
        HttpResponse<byte[]> download = get(REPO, FILE);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(tarball.length);
        assertThat(download.body()).isEqualTo(tarball);
    }

    @Test
    void aTarballAlteredOnDiskNearItsEndIsCutShortOfItsLength() throws Exception {
        Path blob = blobFiles().stream().filter(f -> !f.toString().contains("staging")).findFirst().orElseThrow();
        byte[] sealed = Files.readAllBytes(blob);
        sealed[sealed.length - 1000] ^= 1;
        Files.write(blob, sealed);

        try (Socket socket = request()) {
            InputStream in = socket.getInputStream();
            String head = RawHttp.head(in);
            byte[] body = in.readAllBytes();

            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(RawHttp.contentLength(head)).isEqualTo(tarball.length);
            assertThat(body.length).isLessThan(tarball.length);
            assertThat(body).isEqualTo(java.util.Arrays.copyOf(tarball, body.length));
        }
    }

    @Test
    void clientsLeavingMidDownloadDoNotDisturbTheNextOnes() throws Exception {
        for (int i = 0; i < 24; i++) { // more readers abandoned than the server keeps buffers for
            try (Socket socket = request()) {
                InputStream in = socket.getInputStream();
                assertThat(RawHttp.head(in)).startsWith("HTTP/1.1 200");
                assertThat(in.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(tarball, 1000));
            }
        }

        for (int i = 0; i < 3; i++) {
            assertThat(get(REPO, FILE).body()).isEqualTo(tarball);
        }
    }

    /** A raw GET of the tarball, so the test sees exactly what arrives and can leave whenever it likes. */
    private Socket request() throws Exception {
        URI uri = URI.create(endpoint(REPO) + FILE);
        Socket socket = new Socket("127.0.0.1", uri.getPort());
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + authorization() + "\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        return socket;
    }
}
