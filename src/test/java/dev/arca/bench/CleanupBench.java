package dev.arca.bench;

import dev.arca.core.RequestRates;
import dev.arca.core.ServiceLimits;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.workflow.Cancellation;
import dev.arca.workflow.CountingReads;
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionProgress;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.LoadScope;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.VersionResult;
import dev.arca.workflow.WorkflowExecutor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * bench/cleanup.sh (issue 14): plan and execute cleanups of 10,000 generic versions across 200 packages through the
 * engine of {@code arca cleanup --apply}, against two {@code java -jar target/arca.jar server} processes, one plain
 * and one with {@code --emulate-quotas}, in alternating rounds (the argument, default 3):
 * <ul>
 *   <li><b>archive</b>: keep the newest 10 of each package by publish time, archive the other 8,000 (then, untimed,
 *       publish them again for the next round);</li>
 *   <li><b>copy</b>: keep the newest 10, copy the other 8,000 to a new repository — CopyPackageVersions is 5 a
 *       second, a workload the quotas bind.</li>
 * </ul>
 * Each round's quota run is compared with its quota-bound minimum: the larger of the least time the quotas allow for
 * the calls it made and the median of the plain runs (docs/benchmarks.md, Decision).
 */
public final class CleanupBench {

    private static final String JAR = "target/arca.jar";
    private static final String DOMAIN = "bench";
    private static final String REPOSITORY = "dev";
    private static final int PACKAGES = 200;
    private static final int VERSIONS_PER_PACKAGE = 50;
    private static final int KEEP = 10;
    private static final int CHANGES = PACKAGES * (VERSIONS_PER_PACKAGE - KEEP);
    /** Longer than any bucket takes to refill (one second's burst): each timed run starts with full quotas. */
    private static final long QUIET_MILLIS = 2_000;

    private CleanupBench() {
    }

