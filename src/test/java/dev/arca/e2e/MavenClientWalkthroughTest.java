package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.arca.core.ClientSetup;
import dev.arca.e2e.ClientRuns.Run;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import dev.arca.server.StandInMavenRepository;
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
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;

/**
 * The real {@code mvn} against the local server, configured with the settings.xml the console shows for the
 * repository ({@link ClientSetup}: a server with user {@code aws} and the token, a profile whose repository is the
 * endpoint) — CodeArtifact's way for Maven, which {@code aws codeartifact login} does not configure. It deploys a
 * library with {@code mvn deploy} and a third-party jar with {@code deploy:deploy-file}, deploys a SNAPSHOT twice,
 * resolves all of them — and a public artifact through an upstream repository and an external connection to a
 * stand-in public repository — in a project built from a fresh local repository, sees retention through
 * ListPackages, and resolves again while the public repository is down.
 *
 * <p>How mvn runs, so that the test neither depends on nor changes the machine's Maven setup, and needs no
 * network: each run gets {@code -s} with that settings.xml, {@code -gs} with empty global settings (no machine-wide
 * mirror or proxy can redirect the endpoint) and {@code -Dmaven.repo.local} in the test's temporary directory
 * (nothing is written to ~/.m2; every resolution that matters starts from an empty local repository). Maven's own
 * plugins come from the machine's local repository, read-only: the projects' POMs name it as their
 * {@code central} plugin repository ({@code file://}, checksums ignored since a local repository keeps none) and
 * pin the plugin versions Arca's own build uses, so they are there once Arca has been built ({@code .ci/run}
 * fetches the install and deploy plugins, which {@code mvn verify} does not run). The projects' {@code central}
 * artifact repository is an empty directory: every dependency comes from Arca. Gradle is not installed on this
 * machine kind, so it is not exercised.
 */
class MavenClientWalkthroughTest {

    private static final String DOMAIN = "acme";
    private static final String REPOSITORY = "team";
    private static final String ID = ClientSetup.mavenRepositoryId(REPOSITORY);
    /** The plugin versions of Arca's own pom.xml, present in the machine's local repository. */
    private static final Map<String, String> PLUGINS = Map.of("maven-resources-plugin", "3.3.1",
            "maven-compiler-plugin", "3.14.0", "maven-surefire-plugin", "3.5.4", "maven-jar-plugin", "3.4.2",
            "maven-install-plugin", "3.1.3", "maven-deploy-plugin", "3.1.3", "maven-dependency-plugin", "3.8.1");

    @TempDir
    Path temp;

