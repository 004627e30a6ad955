package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.ClientSetup;
import dev.arca.core.PackageFormat;
import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.e2e.ClientRuns.Run;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.PackageTracer;
import dev.arca.gateway.UpstreamGraphSource;
import dev.arca.server.NpmTarballs;
import dev.arca.server.PythonDists;
import dev.arca.server.ServerConfig;
import dev.arca.server.StandInNpmRegistry;
import dev.arca.server.StandInPypiIndex;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.RepositorySummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;

/**
 * The trace's prediction against what the local server really does when the real npm and pip ask the requested
 * repository for a version through a chain of upstreams (spec/behavior.md §6–§8):
 * <pre>
 *   team-app → [shared-a, shared-b]
 *   shared-a → [npm-store (public:npmjs), pypi-store (public:pypi)]   (attached once a test has arranged shared-a)
 *   shared-b   stores its own left-pad 1.3.0 and tinyutil 1.2.0 and 1.1.0
 * </pre>
 * The stand-in public registries serve different bytes for the same versions than the copies stored in the
 * domain, so which copy a client installed tells where it was served from. Each test traces first, then runs the
 * client against team-app with a token, then checks every repository of the domain, the origin team-app recorded,
 * the bytes installed, and that the repositories the trace did not expect to change did not.
 */
class TracePredictionTest {

    private static final String DOMAIN = "acme";
    private static final String REQUESTED = "team-app";
    private static final byte[] PUBLIC_LEFT_PAD = NpmTarballs.pack("left-pad", "1.3.0", Map.of(), "'public'");
    private static final PythonDists.Project PUBLIC_TINYUTIL = PythonDists.Project.of("tinyutil", "1.2.0", "tinyutil",
            "public");
    private static final PythonDists.Project SHARED_TINYUTIL = PythonDists.Project.of("tinyutil", "1.2.0",
            "tinyutil", "shared-b");
    private static final PythonDists.Project SHARED_ONLY_TINYUTIL = PythonDists.Project.of("tinyutil", "1.1.0",
            "tinyutil", "shared-b only");

    @TempDir
    Path temp;

    private StandInNpmRegistry npmjs;
    private StandInPypiIndex pypi;
    private EmbeddedGateway embedded;
    private CodeartifactClient codeartifact;
    private String token;

