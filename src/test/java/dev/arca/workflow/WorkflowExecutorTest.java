package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.CandidateVersion;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionGuards;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor against a real local server that emulates CodeArtifact's request-rate quotas. */
class WorkflowExecutorTest {

    private static final String DOMAIN = "acme";
    private static final String DEV = "dev";
    private static final String PROD = "prod";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private EmbeddedGateway local;
    private PackageVersionWrites writes;

    @BeforeEach
    void start() throws Exception {
        local = new EmbeddedGateway(ServerConfig.embedded(dir.resolve("server")).withQuotaEmulation(true));
        local.gateway().createDomain(DOMAIN, Optional.empty());
        local.gateway().createRepository(DOMAIN, DEV, Optional.empty(), List.of());
        local.gateway().createRepository(DOMAIN, PROD, Optional.empty(), List.of());
        writes = new PackageVersionWrites(local.gateway());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void copiesManyVersionsAcrossPackagesUnderThrottlingEachExactlyOnce() throws Exception {
        List<String> packages = publish(12, 10);
        RetentionPlan plan = plan(packages, new RetentionAction.Copy(PROD, false, false));
        // Unpaced and eight batches at once against a quota of 5 copies a second: the service throttles.
        WorkflowExecutor executor = new WorkflowExecutor(writes, new ExecutionOptions(8, Map.of(), 5));
        List<ExecutionProgress> progress = new ArrayList<>();

        ExecutionReport report = executor.execute(DOMAIN, DEV, VersionChange.of(plan), dir.resolve("copy.journal"),
                p -> {
                    synchronized (progress) {
                        progress.add(p);
                    }
                }, new Cancellation());

        assertThat(report.count(VersionResult.Kind.DONE)).isEqualTo(120);
        assertThat(report.complete()).isTrue();
        assertThat(report.anyFailed()).isFalse();
        assertThat(report.throttled()).as("requests throttled and sent again").isPositive();
        assertThat(progress.getLast().done()).isEqualTo(120);
        assertThat(progress.getLast().total()).isEqualTo(120);
        for (String pkg : packages) {
            assertThat(statuses(PROD, pkg)).hasSize(10).containsOnlyKeys(versions(10));
        }
        assertThat(doneCountsPerChange(dir.resolve("copy.journal"))).hasSize(120).allSatisfy((change, done) ->
                assertThat(done).as("change %s", change).isEqualTo(1));
    }

    @Test
    void pacesCopiesToTheQuotaWithoutLosingAny() throws Exception {
        List<String> packages = publish(3, 4);
        RetentionPlan plan = plan(packages, new RetentionAction.Copy(PROD, false, false));
        // Defaults: 5 copies a second; one version a batch makes 12 requests, so at least ~1.4 s.
        ExecutionOptions paced = new ExecutionOptions(4, ExecutionOptions.defaults().ratesPerSecond(), 1);

        ExecutionReport report = new WorkflowExecutor(writes, paced).execute(DOMAIN, DEV, VersionChange.of(plan),
                dir.resolve("paced.journal"), ExecutionProgress.Listener.NONE, new Cancellation());

        assertThat(report.count(VersionResult.Kind.DONE)).isEqualTo(12);
        assertThat(report.elapsed().toMillis()).isGreaterThanOrEqualTo(1_300);
        assertThat(report.throttled()).isZero();
        for (String pkg : packages) {
            assertThat(statuses(PROD, pkg)).hasSize(4);
        }
    }

    @Test
    void aVersionWhoseStatusChangedAfterPlanningIsReportedAndLeftAlone() throws Exception {
        List<String> packages = publish(1, 5);
        String pkg = packages.getFirst();
        RetentionPlan plan = plan(packages, RetentionAction.of(dev.arca.core.retention.ActionKind.UNLIST));
        local.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(DEV).format("generic")
                .namespace("team").packageValue(pkg).versions("1.3").targetStatus("Archived"));

        ExecutionReport report = executor().execute(DOMAIN, DEV, VersionChange.of(plan),
                dir.resolve("unlist.journal"), ExecutionProgress.Listener.NONE, new Cancellation());

        VersionResult changed = result(report, "1.3");
        assertThat(changed.kind()).isEqualTo(VersionResult.Kind.FAILED);
        assertThat(changed.errorCode()).contains("MISMATCHED_STATUS");
        assertThat(changed.message()).contains("current status: Archived");
        assertThat(report.count(VersionResult.Kind.DONE)).isEqualTo(4);
        Map<String, String> statuses = statuses(DEV, pkg);
        assertThat(statuses).containsEntry("1.3", "Archived");
        assertThat(statuses.values().stream().filter("Unlisted"::equals)).hasSize(4);
    }

