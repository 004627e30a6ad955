package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.NpmPublishes;
import dev.arca.server.NpmTarballs;
import dev.arca.server.store.s3.MotoServer;
import dev.arca.server.store.sql.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two real {@code arca server} processes ({@code target/arca.jar}) on one PostgreSQL 15 and one moto S3 prefix,
 * behind Debian's nginx (round robin), driven by the real npm: published through one instance, installed through
 * the other; then one instance is killed during concurrent publishes through nginx, and no acknowledged publish is
 * lost and no version is left half-made.
 */
class ServerInstancesIT {

    private static final Path JAR = Path.of(System.getProperty("arca.jar", "target/arca.jar"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String BUCKET = "arca-instances-it";
    private static final String ACCESS_KEY_ID = "AKIAINSTANCESITTEST1";
    private static final String SECRET = "a-root-secret-shared-by-both-instances";
    private static final int WORKERS = 3;
    private static final int VERSIONS_EACH = 5;
    /** Publishers without npm, fast enough that the kill finds some of their requests in flight. */
    private static final int BURSTS = 4;

    @TempDir
    Path temp;

    @Test
    void twoInstancesBehindNginxServeOneRegistryAndLoseNoAcknowledgedPublishWhenOneDies() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.url(postgres.createDatabase());
        MotoServer moto = MotoServer.shared();
        try (S3Client s3 = moto.client()) {
            if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
                s3.createBucket(r -> r.bucket(BUCKET));
            }
        }
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("ARCA_DB_USER", PostgresServer.USER);
        env.put("ARCA_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("ARCA_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("ARCA_SECRET_ACCESS_KEY", SECRET);
        String blobs = "s3://" + BUCKET + "/it-" + System.nanoTime();
        Instance first = Instance.start(temp, "first", env, url, blobs);
        Instance second = Instance.start(temp, "second", env, url, blobs);
        Nginx nginx = null;
        try {
            URI one = first.awaitEndpoint();
            URI two = second.awaitEndpoint();
            nginx = Nginx.start(temp.resolve("nginx"), List.of(one, two));
            URI balanced = nginx.endpoint();
            try (CodeartifactClient sdk = codeartifact(balanced)) {
                sdk.createDomain(r -> r.domain("acme"));
                sdk.createRepository(r -> r.domain("acme").repository("team"));
                String token = sdk.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();

                // Published through the first instance, installed through the second.
                String viaFirst = one + "/acme-123456789012/npm/team/";
                String viaSecond = two + "/acme-123456789012/npm/team/";
                publish(project("greeter", "1.0.0"), viaFirst, token);
                Path app = Files.createDirectories(temp.resolve("app"));
                Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}");
                assertThat(npm(app, viaSecond, token, "install", "greeter@1.0.0").exitCode()).isZero();
                assertThat(Files.readString(app.resolve("node_modules/greeter/index.js"))).contains("greeter@1.0.0");

                // Concurrent publishes through nginx; the first instance dies half-way.
                String viaNginx = balanced + "/acme-123456789012/npm/team/";
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicInteger done = new AtomicInteger();
                ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    String name = "load-" + w;
                    running.add(workers.submit(() -> {
                        for (int v = 0; v < VERSIONS_EACH; v++) {
                            String version = "1.0." + v;
                            if (publish(project(name + "-" + v, name, version), viaNginx, token)) {
                                acknowledged.add(name + "@" + version);
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                AtomicBoolean bursting = new AtomicBoolean(true);
                AtomicInteger refused = new AtomicInteger();
                ExecutorService bursts = Executors.newFixedThreadPool(BURSTS);
                List<Future<?>> burstRuns = new ArrayList<>();
                for (int b = 0; b < BURSTS; b++) {
                    String name = "burst-" + b;
                    burstRuns.add(bursts.submit(() -> {
                        for (int v = 0; bursting.get(); v++) {
                            if (publishRaw(viaNginx, token, name, "2.0." + v)) {
                                acknowledged.add(name + "@2.0." + v);
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (done.get() < WORKERS + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                int finishedBeforeKill = done.get();
                first.process().destroyForcibly();
                Thread.sleep(2_000);
                bursting.set(false);
                for (Future<?> worker : burstRuns) {
                    worker.get(2, TimeUnit.MINUTES);
                }
                bursts.shutdown();
                for (Future<?> worker : running) {
                    worker.get(10, TimeUnit.MINUTES);
                }
                workers.shutdown();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(acknowledged.size()).as("publishes acknowledged").isGreaterThan(WORKERS);
                System.out.printf("ServerInstancesIT: first instance killed after %d npm publishes finished;"
                        + " %d publishes acknowledged, %d not (cut short by the kill)%n", finishedBeforeKill,
                        acknowledged.size(), refused.get());

                List<String> names = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    names.add("load-" + w);
                }
                for (int b = 0; b < BURSTS; b++) {
                    names.add("burst-" + b);
                }
                for (String name : names) {
                    List<PackageVersionSummary> stored = sdk.listPackageVersionsPaginator(r -> r.domain("acme")
                            .repository("team").format("npm").packageValue(name)).versions().stream().toList();
                    for (String version : acknowledged.stream().filter(v -> v.startsWith(name + "@"))
                            .map(v -> v.substring(v.indexOf('@') + 1)).toList()) {
                        assertThat(stored).as("acknowledged %s@%s", name, version)
                                .anySatisfy(s -> assertThat(s.version()).isEqualTo(version));
                    }
                    for (PackageVersionSummary version : stored) {
                        assertThat(version.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
                        List<AssetSummary> assets = sdk.listPackageVersionAssets(r -> r.domain("acme")
                                .repository("team").format("npm").packageValue(name)
                                .packageVersion(version.version())).assets();
                        assertThat(assets).as("%s@%s is whole", name, version.version()).singleElement();
                        byte[] bytes = sdk.getPackageVersionAssetAsBytes(r -> r.domain("acme").repository("team")
                                .format("npm").packageValue(name).packageVersion(version.version())
                                .asset(assets.getFirst().name())).asByteArray();
                        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                                .isEqualTo(assets.getFirst().hashes().get(
                                        software.amazon.awssdk.services.codeartifact.model.HashAlgorithm.SHA_256));
                    }
                }
                String last = acknowledged.stream().filter(v -> v.startsWith("load-0@")).sorted().reduce((a, b) -> b)
                        .orElseThrow();
                assertThat(npm(app, viaNginx, token, "install", last).exitCode()).as("install %s via nginx", last)
                        .isZero();
            }
        } finally {
            if (nginx != null) {
                nginx.stop();
            }
            first.process().destroyForcibly();
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path project(String name, String version) throws IOException {
        return project(name + "-" + version, name, version);
    }

    private Path project(String dirName, String name, String version) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("projects").resolve(dirName));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"main\":\"index.js\",\"license\":\"MIT\"}");
        Files.writeString(dir.resolve("index.js"), "module.exports = '" + name + "@" + version + "';\n");
        return dir;
    }

    /** What npm sends to publish, sent without npm; true when the server acknowledged it (201). */
    private static boolean publishRaw(String registry, String token, String name, String version) {
        byte[] tarball = NpmTarballs.pack(name, version, Map.of(), "'" + name + "@" + version + "'");
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(registry + name))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(NpmPublishes.document(registry, name, version,
                            tarball))).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 201;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code npm publish}; true when npm says it was published. */
    private boolean publish(Path project, String registry, String token) throws Exception {
        return npm(project, registry, token, "publish").exitCode() == 0;
    }

    private ClientRuns.Run npm(Path dir, String registry, String token, String... args) throws Exception {
        Path scratch = Files.createDirectories(temp.resolve("scratch").resolve(dir.getFileName().toString()));
        Files.writeString(dir.resolve(".npmrc"), "registry=" + registry + "\n"
                + registry.replaceFirst("^http:", "") + ":_authToken=" + token + "\n");
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(args));
        return ClientRuns.run(scratch, dir, command, e -> {
            ClientRuns.npmEnvironment(e, scratch);
            e.put("npm_config_fetch_retries", "0");
        }, 300, true);
    }

    private static CodeartifactClient codeartifact(URI endpoint) {
        return CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID,
                        SECRET)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code java -jar target/arca.jar server} on PostgreSQL and S3. */
    private record Instance(Process process, Path stdout, Path stderr) {

        static Instance start(Path dir, String name, Map<String, String> env, String url, String blobs)
                throws IOException {
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "server", "--port", "0",
                    "--data", dir.resolve(name).toString(), "--metadata", url, "--blobs", blobs)
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("ARCA_"));
            builder.environment().putAll(env);
            return new Instance(builder.start(), out, err);
        }

        URI awaitEndpoint() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (String line : Files.readAllLines(stdout)) {
                    if (line.startsWith("Arca local server listening on ")) {
                        return URI.create(line.substring(line.indexOf("http")));
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("server exited: " + Files.readString(stderr));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no listening line within 60 s: " + Files.readString(stderr));
        }
    }

    /** Debian's nginx in the foreground with a generated configuration: round robin over the instances. */
    private record Nginx(Process process, URI endpoint) {

        static Nginx start(Path dir, List<URI> upstreams) throws Exception {
            Files.createDirectories(dir.resolve("logs"));
            int port = freePort();
            StringBuilder servers = new StringBuilder();
            upstreams.forEach(u -> servers.append("    server ").append(u.getHost()).append(':').append(u.getPort())
                    .append(" max_fails=1 fail_timeout=30s;\n"));
            Files.writeString(dir.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 512; }
                    http {
                      access_log %1$s/logs/access.log;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      client_max_body_size 0;
                      upstream arca {
                    %2$s    keepalive 16;
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://arca;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $http_host;
                          proxy_read_timeout 120s;
                        }
                      }
                    }
                    """.formatted(dir, servers, port));
            String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            Process process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                    return new Nginx(process, endpoint);
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new AssertionError("nginx exited: " + Files.readString(dir.resolve("logs/stdout.log"))
                                + Files.readString(dir.resolve("logs/error.log")));
                    }
                    Thread.sleep(50);
                }
            }
            throw new AssertionError("nginx is not listening within 20 s");
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