    @BeforeEach
    void start() throws Exception {
        npmjs = StandInNpmRegistry.start();
        npmjs.add("left-pad", "1.3.0", PUBLIC_LEFT_PAD, Map.of());
        pypi = StandInPypiIndex.start();
        pypi.add(PUBLIC_TINYUTIL);
        embedded = new EmbeddedGateway(ServerConfig.embedded(temp.resolve("data"))
                .withExternals(Map.of("public:npmjs", npmjs.url(), "public:pypi", pypi.url())));
        codeartifact = embedded.sdk();
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("npm-store"));
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("npm-store")
                .externalConnection("public:npmjs"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("pypi-store"));
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("pypi-store")
                .externalConnection("public:pypi"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("shared-a"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("shared-b"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository(REQUESTED)
                .upstreams(u -> u.repositoryName("shared-a"), u -> u.repositoryName("shared-b")));
        token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
        Files.createDirectories(temp.resolve("home"));
        npmPublish("shared-b", "left-pad", "1.3.0", "'shared-b'");
        pypiUpload("shared-b", SHARED_TINYUTIL);
        pypiUpload("shared-b", SHARED_ONLY_TINYUTIL);
    }

    @AfterEach
    void stop() {
        embedded.close();
        npmjs.close();
        pypi.close();
    }

    @Test
    void npmGetsTheVersionThroughTheExternalConnectionRetainedWhereTheConnectionIsAndInTeamAppOnlyAsTraced()
            throws Exception {
        sharedAReadsThePublicStores();
        Set<String> before = holders(PackageFormat.NPM, "left-pad", "1.3.0");
        Snapshot sharedB = snapshot("shared-b", PackageFormat.NPM, "left-pad", "1.3.0");

        PackageTrace trace = trace(PackageFormat.NPM, "left-pad", "1.3.0");
        assertThat(roles(trace)).containsExactly("team-app SEARCHED", "shared-a SEARCHED", "npm-store FETCHES",
                "pypi-store SEARCHED", "shared-b SERVES");
        assertThat(trace.outcome().fetchedBy()).contains("npm-store");
        assertThat(trace.outcome().retainedIn()).containsExactlyInAnyOrder("npm-store", REQUESTED);

        Path app = npmInstall("left-pad@1.3.0");

        assertThat(Files.readString(app.resolve("node_modules/left-pad/index.js")))
                .isEqualTo("module.exports = 'public';\n");
        assertThat(holders(PackageFormat.NPM, "left-pad", "1.3.0")).isEqualTo(union(before, trace.outcome()
                .retainedIn())).doesNotContain("shared-a", "pypi-store");
        PackageVersionDescription retained = describe(REQUESTED, PackageFormat.NPM, "left-pad", "1.3.0").orElseThrow();
        assertThat(retained.origin().originTypeAsString()).isEqualTo("EXTERNAL");
        assertThat(retained.origin().domainEntryPoint().externalConnectionName())
                .isEqualTo(connectionOf(trace, trace.outcome().fetchedBy().orElseThrow()));
        assertThat(sha256(REQUESTED, PackageFormat.NPM, "left-pad", "1.3.0"))
                .isEqualTo(sha256("npm-store", PackageFormat.NPM, "left-pad", "1.3.0"))
                .isEqualTo(sha256(PUBLIC_LEFT_PAD))
                .isNotEqualTo(sharedB.sha256());
        assertThat(npmjs.tarballRequests("left-pad")).isEqualTo(1);
        assertThat(snapshot("shared-b", PackageFormat.NPM, "left-pad", "1.3.0")).isEqualTo(sharedB);

        PackageTrace again = trace(PackageFormat.NPM, "left-pad", "1.3.0");
        assertThat(again.outcome().servedFrom()).contains(REQUESTED);
        assertThat(again.outcome().retainedIn()).isEmpty();
        assertThat(again.steps().getFirst().stored().flatMap(PackageTrace.Stored::version))
                .hasValueSatisfying(v -> assertThat(v.recorded())
                        .isEqualTo("EXTERNAL through public:npmjs"));
    }

    @Test
    void npmGetsTheVersionFromTheIntermediateRepositoryThatStoresItRetainedInTeamAppOnlyAsTraced() throws Exception {
        // shared-a had its own left-pad 1.3.0 before it read from the public stores: its origin controls for the
        // package (publish=ALLOW, upstream=BLOCK) also end the search there.
        npmPublish("shared-a", "left-pad", "1.3.0", "'shared-a'");
        sharedAReadsThePublicStores();
        Set<String> before = holders(PackageFormat.NPM, "left-pad", "1.3.0");
        Snapshot sharedB = snapshot("shared-b", PackageFormat.NPM, "left-pad", "1.3.0");
        Snapshot sharedA = snapshot("shared-a", PackageFormat.NPM, "left-pad", "1.3.0");

        PackageTrace trace = trace(PackageFormat.NPM, "left-pad", "1.3.0");
        assertThat(roles(trace)).containsExactly("team-app SEARCHED", "shared-a SERVES", "shared-b NOT_CONSULTED");
        assertThat(trace.steps().get(1).stopsHere()).isPresent();
        assertThat(trace.outcome().servedFrom()).contains("shared-a");
        assertThat(trace.outcome().fetchedBy()).isEmpty();
        assertThat(trace.outcome().retainedIn()).containsExactly(REQUESTED);

        Path app = npmInstall("left-pad@1.3.0");

        assertThat(Files.readString(app.resolve("node_modules/left-pad/index.js")))
                .isEqualTo("module.exports = 'shared-a';\n");
        assertThat(holders(PackageFormat.NPM, "left-pad", "1.3.0")).isEqualTo(union(before, trace.outcome()
                .retainedIn())).doesNotContain("npm-store");
        PackageVersionDescription retained = describe(REQUESTED, PackageFormat.NPM, "left-pad", "1.3.0").orElseThrow();
        assertThat(retained.origin().originTypeAsString()).isEqualTo("INTERNAL");
        assertThat(retained.origin().domainEntryPoint().repositoryName())
                .isEqualTo(trace.outcome().servedFrom().orElseThrow());
        assertThat(sha256(REQUESTED, PackageFormat.NPM, "left-pad", "1.3.0")).isEqualTo(sharedA.sha256())
                .isNotEqualTo(sharedB.sha256())
                .isNotEqualTo(sha256(PUBLIC_LEFT_PAD));
        assertThat(npmjs.tarballRequests("left-pad")).isZero();
        assertThat(snapshot("shared-a", PackageFormat.NPM, "left-pad", "1.3.0")).isEqualTo(sharedA);
        assertThat(snapshot("shared-b", PackageFormat.NPM, "left-pad", "1.3.0")).isEqualTo(sharedB);
    }

    @Test
    void pipGetsTheVersionThroughTheExternalConnectionRetainedWhereTheConnectionIsAndInTeamAppOnlyAsTraced()
            throws Exception {
        sharedAReadsThePublicStores();
        Set<String> before = holders(PackageFormat.PYPI, "tinyutil", "1.2.0");
        Snapshot sharedB = snapshot("shared-b", PackageFormat.PYPI, "tinyutil", "1.2.0");

        PackageTrace trace = trace(PackageFormat.PYPI, "tinyutil", "1.2.0");
        assertThat(roles(trace)).containsExactly("team-app SEARCHED", "shared-a SEARCHED", "npm-store SEARCHED",
                "pypi-store FETCHES", "shared-b SERVES");
        assertThat(trace.outcome().fetchedBy()).contains("pypi-store");
        assertThat(trace.outcome().retainedIn()).containsExactlyInAnyOrder("pypi-store", REQUESTED);

        Path target = pipInstall("tinyutil==1.2.0");

        assertThat(Files.readString(target.resolve("tinyutil/__init__.py"))).contains("'public'");
        assertThat(holders(PackageFormat.PYPI, "tinyutil", "1.2.0")).isEqualTo(union(before, trace.outcome()
                .retainedIn())).doesNotContain("shared-a", "npm-store");
        PackageVersionDescription retained = describe(REQUESTED, PackageFormat.PYPI, "tinyutil", "1.2.0")
                .orElseThrow();
        assertThat(retained.origin().originTypeAsString()).isEqualTo("EXTERNAL");
        assertThat(retained.origin().domainEntryPoint().externalConnectionName())
                .isEqualTo(connectionOf(trace, trace.outcome().fetchedBy().orElseThrow()));
        assertThat(assetHashes(REQUESTED, PackageFormat.PYPI, "tinyutil", "1.2.0"))
                .containsEntry(PUBLIC_TINYUTIL.wheelName(),
                        sha256(PythonDists.wheel(PUBLIC_TINYUTIL)))
                .isNotEqualTo(sharedB.assets());
        assertThat(pypi.fileRequests(PUBLIC_TINYUTIL.wheelName())).isEqualTo(1);
        assertThat(snapshot("shared-b", PackageFormat.PYPI, "tinyutil", "1.2.0")).isEqualTo(sharedB);
    }

    @Test
    void pipGetsAVersionThePublicIndexLacksFromTheRepositoryAfterTheConnectionRetainedInTeamAppOnlyAsTraced()
            throws Exception {
        sharedAReadsThePublicStores();
        Set<String> before = holders(PackageFormat.PYPI, "tinyutil", "1.1.0");
        Snapshot sharedB = snapshot("shared-b", PackageFormat.PYPI, "tinyutil", "1.1.0");

        PackageTrace trace = trace(PackageFormat.PYPI, "tinyutil", "1.1.0");
        assertThat(roles(trace)).containsExactly("team-app SEARCHED", "shared-a SEARCHED", "npm-store SEARCHED",
                "pypi-store FETCHES", "shared-b SERVES");
        assertThat(trace.outcome().fetchedBy()).contains("pypi-store");
        assertThat(trace.outcome().servedFrom()).contains("shared-b");
        // The public index does not have 1.1.0: the trace's fallback is what must happen.
        assertThat(trace.outcome().conclusion())
                .endsWith("If it does not, shared-b serves it and it is retained in team-app.");

        Path target = pipInstall("tinyutil==1.1.0");

        assertThat(Files.readString(target.resolve("tinyutil/__init__.py"))).contains("'shared-b only'");
        assertThat(holders(PackageFormat.PYPI, "tinyutil", "1.1.0")).isEqualTo(union(before, List.of(REQUESTED)))
                .doesNotContain("pypi-store", "shared-a");
        PackageVersionDescription retained = describe(REQUESTED, PackageFormat.PYPI, "tinyutil", "1.1.0")
                .orElseThrow();
        assertThat(retained.origin().originTypeAsString()).isEqualTo("INTERNAL");
        assertThat(retained.origin().domainEntryPoint().repositoryName())
                .isEqualTo(trace.outcome().servedFrom().orElseThrow());
        assertThat(assetHashes(REQUESTED, PackageFormat.PYPI, "tinyutil", "1.1.0")).isEqualTo(sharedB.assets());
        assertThat(snapshot("shared-b", PackageFormat.PYPI, "tinyutil", "1.1.0")).isEqualTo(sharedB);
    }

    // The domain

    private void sharedAReadsThePublicStores() {
        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("shared-a")
                .upstreams(u -> u.repositoryName("npm-store"), u -> u.repositoryName("pypi-store")));
    }

