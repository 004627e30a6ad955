package dev.arca.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Control-plane benchmark (bench/control-plane.sh): starts {@code java -jar target/arca.jar server} as its own
 * process, fills a domain with 1,000 repositories through the real SDK, then drives it from 16 threads sharing one
 * SDK client and reports throughput, p50/p99/max latency per operation and the server's RSS idle and under load.
 */
public final class ControlPlaneBench {

    private static final int REPOSITORIES = 1000;
    private static final int THREADS = 16;

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        Path data = Files.createTempDirectory("arca-bench");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-jar", "target/arca.jar", "server", "--port", "0",
                "--data", data.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new String(server.getInputStream().readNBytes(
                    "Arca local server listening on http://127.0.0.1:".length() + 6)).strip();
            URI endpoint = URI.create(line.substring(line.indexOf("http")).replaceAll("\\s.*", ""));
            Thread.sleep(2000);
            long idleRss = rssKiB(server.pid());
            String credentials = Files.readString(data.resolve("credentials"));
            try (CodeartifactClient client = CodeartifactClient.builder().endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            value(credentials, "aws_access_key_id"), value(credentials, "aws_secret_access_key"))))
                    .httpClientBuilder(ApacheHttpClient.builder().maxConnections(THREADS * 2)).build()) {
                client.createDomain(r -> r.domain("bench"));
                for (int i = 0; i < REPOSITORIES; i++) {
                    String name = String.format(Locale.ROOT, "repo-%04d", i);
                    client.createRepository(r -> r.domain("bench").repository(name).description("benchmark"));
                }
                System.out.printf("server idle RSS after start: %d MiB (pid %d)%n", idleRss / 1024, server.pid());
                Consumer<CodeartifactClient> describe = c -> c.describeRepository(r -> r.domain("bench").repository(
                        String.format(Locale.ROOT, "repo-%04d", ThreadLocalRandom.current().nextInt(REPOSITORIES))));
                Consumer<CodeartifactClient> listPage = c -> c.listRepositoriesInDomain(r -> r.domain("bench"));
                Consumer<CodeartifactClient> listAll = c -> c.listRepositoriesInDomainPaginator(r -> r.domain("bench")
                        .maxResults(1000)).repositories().forEach(x -> { });
                run("warm-up (DescribeRepository)", client, describe, Duration.ofSeconds(10), server.pid());
                run("DescribeRepository", client, describe, measure, server.pid());
                run("ListRepositoriesInDomain, first page of 50", client, listPage, measure, server.pid());
                run("ListRepositoriesInDomain, all 1,000 in one page", client, listAll, measure, server.pid());
                System.out.printf("server RSS after load: %d MiB%n", rssKiB(server.pid()) / 1024);
                wrk(endpoint, value(credentials, "aws_access_key_id"), value(credentials, "aws_secret_access_key"),
                        measure, server.pid());
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void run(String name, CodeartifactClient client, Consumer<CodeartifactClient> operation,
                            Duration duration, long serverPid) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<long[]> samples = new ArrayList<>();
        AtomicLong maxRss = new AtomicLong();
        long cpuBefore = cpuTicks(serverPid);
        long end = System.nanoTime() + duration.toNanos();
        for (int t = 0; t < THREADS; t++) {
            long[] latencies = new long[2_000_000];
            samples.add(latencies);
            int slot = t;
            pool.execute(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    operation.accept(client);
                    latencies[n++] = System.nanoTime() - start;
                    if (slot == 0 && n % 200 == 0) {
                        maxRss.accumulateAndGet(rssKiB(serverPid), Math::max);
                    }
                }
                latencies[latencies.length - 1] = n;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double serverCpuMs = (cpuTicks(serverPid) - cpuBefore) * 10.0;
        long[] all = samples.stream().flatMapToLong(a -> Arrays.stream(a, 0, (int) a[a.length - 1])).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-48s %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (n=%d, %d threads,"
                        + " server RSS peak %d MiB, server CPU %.2f ms/request)%n", name, all.length / (double) duration.toSeconds(),
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6, all.length,
                THREADS, maxRss.get() / 1024, serverCpuMs / Math.max(1, all.length));
    }

    private static String value(String credentials, String key) {
        return credentials.lines().filter(l -> l.startsWith(key)).findFirst().orElseThrow().split("=", 2)[1].strip();
    }

    /**
     * The same DescribeRepository request signed once and replayed by wrk (valid for the 15-minute signature
     * window): the server's own latency, without the SDK's client-side cost on the same two cores.
     */
    private static void wrk(URI endpoint, String keyId, String secret, Duration duration, long serverPid)
            throws Exception {
        URI uri = URI.create(endpoint + "/v1/repository?domain=bench&repository=repo-0500");
        java.net.http.HttpRequest signed = dev.arca.server.TestSigner.signed("GET", uri, keyId, secret,
                software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String("")).GET().build();
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + duration.toSeconds() + "s",
                "--latency"));
        signed.headers().map().forEach((name, values) -> {
            command.add("-H");
            command.add(name + ": " + values.getFirst());
        });
        command.add(uri.toString());
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            System.out.println("wrk not installed (apt-get install wrk): skipped the server-only run");
            return;
        }
        long cpuBefore = cpuTicks(serverPid);
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        System.out.println("DescribeRepository replayed by wrk, 16 connections (server alone):");
        output.lines().filter(l -> l.matches("\\s*(50|90|99)%.*|Requests/sec.*|.*requests in.*|\\s*Non-2xx.*"))
                .forEach(l -> System.out.println("  " + l.strip()));
        System.out.printf(Locale.ROOT, "  server CPU during the run: %.1f s%n", (cpuTicks(serverPid) - cpuBefore) / 100.0);
    }

    /** User + system CPU of a process in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long rssKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
