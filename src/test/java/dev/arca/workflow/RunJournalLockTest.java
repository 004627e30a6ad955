package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.RetentionAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal whose run is going cannot be opened for a second run of it, and reading it for the history is harmless. */
class RunJournalLockTest {

    @TempDir
    Path dir;

    private final List<VersionChange> changes = List.of(
            change("1.0"), change("1.1"), change("1.2"));

    @Test
    void aJournalWhoseRunIsGoingIsNotOpenedForAnotherRun() throws Exception {
        Path file = dir.resolve("arca-bulk-acme-dev.journal");
        try (RunJournal going = RunJournal.create(file, "acme", "dev", changes)) {
            going.started(1, List.of(0));

            assertThatThrownBy(() -> RunJournal.open(file)).isInstanceOf(JournalException.class)
                    .hasMessage("The run journalled in arca-bulk-acme-dev.journal is still going; wait for it to end,"
                            + " or cancel it, before resuming it.");
        }
        try (RunJournal resumed = RunJournal.open(file)) {
            assertThat(resumed.entry(0).state()).isEqualTo(RunJournal.State.IN_FLIGHT);
        }
    }

    @Test
    void readingAJournalLeavesALineBeingWrittenAlone() throws Exception {
        Path file = dir.resolve("going.journal");
        RunJournal.create(file, "acme", "dev", changes).close();
        String half = "{\"start\":1,\"chan";
        Files.writeString(file, half, StandardOpenOption.APPEND);

        ExecutionReport recorded = WorkflowExecutor.recorded(file);
        RunHistory.Entry listed = RunHistory.read(dir).getFirst();

        assertThat(recorded.count(VersionResult.Kind.NOT_RUN)).isEqualTo(3);
        assertThat(listed).isInstanceOfSatisfying(RunHistory.Recorded.class, r -> {
            assertThat(r.domain()).isEqualTo("acme");
            assertThat(r.repository()).isEqualTo("dev");
        });
        assertThat(Files.readString(file)).endsWith(half);
    }

    private static VersionChange change(String version) {
        return new VersionChange(new PackageRef(PackageFormat.GENERIC, "tools", "lint"), version,
                VersionStatus.PUBLISHED, "", RetentionAction.of(ActionKind.UNLIST));
    }
}
