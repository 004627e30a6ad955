package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.ClientSetup;
import dev.arca.e2e.ClientRuns.Run;
import dev.arca.server.LocalServer;
import dev.arca.server.PythonDists;
import dev.arca.server.ServerConfig;
import dev.arca.server.StandInPypiIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;

/**
 * Seed 003's flow with the real clients against the local server, set up by the real
 * {@code aws codeartifact login --tool twine} and {@code --tool pip}: {@code twine upload} of a wheel and an sdist
 * built here, {@code pip install} of it into a fresh virtual environment — its public dependency coming through an
 * upstream repository and the external connection to a stand-in index — retention seen through ListPackages,
 * and installing what was stored while the public index is down. Arca's own pip.conf and .pypirc snippets
 * ({@link ClientSetup}) are used for a second upload and the last install, so they are known to work too.
 */
class PypiClientWalkthroughTest {

    private static final String DOMAIN = "awscicd";
    private static final String OWNER = "123456789012";
    private static final PythonDists.Project PUBLIC = PythonDists.Project.of("tinyutil", "1.2.0", "tinyutil", "tiny");
    private static final PythonDists.Project HELLO = PythonDists.Project.of("cicddemo-hello", "0.1.0",
            "cicddemo_hello", "hello from CodeArtifact package").withRequiresDist("tinyutil>=1.0");

    @TempDir
    Path temp;

    private StandInPypiIndex publicIndex;
    private LocalServer server;
    private CodeartifactClient codeartifact;

