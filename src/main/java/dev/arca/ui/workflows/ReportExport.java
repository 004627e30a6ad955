package dev.arca.ui.workflows;

import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Objects;

/** Saves a run's report where the user says: JSON for a {@code .json} name, else CSV ({@link RunReport}). */
final class ReportExport {

    private final TaskRunner tasks;
    private final DialogService dialogs;

    ReportExport(TaskRunner tasks, DialogService dialogs) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /** Asks where, then writes {@code report} in the background; a failure is said in a dialog. */
    void export(ExecutionReport report, String domain, String repository) {
        String name = "arca-cleanup-" + domain + "-" + repository + ".csv";
        dialogs.chooseSaveFile("Export the run's report", name).ifPresent(file -> {
            RunReport written = new RunReport(report);
            boolean json = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json");
            BackgroundTask.of("Writing " + file.getFileName(), p -> Files.writeString(file,
                            json ? written.json() : written.csv(), StandardCharsets.UTF_8))
                    .onFailure(e -> dialogs.showError("Export failed", "The report could not be written to " + file
                            + " (" + UserMessages.describe(e) + ").", e))
                    .runWith(tasks);
        });
    }
}
