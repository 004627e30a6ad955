package dev.arca.app;

import dev.arca.core.ArcaVersion;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Arca's launcher. With no command it opens the GUI on an embedded local server; {@code arca server}
 * runs the local server alone; {@code arca graph} prints a domain's upstream graph; {@code arca cleanup} plans a
 * retention rule set over a repository. Usage errors and start-up
 * problems are one line on stderr and exit code 2.
 */
@Command(name = "arca",
        mixinStandardHelpOptions = true,
        versionProvider = Arca.VersionProvider.class,
        subcommands = {ServerCommand.class, GraphCommand.class, CleanupCommand.class},
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

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // Off the start-up path: the management classes it loads would delay the window.
        Thread.ofPlatform().daemon().name("arca-heap-governor-start").start(HeapGovernor::start);
        ClassDataArchive.createAtExitIfMissing();
        // The plain "arca" start skips the command-line parser: the window should not wait for it.
        int code = args.length == 0 ? launchGuiDirectly(err) : execute(args, out, err, System.getenv());
        System.exit(code);
    }

    /** Runs the command line and returns the exit code; the seam the CLI tests use. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new Arca(), new Factory(env));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, unused) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + ex.getMessage() + " (see '" + command + " --help')");
            err.flush();
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
                report(cmd.getCommandSpec().qualifiedName(), ex, err));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        launchGui(data);
        return EXIT_OK;
    }

    private static int launchGuiDirectly(PrintWriter err) {
        try {
            launchGui(null);
            return EXIT_OK;
        } catch (Exception e) {
            return report("arca", e, err);
        }
    }

    /** Opens the GUI on the embedded server and returns when the window closes. */
    private static void launchGui(Path requestedData) throws Exception {
        PlatformDirectories directories = PlatformDirectories.current();
        Path dataDir = LocalServer.prepareDataDirectory(requestedData == null ? directories.data() : requestedData);
        // Logging, settings and the server come up while the JavaFX toolkit starts.
        CompletableFuture<AppContext> context = CompletableFuture.supplyAsync(() -> {
            LoggingSetup.attachFile(dataDir);
            return AppContext.start(dataDir, directories.config());
        }, Thread.ofPlatform().daemon().name("arca-startup")::start);
        try {
            ArcaGui.run(context);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            context.join().close();
            // Glass reports a missing display this way; anything else is a real failure.
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("display")) {
                throw new StartupProblem("cannot open the GUI: no display is available"
                        + " (set DISPLAY, or run 'arca server' for the headless server)");
            }
            throw e;
        }
    }

    /** One line on stderr; exit 2 for problems the user can fix, 1 (and the log) for anything else. */
    private static int report(String command, Exception failure, PrintWriter err) {
        if (failure instanceof CommandProblem problem) {
            err.println(command + ": " + problem.getMessage());
            err.flush();
            return problem.exitCode();
        }
        if (failure instanceof StartupProblem || failure instanceof ServerStartException) {
            err.println(command + ": " + failure.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        LoggerFactory.getLogger(Arca.class).error("Unexpected failure", failure);
        err.println(command + ": unexpected error: " + failure);
        err.flush();
        return EXIT_FAILURE;
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
            if (type == GraphCommand.class) {
                return type.cast(new GraphCommand(env));
            }
            if (type == CleanupCommand.class) {
                return type.cast(new CleanupCommand(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
