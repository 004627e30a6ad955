package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * The .deb that {@code installers/build-linux.sh} builds, unpacked with {@code dpkg -x} into a clean directory tree:
 * {@code arca --version}, {@code arca server} and the window under Xvfb, all through the package's own launcher, for a
 * user whose home is a temporary directory: the first start there dumps the class-data archive into its cache, which
 * the later starts map.
 */
class LinuxInstallerIT {

    private static final Path OUT = Path.of("target", "installer-it");
    private static final long MINUTES = 10;

    @TempDir
    static Path temp;

    private static Path root;
    private static Path home;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        assumeThat(System.getProperty("os.name")).as("the .deb is built on Linux only").startsWith("Linux");
        Path log = temp.resolve("build.log");
        Process build = new ProcessBuilder("installers/build-linux.sh", OUT.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(MINUTES, TimeUnit.MINUTES)).as("build within %d minutes", MINUTES).isTrue();
        assertThat(build.exitValue()).as(Files.readString(log)).isZero();
        Path deb;
        try (Stream<Path> files = Files.list(OUT)) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        root = temp.resolve("root");
        Process unpack = new ProcessBuilder("dpkg", "-x", deb.toString(), root.toString()).inheritIO().start();
        assertThat(unpack.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(unpack.exitValue()).isZero();
        home = temp.resolve("home");
        Files.createDirectories(home);
        firstStartDumpsTheArchive();
    }

    /** The user's first start: when it ends, a background JVM dumps the class-data archive into the user's cache. */
    private static void firstStartDumpsTheArchive() throws Exception {
        ProcessBuilder builder = asTheUser(new ProcessBuilder(launcher(), "--version"))
                .redirectErrorStream(true).redirectOutput(temp.resolve("first.out").toFile());
        Process first = builder.start();
        assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(temp.resolve("first.out"))).isZero();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
        while (System.nanoTime() < deadline && archives().isEmpty()) {
            Thread.sleep(500);
        }
        assertThat(archives()).as("the archive dumped after the first start").hasSize(1);
    }

    private static List<Path> archives() throws IOException {
        Path directory = home.resolve(".cache/arca/class-data");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /**
     * The user with the temporary home: the launcher expands $HOME in the archive's path, and the JVM takes the home
     * directory from the password database, not HOME, so the XDG directories point there too.
     */
    private static ProcessBuilder asTheUser(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.remove(PlatformDirectories.CONFIG_DIR_ENV);
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        return builder;
    }

    @Test
    void thePackageHoldsTheCommandTheDesktopEntryTheIconAndTheClassListButNoUserData() throws IOException {
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/arca"))).isEqualTo(Path.of("/opt/arca/bin/arca"));
        assertThat(root.resolve("opt/arca/bin/arca")).isExecutable();
        assertThat(root.resolve("opt/arca/lib/arca.png")).isNotEmptyFile();
        assertThat(root.resolve("opt/arca/lib/app/" + ClassDataArchive.CLASS_LIST)).isNotEmptyFile();
        assertThat(root.resolve("opt/arca/lib/app/arca.jsa")).doesNotExist();
        assertThat(Files.readString(root.resolve("opt/arca/lib/arca-arca.desktop")))
                .contains("Name=Arca", "Exec=/opt/arca/bin/arca").doesNotContain("MimeType");
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("opt", "usr");
        }
    }

    @Test
    void versionComesFromTheBundledRuntimeWithTheArchiveInTheUsersCache() throws Exception {
        Path out = temp.resolve("version.out");
        ProcessBuilder builder = asTheUser(new ProcessBuilder(launcher(), "--version"))
                .redirectOutput(out.toFile()).redirectError(temp.resolve("version.err").toFile());
        // Fails the start unless the archive dumped after the first start maps, for the package's jars.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on");
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2).first().asString().startsWith("Arca ");
    }

    @Test
    void theServerPrintsOnlyItsListeningLineAndServesSignedRequests() throws Exception {
        Path data = temp.resolve("server-data");
        Path stdout = temp.resolve("server.out");
        Path stderr = temp.resolve("server.err");
        ProcessBuilder builder = asTheUser(new ProcessBuilder(launcher(), "server", "--port", "0", "--data",
                data.toString())).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("ARCA_ACCESS_KEY_ID");
        builder.environment().remove("ARCA_SECRET_ACCESS_KEY");
        Process server = builder.start();
        try {
            String line = awaitLine(server, stdout, stderr);
            assertThat(line).matches("Arca local server listening on http://127\\.0\\.0\\.1:[0-9]+");
            URI endpoint = URI.create(line.substring(line.indexOf("http")));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.resolve("/_arca/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            String credentials = Files.readString(data.resolve("credentials"));
            String id = credentials.replaceAll("(?s).*aws_access_key_id = (\\S+).*", "$1");
            String secret = credentials.replaceAll("(?s).*aws_secret_access_key = (\\S+).*", "$1");
            try (CodeartifactClient client = CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
                    .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                client.createDomain(r -> r.domain("installed"));
                assertThat(client.listDomains(r -> r.maxResults(10)).domains()).extracting(d -> d.name()).containsExactly("installed");
            }
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(Files.readAllLines(stdout)).containsExactly(line);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void theGuiOpensItsWindowUnderXvfbWithItsDataInTheUsersHome() throws Exception {
        String display = ":" + (40 + ProcessHandle.current().pid() % 20);
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1400x900x24")
                .redirectErrorStream(true).redirectOutput(temp.resolve("xvfb.log").toFile()).start();
        Process gui = null;
        try {
            Thread.sleep(1000);
            assertThat(xvfb.isAlive()).as("Xvfb on " + display).isTrue();
            ProcessBuilder builder = asTheUser(new ProcessBuilder(launcher())).redirectErrorStream(true)
                    .redirectOutput(temp.resolve("gui.out").toFile());
            builder.environment().put("DISPLAY", display);
            gui = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String windows = "";
            while (System.nanoTime() < deadline && !windows.contains("\"" + ArcaGui.TITLE + "\": (")) {
                assertThat(gui.isAlive()).as(Files.readString(temp.resolve("gui.out"))).isTrue();
                Thread.sleep(500);
                windows = windowTree(display);
            }
            assertThat(windows).as("a window titled Arca").contains("\"" + ArcaGui.TITLE + "\": (");
            assertThat(home.resolve(".local/share/arca")).isDirectory();
        } finally {
            if (gui != null) {
                gui.destroy();
                if (!gui.waitFor(20, TimeUnit.SECONDS)) {
                    gui.destroyForcibly();
                }
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String launcher() {
        return root.resolve("opt/arca/bin/arca").toString();
    }

    private static String windowTree(String display) throws IOException, InterruptedException {
        Path out = temp.resolve("xwininfo.out");
        Process process = new ProcessBuilder("xwininfo", "-root", "-tree", "-display", display)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        process.waitFor(10, TimeUnit.SECONDS);
        return Files.readString(out);
    }

    private static String awaitLine(Process process, Path stdout, Path stderr) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(stdout);
            int end = text.indexOf('\n');
            if (end >= 0) {
                return text.substring(0, end);
            }
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ": " + Files.readString(stderr));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no listening line within 60 s");
    }
}
