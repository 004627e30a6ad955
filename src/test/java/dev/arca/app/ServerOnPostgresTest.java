package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.LocalServer;
import dev.arca.server.RootCredentials;
import dev.arca.server.store.sql.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.codeartifact.model.RepositorySummary;

/**
 * {@code arca server --metadata jdbc:postgresql://…} on a real PostgreSQL 15, logged in as a role that owns its
 * database and nothing more (as docs/local-server.md sets one up), driven through the real AWS SDK.
 */
class ServerOnPostgresTest {

    private static final String ROLE = "arca_server";
    private static final String ROLE_PASSWORD = "a-role-password";
    private static boolean roleCreated;

    @TempDir
    Path temp;

    private final PostgresServer postgres = PostgresServer.shared();

    /** A new database owned by the role the server logs in as; returns its URL. */
    private String database() {
        synchronized (ServerOnPostgresTest.class) {
            if (!roleCreated) {
                postgres.createRole(ROLE, ROLE_PASSWORD);
                roleCreated = true;
            }
        }
        return postgres.url(postgres.createDatabase(ROLE));
    }

    private static LocalServer start(Map<String, String> env, String... args) throws Exception {
        ServerCommand command = new ServerCommand(env);
        new CommandLine(command).parseArgs(args);
        return LocalServer.start(command.config());
    }

    @Test
    void servesPublishesFromPostgresqlAndStillHasThemAfterARestart() throws Exception {
        String url = database();
        Map<String, String> env = Map.of("ARCA_DB_USER", ROLE, "ARCA_DB_PASSWORD", ROLE_PASSWORD);
        String[] args = {"--port", "0", "--data", temp.resolve("data").toString(), "--metadata", url};
        byte[] content = "the bytes of tool 1.0.0\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        try (LocalServer server = start(env, args); CodeartifactClient sdk = client(server)) {
            sdk.createDomain(r -> r.domain("acme"));
            sdk.createRepository(r -> r.domain("acme").repository("team"));
            sdk.publishPackageVersion(r -> r.domain("acme").repository("team").format(PackageFormat.GENERIC)
                    .namespace("tools").packageValue("tool").packageVersion("1.0.0").assetName("tool.tar.gz")
                    .assetSHA256(sha256), RequestBody.fromBytes(content));

            assertThat(versions(sdk)).containsExactly("1.0.0");
            assertThat(download(sdk)).isEqualTo(content);
            assertThat(sdk.listRepositoriesPaginator(r -> r.repositoryPrefix("te")).repositories().stream()
                    .map(RepositorySummary::name)).containsExactly("team");
            assertThat(sdk.listPackagesPaginator(r -> r.domain("acme").repository("team").packagePrefix("to"))
                    .packages().stream().map(PackageSummary::packageValue)).containsExactly("tool");
        }
        String database = url.substring(url.lastIndexOf('/') + 1);
        assertThat(postgres.query(database, "SELECT d.name || '/' || r.name FROM repository r"
                + " JOIN domain d ON d.id = r.domain_id")).containsExactly("acme/team");
        assertThat(temp.resolve("data").resolve("metadata.db")).as("no SQLite metadata beside").doesNotExist();

        try (LocalServer server = start(env, args); CodeartifactClient sdk = client(server)) {
            assertThat(versions(sdk)).containsExactly("1.0.0");
            assertThat(download(sdk)).isEqualTo(content);
        }
    }

    @Test
    void aWrongPasswordIsOneSentenceAndExitTwo() {
        String url = database();

        CliRun run = cli(Map.of("ARCA_DB_USER", ROLE, "ARCA_DB_PASSWORD", "not-the-password"), url);

        run.assertOneSentence("arca server: cannot open the metadata database " + url
                + ": password authentication failed for user \"" + ROLE + "\"");
    }

    @Test
    void anUnreachableDatabaseIsOneSentenceAndExitTwo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/arca";

        cli(Map.of("ARCA_DB_USER", ROLE, "ARCA_DB_PASSWORD", ROLE_PASSWORD), url).assertOneSentence(
                "arca server: cannot open the metadata database " + url + ": Connection to 127.0.0.1:" + closed
                        + " refused");
    }

    @Test
    void aDatabaseFromANewerArcaIsOneSentenceAndExitTwo() {
        String url = database();
        String database = url.substring(url.lastIndexOf('/') + 1);
        postgres.execute(database, "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                + " applied_time BIGINT NOT NULL); INSERT INTO schema_migration VALUES (99, 'V99__future.sql', 0)");

        cli(Map.of("ARCA_DB_USER", PostgresServer.USER, "ARCA_DB_PASSWORD", PostgresServer.PASSWORD), url)
                .assertOneSentence("arca server: the metadata database has schema version 99, newer than this Arca"
                        + " understands");
    }

    private CliRun cli(Map<String, String> env, String url) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Arca.execute(new String[] {"server", "--port", "0", "--data", temp.resolve("data").toString(),
            "--metadata", url}, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new CliRun(code, out.toString(), err.toString());
    }

    private record CliRun(int code, String out, String err) {
        void assertOneSentence(String expected) {
            assertThat(code).isEqualTo(2);
            assertThat(err.lines()).hasSize(1);
            assertThat(err).startsWith(expected).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).isEmpty();
        }
    }

    private static CodeartifactClient client(LocalServer server) {
        RootCredentials keys = server.credentials();
        return CodeartifactClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private static List<String> versions(CodeartifactClient sdk) {
        return sdk.listPackageVersionsPaginator(r -> r.domain("acme").repository("team").format(PackageFormat.GENERIC)
                .namespace("tools").packageValue("tool")).versions().stream().map(PackageVersionSummary::version)
                .toList();
    }

    private static byte[] download(CodeartifactClient sdk) {
        return sdk.getPackageVersionAssetAsBytes(r -> r.domain("acme").repository("team")
                .format(PackageFormat.GENERIC).namespace("tools").packageValue("tool").packageVersion("1.0.0")
                .asset("tool.tar.gz")).asByteArray();
    }
}