    /** One timed run: its stages in seconds and the calls it made by operation. */
    private record Run(String workload, boolean quotas, double load, double plan, double execute,
                       Map<String, Integer> calls, int throttled) {
        double total() {
            return load + plan + execute;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "Java %s, %d cores, load average at the start: %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
        Path dir = Files.createTempDirectory("arca-cleanup-bench");
        PackageBench.Server plain = start(dir.resolve("plain"), false);
        PackageBench.Server quoted = start(dir.resolve("quotas"), true);
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
             CodeArtifactGateway plainGateway = open(clients, plain);
             CodeArtifactGateway quotedGateway = open(clients, quoted)) {
            for (PackageBench.Server server : List.of(plain, quoted)) {
                long seeding = System.nanoTime();
                seed(server);
                System.out.printf(Locale.ROOT, "seeded %,d versions in %d packages%s: %.1f s (load average %s)%n",
                        PACKAGES * VERSIONS_PER_PACKAGE, PACKAGES, server == quoted ? " (--emulate-quotas)" : "",
                        seconds(System.nanoTime() - seeding), load());
            }
            List<Run> runs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (String workload : List.of("archive", "copy")) {
                    for (CodeArtifactGateway gateway : List.of(plainGateway, quotedGateway)) {
                        boolean quotas = gateway == quotedGateway;
                        String destination = "prod" + round;
                        RetentionRuleFlags rule = new RetentionRuleFlags().format("generic").keepNewest(KEEP);
                        RetentionRuleSet rules = workload.equals("archive") ? rule.action("archive").build()
                                : rule.action("copy").to(destination).build();
                        if (workload.equals("copy")) {
                            gateway.createRepository(DOMAIN, destination, Optional.empty(), List.of());
                        }
                        Thread.sleep(QUIET_MILLIS);
                        Run run = measure(gateway, rules, workload, quotas,
                                dir.resolve(workload + round + (quotas ? "-quotas" : "-plain") + ".journal"));
                        runs.add(run);
                        print(round, run);
                        if (workload.equals("archive")) {
                            restore(gateway, dir.resolve("restore" + round + (quotas ? "-quotas" : "-plain")));
                        }
                    }
                }
            }
            System.out.println();
            for (String workload : List.of("archive", "copy")) {
                summarize(workload, runs.stream().filter(r -> r.workload().equals(workload)).toList());
            }
        } finally {
            plain.stop();
            quoted.stop();
        }
        System.out.println("load average at the end: " + load());
    }

    private static CodeArtifactGateway open(ClientFactory clients, PackageBench.Server server) throws Exception {
        AwsBasicCredentials keys = server.credentials();
        return clients.open(new ConnectionProfile("bench", ConnectionKind.ARCA_SERVER, server.endpoint(),
                "us-east-1"), keys.accessKeyId(), keys.secretAccessKey());
    }

    /** Load, plan and execute as {@code arca cleanup --apply} does, timing each stage and counting the calls. */
    private static Run measure(CodeArtifactGateway gateway, RetentionRuleSet rules, String workload, boolean quotas,
                               Path journal) throws Exception {
        CountingReads reads = new CountingReads(gateway, true);
        Instant now = Instant.now();
        long start = System.nanoTime();
        List<PackageVersions> packages = reads.loader().load(DOMAIN, REPOSITORY, LoadScope.of(rules, now),
                progress -> { });
        long loaded = System.nanoTime();
        RetentionPlan plan = new RetentionPlanner(rules).plan(packages, now);
        long planned = System.nanoTime();
        List<VersionChange> changes = VersionChange.of(plan);
        if (changes.size() != CHANGES) {
            throw new IllegalStateException("planned " + changes.size() + " changes, expected " + CHANGES);
        }
        ExecutionReport report = new WorkflowExecutor(new PackageVersionWrites(gateway), ExecutionOptions.defaults())
                .execute(DOMAIN, REPOSITORY, changes, journal, ExecutionProgress.Listener.NONE, new Cancellation());
        long executed = System.nanoTime();
        if (report.count(VersionResult.Kind.DONE) != CHANGES || !report.complete()) {
            throw new IllegalStateException("executed " + report.count(VersionResult.Kind.DONE) + " of " + CHANGES
                    + " (throttled " + report.throttled() + ")");
        }
        Map<String, Integer> calls = new LinkedHashMap<>(reads.counts());
        int throttled = calls.getOrDefault(CountingReads.THROTTLED, 0) + report.throttled();
        calls.remove(CountingReads.THROTTLED);
        calls.put(workload.equals("copy") ? "CopyPackageVersions" : "UpdatePackageVersionsStatus",
                batches(changes));
        return new Run(workload, quotas, seconds(loaded - start), seconds(planned - loaded),
                seconds(executed - planned), calls, throttled);
    }

    /** The requests the executor sends: per package, full batches. */
    private static int batches(List<VersionChange> changes) {
        Map<Object, Integer> perPackage = new LinkedHashMap<>();
        changes.forEach(c -> perPackage.merge(c.pkg(), 1, Integer::sum));
        return perPackage.values().stream().mapToInt(n -> (n + ServiceLimits.VERSIONS_PER_BATCH - 1)
                / ServiceLimits.VERSIONS_PER_BATCH).sum();
    }

    /** Untimed: publishes the archived versions again, so the next round archives the same 8,000. */
    private static void restore(CodeArtifactGateway gateway, Path journal) throws Exception {
        RetentionRuleSet rules = new RetentionRuleFlags().format("generic").status("Archived").action("publish")
                .build();
        Instant now = Instant.now();
        RetentionPlan plan = new RetentionPlanner(rules).plan(new CountingReads(gateway, true).loader()
                .load(DOMAIN, REPOSITORY, LoadScope.of(rules, now), progress -> { }), now);
        ExecutionReport report = new WorkflowExecutor(new PackageVersionWrites(gateway), ExecutionOptions.defaults())
                .execute(DOMAIN, REPOSITORY, VersionChange.of(plan), journal, ExecutionProgress.Listener.NONE,
                        new Cancellation());
        if (report.count(VersionResult.Kind.DONE) != CHANGES) {
            throw new IllegalStateException("restored " + report.count(VersionResult.Kind.DONE) + " of " + CHANGES);
        }
    }

    /**
     * The least time the quotas allow for a run's calls: each operation with a rate starts with a full bucket of one
     * second's burst and refills at the rate, and operations draw on separate buckets, so the run can take no less
     * than its slowest operation's (calls − burst) / rate.
     */
    private static double quotaFloor(Map<String, Integer> calls) {
        return calls.entrySet().stream().filter(e -> RequestRates.perOperation(e.getKey()).isPresent())
                .mapToDouble(e -> {
                    int rate = RequestRates.perOperation(e.getKey()).getAsInt();
                    return Math.max(0, e.getValue() - rate) / (double) rate;
                }).max().orElse(0);
    }

    private static void print(int round, Run run) {
        System.out.printf(Locale.ROOT, "round %d %-7s %-6s load %5.2f s, plan %5.3f s, execute %5.2f s = %6.2f s;"
                        + " throttled %d; calls %s (load average %s)%n", round, run.workload(),
                run.quotas() ? "quotas" : "plain", run.load(), run.plan(), run.execute(), run.total(),
                run.throttled(), run.calls(), load());
    }

    private static void summarize(String workload, List<Run> runs) {
        List<Double> plain = runs.stream().filter(r -> !r.quotas()).map(Run::total).toList();
        List<Run> quoted = runs.stream().filter(Run::quotas).toList();
        double plainMedian = median(plain);
        double quotedMedian = median(quoted.stream().map(Run::total).toList());
        double floor = quoted.stream().mapToDouble(r -> quotaFloor(r.calls())).max().orElse(0);
        double minimum = Math.max(floor, plainMedian);
        System.out.printf(Locale.ROOT, "%s: plain runs %s s (median %.2f); quota runs %s s (median %.2f); calls of a"
                        + " quota run %s; quotas allow it in %.2f s at the least; quota-bound minimum %.2f s;"
                        + " quota run / minimum = %.3f (%+.1f %%): %s%n", workload, text(plain), plainMedian,
                text(quoted.stream().map(Run::total).toList()), quotedMedian, quoted.getFirst().calls(), floor,
                minimum, quotedMedian / minimum, 100 * (quotedMedian / minimum - 1),
                quotedMedian <= 1.1 * minimum ? "within 10 %" : "NOT within 10 %");
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String text(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    /** 200 packages of 50 versions, each package's versions in order (publish time follows the numbers). */
    private static void seed(PackageBench.Server server) throws Exception {
        AwsBasicCredentials keys = server.credentials();
        try (CodeartifactClient client = CodeartifactClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32)).build()) {
            client.createDomain(r -> r.domain(DOMAIN));
            client.createRepository(r -> r.domain(DOMAIN).repository(REPOSITORY));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int p = 0; p < PACKAGES; p++) {
                    String name = String.format(Locale.ROOT, "pkg%03d", p);
                    done.add(pool.submit(() -> {
                        for (int v = 1; v <= VERSIONS_PER_PACKAGE; v++) {
                            byte[] bytes = (name + " " + v).getBytes(StandardCharsets.UTF_8);
                            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                            String version = "1.0." + v;
                            client.publishPackageVersion(r -> r.domain(DOMAIN).repository(REPOSITORY)
                                    .format(PackageFormat.GENERIC).namespace("bench").packageValue(name)
                                    .packageVersion(version).assetName(name + ".txt").assetSHA256(sha),
                                    RequestBody.fromBytes(bytes));
                        }
                        return null;
                    }));
                }
                for (Future<?> each : done) {
                    each.get(10, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static PackageBench.Server start(Path data, boolean quotas) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR, "server", "--port", "0", "--data",
                data.toString()));
        if (quotas) {
            command.add("--emulate-quotas");
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
        return new PackageBench.Server(process, URI.create(line.substring(line.indexOf("http"))), data);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
