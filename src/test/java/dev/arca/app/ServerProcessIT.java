package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/arca.jar server} as a real process: the contract other tools rely on. */
class ServerProcessIT {

    private static final Path JAR = Path.of(System.getProperty("arca.jar", "target/arca.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dataDir;

    @Test
    void printsExactlyOneListeningLineServesAndStopsCleanlyOnSigterm() throws Exception {
        Process server = start(List.of("server", "--port", "0", "--data", dataDir.toString()));
        BufferedReader stdout = reader(server);
        String line = stdout.readLine();

        assertThat(line).matches("Arca local server listening on http://127\\.0\\.0\\.1:[0-9]+");
        URI endpoint = URI.create(line.substring(line.indexOf("http")));
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/_arca/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        server.destroy(); // SIGTERM
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        assertThat(stdout.readLine()).as("nothing after the listening line").isNull();
        assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Arca local server stopped").doesNotContain("Exception");
    }

    @Test
    void aSecondStartReusesTheStoredCredentials() throws Exception {
        String first = runAndStop();
        String stored = Files.readString(dataDir.resolve("credentials"));

        String second = runAndStop();

        assertThat(first).isEqualTo(second);
        assertThat(Files.readString(dataDir.resolve("credentials"))).isEqualTo(stored);
    }

    @Test
    void environmentCredentialsWinAndAreNotStored() throws Exception {
        ProcessBuilder builder = builder(List.of("server", "--port", "0", "--data", dataDir.toString()));
        builder.environment().put("ARCA_ACCESS_KEY_ID", "AKIAENVENVENVENVENV1");
        builder.environment().put("ARCA_SECRET_ACCESS_KEY", "an-environment-secret-long-enough");
        Process server = builder.start();
        assertThat(reader(server).readLine()).startsWith("Arca local server listening on ");
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);

        assertThat(dataDir.resolve("credentials")).doesNotExist();
    }

    @Test
    void aBusyPortIsOneLineOnStderrAndExitTwo() throws Exception {
        Process first = start(List.of("server", "--port", "0", "--data", dataDir.resolve("a").toString()));
        String line = reader(first).readLine();
        String port = line.substring(line.lastIndexOf(':') + 1);
        try {
            Process second = start(List.of("server", "--port", port, "--data", dataDir.resolve("b").toString()));
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isEqualTo(2);
            List<String> err = lines(second.getErrorStream().readAllBytes());
            assertThat(err).containsExactly("arca server: port " + port + " on 127.0.0.1 is already in use");
            assertThat(second.getInputStream().readAllBytes()).isEmpty();
        } finally {
            first.destroy();
            first.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private String runAndStop() throws Exception {
        Process server = start(List.of("server", "--port", "0", "--data", dataDir.toString()));
        assertThat(reader(server).readLine()).startsWith("Arca local server listening on ");
        server.destroy();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return Files.readString(dataDir.resolve("credentials"));
    }

    private static Process start(List<String> args) throws IOException {
        return builder(args).start();
    }

    private static ProcessBuilder builder(List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("ARCA_ACCESS_KEY_ID");
        builder.environment().remove("ARCA_SECRET_ACCESS_KEY");
        return builder;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
