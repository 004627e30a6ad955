package dev.arca.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.PackageInfo;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.workflows.WorkflowsViewModel.Stage;
import dev.arca.workflow.Cancellation;
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.RunHistory;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.VersionResult;
import dev.arca.workflow.WorkflowExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history of runs read from the journals folder, and an interrupted run resumed, against a real local server. */
class RunHistoryViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private WorkflowsViewModel workflows;
    private RunHistoryViewModel history;
    private Path journals;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        gateway = embedded.gateway();
        gateway.createDomain("shop", Optional.empty());
        gateway.createRepository("shop", "dev", Optional.empty(), List.of());
        for (String pkg : List.of("lint", "fmt", "cache")) {
            for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
                embedded.publishGeneric("shop", "dev", "tools", pkg, version,
                        (pkg + version).getBytes(StandardCharsets.UTF_8));
            }
        }
        journals = temp.resolve("journals");
        workflows = new WorkflowsViewModel(() -> gateway, ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        }), dialogs, new DomainMemory(UserSettings.load(temp.resolve("settings.properties")), "local"), journals,
                Clock.systemUTC());
        history = workflows.history();
        workflows.loadDomains();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void anEmptyFolderIsAnEmptyHistory() {
        history.refresh();

        assertThat(history.stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(history.runs()).isEmpty();
    }

    @Test
    void completeInterruptedAndDamagedJournalsAreListedNewestFirstWhateverTheirNames() throws Exception {
        workflows.rule().actionProperty().set("unlist");
        workflows.rule().packagePrefixProperty().set("lint");
        workflows.plan();
        workflows.apply();
        Path complete = workflows.run().journalProperty().get().orElseThrow();
        Path interrupted = interruptedRun("arca-bulk-shop-dev-20261205T120000Z.journal");
        Path damaged = Files.writeString(journals.resolve("arca-bulk-broken.journal"), "");
        Files.writeString(journals.resolve("notes.txt"), "not a journal\n");
        Files.setLastModifiedTime(complete, FileTime.from(Instant.parse("2026-12-05T10:00:00Z")));
        Files.setLastModifiedTime(interrupted, FileTime.from(Instant.parse("2026-12-05T11:00:00Z")));
        Files.setLastModifiedTime(damaged, FileTime.from(Instant.parse("2026-12-05T09:00:00Z")));

        history.refresh();

        assertThat(history.stateProperty().get()).isEqualTo(ListState.READY);
        assertThat(history.runs()).extracting(RunHistory.Entry::journal).containsExactly(interrupted, complete,
                damaged);
        RunHistory.Recorded cut = (RunHistory.Recorded) history.runs().get(0);
        assertThat(cut.domain()).isEqualTo("shop");
        assertThat(cut.repository()).isEqualTo("dev");
        assertThat(cut.report().complete()).isFalse();
        assertThat(RunHistoryViewModel.actions(cut.report())).isEqualTo("9 archive");
        assertThat(RunHistoryViewModel.outcome(cut.report())).isEqualTo("2 done · 7 not run");
        RunHistory.Recorded done = (RunHistory.Recorded) history.runs().get(1);
        assertThat(done.report().complete()).isTrue();
        // The latest release of lint is kept (the guard is on by default): two versions unlisted.
        assertThat(RunHistoryViewModel.actions(done.report())).isEqualTo("2 unlist");
        assertThat(RunHistoryViewModel.outcome(done.report())).isEqualTo("2 done");
        assertThat(history.runs().get(2)).isInstanceOfSatisfying(RunHistory.Unreadable.class,
                u -> assertThat(u.problem()).contains("is empty, not a run journal"));

        history.selectedProperty().set(done);
        assertThat(history.results()).hasSize(2).allMatch(r -> r.kind() == VersionResult.Kind.DONE);
        assertThat(history.summaryProperty().get()).isEqualTo("2 versions: 2 done");
        assertThat(history.canResumeProperty().get()).isFalse();
        history.selectedProperty().set(cut);
        assertThat(history.summaryProperty().get())
                .isEqualTo("9 versions: 2 done · 7 not run — interrupted: Resume sends the rest");
        assertThat(history.canResumeProperty().get()).isTrue();
    }

    @Test
    void resumingAnInterruptedRunFinishesEveryVersionExactlyOnce() throws Exception {
        Path journal = interruptedRun("arca-cleanup-shop-dev-20261205T120000Z.journal");
        // As a crash leaves it: one more batch written as started, its request never answered.
        Files.writeString(journal, "{\"start\":90,\"changes\":[8]}\n", StandardOpenOption.APPEND);
        history.refresh();
        history.selectedProperty().set(history.runs().getFirst());

        assertThat(history.resume()).isTrue();

        assertThat(dialogs.shown()).last().asString().isEqualTo("confirm: Resume: Resuming will 7 archive in dev.");
        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.RUN);
        ExecutionReport resumed = workflows.run().reportProperty().get().orElseThrow();
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.count(VersionResult.Kind.SKIPPED)).isEqualTo(2);
        assertThat(resumed.count(VersionResult.Kind.DONE)).isEqualTo(7);
        assertThat(doneCountsPerChange(journal)).hasSize(9).allSatisfy((change, count) ->
                assertThat(count).as("change %s", change).isEqualTo(1));
        assertThat(archivedCount()).isEqualTo(9);
        // The history is read again when the run ends: complete now, nothing left to resume.
        assertThat(history.selectedProperty().get()).isInstanceOfSatisfying(RunHistory.Recorded.class,
                r -> assertThat(r.report().complete()).isTrue());
        assertThat(history.canResumeProperty().get()).isFalse();
        assertThat(history.resume()).isFalse();
    }

    @Test
    void aResumeTheUserDeclinesSendsNothing() throws Exception {
        interruptedRun("arca-cleanup-shop-dev-1.journal");
        history.refresh();
        history.selectedProperty().set(history.runs().getFirst());
        dialogs.answerConfirmations(false);

        assertThat(history.resume()).isFalse();

        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.BUILDING);
        assertThat(archivedCount()).isEqualTo(2);
    }

    /** Archives every version one batch at a time and cancels after two: the journal of an interrupted run. */
    private Path interruptedRun(String name) throws Exception {
        workflows.rule().packagePrefixProperty().set("");
        workflows.rule().actionProperty().set("archive");
        workflows.rule().keepLatestProperty().set(false);
        workflows.plan();
        List<VersionChange> changes = VersionChange.of(workflows.preview().planProperty().get().orElseThrow());
        Path journal = journals.resolve(name);
        Cancellation cancellation = new Cancellation();
        ExecutionReport report = new WorkflowExecutor(new PackageVersionWrites(gateway),
                new ExecutionOptions(1, Map.of(), 1)).execute("shop", "dev", changes, journal, p -> {
                    if (p.done() >= 2) {
                        cancellation.cancel();
                    }
                }, cancellation);
        assertThat(report.count(VersionResult.Kind.DONE)).isEqualTo(2);
        workflows.startOver();
        return journal;
    }

    private int archivedCount() {
        int archived = 0;
        for (String pkg : List.of("lint", "fmt", "cache")) {
            for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
                if (gateway.describeVersion("shop", "dev", new PackageInfo("generic", "tools", pkg, "", ""), version)
                        .status().equals("Archived")) {
                    archived++;
                }
            }
        }
        return archived;
    }

    private static Map<Integer, Integer> doneCountsPerChange(Path journal) throws Exception {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(journal)) {
            JsonNode node = JSON.readTree(line);
            for (JsonNode result : node.path("results")) {
                if (result.path("state").asText().equals("DONE")) {
                    counts.merge(result.path("change").asInt(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
