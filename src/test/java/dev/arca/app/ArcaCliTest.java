package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's contract for bad input: one line on stderr, exit code 2, no stack trace. */
class ArcaCliTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return Arca.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private void assertOneLineError(int exitCode, String expected) {
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpListsTheServerCommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: arca").contains("server").contains("--data");
    }

    @Test
    void serverHelpDocumentsEveryOption() {
        assertThat(run("server", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--data", "--host", "--account-id", "--external",
                "--emulate-quotas", "--metadata", "ARCA_DB_USER",
                "Arca local server listening on");
    }

    @Test
    void versionNamesArcaAndTheJavaRuntime() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Arca ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void unknownFlagIsOneLineAndExitTwo() {
        assertOneLineError(run("--bogus"), "arca: Unknown option: '--bogus' (see 'arca --help')");
    }

    @Test
    void unknownServerFlagNamesTheSubcommand() {
        assertOneLineError(run("server", "--nope"), "arca server: Unknown option: '--nope'");
    }

    @Test
    void nonNumericPortIsOneLineAndExitTwo() {
        assertOneLineError(run("server", "--port", "eighty"), "Invalid value for option '--port'");
    }

    @Test
    void portOutOfRangeIsOneLineAndExitTwo() {
        assertOneLineError(run("server", "--port", "70000", "--data", temp.toString()),
                "port must be between 0 and 65535");
    }

    @Test
    void dataDirectoryBelowARegularFileIsOneLineAndExitTwo() throws Exception {
        Path file = Files.createFile(temp.resolve("file"));

        assertOneLineError(run("server", "--port", "0", "--data", file.resolve("sub").toString()),
                "arca server: cannot use data directory " + file.resolve("sub"));
    }

    @Test
    void busyPortIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("server", "--port", String.valueOf(busy.getLocalPort()), "--data", temp.toString());

            assertOneLineError(code, "port " + busy.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void malformedAccountIdIsOneLineAndExitTwo() {
        assertOneLineError(run("server", "--account-id", "12ab", "--data", temp.toString()),
                "account id must be 12 digits");
    }

    @Test
    void anAccountGivenTwiceIsOneLineAndExitTwo() {
        assertOneLineError(run("server", "--account-id", "111122223333", "--account-id", "111122223333", "--data",
                temp.toString()), "each account id may be given once: 111122223333, 111122223333");
    }

    @Test
    void malformedOrganizationIdIsOneLineAndExitTwo() {
        assertOneLineError(run("server", "--organization-id", "org-1", "--data", temp.toString()),
                "organization id must look like o-a1b2c3d4e5, not 'org-1'");
    }

    @Test
    void externalConnectionMustBeOneCodeArtifactOffers() {
        assertOneLineError(run("server", "--external", "npmjs=http://127.0.0.1:1/", "--data", temp.toString()),
                "external connection 'npmjs' is not one CodeArtifact offers; use one of public:crates-io,");
    }

    @Test
    void externalConnectionUrlMustBeAbsoluteHttp() {
        assertOneLineError(run("server", "--external", "public:npmjs=ftp://127.0.0.1/", "--data", temp.toString()),
                "must be an absolute http or https URL");
    }

    @Test
    void metadataMustBeAPostgresqlJdbcUrl() {
        assertOneLineError(run("server", "--metadata", "postgres://127.0.0.1/arca", "--data", temp.toString()),
                "the metadata database must be a URL like jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    @Test
    void halfSetEnvironmentCredentialsAreRefused() {
        int code = run(Map.of("ARCA_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01"), "server", "--data", temp.toString());

        assertOneLineError(code, "ARCA_ACCESS_KEY_ID and ARCA_SECRET_ACCESS_KEY must be set together");
    }

    @Test
    void guiWithAnUnusableDataDirectoryFailsBeforeOpeningAWindow() throws Exception {
        Path file = Files.createFile(temp.resolve("file"));

        assertOneLineError(run("--data", file.resolve("sub").toString()),
                "arca: cannot use data directory " + file.resolve("sub"));
    }
}
