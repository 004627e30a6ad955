package dev.arca.bench;

import dev.arca.core.RequestRates;
import dev.arca.core.VersionStatus;
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
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionProgress;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.LoadProgress;
import dev.arca.workflow.LoadScope;
import dev.arca.workflow.RepositoryVersionsLoader;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.VersionResult;
import dev.arca.workflow.WorkflowExecutor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
 * bench/cleanup.sh (issue 14): plan and execute a cleanup of 10,000 generic versions across 200 packages (keep the
 * newest 10 of each, archive the rest) through the engine of {@code arca cleanup --apply}, against
 * {@code java -jar target/arca.jar server} in its own process — once plain, once with {@code --emulate-quotas},
 * compared with the least time the quotas allow for the calls made.
 */
public final class CleanupBench {

    private static final String JAR = "target/arca.jar";
    private static final String DOMAIN = "bench";
    private static final String REPOSITORY = "dev";
    private static final int PACKAGES = 200;
    private static final int VERSIONS_PER_PACKAGE = 50;
    private static final int KEEP = 10;

    private CleanupBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Java %s, %d cores, load average at the start: %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
        Path dir = Files.createTempDirectory("arca-cleanup-bench");
        for (boolean quotas : new boolean[] {false, true}) {
            PackageBench.Server server = start(dir.resolve(quotas ? "quotas" : "plain"), quotas);
            try {
                System.out.println();
                System.out.println(quotas ? "== server --emulate-quotas" : "== server (no quota emulation)");
                long seeding = System.nanoTime();
                seed(server);
                System.out.printf(Locale.ROOT, "seeded %,d versions in %d packages: %.1f s (load average %s)%n",
                        PACKAGES * VERSIONS_PER_PACKAGE, PACKAGES, seconds(System.nanoTime() - seeding), load());
                measure(server, quotas);
            } finally {
                server.stop();
            }
        }
        System.out.println();
        System.out.println("load average at the end: " + load());
    }

    private static void measure(PackageBench.Server server, boolean quotas) throws Exception {
        AwsBasicCredentials keys = server.credentials();
        RetentionRuleSet rules = new RetentionRuleFlags().format("generic").keepNewest(KEEP).action("archive").build();
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
             CodeArtifactGateway gateway = clients.open(new ConnectionProfile("bench", ConnectionKind.ARCA_SERVER,
                     server.endpoint(), "us-east-1"), keys.accessKeyId(), keys.secretAccessKey())) {
            java.util.concurrent.atomic.AtomicLong listed = new java.util.concurrent.atomic.AtomicLong();
            long start = System.nanoTime();
            List<PackageVersions> packages = new RepositoryVersionsLoader(gateway)
                    .load(DOMAIN, REPOSITORY, LoadScope.of(rules, Instant.now()), progress -> {
                        if (progress.stage() == LoadProgress.Stage.DESCRIBING_VERSIONS) {
                            listed.compareAndSet(0, System.nanoTime());
                        }
                    });
            long loaded = System.nanoTime();
            RetentionPlan plan = new RetentionPlanner(rules).plan(packages, Instant.now());
            long planned = System.nanoTime();
            List<VersionChange> changes = VersionChange.of(plan);
            int expected = PACKAGES * (VERSIONS_PER_PACKAGE - KEEP);
            if (changes.size() != expected) {
                throw new IllegalStateException("planned " + changes.size() + " changes, expected " + expected);
            }

            Path journal = server.data().resolveSibling((quotas ? "quotas" : "plain") + ".journal");
            ExecutionReport report = new WorkflowExecutor(new PackageVersionWrites(gateway),
                    ExecutionOptions.defaults()).execute(DOMAIN, REPOSITORY, changes, journal,
                    ExecutionProgress.Listener.NONE, new Cancellation());
            long executed = System.nanoTime();
            if (report.count(VersionResult.Kind.DONE) != expected || !report.complete()) {
                throw new IllegalStateException("executed " + report.count(VersionResult.Kind.DONE) + " of "
                        + expected + " (throttled " + report.throttled() + ")");
            }

            double load = seconds(loaded - start);
            double plan2 = seconds(planned - loaded);
            double execute = seconds(executed - planned);
            double total = seconds(executed - start);
            System.out.printf(Locale.ROOT, "load: %.2f s, of which listing (ListPackages, ListPackageVersions) %.2f s"
                    + " and describing (DescribePackageVersion) %.2f s%n", load, seconds(listed.get() - start),
                    seconds(loaded - listed.get()));
            System.out.printf(Locale.ROOT, "plan (RetentionPlanner): %.3f s%n", plan2);
            System.out.printf(Locale.ROOT, "execute (%,d archived in %d UpdatePackageVersionsStatus batches,"
                    + " %d throttled): %.2f s%n", changes.size(), PACKAGES, report.throttled(), execute);
            System.out.printf(Locale.ROOT, "plan + execute: %.2f s (load average %s)%n", total, load());

            // The calls each stage makes, and the least time the documented rates allow for them.
            int statuses = (int) java.util.Arrays.stream(VersionStatus.values())
                    .filter(s -> s != VersionStatus.DELETED).count();
            double listPackages = 1.0 / rate("ListPackages");
            double listVersions = (double) PACKAGES * statuses / rate("ListPackageVersions");
            System.out.printf(Locale.ROOT, "calls: ListPackages 1 (%s), ListPackageVersions %d (%s),"
                            + " DescribePackageVersion %,d (%s), UpdatePackageVersionsStatus %d (%s)%n",
                    rateText("ListPackages"), PACKAGES * statuses, rateText("ListPackageVersions"),
                    PACKAGES * VERSIONS_PER_PACKAGE, rateText("DescribePackageVersion"), PACKAGES,
                    rateText("UpdatePackageVersionsStatus"));
            // The server's buckets start full: one second's burst passes at once, the rest at the rate.
            int listVersionCalls = PACKAGES * statuses;
            double minimum = Math.max(0, listVersionCalls - rate("ListPackageVersions"))
                    / (double) rate("ListPackageVersions");
            System.out.printf(Locale.ROOT, "quota-bound minimum: %.2f s (%.2f s at the steady rate without the"
                            + " first second's burst); measured %.2f s = %+.0f %% over it%n",
                    minimum, listPackages + listVersions, total, 100 * (total - minimum) / minimum);
        }
    }

    private static int rate(String operation) {
        return RequestRates.perOperation(operation).orElseThrow();
    }

    private static String rateText(String operation) {
        return RequestRates.perOperation(operation).isPresent() ? RequestRates.perOperation(operation).getAsInt()
                + "/s" : "no rate";
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
        return Duration.ofNanos(nanos).toNanos() / 1e9;
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
