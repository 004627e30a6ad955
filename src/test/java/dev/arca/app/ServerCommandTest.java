package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.ServerConfig;
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
}
