package dev.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.CredentialsFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServerTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthRouteAnswersWithServiceAndVersion() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        HttpResponse<String> response = get(server.endpoint().resolve("/_arca/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"service\":\"arca\"");
    }

    @Test
    void everyReplyCarriesARequestIdAndNoServerVersion() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        HttpResponse<String> health = get(server.endpoint().resolve("/_arca/health"));
        HttpResponse<String> missing = get(server.endpoint().resolve("/no/such/route"));

        assertThat(health.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(missing.headers().firstValue("x-amzn-RequestId")).isPresent()
                .isNotEqualTo(health.headers().firstValue("x-amzn-RequestId"));
        assertThat(health.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void unknownRouteIsAnAwsShapedNotFound() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        HttpResponse<String> response = get(server.endpoint().resolve("/no/such/route"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        assertThat(response.body()).startsWith("{\"message\":");
    }

    @Test
    void healthRefusesWritesWithAnAwsShapedError() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_arca/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
    }

    @Test
    void bindsLoopbackOnAFreePortWhenAskedForPortZero() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        assertThat(server.port()).isPositive();
        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void firstStartGeneratesOwnerOnlyCredentialsAndTheNextStartReusesThem() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));
        RootCredentials first = server.credentials();
        server.close();

        server = LocalServer.start(ServerConfig.embedded(dataDir));

        assertThat(server.credentials()).isEqualTo(first);
        Path file = dataDir.resolve(CredentialsFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains(first.accessKeyId()).contains(first.secretAccessKey());
    }

    @Test
    void givenCredentialsAreUsedAndNeverWrittenToDisk() throws Exception {
        RootCredentials fixed = new RootCredentials("AKIAFIXEDFIXEDFIXED1", "fixed-secret-fixed-secret-fixed-secret-0");

        server = LocalServer.start(ServerConfig.embedded(dataDir).withCredentials(fixed));

        assertThat(server.credentials()).isEqualTo(fixed);
        assertThat(dataDir.resolve(CredentialsFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        assertThatThrownBy(() -> LocalServer.start(ServerConfig.embedded(dataDir)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("is in use by another Arca server");
    }

    @Test
    void aBusyPortIsReportedInOneSentence() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.embedded(dataDir).withPort(busy.getLocalPort());

            assertThatThrownBy(() -> LocalServer.start(config))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessage("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use");
        }
        // The failed start released the data directory.
        server = LocalServer.start(ServerConfig.embedded(dataDir));
    }

    @Test
    void aDataDirectoryUnderARegularFileIsReportedInOneSentence() throws IOException {
        Path file = Files.createFile(dataDir.resolve("plain-file"));

        assertThatThrownBy(() -> LocalServer.start(ServerConfig.embedded(file.resolve("data"))))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("cannot use data directory " + file.resolve("data"));
    }

    @Test
    void aDamagedCredentialsFileIsReportedAndLeftAlone() throws Exception {
        Path file = dataDir.resolve(CredentialsFile.FILE_NAME);
        Files.writeString(file, "[default]\naws_access_key_id = lowercase-is-wrong\n");

        assertThatThrownBy(() -> LocalServer.start(ServerConfig.embedded(dataDir)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("cannot use credentials file");
        assertThat(Files.readString(file)).contains("lowercase-is-wrong");
    }

    @Test
    void closeStopsListening() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));
        URI health = server.endpoint().resolve("/_arca/health");
        server.close();

        assertThatThrownBy(() -> get(health)).isInstanceOf(IOException.class);
        server = null;
    }

    @Test
    void rotatingTheTokenSecretRevokesIssuedTokens() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));
        var tokens = server.tokens();
        var domain = new dev.arca.server.model.Records.DomainRow(1, "123456789012", "d1", "arn", java.time.Instant.now());
        String token = tokens.issue(dev.arca.server.service.Caller.root("123456789012"), domain,
                java.util.Optional.empty()).token();
        assertThat(tokens.verify(token)).isPresent();

        server.rotateTokenSecret();
        server.close();
        server = LocalServer.start(ServerConfig.embedded(dataDir));

        assertThat(server.tokens().verify(token)).isEmpty();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
