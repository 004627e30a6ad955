package dev.arca.app;

import dev.arca.core.ArcaVersion;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Arca's launcher. With no command it opens the GUI on an embedded local server; {@code arca server}
 * runs the local server alone. Usage errors and start-up problems are one line on stderr and exit code 2.
 */
@Command(name = "arca",
        mixinStandardHelpOptions = true,
        versionProvider = Arca.VersionProvider.class,
        subcommands = {ServerCommand.class},
        description = {
            "Administration console for CodeArtifact package repositories.",
            "With no command, opens the GUI on an embedded local server (127.0.0.1, a free port)."
        })
public final class Arca implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory of the embedded server (default: the per-user data directory).")
    private Path data;

    private final Map<String, String> env;

    Arca(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err, System.getenv()));
    }

    /** Runs the command line and returns the exit code; the seam the CLI tests use. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new Arca(env), new Factory(env));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, unused) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + ex.getMessage() + " (see '" + command + " --help')");
            err.flush();
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            String command = cmd.getCommandSpec().qualifiedName();
            if (ex instanceof StartupProblem || ex instanceof ServerStartException) {
                err.println(command + ": " + ex.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            LoggerFactory.getLogger(Arca.class).error("Unexpected failure", ex);
            err.println(command + ": unexpected error: " + ex);
            err.flush();
            return EXIT_FAILURE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PlatformDirectories directories = PlatformDirectories.current();
        Path dataDir = LocalServer.prepareDataDirectory(data == null ? directories.data() : data);
        LogFiles.attach(dataDir);
        AppContext context = AppContext.start(dataDir, directories.config());
        try {
            ArcaGui.run(context);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            context.close();
            // Glass reports a missing display this way; anything else is a real failure.
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("display")) {
                throw new StartupProblem("cannot open the GUI: no display is available"
                        + " (set DISPLAY, or run 'arca server' for the headless server)");
            }
            throw e;
        }
        return EXIT_OK;
    }

    /** A start-up problem the user can fix; its message is one plain sentence. */
    static final class StartupProblem extends Exception {
        StartupProblem(String message) {
            super(message);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Arca " + ArcaVersion.current(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
        }
    }

    /** Gives subcommands the same environment the root command sees. */
    private record Factory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ServerCommand.class) {
                return type.cast(new ServerCommand(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
