package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerConfig;
import dev.arca.server.store.s3.S3Location;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
}