    private StandInMavenRepository publicRepository;
    private LocalServer server;
    private CodeartifactClient codeartifact;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        PLUGINS.forEach((plugin, version) -> assertThat(machineRepository().resolve(
                "org/apache/maven/plugins/" + plugin + "/" + version + "/" + plugin + "-" + version + ".jar"))
                .as("Maven's %s %s in the machine's local repository (.ci/run fetches it)", plugin, version)
                .exists());
        publicRepository = StandInMavenRepository.start();
        publicRepository.add("org.example.public", "tiny-util", "2.1", "jar", "",
                Map.of("tiny-util.txt", "tiny"));
        server = LocalServer.start(config());
        codeartifact = ClientRuns.codeartifact(server);
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("maven-store"));
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("maven-store")
                .externalConnection("public:maven-central"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .upstreams(u -> u.repositoryName("maven-store")));
        endpoint = codeartifact.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .format(PackageFormat.MAVEN)).repositoryEndpoint();
        String token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
        Files.writeString(temp.resolve("settings.xml"), ClientSetup.snippet(ClientSetup.Tool.MAVEN, REPOSITORY,
                endpoint, token));
        Files.writeString(temp.resolve("global-settings.xml"), "<settings/>\n");
        Files.createDirectories(temp.resolve("empty-central"));
    }

    @AfterEach
    void stop() {
        codeartifact.close();
        server.close();
        publicRepository.close();
    }

    @Test
    void mvnDeploysAndResolvesThroughTheLocalServer() throws Exception {
        Path library = project("library", "com.example.app", "greeter", "1.0", """
                <name>Greeter</name>
                <description>Greets people</description>
                <url>https://greeter.example</url>
                <licenses><license><name>Apache-2.0</name></license></licenses>
                <dependencies>
                  <dependency>
                    <groupId>org.example.public</groupId><artifactId>tiny-util</artifactId><version>2.1</version>
                  </dependency>
                </dependencies>
                <distributionManagement>
                  <repository><id>%s</id><url>%s</url></repository>
                </distributionManagement>
                """.formatted(ID, endpoint));
        source(library, "demo/Greeter.java", "package demo; public class Greeter {"
                + " public static String greet() { return \"hello 1.0\"; } }");
        mvn(library, "deploy-local", "deploy");

        Path vendorJar = temp.resolve("vendor-lib-3.0.jar");
        Files.write(vendorJar, StandInMavenRepository.jar(Map.of("vendor.txt", "vendor")));
        mvn(library, "deploy-local", "org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy-file",
                "-Dfile=" + vendorJar, "-DgroupId=com.vendor", "-DartifactId=vendor-lib", "-Dversion=3.0",
                "-Dpackaging=jar", "-DrepositoryId=" + ID, "-Durl=" + endpoint);

        setVersion(library, "1.0", "1.1-SNAPSHOT");
        for (String build : List.of("snapshot one", "snapshot two")) {
            source(library, "demo/Greeter.java", "package demo; public class Greeter {"
                    + " public static String greet() { return \"" + build + "\"; } }");
            mvn(library, "deploy-local", "deploy");
        }

        assertThat(packages(REPOSITORY)).extracting(PackageSummary::namespace, PackageSummary::packageValue)
                .containsExactlyInAnyOrder(tuple("com.example.app", "greeter"), tuple("com.vendor", "vendor-lib"),
                        tuple("org.example.public", "tiny-util"));
        assertThat(packages("maven-store")).extracting(PackageSummary::packageValue).containsExactly("tiny-util");
        assertThat(versions("greeter", null)).extracting(PackageVersionSummary::version,
                        PackageVersionSummary::status)
                .contains(tuple("1.0", PackageVersionStatus.PUBLISHED),
                        tuple("1.1-SNAPSHOT", PackageVersionStatus.PUBLISHED));
        assertThat(versions("greeter", PackageVersionStatus.UNLISTED)).singleElement()
                .satisfies(build -> assertThat(build.version()).matches("1\\.1-[0-9]{8}\\.[0-9]{6}-1"));
        var greeter = codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .format(PackageFormat.MAVEN).namespace("com.example.app").packageValue("greeter")
                .packageVersion("1.0")).packageVersion();
        assertThat(greeter.displayName()).isEqualTo("Greeter");
        assertThat(greeter.summary()).isEqualTo("Greets people");
        assertThat(greeter.homePage()).isEqualTo("https://greeter.example");
        assertThat(greeter.licenses()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("Apache-2.0"));
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .format(PackageFormat.MAVEN).namespace("com.example.app").packageValue("greeter")
                .packageVersion("1.0")).assets()).extracting(a -> a.name())
                .containsExactlyInAnyOrder("greeter-1.0.jar", "greeter-1.0.pom");
        assertThat(codeartifact.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .format(PackageFormat.MAVEN).namespace("com.example.app").packageValue("greeter")
                .packageVersion("1.0")).dependencies()).singleElement().satisfies(d -> {
                    assertThat(d.namespace()).isEqualTo("org.example.public");
                    assertThat(d.packageValue()).isEqualTo("tiny-util");
                    assertThat(d.dependencyType()).isEqualTo("compile");
                    assertThat(d.versionRequirement()).isEqualTo("2.1");
                });

        Path app = consumer();
        assertThat(run(app, "1.1-SNAPSHOT", "resolve-snapshot")).isEqualTo("snapshot two | vendor | tiny");

        // The public repository goes away, and with it the server's memory of it: what was stored still resolves.
        publicRepository.close();
        int port = server.port();
        server.close();
        server = LocalServer.start(config().withPort(port));
        assertThat(run(app, "1.0", "resolve-release")).isEqualTo("hello 1.0 | vendor | tiny");
    }

    private ServerConfig config() {
        return ServerConfig.embedded(temp.resolve("data"))
                .withExternals(Map.of("public:maven-central", publicRepository.url()));
    }

    /** A project depending on the greeter (its version a property), the vendor jar and the public artifact. */
    private Path consumer() throws IOException {
        Path app = project("app", "com.example.app", "app", "1.0", """
                <dependencies>
                  <dependency>
                    <groupId>com.example.app</groupId><artifactId>greeter</artifactId>
                    <version>${greeter.version}</version>
                  </dependency>
                  <dependency><groupId>com.vendor</groupId><artifactId>vendor-lib</artifactId><version>3.0</version>
                  </dependency>
                </dependencies>
                """);
        source(app, "app/Main.java", """
                package app;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(demo.Greeter.greet() + " | " + read("vendor.txt") + " | "
                                + read("tiny-util.txt"));
                    }
                    static String read(String name) throws Exception {
                        return new String(Main.class.getClassLoader().getResourceAsStream(name).readAllBytes());
                    }
                }
                """);
        return app;
    }

    /** Builds the consumer against {@code greeterVersion} from an empty local repository and runs it. */
    private String run(Path app, String greeterVersion, String localRepository) throws Exception {
        mvn(app, localRepository, "compile", "dependency:build-classpath", "-Dgreeter.version=" + greeterVersion,
                "-Dmdep.outputFile=classpath.txt");
        String classpath = app.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(app.resolve("classpath.txt")).strip();
        Run run = run(app, List.of("java", "-cp", classpath, "app.Main"));
        assertThat(run.exitCode()).as("java: %s", run.stderr()).isZero();
        return run.stdout().strip();
    }

    /** A project directory with a POM: its coordinates, {@code extra} elements, and the build setup above. */
    private Path project(String name, String groupId, String artifactId, String version, String extra)
            throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        StringBuilder plugins = new StringBuilder();
        PLUGINS.forEach((plugin, pluginVersion) -> plugins.append("      <plugin><groupId>org.apache.maven.plugins")
                .append("</groupId><artifactId>").append(plugin).append("</artifactId><version>")
                .append(pluginVersion).append("</version></plugin>\n"));
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  %s
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <repositories>
                    <repository><id>central</id><url>%s</url></repository>
                  </repositories>
                  <pluginRepositories>
                    <pluginRepository>
                      <id>central</id><url>%s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                    </pluginRepository>
                  </pluginRepositories>
                  <build><plugins>
                %s  </plugins></build>
                </project>
                """.formatted(groupId, artifactId, version, extra, temp.resolve("empty-central").toUri(),
                machineRepository().toUri(), plugins));
        return dir;
    }

    private static void setVersion(Path project, String from, String to) throws IOException {
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<version>" + from + "</version>",
                "<version>" + to + "</version>"));
    }

    private static void source(Path project, String path, String code) throws IOException {
        Path file = project.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, code);
    }

    /** Where the machine's Maven keeps what it downloaded: the source of Maven's own plugins here. */
    private static Path machineRepository() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private List<PackageSummary> packages(String repository) {
        return codeartifact.listPackages(r -> r.domain(DOMAIN).repository(repository)).packages();
    }

    private List<PackageVersionSummary> versions(String name, PackageVersionStatus status) {
        return codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .format(PackageFormat.MAVEN).namespace("com.example.app").packageValue(name).status(status))
                .versions();
    }

    /** Runs mvn in batch mode, isolated as the class comment says, with a local repository of the given name. */
    private void mvn(Path dir, String localRepository, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-s", temp.resolve("settings.xml")
                .toString(), "-gs", temp.resolve("global-settings.xml").toString(),
                "-Dmaven.repo.local=" + temp.resolve(localRepository)));
        command.addAll(List.of(args));
        Run run = run(dir, command);
        assertThat(run.exitCode()).as("mvn %s:%n%s", String.join(" ", args), run.stdout()).isZero();
    }

    private Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        return ClientRuns.run(temp, dir, command,
                env -> env.keySet().removeIf(k -> k.startsWith("MAVEN_") || k.startsWith("AWS_")), 180, false);
    }
}