    private PackageTrace trace(PackageFormat format, String name, String version) throws Exception {
        UpstreamGraph graph = new UpstreamGraphSource(embedded.gateway()).load(DOMAIN, (done, all) -> { });
        return new PackageTracer(embedded.gateway()).trace(graph, REQUESTED, format, "", name, Optional.of(version),
                (done, all) -> { });
    }

    private static List<String> roles(PackageTrace trace) {
        return trace.steps().stream().map(s -> s.repository() + " " + s.role()).toList();
    }

    private static String connectionOf(PackageTrace trace, String repository) {
        return trace.steps().stream().filter(s -> s.repository().equals(repository)).findFirst()
                .flatMap(PackageTrace.Step::connection).orElseThrow();
    }

    private static Set<String> union(Set<String> before, List<String> added) {
        Set<String> out = new TreeSet<>(before);
        out.addAll(added);
        return out;
    }

    /** Every repository of the domain that stores the version. */
    private Set<String> holders(PackageFormat format, String name, String version) {
        Set<String> out = new TreeSet<>();
        for (RepositorySummary repository : codeartifact.listRepositoriesInDomain(r -> r.domain(DOMAIN))
                .repositories()) {
            if (describe(repository.name(), format, name, version).isPresent()) {
                out.add(repository.name());
            }
        }
        return out;
    }