    @BeforeEach
    void start() throws Exception {
        publicIndex = StandInPypiIndex.start();
        publicIndex.add(PUBLIC);
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data"))
                .withExternals(Map.of("public:pypi", publicIndex.url())));
        codeartifact = ClientRuns.codeartifact(server);
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("pypi-store"));
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("pypi-store")
                .externalConnection("public:pypi"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("demo-repo")
                .upstreams(u -> u.repositoryName("pypi-store")));
        Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(temp.resolve("xdg"));
    }

    @AfterEach
    void stop() {
        codeartifact.close();
        server.close();
        publicIndex.close();
    }

    @Test
    void twineUploadsAndPipInstallsThroughTheLocalServer() throws Exception {
        String endpoint = server.endpoint() + "/" + DOMAIN + "-" + OWNER + "/pypi/demo-repo/";
        Path dist = Files.createDirectories(temp.resolve("dist"));
        Files.write(dist.resolve(HELLO.wheelName()), PythonDists.wheel(HELLO));

        assertThat(aws("codeartifact", "login", "--tool", "twine", "--domain", DOMAIN, "--repository", "demo-repo"))
                .contains("Successfully configured twine to use AWS CodeArtifact repository " + endpoint);
        assertThat(Files.readString(home(".pypirc"))).containsPattern("repository ?[=:] ?" + endpoint);
        command(temp, "twine", "upload", "--repository", "codeartifact", "dist/" + HELLO.wheelName());

        // Arca's own .pypirc snippet uploads the sdist to the same version.
        String token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
        Files.writeString(home(".pypirc"), ClientSetup.snippet(ClientSetup.Tool.TWINE, "demo-repo", endpoint, token));
        Files.write(dist.resolve(HELLO.sdistName()), PythonDists.sdist(HELLO));
        command(temp, "twine", "upload", "--repository", "codeartifact", "dist/" + HELLO.sdistName());
        assertThat(aws("codeartifact", "list-package-versions", "--domain", DOMAIN, "--repository", "demo-repo",
                "--format", "pypi", "--package", "cicddemo-hello", "--query", "versions[].[version,status]",
                "--output", "text").strip()).isEqualTo("0.1.0\tPublished");
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository("demo-repo")
                .format("pypi").packageValue("cicddemo-hello").packageVersion("0.1.0")).assets())
                .extracting(a -> a.name()).containsExactlyInAnyOrder(HELLO.wheelName(), HELLO.sdistName());

        assertThat(aws("codeartifact", "login", "--tool", "pip", "--domain", DOMAIN, "--repository", "demo-repo"))
                .contains("Successfully configured pip to use AWS CodeArtifact repository");
        assertThat(Files.readString(home(".config/pip/pip.conf")))
                .containsPattern("index-url = http://aws:[^@]+@" + endpoint.substring("http://".length())
                        + "simple/");
        Path venv = temp.resolve("venv");
        command(temp, "python3", "-m", "venv", venv.toString());
        pip(venv, "install", "cicddemo-hello");
        assertThat(python(venv, "import cicddemo_hello, tinyutil; print(cicddemo_hello.hello(), tinyutil.hello())"))
                .isEqualTo("hello from CodeArtifact package tiny");

        assertThat(packages("demo-repo")).containsExactlyInAnyOrder("cicddemo-hello", "tinyutil");
        assertThat(packages("pypi-store")).containsExactly("tinyutil");
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository("demo-repo")
                .format("pypi").packageValue("cicddemo-hello").packageVersion("0.1.0")).dependencies())
                .singleElement().satisfies(d -> {
                    assertThat(d.packageValue()).isEqualTo("tinyutil");
                    assertThat(d.versionRequirement()).isEqualTo(">=1.0");
                });
        assertThat(publicIndex.fileRequests(PUBLIC.wheelName())).isEqualTo(1);

        // The public index goes away, and with it the server's memory of it: what was stored still installs,
        // here with Arca's own pip.conf snippet.
        publicIndex.close();
        int port = server.port();
        server.close();
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data")).withPort(port)
                .withExternals(Map.of("public:pypi", publicIndex.url())));
        Files.writeString(home(".config/pip/pip.conf"), ClientSetup.snippet(ClientSetup.Tool.PIP, "demo-repo",
                endpoint, token));
        pip(venv, "uninstall", "--yes", "cicddemo-hello", "tinyutil");
        pip(venv, "install", "cicddemo-hello==0.1.0");
        assertThat(python(venv, "import cicddemo_hello, tinyutil; print(cicddemo_hello.hello(), tinyutil.hello())"))
                .isEqualTo("hello from CodeArtifact package tiny");
    }

    private Path home(String file) {
        return temp.resolve("home").resolve(file);
    }

    private List<String> packages(String repository) {
        return codeartifact.listPackages(r -> r.domain(DOMAIN).repository(repository)).packages().stream()
                .map(PackageSummary::packageValue).toList();
    }

    private void pip(Path venv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(venv.resolve("bin/pip").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--no-cache-dir", "--disable-pip-version-check"));
        command(temp, command.toArray(String[]::new));
    }

    private String python(Path venv, String script) throws Exception {
        return command(temp, venv.resolve("bin/python").toString(), "-c", script).strip();
    }

    private String aws(String... args) throws Exception {
        return command(temp, ClientRuns.aws(server, args).toArray(String[]::new));
    }

    private String command(Path dir, String... args) throws Exception {
        Run run = run(dir, List.of(args));
        assertThat(run.exitCode()).as("%s: %s%s", String.join(" ", args), run.stdout(), run.stderr()).isZero();
        return run.stdout();
    }

    /**
     * Runs a command with a throwaway HOME (where login writes .pypirc and pip.conf) and no pip settings of this
     * machine's — no PIP_* variables and no system-wide XDG configuration — the AWS CLI pointed at the server's
     * credentials file.
     */
    private Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        return ClientRuns.run(temp, dir, command, env -> {
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.toUpperCase(Locale.ROOT).startsWith("PIP_")
                    || k.startsWith("TWINE_") || k.startsWith("XDG_") || k.equals("PYTHONPATH"));
            ClientRuns.awsCliEnvironment(env, temp);
            env.put("XDG_CONFIG_DIRS", temp.resolve("xdg").toString());
        }, 180, true);
    }
}
