package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.e2e.ClientRuns.Run;
import dev.arca.server.LocalServer;
import dev.arca.server.NpmTarballs;
import dev.arca.server.ServerConfig;
import dev.arca.server.StandInNpmRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;

/**
 * The real npm against the local server, set up by the real {@code aws codeartifact login --tool npm}: publishing
 * and installing a scoped package, dist-tags, deprecation, a public package through an upstream repository and an
 * external connection to a stand-in public registry, retention seen through ListPackages, and installing what
 * was stored while the public registry is down.
 */
class NpmClientWalkthroughTest {

    private static final String DOMAIN = "acme";

    @TempDir
    Path temp;

    private StandInNpmRegistry publicRegistry;
    private LocalServer server;
    private CodeartifactClient codeartifact;

    @BeforeEach
    void start() throws Exception {
        publicRegistry = StandInNpmRegistry.start();
        publicRegistry.add("left-pad", "1.3.0", NpmTarballs.pack("left-pad", "1.3.0", Map.of(), "'padded'"), Map.of());
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data"))
                .withExternals(Map.of("public:npmjs", publicRegistry.url())));
        codeartifact = ClientRuns.codeartifact(server);
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("npm-store"));
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("npm-store")
                .externalConnection("public:npmjs"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("team")
                .upstreams(u -> u.repositoryName("npm-store")));
        Files.createDirectories(temp.resolve("home"));
    }

    @AfterEach
    void stop() {
        codeartifact.close();
        server.close();
        publicRegistry.close();
    }

    @Test
    void npmPublishesAndInstallsThroughTheLocalServer() throws Exception {
        String login = aws("codeartifact", "login", "--tool", "npm", "--domain", DOMAIN, "--domain-owner",
                "123456789012", "--repository", "team");
        String registry = server.endpoint() + "/acme-123456789012/npm/team/";
        assertThat(login).contains("Successfully configured npm to use AWS CodeArtifact repository " + registry);
        assertThat(npm(temp, "config", "get", "registry").strip()).isEqualTo(registry);

        Path greeter = project("greeter", """
                {"name": "@acme/greeter", "version": "1.0.0", "main": "index.js", "description": "Greets",
                 "license": "MIT", "dependencies": {"left-pad": "^1.3.0"}}""",
                "module.exports = 'hello ' + require('left-pad');\n");
        Files.writeString(greeter.resolve("README.md"), "# Greeter\n");
        npm(greeter, "publish");
        npm(greeter, "version", "1.1.0", "--no-git-tag-version");
        npm(greeter, "publish");

        npm(temp, "dist-tag", "add", "@acme/greeter@1.0.0", "stable");
        assertThat(npm(temp, "dist-tag", "ls", "@acme/greeter").lines())
                .containsExactlyInAnyOrder("latest: 1.1.0", "stable: 1.0.0");
        npm(temp, "dist-tag", "rm", "@acme/greeter", "stable");
        assertThat(npm(temp, "dist-tag", "ls", "@acme/greeter").strip()).isEqualTo("latest: 1.1.0");

        npm(temp, "deprecate", "@acme/greeter@1.0.0", "use 1.1.0");
        assertThat(npm(temp, "view", "@acme/greeter@1.0.0", "deprecated").strip()).isEqualTo("use 1.1.0");
        Run unpublish = run(temp, List.of("npm", "unpublish", "@acme/greeter@1.0.0", "--force"));
        assertThat(unpublish.exitCode()).isNotZero();
        assertThat(unpublish.stderr()).contains("delete-package-versions");

        Path app = project("app", "{\"name\": \"app\", \"version\": \"1.0.0\", \"private\": true}", "");
        npm(app, "install", "@acme/greeter");
        assertThat(node(app, "console.log(require('@acme/greeter'))")).isEqualTo("hello padded");
        assertThat(Files.readString(app.resolve("package.json"))).containsPattern("\"@acme/greeter\": ?\"\\^1.1.0\"");

        assertThat(packages("team")).extracting(PackageSummary::namespace, PackageSummary::packageValue)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("acme", "greeter"),
                        org.assertj.core.groups.Tuple.tuple(null, "left-pad"));
        assertThat(packages("npm-store")).extracting(PackageSummary::packageValue).containsExactly("left-pad");
        assertThat(codeartifact.getPackageVersionReadme(r -> r.domain(DOMAIN).repository("team").format("npm")
                .namespace("acme").packageValue("greeter").packageVersion("1.1.0")).readme()).isEqualTo("# Greeter\n");
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository("team")
                .format("npm").namespace("acme").packageValue("greeter").packageVersion("1.1.0")).dependencies())
                .singleElement().satisfies(d -> {
                    assertThat(d.packageValue()).isEqualTo("left-pad");
                    assertThat(d.dependencyType()).isEqualTo("regular");
                    assertThat(d.versionRequirement()).isEqualTo("^1.3.0");
                });

        // The public registry goes away, and with it the server's memory of it: what was stored still installs.
        publicRegistry.close();
        int port = server.port();
        server.close();
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data")).withPort(port)
                .withExternals(Map.of("public:npmjs", publicRegistry.url())));
        Path offline = project("offline", "{\"name\": \"offline\", \"version\": \"1.0.0\", \"private\": true}", "");
        npm(offline, "install", "@acme/greeter@1.1.0", "--cache", temp.resolve("fresh-cache").toString());
        assertThat(node(offline, "console.log(require('@acme/greeter'))")).isEqualTo("hello padded");
    }

    private Path project(String name, String packageJson, String index) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("package.json"), packageJson);
        Files.writeString(dir.resolve("index.js"), index);
        return dir;
    }

    private List<PackageSummary> packages(String repository) {
        return codeartifact.listPackages(r -> r.domain(DOMAIN).repository(repository)).packages();
    }

    private String npm(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(args));
        Run run = run(dir, command);
        assertThat(run.exitCode()).as("npm %s: %s", String.join(" ", args), run.stderr()).isZero();
        return run.stdout();
    }

    private String node(Path dir, String script) throws Exception {
        Run run = run(dir, List.of("node", "-e", script));
        assertThat(run.exitCode()).as("node: %s", run.stderr()).isZero();
        return run.stdout().strip();
    }

    private String aws(String... args) throws Exception {
        Run run = run(temp, ClientRuns.aws(server, args));
        assertThat(run.exitCode()).as("aws %s: %s", String.join(" ", args), run.stderr()).isZero();
        return run.stdout();
    }

    /**
     * Runs a command with a throwaway HOME and npm cache, the AWS CLI pointed at the server's credentials file, and
     * npm told to go to the registry for every document and to skip audits, funding notices and update checks.
     */
    private Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        return ClientRuns.run(temp, dir, command, env -> {
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            ClientRuns.npmEnvironment(env, temp);
            ClientRuns.awsCliEnvironment(env, temp);
        }, 120, false);
    }
}
