package dev.arca.server.store.s3;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: {@code moto_server} on a free 127.0.0.1 port, started once per test JVM and
 * stopped when the JVM exits. When it cannot be started the calling test fails, saying why: the S3 tests never skip.
 */
public final class MotoServer {

    public static final String ACCESS_KEY_ID = "AKIAMOTOTESTKEY00001";
    public static final String SECRET_ACCESS_KEY = "moto-test-secret";
    public static final String REGION = "us-east-1";
    private static final String EXECUTABLE = "moto_server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The JVM's moto server, started on first use. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "moto-server-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server with its test credentials, addressing buckets by path. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /**
     * The standard AWS settings that point an SDK client in another process at this server, and at nothing else: no
     * shared config or credentials files, no instance metadata.
     */
    public Map<String, String> awsEnvironment() {
        return Map.of(
                "AWS_ENDPOINT_URL_S3", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "AWS_REGION", REGION,
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", "/nonexistent/aws-config",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
    }

    private static MotoServer start() {
        Path executable = onPath(EXECUTABLE).orElseThrow(() -> new AssertionError(EXECUTABLE + " is not on PATH: the"
                + " S3 tests need this real S3-compatible server (.ci/run installs it: pip install 'moto[server]')"));
        try {
            int port = freePort();
            Path log = Files.createTempFile("moto-server", ".log");
            log.toFile().deleteOnExit();
            // The shell lives as long as moto; a watcher stops moto when the shell's standard input closes: when
            // stop() closes it, or when this JVM dies.
            String script = "exec 3<&0; \"$0\" -H 127.0.0.1 -p \"$1\" & m=$!; (read _ <&3; kill $m 2>/dev/null) &"
                    + " wait $m";
            Process process = new ProcessBuilder("sh", "-c", script, executable.toString(), Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new AssertionError("cannot start " + EXECUTABLE + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                stop();
                throw new AssertionError(EXECUTABLE + " exited at start: " + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while " + EXECUTABLE + " started", e);
            }
        }
        stop();
        throw new AssertionError(EXECUTABLE + " did not answer on " + endpoint + " within " + START_TIMEOUT.toSeconds()
                + " s: " + Files.readString(log));
    }

    private void stop() {
        try {
            process.getOutputStream().close();
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
