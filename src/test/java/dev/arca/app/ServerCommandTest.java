package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerConfig;
import dev.arca.server.store.s3.S3Location;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/** What {@code arca server}'s options turn into: the configuration the local server starts with. */
class ServerCommandTest {

    @TempDir
    Path temp;

    private ServerConfig parse(String... args) {
        ServerCommand command = new ServerCommand(Map.of());
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void quotaEmulationIsOffUnlessAskedFor() {
        assertThat(parse("--data", temp.toString()).emulateQuotas()).isFalse();
    }

    @Test
    void emulateQuotasTurnsQuotaEmulationOn() {
        ServerConfig config = parse("--emulate-quotas", "--data", temp.toString(), "--port", "8111");

        assertThat(config.emulateQuotas()).isTrue();
        assertThat(config.port()).isEqualTo(8111);
        assertThat(config.dataDir()).isEqualTo(temp);
    }

    @Test
    void blobsStayInTheDataDirectoryUnlessABucketIsGiven() {
        assertThat(parse("--data", temp.toString()).blobs()).isEmpty();
    }

    @Test
    void blobsTakesABucketAndAPrefix() {
        assertThat(parse("--data", temp.toString(), "--blobs", "s3://team-artifacts/arca/blobs/").blobs())
                .contains(new S3Location("team-artifacts", "arca/blobs"));
        assertThat(parse("--data", temp.toString(), "--blobs", "s3://team-artifacts").blobs())
                .contains(new S3Location("team-artifacts", ""));
    }

    @Test
    void blobsThatAreNotAnS3UriAreAUsageError() {
        assertThatThrownBy(() -> parse("--data", temp.toString(), "--blobs", "/srv/blobs"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--blobs: '/srv/blobs' is not an s3:// URI; use s3://BUCKET or s3://BUCKET/PREFIX");
        assertThatThrownBy(() -> parse("--data", temp.toString(), "--blobs", "s3://Not_A_Bucket/x"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--blobs: 'Not_A_Bucket' is not a valid S3 bucket name");
        assertThatThrownBy(() -> parse("--data", temp.toString(), "--blobs", "s3://bucket/a//b"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageStartingWith("--blobs: 'a//b' is not");
    }

    private static final Map<String, String> ROOT = Map.of("ARCA_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01",
            "ARCA_SECRET_ACCESS_KEY", "sample0data0secret0key0for0the0tests000");

    @Test
    void sampleDataLoadsTheDemoDomainBeforeTheListeningLine() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ServerCommand command = new ServerCommand(ROOT);
        CommandLine commandLine = new CommandLine(command).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("--sample-data",
                "--data", temp.toString(), "--port", "0"));
        URI endpoint = awaitListening(out, exit);

        try (CodeartifactClient sdk = CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ROOT.get("ARCA_ACCESS_KEY_ID"),
                                ROOT.get("ARCA_SECRET_ACCESS_KEY")))).build()) {
            assertThat(sdk.listDomains(r -> { }).domains()).extracting(d -> d.name()).containsExactly("demo");
            assertThat(sdk.listRepositoriesInDomain(r -> r.domain("demo")).repositories()).hasSize(7);
        } finally {
            command.stop();
        }
        assertThat(exit.get()).isZero();
        assertThat(err.toString()).contains("Loaded domain demo: 7 repositories, 266 package versions");
    }

    @Test
    void sampleDataIsRefusedWithExitTwoWhenTheServerHasItAlready() throws Exception {
        ServerCommand first = new ServerCommand(ROOT);
        StringWriter firstOut = new StringWriter();
        CommandLine firstLine = new CommandLine(first).setOut(new PrintWriter(firstOut, true))
                .setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> firstExit = CompletableFuture.supplyAsync(() -> firstLine.execute("--sample-data",
                "--data", temp.toString()));
        awaitListening(firstOut, firstExit);
        first.stop();
        assertThat(firstExit.get()).isZero();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Arca.execute(new String[] {"server", "--sample-data", "--data", temp.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true), ROOT);

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly("arca server: The sample domain is loaded already"
                + " (domain demo exists), so nothing was changed.");
    }

    private static URI awaitListening(StringWriter out, CompletableFuture<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!out.toString().contains(ServerCommand.LISTENING)) {
            if (exit.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start: exit " + (exit.isDone() ? exit.get() : "none"));
            }
            Thread.sleep(50);
        }
        String line = out.toString().lines().filter(l -> l.startsWith(ServerCommand.LISTENING)).findFirst().orElseThrow();
        return URI.create(line.substring(ServerCommand.LISTENING.length()).strip());
    }
}
