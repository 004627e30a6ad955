package dev.arca.bench;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.sql.SqliteMetadataStore;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Package benchmark (bench/packages.sh), against {@code java -jar target/arca.jar server} in its own process:
 * generic publish rate (10 KB and 10 MB assets), asset download throughput against reading the same bytes from a
 * plain file, ListPackages / ListPackageVersions page latency with 100,000 packages and 10,000 versions of one
 * package (bulk-loaded into the metadata store while the server is stopped), and copying 1,000 versions.
 */
public final class PackageBench {

    private static final String JAR = "target/arca.jar";

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("arca-package-bench");
        Server server = Server.start(data);
        try (CodeartifactClient client = server.client()) {
            client.createDomain(r -> r.domain("bench"));
            client.createRepository(r -> r.domain("bench").repository("big"));
            client.createRepository(r -> r.domain("bench").repository("dest"));
            publishRate(client, 10 * 1024, 300);
            publishRate(client, 10 * 1024 * 1024, 10);
            downloadThroughput(client, data, server);
        } finally {
            server.stop();
        }

        bulkLoad(data.resolve("metadata.db"));

        server = Server.start(data);
        try (CodeartifactClient client = server.client()) {
            String middle = client.listPackages(r -> r.domain("bench").repository("big").maxResults(1000))
                    .nextToken();
            latency("ListPackages, first page of 100 (100,000 packages)", 200,
                    () -> client.listPackages(r -> r.domain("bench").repository("big")));
            latency("ListPackages, page after 1,000 (100,000 packages)", 200,
                    () -> client.listPackages(r -> r.domain("bench").repository("big").nextToken(middle)));
            latency("ListPackages, prefix filter (100,000 packages)", 200,
                    () -> client.listPackages(r -> r.domain("bench").repository("big").packagePrefix("pkg-09")));
            latency("ListPackageVersions, first page of 50 (10,000 versions)", 200,
                    () -> client.listPackageVersions(r -> r.domain("bench").repository("big").format("generic")
                            .namespace("ns").packageValue("many")));
            latency("ListPackageVersions, newest first (10,000 versions)", 200,
                    () -> client.listPackageVersions(r -> r.domain("bench").repository("big").format("generic")
                            .namespace("ns").packageValue("many").sortBy("PUBLISHED_TIME")));
            long start = System.nanoTime();
            for (int batch = 0; batch < 10; batch++) {
                List<String> versions = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    versions.add(String.format(Locale.ROOT, "1.0.%05d", batch * 100 + i));
                }
                int copied = client.copyPackageVersions(r -> r.domain("bench").sourceRepository("big")
                        .destinationRepository("dest").format("generic").namespace("ns").packageValue("many")
                        .versions(versions)).successfulVersions().size();
                if (copied != 100) {
                    throw new IllegalStateException("copied " + copied + " of 100");
                }
            }
            System.out.printf(Locale.ROOT, "%-58s %8.1f ms (10 requests of 100 versions)%n",
                    "CopyPackageVersions, 1,000 versions", (System.nanoTime() - start) / 1e6);
        } finally {
            server.stop();
        }
    }

    private static void publishRate(CodeartifactClient client, int size, int count) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            content[0] = (byte) i;
            content[1] = (byte) (i >> 8);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            int n = i;
            client.publishPackageVersion(r -> r.domain("bench").repository("big").format("generic").namespace("pub")
                    .packageValue("size-" + size).packageVersion("1." + n).assetName("a.bin").assetSHA256(sha),
                    RequestBody.fromBytes(content));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-58s %8.1f publishes/s  %8.1f MB/s%n",
                "PublishPackageVersion, " + (size >= 1 << 20 ? size / (1 << 20) + " MiB" : size / 1024 + " KiB")
                        + " assets, one client", count / seconds, count * (double) size / seconds / 1e6);
    }

    private static void downloadThroughput(CodeartifactClient client, Path data, Server server) throws Exception {
        Runnable rawGet = server.signedGet("/v1/package/version/asset?domain=bench&repository=big&format=generic"
                + "&namespace=pub&package=size-10485760&version=1.0&asset=a.bin");
        int size = 10 * 1024 * 1024;
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        content[0] = 0;
        content[1] = 0;
        Path plain = data.resolve("plain-copy.bin");
        Files.write(plain, content);
        int rounds = 30;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms both paths up
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                try (InputStream in = client.getPackageVersionAsset(r -> r.domain("bench").repository("big")
                        .format("generic").namespace("pub").packageValue("size-" + size).packageVersion("1.0")
                        .asset("a.bin"))) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            double served = rounds * (double) size / ((System.nanoTime() - start) / 1e9) / 1e6;
            start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                try (InputStream in = Files.newInputStream(plain)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            double raw = rounds * (double) size / ((System.nanoTime() - start) / 1e9) / 1e6;
            start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                rawGet.run();
            }
            double http = rounds * (double) size / ((System.nanoTime() - start) / 1e9) / 1e6;
            if (pass == 1) {
                double disk = directRead(plain);
                System.out.printf(Locale.ROOT, "%-58s %8.1f MB/s%n", "GetPackageVersionAsset, 10 MiB, through the SDK",
                        served);
                System.out.printf(Locale.ROOT, "%-58s %8.1f MB/s%n",
                        "GetPackageVersionAsset, 10 MiB, signed GET, JDK client", http);
                System.out.printf(Locale.ROOT, "%-58s %8.1f MB/s  (SDK download = %.0f%% of it)%n",
                        "same bytes, raw disk read (dd iflag=direct)", disk, 100 * served / disk);
                System.out.printf(Locale.ROOT, "%-58s %8.1f MB/s%n", "same bytes, page-cache read", raw);
            }
        }
    }

    /** Median of three O_DIRECT reads of a file with dd: what the disk itself delivers, page cache bypassed. */
    private static double directRead(Path file) throws Exception {
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            Process dd = new ProcessBuilder("dd", "if=" + file, "of=/dev/null", "bs=1M", "iflag=direct")
                    .redirectErrorStream(true).start();
            String report = new String(dd.getInputStream().readAllBytes());
            if (dd.waitFor() != 0) {
                return Double.NaN;
            }
            // dd's own timing ("N bytes ... copied, S s, ..."), so process start-up is not counted.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("copied, ([0-9.e-]+) s").matcher(report);
            rates[i] = m.find() ? Files.size(file) / Double.parseDouble(m.group(1)) / 1e6 : Double.NaN;
        }
        Arrays.sort(rates);
        return rates[1];
    }

    /**
     * Adds 100,000 packages {@code generic ns/pkg-NNNNNN} and 10,000 versions of {@code generic ns/many} to
     * repository {@code big} of domain {@code bench}, straight into the metadata store of a stopped server. Every
     * version points at the asset of {@code generic pub/size-10240 1.0}, which must have been published.
     */
    static void bulkLoad(Path database) {
        long start = System.nanoTime();
        try (SqliteMetadataStore store = SqliteMetadataStore.open(database)) {
            store.write(tx -> {
                long domainId = tx.domains().find("123456789012", "bench").orElseThrow().id();
                long repositoryId = tx.repositories().find(domainId, "big").orElseThrow().id();
                PackageRow sample = tx.packages().find(repositoryId, "generic", "pub", "size-10240").orElseThrow();
                VersionRow sampleVersion = tx.versions().find(sample.id(), "1.0").orElseThrow();
                AssetRow asset = tx.assets().list(sampleVersion.id(), Optional.empty(), 1).getFirst();
                for (int i = 0; i < 100_000; i++) {
                    tx.packages().insert(repositoryId, "generic", "ns", String.format(Locale.ROOT, "pkg-%06d", i),
                            "ALLOW", "BLOCK");
                }
                PackageRow many = tx.packages().insert(repositoryId, "generic", "ns", "many", "ALLOW", "BLOCK");
                Instant base = Instant.parse("2026-01-01T00:00:00Z");
                for (int i = 0; i < 10_000; i++) {
                    VersionRow v = tx.versions().insert(many.id(), String.format(Locale.ROOT, "1.0.%05d", i),
                            VersionStatus.PUBLISHED, "R" + i, base.plusSeconds(i), "INTERNAL", Optional.of("big"),
                            Optional.empty(), VersionMetadata.NONE);
                    tx.assets().insert(v.id(), "a.bin", asset.blob());
                }
                return null;
            });
        }
        System.out.printf(Locale.ROOT, "(bulk-loaded 100,000 packages and 10,000 versions in %.1f s)%n",
                (System.nanoTime() - start) / 1e9);
    }

    private static void latency(String name, int calls, Supplier<Object> call) {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        long[] samples = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "%-58s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name,
                samples[calls / 2] / 1e6, samples[(int) (calls * 0.99)] / 1e6, samples[calls - 1] / 1e6);
    }

    /** The server as a process, and an SDK client for it. */
    /** {@code java -jar target/arca.jar server} in its own process, on a free port, over a data directory. */
    public record Server(Process process, URI endpoint, Path data) {

        public static Server start(Path data) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-jar", JAR, "server", "--port", "0", "--data", data.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
            return new Server(process, URI.create(line.substring(line.indexOf("http"))), data);
        }

        public CodeartifactClient client() throws Exception {
            return CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(credentials()))
                    .httpClientBuilder(ApacheHttpClient.builder()).build();
        }

        /** The root keys the server generated in its data directory. */
        public AwsBasicCredentials credentials() throws Exception {
            String credentials = Files.readString(data.resolve("credentials"));
            return AwsBasicCredentials.create(value(credentials, "aws_access_key_id"),
                    value(credentials, "aws_secret_access_key"));
        }

        /** A signed GET replayed as-is (valid for the 15-minute signature window), draining the body. */
        Runnable signedGet(String pathAndQuery) throws Exception {
            AwsBasicCredentials keys = credentials();
            URI uri = URI.create(endpoint + pathAndQuery);
            java.net.http.HttpRequest.Builder request = dev.arca.server.TestSigner.signed("GET", uri,
                    keys.accessKeyId(), keys.secretAccessKey(),
                    software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String("")).GET();
            java.net.http.HttpRequest built = request.build();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            return () -> {
                try {
                    http.send(built, java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }

        public void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        private static String value(String credentials, String key) {
            return credentials.lines().filter(l -> l.startsWith(key)).findFirst().orElseThrow().split("=", 2)[1].strip();
        }
    }
}
