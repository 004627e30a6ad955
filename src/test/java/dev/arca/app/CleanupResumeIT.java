package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * {@code arca cleanup --apply} as a process killed midway (SIGKILL) or cancelled (SIGTERM, as Ctrl+C), then
 * {@code --resume}d, against {@code arca server --emulate-quotas}: every planned version handled exactly once.
 *
 * <p>The run copies rather than archives: CopyPackageVersions is paced to its 5/s quota, so 12 packages take over
 * two seconds and the kill lands between batches every time; UpdatePackageVersionsStatus has no documented rate and
 * a dozen archive batches are over in a few tenths of a second, too fast to interrupt reliably from outside.
 */
class CleanupResumeIT {

    private static final Path JAR = Path.of(System.getProperty("arca.jar", "target/arca.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "shop";
    private static final String SOURCE = "dev";
    private static final String DESTINATION = "prod";
    private static final int PACKAGES = 12;
    private static final int VERSIONS = 20;
    private static final int KEEP = 5;

    @TempDir
    Path temp;

    private Process server;
    private final List<Process> cleanups = new ArrayList<>();
    private URI endpoint;
    private AwsBasicCredentials keys;

    @BeforeEach
    void startServerAndPublish() throws Exception {
        Path data = temp.resolve("data");
        server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "server", "--port", "0", "--data", data.toString(),
                "--emulate-quotas").redirectError(temp.resolve("server.err").toFile())
                .redirectOutput(temp.resolve("server.out").toFile()).start();
        endpoint = URI.create(awaitListeningLine(temp.resolve("server.out")).replaceAll(".*(http\\S+).*", "$1"));
        String credentials = Files.readString(data.resolve("credentials"));
        keys = AwsBasicCredentials.create(credentials.replaceAll("(?s).*aws_access_key_id = (\\S+).*", "$1"),
                credentials.replaceAll("(?s).*aws_secret_access_key = (\\S+).*", "$1"));
        try (CodeartifactClient client = client()) {
            client.createDomain(r -> r.domain(DOMAIN));
            client.createRepository(r -> r.domain(DOMAIN).repository(SOURCE));
            client.createRepository(r -> r.domain(DOMAIN).repository(DESTINATION));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> published = new ArrayList<>();
                for (int p = 0; p < PACKAGES; p++) {
                    String name = String.format("p%02d", p);
                    published.add(pool.submit(() -> {
                        // One package's versions in order, so publish time orders them as their numbers do.
                        for (int v = 1; v <= VERSIONS; v++) {
                            publish(client, name, "1.0." + v);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : published) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        cleanups.forEach(Process::destroyForcibly); // only a run a failed assertion left behind is still alive
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);
    }

    @Test
    void aRunKilledMidwayIsFinishedByResumeWithEveryVersionCopiedExactlyOnce() throws Exception {
        Set<String> planned = plannedCopies();
        Path journal = temp.resolve("kill.journal");

        Process run = cleanup("apply", "--apply", "--journal", journal.toString());
        awaitSomeButNotAllBatches(run, journal);
        run.destroyForcibly();
        assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();
        int doneBeforeKill = doneChanges(journal).size();

        Process resume = cleanup("resume", "--resume", journal.toString());
        assertThat(resume.waitFor(40, TimeUnit.SECONDS)).isTrue();

        assertThat(resume.exitValue()).as(Files.readString(temp.resolve("resume.err"))).isZero();
        assertEveryPlannedVersionCopiedOnce(planned, journal);
        List<String> out = Files.readAllLines(temp.resolve("resume.out"));
        assertThat(out.stream().filter(l -> l.contains(": skipped"))).hasSize(doneBeforeKill);
        assertThat(out.stream().filter(l -> l.endsWith(": done"))).hasSize(planned.size() - doneBeforeKill);
    }

    @Test
    void aRunCancelledBySigtermSaysSoExitsOneAndResumeFinishesIt() throws Exception {
        Set<String> planned = plannedCopies();
        Path journal = temp.resolve("term.journal");

        Process run = cleanup("apply", "--apply", "--journal", journal.toString());
        awaitSomeButNotAllBatches(run, journal);
        run.destroy(); // SIGTERM, as Ctrl+C: the batch in flight finishes, the rest is not run
        assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).isEqualTo(1);
        assertThat(Files.readString(temp.resolve("apply.out"))).contains("not run").contains("(cancelled)");

        Process resume = cleanup("resume", "--resume", journal.toString());
        assertThat(resume.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(resume.exitValue()).as(Files.readString(temp.resolve("resume.err"))).isZero();
        assertEveryPlannedVersionCopiedOnce(planned, journal);
    }

    /** The dry run's copies, as "package version": what --apply will do with the same rules. */
    private Set<String> plannedCopies() throws Exception {
        Process dry = cleanup("plan", "--dry-run");
        assertThat(dry.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dry.exitValue()).as(Files.readString(temp.resolve("plan.err"))).isZero();
        Set<String> planned = new TreeSet<>();
        for (String line : Files.readAllLines(temp.resolve("plan.out"))) {
            String[] words = line.split("\\s+");
            if (words.length > 3 && words[0].equals("generic") && words[3].equals("copy")) {
                planned.add(words[1].substring(words[1].indexOf('/') + 1) + " " + words[2]);
            }
        }
        Set<String> expected = new TreeSet<>();
        for (int p = 0; p < PACKAGES; p++) {
            for (int v = 1; v <= VERSIONS - KEEP; v++) {
                expected.add(String.format("p%02d 1.0.%d", p, v));
            }
        }
        assertThat(planned).as("the plan copies all but each package's newest %d", KEEP).isEqualTo(expected);
        return planned;
    }

    private void assertEveryPlannedVersionCopiedOnce(Set<String> planned, Path journal) throws Exception {
        assertThat(versions(DESTINATION)).as("the destination holds exactly the planned versions").isEqualTo(planned);
        assertThat(versions(SOURCE)).as("the source is untouched").hasSize(PACKAGES * VERSIONS);
        Map<Integer, Integer> done = doneChanges(journal);
        assertThat(done).as("each change has one DONE outcome in the journal").hasSize(planned.size())
                .allSatisfy((change, times) -> assertThat(times).isOne());
        assertThat(journalLines(journal).stream().filter(n -> n.has("outcome"))
                .flatMap(n -> stream(n.path("results")))
                .filter(r -> r.path("state").asText().equals("FAILED"))).isEmpty();
    }

    private Process cleanup(String name, String... mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString(), "cleanup"));
        if (!mode[0].equals("--resume")) {
            command.addAll(List.of("--endpoint-url", endpoint.toString(), "--domain", DOMAIN, "--repository", SOURCE,
                    "--format", "generic", "--keep-newest", String.valueOf(KEEP), "--action", "copy", "--to",
                    DESTINATION));
        } else {
            command.addAll(List.of("--endpoint-url", endpoint.toString()));
        }
        command.addAll(List.of(mode));
        Path empty = temp.resolve("empty-aws-file");
        if (!Files.exists(empty)) {
            Files.createFile(empty);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(temp.resolve(name + ".out").toFile()).redirectError(temp.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_"));
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", keys.accessKeyId(), "AWS_SECRET_ACCESS_KEY", keys.secretAccessKey(),
                "AWS_REGION", "us-east-1", "AWS_CONFIG_FILE", empty.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", empty.toString()));
        Process started = builder.start();
        cleanups.add(started);
        return started;
    }

    /** Polls the journal until some batches have an outcome but not all have been sent with one. */
    private void awaitSomeButNotAllBatches(Process run, Path journal) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal)) {
                long outcomes = journalLines(journal).stream().filter(n -> n.has("outcome")).count();
                if (outcomes >= 2) {
                    assertThat(outcomes).as("the run was still going when interrupted").isLessThan(PACKAGES);
                    return;
                }
            }
            assertThat(run.isAlive()).as("the run ended before it could be interrupted").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("no batch finished within 30 s");
    }

    /** Change index → the number of DONE outcomes the journal records for it. */
    private static Map<Integer, Integer> doneChanges(Path journal) throws IOException {
        Map<Integer, Integer> done = new HashMap<>();
        journalLines(journal).stream().filter(n -> n.has("outcome")).flatMap(n -> stream(n.path("results")))
                .filter(r -> r.path("state").asText().equals("DONE"))
                .forEach(r -> done.merge(r.path("change").asInt(), 1, Integer::sum));
        return done;
    }

    /** The journal's complete lines (a line cut short by the kill is left out). */
    private static List<JsonNode> journalLines(Path journal) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return nodes;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private Set<String> versions(String repository) throws Exception {
        Set<String> found = new TreeSet<>();
        try (CodeartifactClient client = client()) {
            for (int p = 0; p < PACKAGES; p++) {
                String name = String.format("p%02d", p);
                try {
                    client.listPackageVersionsPaginator(r -> r.domain(DOMAIN).repository(repository)
                                    .format(PackageFormat.GENERIC).namespace("it").packageValue(name))
                            .versions().stream().forEach(v -> found.add(name + " " + v.version()));
                } catch (software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException absent) {
                    // a package nothing was copied to yet
                }
            }
        }
        return found;
    }

    private void publish(CodeartifactClient client, String name, String version) throws Exception {
        byte[] bytes = (name + " " + version).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        client.publishPackageVersion(r -> r.domain(DOMAIN).repository(SOURCE).format(PackageFormat.GENERIC)
                .namespace("it").packageValue(name).packageVersion(version).assetName(name + ".txt")
                .assetSHA256(sha), RequestBody.fromBytes(bytes));
    }

    private CodeartifactClient client() {
        return CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private String awaitListeningLine(Path stdout) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(stdout);
            int end = text.indexOf('\n');
            if (end >= 0) {
                return text.substring(0, end);
            }
            assertThat(server.isAlive()).as("server running").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no listening line within 30 s");
    }
}
