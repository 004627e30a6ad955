package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/** {@code java -jar target/arca.jar server} as a real process: the contract other tools rely on. */
class ServerProcessIT {

    private static final Path JAR = Path.of(System.getProperty("arca.jar", "target/arca.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path temp;

    @Test
    void printsExactlyOneListeningLineServesAndStopsCleanlyOnSigterm() throws Exception {
        Server server = Server.start(temp, "run", Map.of(), "server", "--port", "0", "--data", temp.resolve("data").toString());
        String line = server.awaitListeningLine();

        assertThat(line).matches("Arca local server listening on http://127\\.0\\.0\\.1:[0-9]+");
        URI endpoint = URI.create(line.substring(line.indexOf("http")));
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/_arca/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        server.process.destroy(); // SIGTERM
        assertThat(server.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.process.exitValue()).isZero();
        assertThat(Files.readAllLines(server.stdout)).as("stdout holds the listening line only").containsExactly(line);
        assertThat(Files.readString(server.stderr)).contains("Arca local server stopped").doesNotContain("Exception");
    }

    @Test
    void aSecondStartReusesTheStoredCredentials() throws Exception {
        Path data = temp.resolve("data");
        String first = runAndStop(data, "first");
        String stored = Files.readString(data.resolve("credentials"));

        String second = runAndStop(data, "second");

        assertThat(first).isEqualTo(second);
        assertThat(Files.readString(data.resolve("credentials"))).isEqualTo(stored);
    }

    @Test
    void environmentCredentialsWinAndAreNotStored() throws Exception {
        Path data = temp.resolve("data");
        Server server = Server.start(temp, "env", Map.of(
                        "ARCA_ACCESS_KEY_ID", "AKIAENVENVENVENVENV1",
                        "ARCA_SECRET_ACCESS_KEY", "an-environment-secret-long-enough"),
                "server", "--port", "0", "--data", data.toString());
        server.awaitListeningLine();
        server.stop();

        assertThat(data.resolve("credentials")).doesNotExist();
    }

    @Test
    void aBusyPortIsOneLineOnStderrAndExitTwo() throws Exception {
        Server first = Server.start(temp, "first", Map.of(), "server", "--port", "0", "--data", temp.resolve("a").toString());
        String line = first.awaitListeningLine();
        String port = line.substring(line.lastIndexOf(':') + 1);
        try {
            Server second = Server.start(temp, "second", Map.of(),
                    "server", "--port", port, "--data", temp.resolve("b").toString());
            assertThat(second.process.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(second.process.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(second.stderr))
                    .containsExactly("arca server: port " + port + " on 127.0.0.1 is already in use");
            assertThat(second.stdout).isEmptyFile();
        } finally {
            first.stop();
        }
    }

    @Test
    void whatWasCommittedSurvivesKillNine() throws Exception {
        Path data = temp.resolve("data");
        Server first = Server.start(temp, "before-kill", Map.of(), "server", "--port", "0", "--data", data.toString());
        URI endpoint = URI.create(first.awaitListeningLine().replace(ServerCommand.LISTENING, ""));
        try (CodeartifactClient client = client(endpoint, data)) {
            client.createDomain(r -> r.domain("durable"));
            client.createRepository(r -> r.domain("durable").repository("kept").description("before the kill"));
        }
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        Server second = Server.start(temp, "after-kill", Map.of(), "server", "--port", "0", "--data", data.toString());
        endpoint = URI.create(second.awaitListeningLine().replace(ServerCommand.LISTENING, ""));
        try (CodeartifactClient client = client(endpoint, data)) {
            assertThat(client.describeRepository(r -> r.domain("durable").repository("kept")).repository().description())
                    .isEqualTo("before the kill");
        } finally {
            second.stop();
        }
    }

    @Test
    void aPublishCutShortByKillNineLeavesNothingAndCompletedBytesStayExact() throws Exception {
        Path data = temp.resolve("data");
        Server first = Server.start(temp, "publishing", Map.of(), "server", "--port", "0", "--data", data.toString());
        URI endpoint = URI.create(first.awaitListeningLine().replace(ServerCommand.LISTENING, ""));
        byte[] kept = new byte[3_000_000];
        new java.util.Random(3).nextBytes(kept);
        String keptSha = sha256(kept);
        try (CodeartifactClient client = client(endpoint, data)) {
            client.createDomain(r -> r.domain("crash"));
            client.createRepository(r -> r.domain("crash").repository("repo"));
            client.publishPackageVersion(r -> r.domain("crash").repository("repo").format("generic").namespace("ns")
                    .packageValue("kept").packageVersion("1.0").assetName("kept.bin").assetSHA256(keptSha),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(kept));
        }
        byte[] doomed = new byte[20_000_000];
        URI uri = URI.create(endpoint + "/v1/package/version/publish?domain=crash&repository=repo&format=generic"
                + "&namespace=ns&package=doomed&version=1.0&asset=doomed.bin");
        HttpRequest.Builder request = signedPost(uri, data, doomed).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.InputStream() {
                    private int sent;

                    @Override
                    public int read() {
                        return sent++ < doomed.length ? 0 : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (sent >= doomed.length) {
                            return -1;
                        }
                        try {
                            Thread.sleep(20); // a slow client: the kill lands mid-upload
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        int n = Math.min(len, Math.min(64 * 1024, doomed.length - sent));
                        sent += n;
                        return n;
                    }
                }));
        var upload = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1500);
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(upload).failsWithin(java.time.Duration.ofSeconds(20));

        Server second = Server.start(temp, "after-crash", Map.of(), "server", "--port", "0", "--data", data.toString());
        endpoint = URI.create(second.awaitListeningLine().replace(ServerCommand.LISTENING, ""));
        try (CodeartifactClient client = client(endpoint, data)) {
            assertThat(client.listPackages(r -> r.domain("crash").repository("repo")).packages())
                    .extracting(p -> p.packageValue()).containsExactly("kept");
            assertThat(client.getPackageVersionAssetAsBytes(r -> r.domain("crash").repository("repo").format("generic")
                    .namespace("ns").packageValue("kept").packageVersion("1.0").asset("kept.bin")).asByteArray())
                    .isEqualTo(kept);
        } finally {
            second.stop();
        }
        try (var files = Files.walk(data.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Signs like the SDK: the declared SHA-256 of the whole body, before any of it is sent. */
    private static HttpRequest.Builder signedPost(URI uri, Path data, byte[] body) throws IOException {
        String credentials = Files.readString(data.resolve("credentials"));
        String id = credentials.replaceAll("(?s).*aws_access_key_id = (\\S+).*", "$1");
        String secret = credentials.replaceAll("(?s).*aws_secret_access_key = (\\S+).*", "$1");
        return dev.arca.server.TestSigner.signed("POST", uri, id, secret,
                software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body));
    }

    private static CodeartifactClient client(URI endpoint, Path data) throws IOException {
        String credentials = Files.readString(data.resolve("credentials"));
        String id = credentials.replaceAll("(?s).*aws_access_key_id = (\\S+).*", "$1");
        String secret = credentials.replaceAll("(?s).*aws_secret_access_key = (\\S+).*", "$1");
        return CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private String runAndStop(Path data, String name) throws Exception {
        Server server = Server.start(temp, name, Map.of(), "server", "--port", "0", "--data", data.toString());
        server.awaitListeningLine();
        server.stop();
        return Files.readString(data.resolve("credentials"));
    }

    /** A server process whose output goes to files, so it can be read before and after the process exits. */
    private record Server(Process process, Path stdout, Path stderr) {

        static Server start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
            command.addAll(List.of(args));
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("ARCA_ACCESS_KEY_ID");
            builder.environment().remove("ARCA_SECRET_ACCESS_KEY");
            builder.environment().putAll(env);
            return new Server(builder.start(), out, err);
        }

        String awaitListeningLine() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String text = Files.readString(stdout);
                int end = text.indexOf('\n');
                if (end >= 0) {
                    return text.substring(0, end);
                }
                if (!process.isAlive()) {
                    throw new AssertionError("server exited with " + process.exitValue() + ": " + Files.readString(stderr));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no listening line within 30 s");
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