    @Test
    void aVersionChangedAndChangedBackAfterPlanningFailsOnItsRevision() throws Exception {
        List<String> packages = publish(1, 3);
        String pkg = packages.getFirst();
        RetentionPlan plan = plan(packages, new RetentionAction.Dispose());
        for (String status : List.of("Unlisted", "Published")) {
            local.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(DEV).format("generic")
                    .namespace("team").packageValue(pkg).versions("1.1").targetStatus(status));
        }

        ExecutionReport report = executor().execute(DOMAIN, DEV, VersionChange.of(plan),
                dir.resolve("dispose.journal"), ExecutionProgress.Listener.NONE, new Cancellation());

        assertThat(result(report, "1.1").errorCode()).contains("MISMATCHED_REVISION");
        assertThat(statuses(DEV, pkg)).containsEntry("1.0", "Disposed").containsEntry("1.1", "Published")
                .containsEntry("1.2", "Disposed");
    }

    @Test
    void morePlannedVersionsOfOnePackageThanOneRequestTakesAreSplitAtTheServiceLimit() throws Exception {
        List<String> packages = publish(1, 130);
        RetentionPlan plan = plan(packages, RetentionAction.of(dev.arca.core.retention.ActionKind.UNLIST));
        Path journal = dir.resolve("split.journal");

        ExecutionReport report = executor().execute(DOMAIN, DEV, VersionChange.of(plan), journal,
                ExecutionProgress.Listener.NONE, new Cancellation());

        assertThat(report.count(VersionResult.Kind.DONE)).isEqualTo(130);
        assertThat(statuses(DEV, packages.getFirst()).values()).hasSize(130).containsOnly("Unlisted");
        assertThat(Files.readAllLines(journal).stream().filter(l -> l.startsWith("{\"start\"")))
                .extracting(l -> JSON.readTree(l).path("changes").size()).containsExactly(100, 30);
    }

    @Test
    void deletesEveryPlannedVersionOfSeveralPackages() throws Exception {
        List<String> packages = publish(3, 3);
        RetentionPlan plan = plan(packages, new RetentionAction.Delete());

        ExecutionReport report = executor().execute(DOMAIN, DEV, VersionChange.of(plan),
                dir.resolve("delete.journal"), ExecutionProgress.Listener.NONE, new Cancellation());

        assertThat(report.count(VersionResult.Kind.DONE)).isEqualTo(9);
        for (String pkg : packages) {
            assertThat(statuses(DEV, pkg)).isEmpty();
        }
    }

    @Test
    void aCancelledRunResumesFromItsJournalAndHandlesEveryVersionOnce() throws Exception {
        List<String> packages = publish(12, 5);
        RetentionPlan plan = plan(packages, RetentionAction.of(dev.arca.core.retention.ActionKind.ARCHIVE));
        Path journal = dir.resolve("archive.journal");
        Cancellation cancellation = new Cancellation();
        WorkflowExecutor executor = new WorkflowExecutor(writes, new ExecutionOptions(2, Map.of(), 5));

        ExecutionReport first = executor.execute(DOMAIN, DEV, VersionChange.of(plan), journal, p -> {
            if (p.done() >= 10) {
                cancellation.cancel();
            }
        }, cancellation);

        assertThat(first.cancelled()).isTrue();
        assertThat(first.count(VersionResult.Kind.NOT_RUN)).isPositive();
        int doneFirst = first.count(VersionResult.Kind.DONE);
        assertThat(doneFirst).isBetween(10, 20); // the batch that triggered the cancel, and the one beside it
        assertThat(archivedCount(packages)).isEqualTo(doneFirst);
        ExecutionReport history = WorkflowExecutor.recorded(journal);
        assertThat(history.count(VersionResult.Kind.DONE)).isEqualTo(doneFirst);
        assertThat(history.count(VersionResult.Kind.NOT_RUN)).isEqualTo(60 - doneFirst);

        ExecutionReport second = executor.resume(journal, ExecutionProgress.Listener.NONE, new Cancellation());

        assertThat(second.complete()).isTrue();
        assertThat(second.count(VersionResult.Kind.SKIPPED)).isEqualTo(doneFirst);
        assertThat(second.count(VersionResult.Kind.DONE)).isEqualTo(60 - doneFirst);
        assertThat(archivedCount(packages)).isEqualTo(60);
        assertThat(doneCountsPerChange(journal)).hasSize(60).allSatisfy((change, done) ->
                assertThat(done).as("change %s", change).isEqualTo(1));
    }

    @Test
    void aBatchStartedWithoutOutcomeIsCheckedBeforeItIsSentAgain() throws Exception {
        List<String> packages = publish(2, 3);
        RetentionPlan plan = plan(packages, RetentionAction.of(dev.arca.core.retention.ActionKind.UNLIST));
        List<VersionChange> changes = VersionChange.of(plan);
        Path journal = dir.resolve("crashed.journal");
        // The journal as a crash leaves it: batch 1 (the first package) sent and applied, except that someone else
        // archived 1.2 meanwhile; batch 2 (the second package) started but never reached the service; the outcome
        // line of batch 1 cut off mid-write.
        try (RunJournal crashed = RunJournal.create(journal, DOMAIN, DEV, changes)) {
            crashed.started(1, List.of(0, 1, 2));
            crashed.started(2, List.of(3, 4, 5));
        }
        Files.writeString(journal, "{\"outcome\":1,\"results\":[{\"change\":0,\"st", StandardOpenOption.APPEND);
        String first = packages.get(0);
        setStatus(first, "Unlisted", "1.0", "1.1");
        setStatus(first, "Archived", "1.2");

        ExecutionReport report = executor().resume(journal, ExecutionProgress.Listener.NONE, new Cancellation());

        assertThat(report.results()).extracting(r -> r.change().pkg().name() + " " + r.change().version() + " "
                + r.kind() + r.errorCode().map(c -> " " + c).orElse("")).containsExactlyInAnyOrder(
                first + " 1.0 DONE", first + " 1.1 DONE", first + " 1.2 FAILED MISMATCHED_STATUS",
                packages.get(1) + " 1.0 DONE", packages.get(1) + " 1.1 DONE", packages.get(1) + " 1.2 DONE");
        assertThat(statuses(DEV, first)).containsEntry("1.2", "Archived");
        assertThat(statuses(DEV, packages.get(1)).values()).containsOnly("Unlisted");
        // Settled now: resuming again sends nothing.
        ExecutionReport again = executor().resume(journal, ExecutionProgress.Listener.NONE, new Cancellation());
        assertThat(again.count(VersionResult.Kind.SKIPPED)).isEqualTo(5);
        assertThat(again.count(VersionResult.Kind.FAILED)).isEqualTo(1);
        assertThat(again.count(VersionResult.Kind.DONE)).isZero();
    }

    @Test
    void aRequestWithoutAnswerIsReportedUnknownAndLeftForTheResumeToCheck() throws Exception {
        List<VersionChange> changes = VersionChange.of(plan(publish(2, 2),
                RetentionAction.of(dev.arca.core.retention.ActionKind.ARCHIVE)));
        Path journal = dir.resolve("unreachable.journal");
        local.server().close();

        ExecutionReport report = executor().execute(DOMAIN, DEV, changes, journal, ExecutionProgress.Listener.NONE,
                new Cancellation());

        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(VersionResult.Kind.FAILED);
            assertThat(r.errorCode()).contains(VersionResult.OUTCOME_UNKNOWN);
            assertThat(r.message()).contains("resume the run to check");
        });
        assertThat(WorkflowExecutor.recorded(journal).results()).allSatisfy(r ->
                assertThat(r.message()).isEqualTo("interrupted while sent: resume the run to check it"));
    }

    @Test
    void aDamagedJournalIsRefusedWithOneSentenceAndNothingIsSent() throws Exception {
        List<String> packages = publish(1, 2);
        List<VersionChange> changes = VersionChange.of(plan(packages,
                RetentionAction.of(dev.arca.core.retention.ActionKind.UNLIST)));
        Path journal = dir.resolve("damaged.journal");
        try (RunJournal written = RunJournal.create(journal, DOMAIN, DEV, changes)) {
            written.started(1, List.of(0, 1));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(2, "{\"change\":1, this is not JSON");
        Files.write(journal, lines);

        assertThatThrownBy(() -> executor().resume(journal, ExecutionProgress.Listener.NONE, new Cancellation()))
                .isInstanceOf(JournalException.class)
                .hasMessage("Line 3 of the journal " + journal + " is damaged (not JSON); the journal cannot be"
                        + " resumed.");
        Path other = Files.writeString(dir.resolve("notes.txt"), "shopping list\n");
        assertThatThrownBy(() -> executor().resume(other, ExecutionProgress.Listener.NONE, new Cancellation()))
                .isInstanceOf(JournalException.class).hasMessageContaining("is damaged (not JSON)");
        Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"name\":\"x\"}\n");
        assertThatThrownBy(() -> executor().resume(foreign, ExecutionProgress.Listener.NONE, new Cancellation()))
                .isInstanceOf(JournalException.class).hasMessage(foreign + " is not an Arca run journal.");
        assertThatThrownBy(() -> executor().resume(dir.resolve("missing"), ExecutionProgress.Listener.NONE,
                new Cancellation())).isInstanceOf(JournalException.class).hasMessageStartingWith("There is no journal");
        assertThatThrownBy(() -> executor().execute(DOMAIN, DEV, changes, journal, ExecutionProgress.Listener.NONE,
                new Cancellation())).isInstanceOf(JournalException.class).hasMessageContaining("already exists");
        assertThat(statuses(DEV, packages.getFirst()).values()).containsOnly("Published");
    }

    @Test
    void aJournalCutOffWhileItsPlanWasWrittenSaysToPlanAgain() throws Exception {
        List<VersionChange> changes = VersionChange.of(plan(publish(1, 3),
                RetentionAction.of(dev.arca.core.retention.ActionKind.UNLIST)));
        Path journal = dir.resolve("short.journal");
        RunJournal.create(journal, DOMAIN, DEV, changes).close();
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, String.join("\n", lines.subList(0, 2)) + "\n");

        assertThatThrownBy(() -> executor().resume(journal, ExecutionProgress.Listener.NONE, new Cancellation()))
                .isInstanceOf(JournalException.class).hasMessageContaining("nothing was run; plan again");
    }

    // Helpers

    private WorkflowExecutor executor() {
        return new WorkflowExecutor(writes, ExecutionOptions.defaults());
    }

    /** Publishes {@code count} generic packages {@code lib-NN} in namespace team, each with versions 1.0, 1.1, …. */
    private List<String> publish(int count, int versionsEach) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            String name = String.format("lib-%02d", p);
            for (String version : versions(versionsEach)) {
                local.publishGeneric(DOMAIN, DEV, "team", name, version,
                        (name + version).getBytes(StandardCharsets.UTF_8));
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> versions(int count) {
        return IntStream.range(0, count).mapToObj(i -> "1." + i).toList();
    }

    /** Every version of the packages chosen by hand for {@code action}, guards off, as the Packages page plans. */
    private RetentionPlan plan(List<String> packages, RetentionAction action) {
        List<PackageVersions> listed = new ArrayList<>();
        Map<PackageRef, Set<String>> chosen = new HashMap<>();
        for (String name : packages) {
            PackageRef ref = new PackageRef(PackageFormat.GENERIC, "team", name);
            List<CandidateVersion> versions = local.gateway().listVersions(DOMAIN, DEV,
                            new PackageInfo("generic", "team", name, "ALLOW", "ALLOW"), Optional.empty(),
                            Optional.empty(), 1000).items().stream()
                    .map(v -> CandidateVersion.of(v, Optional.empty(), OptionalLong.empty())).toList();
            listed.add(new PackageVersions(ref, Optional.empty(), versions));
            chosen.put(ref, new LinkedHashSet<>(versions.stream().map(CandidateVersion::version).toList()));
        }
        RetentionPlan plan = RetentionPlanner.planChosen(listed, chosen, action, new RetentionGuards(false, false));
        assertThat(plan.changes()).hasSize(plan.entries().size());
        return plan;
    }

    private Map<String, String> statuses(String repository, String pkg) {
        Map<String, String> out = new HashMap<>();
        for (String status : List.of("Published", "Unlisted", "Archived", "Disposed")) {
            local.sdk().listPackageVersionsPaginator(r -> r.domain(DOMAIN).repository(repository).format("generic")
                    .namespace("team").packageValue(pkg).status(status)).versions()
                    .forEach(v -> out.put(v.version(), v.statusAsString()));
        }
        return out;
    }

    private int archivedCount(List<String> packages) {
        return packages.stream().mapToInt(p -> (int) statuses(DEV, p).values().stream()
                .filter("Archived"::equals).count()).sum();
    }

    private void setStatus(String pkg, String status, String... versions) {
        local.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(DEV).format("generic")
                .namespace("team").packageValue(pkg).versions(versions).targetStatus(status));
    }

    private static VersionResult result(ExecutionReport report, String version) {
        return report.results().stream().filter(r -> r.change().version().equals(version)).findFirst().orElseThrow();
    }

    /** How many outcome lines of the journal record each change as DONE. */
    private static Map<Integer, Integer> doneCountsPerChange(Path journal) throws IOException {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(journal)) {
            JsonNode node = JSON.readTree(line);
            if (node.has("outcome")) {
                for (JsonNode result : node.path("results")) {
                    if (result.path("state").asText().equals("DONE")) {
                        counts.merge(result.path("change").asInt(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