    private Optional<PackageVersionDescription> describe(String repository, PackageFormat format, String name,
                                                         String version) {
        try {
            return Optional.of(codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(repository)
                    .format(format.wireName()).packageValue(name).packageVersion(version)).packageVersion());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** A stored version as the service describes it, and its files' SHA-256 hashes. */
    private record Snapshot(PackageVersionDescription description, Map<String, String> assets) {
        String sha256() {
            return assets.values().iterator().next();
        }
    }

    private Snapshot snapshot(String repository, PackageFormat format, String name, String version) {
        return new Snapshot(describe(repository, format, name, version).orElseThrow(),
                assetHashes(repository, format, name, version));
    }

    private Map<String, String> assetHashes(String repository, PackageFormat format, String name, String version) {
        Map<String, String> out = new TreeMap<>();
        for (AssetSummary asset : codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(repository)
                .format(format.wireName()).packageValue(name).packageVersion(version)).assets()) {
            out.put(asset.name(), asset.hashesAsStrings().get("SHA-256"));
        }
        return out;
    }

    private String sha256(String repository, PackageFormat format, String name, String version) {
        return assetHashes(repository, format, name, version).values().iterator().next();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private String endpoint(String repository, PackageFormat format) {
        return codeartifact.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repository)
                .format(format.wireName())).repositoryEndpoint();
    }

    // The clients

    /** Publishes a package whose index.js exports {@code exported} to {@code repository} with the real npm. */
    private void npmPublish(String repository, String name, String version, String exported) throws Exception {
        Path project = Files.createDirectories(temp.resolve("publish-" + repository + "-" + name + "-" + version));
        Files.writeString(project.resolve("package.json"), "{\"name\": \"" + name + "\", \"version\": \"" + version
                + "\", \"main\": \"index.js\", \"license\": \"MIT\"}");
        Files.writeString(project.resolve("index.js"), "module.exports = " + exported + ";\n");
        Files.writeString(project.resolve(".npmrc"), ClientSetup.snippet(ClientSetup.Tool.NPM, repository,
                endpoint(repository, PackageFormat.NPM), token));
        npm(project, "publish");
    }

    /** Installs {@code spec} into a new project set up for team-app with Arca's .npmrc; the project. */
    private Path npmInstall(String spec) throws Exception {
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("package.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"private\": true}");
        Files.writeString(app.resolve(".npmrc"), ClientSetup.snippet(ClientSetup.Tool.NPM, REQUESTED,
                endpoint(REQUESTED, PackageFormat.NPM), token));
        npm(app, "install", spec);
        return app;
    }

    private void npm(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(args));
        Run run = ClientRuns.run(temp, dir, command, env -> ClientRuns.npmEnvironment(env, temp), 60, true);
        assertThat(run.exitCode()).as("npm %s: %s", String.join(" ", args), run.stderr()).isZero();
    }

    /**
     * Installs {@code requirement} with the real pip from team-app's index (the token in the URL, as Arca's pip.conf
     * snippet has it) into a new directory, with no pip settings of this machine's; the directory.
     */
    private Path pipInstall(String requirement) throws Exception {
        Path target = temp.resolve("site");
        URI simple = URI.create(endpoint(REQUESTED, PackageFormat.PYPI) + "simple/");
        String index = simple.getScheme() + "://aws:" + token + "@" + simple.getRawAuthority() + simple.getRawPath();
        List<String> command = List.of("python3", "-m", "pip", "install", "--target", target.toString(), "--no-deps",
                "--no-cache-dir", "--disable-pip-version-check", "--no-input", "--index-url", index, requirement);
        Run run = ClientRuns.run(temp, temp, command, env -> {
            env.keySet().removeIf(k -> k.toUpperCase(Locale.ROOT).startsWith("PIP_") || k.equals("PYTHONPATH"));
            env.put("PIP_CONFIG_FILE", "/dev/null");
            env.put("HOME", temp.resolve("home").toString());
        }, 60, true);
        assertThat(run.exitCode()).as("pip install %s: %s%s", requirement, run.stdout(), run.stderr()).isZero();
        return target;
    }

    /** Uploads a project's wheel to {@code repository} as twine does (legacy upload API, the token as password). */
    private void pypiUpload(String repository, PythonDists.Project project) throws Exception {
        byte[] wheel = PythonDists.wheel(project);
        String boundary = "----arca-trace-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(":action", "file_upload");
        fields.put("protocol_version", "1");
        fields.put("metadata_version", "2.1");
        fields.put("name", project.name());
        fields.put("version", project.version());
        fields.put("filetype", "bdist_wheel");
        fields.put("pyversion", "py3");
        fields.put("summary", project.summary());
        fields.put("requires_python", project.requiresPython());
        fields.put("sha256_digest", sha256(wheel));
        fields.forEach((field, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data;"
                + " name=\"" + field + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + project.wheelName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(wheel);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint(repository,
                            PackageFormat.PYPI)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("aws:" + token)
                            .getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("upload of %s: %s", project.wheelName(), response.body())
                    .isEqualTo(200);
        }
    }
}
