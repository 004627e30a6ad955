package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.PackageFormat;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.StandInMavenRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance, end to end: "Keep the newest 10 SNAPSHOT builds per artifact, never the latest release" on a
 * repository of 2,000 Maven versions deployed over the Maven protocol — 20 artifacts, each with 10 releases and 90
 * builds of its next SNAPSHOT — planned by {@code arca cleanup --dry-run} and carried out by {@code --apply}.
 */
class CleanupSnapshotsAcceptanceTest {

    private static final String GROUP = "com.example";
    private static final int ARTIFACTS = 20;
    private static final int RELEASES = 10;
    private static final int BUILDS = 90;
    private static final String RULES = """
            {
              "rules": [
                {
                  "rulePriority": 1,
                  "description": "Keep the newest 10 SNAPSHOT builds per artifact",
                  "selection": { "format": "maven", "snapshot": true, "keepNewest": 10 },
                  "action": { "type": "delete" }
                }
              ],
              "guards": { "latestRelease": true, "defaultDisplayVersion": true }
            }
            """;

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void deployTwoThousandVersions() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        embedded.gateway().createDomain("shop", Optional.empty());
        embedded.gateway().createRepository("shop", "builds", Optional.empty(), List.of());
        String endpoint = embedded.gateway().repositoryEndpoint("shop", "builds", PackageFormat.MAVEN);
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("aws:"
                + embedded.gateway().authorizationToken("shop").token()).getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient();
             ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> deploys = new ArrayList<>();
            for (int a = 0; a < ARTIFACTS; a++) {
                String artifact = "artifact-" + a;
                // Each artifact's versions in order, so publish times follow them; artifacts side by side.
                deploys.add(workers.submit(() -> {
                    Deployer deployer = new Deployer(http, endpoint, authorization, artifact);
                    for (int r = 1; r <= RELEASES; r++) {
                        deployer.release("1." + r);
                    }
                    for (int b = 1; b <= BUILDS; b++) {
                        deployer.snapshotBuild("1.11-SNAPSHOT", timestamp(b), b);
                    }
                    return null;
                }));
            }
            for (Future<?> deploy : deploys) {
                deploy.get();
            }
        }
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    /** Build b's timestamp: distinct and increasing, as a CI server's builds are. */
    private static String timestamp(int build) {
        return "202501%02d.%02d0000".formatted(1 + build / 24, build % 24);
    }

    @Test
    void theDryRunPlansExactlyTheOlderBuildsAndApplyingLeavesExactlyTheRestAsTheReportSays() throws Exception {
        Map<String, Set<String>> before = versionsByArtifact();
        assertThat(before.values().stream().mapToInt(Set::size).sum()).isEqualTo(ARTIFACTS * (RELEASES + BUILDS));
        Set<String> expectedDeleted = new TreeSet<>();
        Set<String> expectedKept = new TreeSet<>();
        for (int a = 0; a < ARTIFACTS; a++) {
            for (int r = 1; r <= RELEASES; r++) {
                expectedKept.add("artifact-" + a + " 1." + r);
            }
            // The newest build is the SNAPSHOT itself (Published); each earlier one was kept as its build (Unlisted).
            for (int b = 1; b < BUILDS; b++) {
                (b <= BUILDS - 10 ? expectedDeleted : expectedKept).add("artifact-" + a + " 1.11-" + timestamp(b)
                        + "-" + b);
            }
            expectedKept.add("artifact-" + a + " 1.11-SNAPSHOT");
        }
        assertThat(flatten(before)).isEqualTo(union(expectedDeleted, expectedKept));
        Path rules = temp.resolve("snapshots.json");
        Files.writeString(rules, RULES);

        assertThat(arca("--rules", rules.toString(), "--dry-run")).as(err.toString()).isZero();
        Set<String> planned = new TreeSet<>();
        out.toString().lines().filter(l -> l.contains("  delete  "))
                .forEach(l -> planned.add(l.substring("maven com.example:".length(), l.indexOf("  delete  "))
                        .replace("  ", " ")));
        assertThat(planned).isEqualTo(expectedDeleted);
        assertThat(out.toString().lines().toList().getLast()).startsWith("2,000 versions: 1,600 delete, 400 keep; frees ");
        assertThat(flatten(versionsByArtifact())).as("the dry run changes nothing").hasSize(2000);

        out.getBuffer().setLength(0);
        Path report = temp.resolve("run.json");
        assertThat(arca("--rules", rules.toString(), "--apply", "--confirm", "builds", "--journal",
                temp.resolve("run.journal").toString(), "--report", report.toString())).as(err.toString()).isZero();

        assertThat(flatten(versionsByArtifact())).isEqualTo(expectedKept);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/summary/done").asInt()).isEqualTo(1600);
        assertThat(json.at("/summary/failed").asInt()).isZero();
        Set<String> reported = new TreeSet<>();
        json.get("versions").forEach(v -> {
            assertThat(v.get("result").asText()).isEqualTo("done");
            assertThat(v.get("action").asText()).isEqualTo("delete");
            reported.add(v.get("package").asText() + " " + v.get("version").asText());
        });
        assertThat(reported).as("the report names exactly what the server no longer has").isEqualTo(expectedDeleted);
    }

    private int arca(String... args) {
        List<String> all = new ArrayList<>(List.of("cleanup", "--endpoint-url",
                embedded.server().endpoint().toString(), "--domain", "shop", "--repository", "builds"));
        all.addAll(List.of(args));
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", embedded.server().credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", embedded.server().credentials().secretAccessKey(),
                "AWS_REGION", "us-east-1",
                "AWS_CONFIG_FILE", temp.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        return Arca.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    /** What the server holds now, every status, by artifact. */
    private Map<String, Set<String>> versionsByArtifact() {
        Map<String, Set<String>> versions = new java.util.TreeMap<>();
        for (int a = 0; a < ARTIFACTS; a++) {
            String artifact = "artifact-" + a;
            Set<String> each = new TreeSet<>();
            for (String status : List.of("Published", "Unlisted", "Archived", "Disposed", "Unfinished")) {
                embedded.sdk().listPackageVersionsPaginator(r -> r.domain("shop").repository("builds")
                        .format("maven").namespace(GROUP).packageValue(artifact).status(status))
                        .versions().forEach(v -> each.add(v.version()));
            }
            versions.put(artifact, each);
        }
        return versions;
    }

    private static Set<String> flatten(Map<String, Set<String>> byArtifact) {
        Set<String> all = new TreeSet<>();
        byArtifact.forEach((artifact, versions) -> versions.forEach(v -> all.add(artifact + " " + v)));
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Deploys one artifact's versions as mvn deploy does: files, then the metadata naming them. */
    private record Deployer(HttpClient http, String endpoint, String authorization, String artifact) {

        void release(String version) throws Exception {
            String directory = GROUP.replace('.', '/') + "/" + artifact + "/";
            String file = directory + version + "/" + artifact + "-" + version;
            put(file + ".jar", StandInMavenRepository.jar(Map.of("v.txt", version)));
            put(file + ".pom", StandInMavenRepository.pom(GROUP, artifact, version, "jar", ""));
            put(directory + "maven-metadata.xml", ("<metadata><groupId>" + GROUP + "</groupId><artifactId>" + artifact
                    + "</artifactId><versioning><versions><version>" + version + "</version></versions>"
                    + "<lastUpdated>20250101000000</lastUpdated></versioning></metadata>")
                    .getBytes(StandardCharsets.UTF_8));
        }

        void snapshotBuild(String snapshot, String timestamp, int build) throws Exception {
            String directory = GROUP.replace('.', '/') + "/" + artifact + "/" + snapshot + "/";
            String file = directory + artifact + "-" + snapshot.replace("SNAPSHOT", timestamp + "-" + build);
            put(file + ".jar", StandInMavenRepository.jar(Map.of("build.txt", String.valueOf(build))));
            put(file + ".pom", StandInMavenRepository.pom(GROUP, artifact, snapshot, "jar", ""));
            put(directory + "maven-metadata.xml", ("<metadata modelVersion=\"1.1.0\"><groupId>" + GROUP
                    + "</groupId><artifactId>" + artifact + "</artifactId><version>" + snapshot + "</version>"
                    + "<versioning><snapshot><timestamp>" + timestamp + "</timestamp><buildNumber>" + build
                    + "</buildNumber></snapshot><lastUpdated>20250101000000</lastUpdated></versioning></metadata>")
                    .getBytes(StandardCharsets.UTF_8));
        }

        private void put(String path, byte[] body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                    .header("Authorization", authorization).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
    }
}
