package dev.arca.app;

import dev.arca.core.retention.RetentionPlan;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.workflow.Cancellation;
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionProgress;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.JournalException;
import dev.arca.workflow.RunReport;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.WorkflowExecutor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;

/**
 * {@code arca cleanup --apply} and {@code --resume}: runs a plan's changes through the workflow executor, journalled,
 * and prints what became of each version. Ctrl+C or a TERM signal cancels: the request in flight finishes, the rest
 * is reported "not run" and {@code --resume JOURNAL} does it later; a kill or a crash is resumed the same way.
 */
final class CleanupRun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final WorkflowExecutor executor;
    private final CommandLine commandLine;
    private final Cancellation cancellation = new Cancellation();

    CleanupRun(CodeArtifactGateway gateway, CommandLine commandLine) {
        this.executor = new WorkflowExecutor(new PackageVersionWrites(gateway), ExecutionOptions.defaults());
        this.commandLine = Objects.requireNonNull(commandLine);
    }

    /** {@code arca-cleanup-DOMAIN-REPOSITORY-20261205T081500Z.journal}: where a run is journalled unless told. */
    static String defaultJournalName(String domain, String repository, Instant now) {
        return "arca-cleanup-" + domain + "-" + repository + "-" + STAMP.format(now) + ".journal";
    }

    /** Runs the plan's changes; exit 0 when all are done, 1 when some failed or the run was cancelled. */
    int apply(String domain, String repository, RetentionPlan plan, Path journal, Path report, boolean json)
            throws CommandProblem {
        List<VersionChange> changes = VersionChange.of(plan);
        PrintWriter err = commandLine.getErr();
        err.println("Journal: " + journal + " (if the run is interrupted, finish it with: arca cleanup --resume "
                + journal + ")");
        err.flush();
        return run(() -> executor.execute(domain, repository, changes, journal, ExecutionProgress.Listener.NONE,
                cancellation), journal, report, json);
    }

    /** Finishes the run {@code journal} records; exit codes as {@link #apply}. */
    int resume(Path journal, Path report, boolean json) throws CommandProblem {
        return run(() -> executor.resume(journal, ExecutionProgress.Listener.NONE, cancellation), journal, report,
                json);
    }

    @FunctionalInterface
    private interface Execution {
        ExecutionReport run() throws IOException;
    }

    private int run(Execution execution, Path journal, Path report, boolean json)
            throws CommandProblem {
        TerminationSignals.onTermination(cancellation::cancel);
        ExecutionReport result;
        try {
            result = execution.run();
        } catch (JournalException e) {
            throw new CommandProblem(e.getMessage(), Arca.EXIT_USAGE);
        } catch (IOException e) {
            throw new CommandProblem("The journal " + journal + " cannot be used (" + CleanupCommand.reason(e) + ").",
                    Arca.EXIT_USAGE);
        }
        RunReport written = new RunReport(result);
        if (report != null) {
            CleanupCommand.write(report, json ? written.json() : written.csv());
        }
        PrintWriter out = commandLine.getOut();
        out.print(written.text());
        out.flush();
        return result.anyFailed() || !result.complete() ? Arca.EXIT_FAILURE : Arca.EXIT_OK;
    }
}
