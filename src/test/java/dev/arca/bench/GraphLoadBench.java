package dev.arca.bench;

import dev.arca.core.graph.UpstreamGraph;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.gateway.UpstreamGraphSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Upstream graph load benchmark (bench/graph.sh, issue 11): how long {@link UpstreamGraphSource#load} takes to read a
 * domain's graph through the real SDK gateway from {@code java -jar target/arca.jar server} in its own process. The
 * domains ({@link TieredDomain#HUNDRED} and {@link TieredDomain#QUOTA}) are created through the SDK by this process;
 * the loads are then timed in fresh JVMs started from here (same class path), so the first load of each is cold as
 * it is the first time a user opens the page: SDK classes, the client's first connection, the JIT.
 */
public final class GraphLoadBench {

    private static final int WARM_RUNS = 10;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("measure")) {
            measure(URI.create(args[1]), Path.of(args[2]), Boolean.parseBoolean(args[3]));
            return;
        }
        Path data = Files.createTempDirectory("arca-graph-load-bench");
        PackageBench.Server server = PackageBench.Server.start(data);
        try {
            try (CodeartifactClient client = server.client()) {
                for (var domain : List.of(TieredDomain.HUNDRED, TieredDomain.QUOTA)) {
                    long start = System.nanoTime();
                    domain.create(client, name(domain));
                    System.out.printf(Locale.ROOT, "created domain %s: %,d repositories, %,d upstream edges through the"
                                    + " SDK in %.1f s%n", name(domain), domain.size(), domain.upstreamEdges(),
                            (System.nanoTime() - start) / 1e9);
                }
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            for (boolean listFirst : List.of(false, true)) {
                System.out.println(listFirst ? "-- a fresh JVM that lists the domains first, as the page does"
                        : "-- a fresh JVM whose first SDK call is the load");
                Process measuring = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        GraphLoadBench.class.getName(), "measure", server.endpoint().toString(), data.toString(),
                        Boolean.toString(listFirst)).inheritIO().start();
                if (measuring.waitFor() != 0) {
                    throw new IllegalStateException("the measuring JVM failed");
                }
            }
            System.out.println("load average at the end: " + load());
        } finally {
            server.stop();
        }
    }

    private static String name(TieredDomain domain) {
        return domain == TieredDomain.QUOTA ? "quota" : "hundred";
    }

    /** Runs in a fresh JVM: the cold load first (after ListDomains if {@code listFirst}), then warm ones. */
    private static void measure(URI endpoint, Path data, boolean listFirst) throws Exception {
        AwsBasicCredentials keys = new PackageBench.Server(null, endpoint, data).credentials();
        System.out.printf(Locale.ROOT, "Java %s, %d cores, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
             CodeArtifactGateway gateway = clients.open(new ConnectionProfile("bench", ConnectionKind.ARCA_SERVER,
                     endpoint, "us-east-1"), keys.accessKeyId(), keys.secretAccessKey())) {
            long start = System.nanoTime();
            if (listFirst) {
                gateway.listDomains();
                report("ListDomains, the first SDK call of this JVM", new long[] {System.nanoTime() - start});
                start = System.nanoTime();
            }
            UpstreamGraph first = new UpstreamGraphSource(gateway).load("hundred", (done, all) -> { });
            long cold = System.nanoTime() - start;
            check(first, TieredDomain.HUNDRED);
            report(listFirst ? "100 repositories, cold (first load of this JVM, after ListDomains)"
                    : "100 repositories, cold: the first SDK call of this JVM", new long[] {cold});

            long[] runs = new long[WARM_RUNS];
            for (int i = 0; i < WARM_RUNS; i++) {
                start = System.nanoTime();
                check(new UpstreamGraphSource(gateway).load("hundred", (done, all) -> { }), TieredDomain.HUNDRED);
                runs[i] = System.nanoTime() - start;
            }
            report("100 repositories, warm (" + WARM_RUNS + " loads, after the cold one)", runs);
            report("  the second load of this JVM", new long[] {runs[0]});

            long[] quota = new long[5];
            for (int i = 0; i < quota.length; i++) {
                start = System.nanoTime();
                check(new UpstreamGraphSource(gateway).load("quota", (done, all) -> { }), TieredDomain.QUOTA);
                quota[i] = System.nanoTime() - start;
            }
            report("1,000 repositories (for scale; no target), " + quota.length + " loads", quota);
        }
    }

    private static void check(UpstreamGraph graph, TieredDomain shape) {
        if (graph.repositories().size() != shape.size() || graph.edges().size() != shape.upstreamEdges()
                || graph.externalConnections().size() != shape.stores()) {
            throw new IllegalStateException("the graph read back is not the one created: "
                    + graph.repositories().size() + " repositories, " + graph.edges().size() + " edges");
        }
    }

    /** Median, 99th percentile (the maximum, for so few runs), minimum and maximum in milliseconds. */
    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 1) {
            System.out.printf(Locale.ROOT, "%-66s %8.0f ms%n", what, sorted[0] / 1e6);
            return;
        }
        System.out.printf(Locale.ROOT, "%-66s median %6.0f ms  min %6.0f ms  max %6.0f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    static String load() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

}
