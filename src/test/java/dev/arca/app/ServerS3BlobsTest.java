package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.store.s3.MotoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code arca server --blobs s3://…} as a real process whose own environment points the S3 client at a real
 * S3-compatible server (moto, through {@code AWS_ENDPOINT_URL_S3}), driven by the AWS SDK for CodeArtifact.
 */
class ServerS3BlobsTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String BUCKET = "arca-server-blobs";
    private static final String ACCESS_KEY_ID = "AKIAS3BLOBSERVERTEST";
    private static final String SECRET = "a-server-secret-for-the-s3-blob-test";

    private static MotoServer moto;
    private static S3Client s3;

    @TempDir
    Path temp;

    @BeforeAll
    static void createBucket() {
        moto = MotoServer.shared();
        s3 = moto.client();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Test
    void publishedBytesLiveInTheBucketSealedAndDownloadByteExact() throws Exception {
        String marker = "arca plaintext that must never reach the bucket as it is\n";
        // Above the 8 MiB part size once sealed: the server uploads it in two parts.
        byte[] content = marker.repeat(9 * (1 << 20) / marker.length()).getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path data = temp.resolve("data");
        Server server = Server.start(temp, "serving", moto.awsEnvironment(),
                "--data", data.toString(), "--blobs", "s3://" + BUCKET + "/team/blobs/");
        try (CodeartifactClient codeartifact = codeartifact(server.awaitEndpoint())) {
            codeartifact.createDomain(r -> r.domain("acme"));
            codeartifact.createRepository(r -> r.domain("acme").repository("files"));
            codeartifact.publishPackageVersion(r -> r.domain("acme").repository("files").format(PackageFormat.GENERIC)
                    .namespace("tools").packageValue("bundle").packageVersion("1.0.0").assetName("bundle.bin")
                    .assetSHA256(sha256), RequestBody.fromBytes(content));

            byte[] downloaded = codeartifact.getPackageVersionAssetAsBytes(r -> r.domain("acme").repository("files")
                    .format(PackageFormat.GENERIC).namespace("tools").packageValue("bundle").packageVersion("1.0.0")
                    .asset("bundle.bin")).asByteArray();

            assertThat(downloaded).isEqualTo(content);
        } finally {
            server.stop();
        }

        List<S3Object> objects = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("team/blobs/")).contents();
        assertThat(objects).singleElement().extracting(S3Object::key).asString()
                .matches("team/blobs/[0-9]+/" + sha256.substring(0, 2) + "/" + sha256);
        String key = objects.getFirst().key();
        byte[] stored = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("ARCB")
                .doesNotContain(marker.substring(0, 20));
        assertThat(s3.headObject(r -> r.bucket(BUCKET).key(key)).eTag()).endsWith("-2\"");
        try (var files = Files.walk(data.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("nothing but staging in DIR/blobs").isEmpty();
        }
    }

    @Test
    void aBucketThatDoesNotExistIsOneLineOnStderrAndExitTwo() throws Exception {
        Server server = Server.start(temp, "no-bucket", moto.awsEnvironment(),
                "--data", temp.resolve("data").toString(), "--blobs", "s3://no-such-bucket/blobs");

        assertThat(server.exitCode()).isEqualTo(2);
        assertThat(Files.readAllLines(server.stderr))
                .containsExactly("arca server: cannot keep blobs in s3://no-such-bucket/blobs: the bucket does not exist");
        assertThat(server.stdout).isEmptyFile();
    }

    @Test
    void anEndpointNobodyAnswersIsOneLineOnStderrAndExitTwo() throws Exception {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort());
        Server server = Server.start(temp, "unreachable", env,
                "--data", temp.resolve("data").toString(), "--blobs", "s3://" + BUCKET);

        assertThat(server.exitCode()).isEqualTo(2);
        List<String> stderr = Files.readAllLines(server.stderr);
        assertThat(stderr).hasSize(1);
        assertThat(stderr.getFirst()).startsWith("arca server: cannot keep blobs in s3://" + BUCKET
                + ": S3 cannot be reached (").doesNotContain("Exception");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static CodeartifactClient codeartifact(URI endpoint) {
        return CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** {@code arca server} on this test's class path, with only the AWS settings it is given. */
    private record Server(Process process, Path stdout, Path stderr) {

        static Server start(Path dir, String name, Map<String, String> aws, String... args) throws IOException {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp",
                    classPath, Arca.class.getName(), "server", "--port", "0"));
            command.addAll(List.of(args));
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("ARCA_"));
            builder.environment().putAll(aws);
            builder.environment().put("ARCA_ACCESS_KEY_ID", ACCESS_KEY_ID);
            builder.environment().put("ARCA_SECRET_ACCESS_KEY", SECRET);
            return new Server(builder.start(), out, err);
        }

        URI awaitEndpoint() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (String line : Files.readAllLines(stdout)) {
                    if (line.startsWith(ServerCommand.LISTENING)) {
                        return URI.create(line.substring(ServerCommand.LISTENING.length()));
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("server exited with " + process.exitValue() + ": "
                            + Files.readString(stderr));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no listening line within 30 s: " + Files.readString(stderr));
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the server exits").isTrue();
            return process.exitValue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(exitCode()).isZero();
        }
    }
}
