package dev.arca.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageInfo;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.NewestBy;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionRule;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.workflows.RuleBuilderViewModel.Field;
import dev.arca.ui.workflows.WorkflowsViewModel.Stage;
import dev.arca.workflow.VersionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Workflows page's builder, plan and run against a real local server; no JavaFX toolkit. */
class WorkflowsViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private WorkflowsViewModel workflows;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        gateway = embedded.gateway();
        gateway.createDomain("shop", Optional.empty());
        gateway.createRepository("shop", "dev", Optional.empty(), List.of());
        for (String pkg : List.of("lint", "fmt")) {
            for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
                embedded.publishGeneric("shop", "dev", "tools", pkg, version,
                        (pkg + version).getBytes(StandardCharsets.UTF_8));
                Thread.sleep(5); // distinct publish times, so "newest" reads the same on every machine
            }
        }
        ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        });
        workflows = new WorkflowsViewModel(() -> gateway, tasks, dialogs,
                new DomainMemory(UserSettings.load(temp.resolve("settings.properties")), "local"),
                temp.resolve("journals"), Clock.systemUTC());
        workflows.loadDomains();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theDomainAndRepositoryArePickedAndTheDefaultRuleIsValid() {
        assertThat(workflows.domainProperty().get()).isEqualTo("shop");
        assertThat(workflows.repositoryProperty().get()).isEqualTo("dev");
        assertThat(workflows.rule().ruleSetProperty().get()).isPresent();
        assertThat(workflows.canPlanProperty().get()).isTrue();
    }

    @Test
    void eachBadValueIsASentenceUnderItsField() {
        workflows.rule().formatProperty().set("rpm");
        workflows.rule().keepNewestProperty().set("0");
        workflows.rule().olderThanDaysProperty().set("soon");
        workflows.rule().versionRegexProperty().set("(");

        assertThat(workflows.rule().errorProperty(Field.FORMAT).get())
                .startsWith("Format 'rpm' is not a package format");
        assertThat(workflows.rule().errorProperty(Field.KEEP_NEWEST).get())
                .startsWith("Keep newest is a whole number from 1").endsWith("not 0.");
        assertThat(workflows.rule().errorProperty(Field.OLDER_THAN_DAYS).get())
                .isEqualTo("Older than days is a whole number, not 'soon'.");
        assertThat(workflows.rule().errorProperty(Field.VERSION_REGEX).get())
                .startsWith("Version regex does not compile");
        assertThat(workflows.rule().errorProperty(Field.NAMESPACE).get()).isEmpty();
        assertThat(workflows.rule().ruleSetProperty().get()).isEmpty();
        assertThat(workflows.canPlanProperty().get()).isFalse();
    }

    @Test
    void aCopyWithoutDestinationSaysSoUnderTheDestination() {
        workflows.rule().actionProperty().set("copy");

        assertThat(workflows.rule().errorProperty(Field.DESTINATION).get()).isEqualTo("Action copy needs Destination "
                + "REPOSITORY.");
        workflows.rule().destinationProperty().set("prod");
        assertThat(workflows.rule().errorProperty(Field.DESTINATION).get()).isEmpty();
        assertThat(workflows.rule().ruleSetProperty().get()).isPresent();
    }

    @Test
    void newestByAndTheCopyOptionsReachTheRule() {
        workflows.rule().keepNewestProperty().set("1");
        workflows.rule().newestByProperty().set(NewestBy.VERSION);
        workflows.rule().actionProperty().set("copy");
        workflows.rule().destinationProperty().set("prod");
        workflows.rule().allowOverwriteProperty().set(true);
        workflows.rule().includeFromUpstreamProperty().set(true);

        RetentionRule rule = workflows.rule().ruleSetProperty().get().orElseThrow().rules().getFirst();

        assertThat(rule.selection().newestBy()).isEqualTo(NewestBy.VERSION);
        assertThat(rule.action()).isEqualTo(new RetentionAction.Copy("prod", true, true));
    }

    @Test
    void aRulesFileWithAnErrorSaysWhere() throws Exception {
        Path rules = temp.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n  - action: explode\n");

        workflows.rule().loadRulesFile(rules);

        assertThat(workflows.rule().rulesFileErrorProperty().get()).startsWith("rules.yaml: ").contains("line");
        assertThat(workflows.rule().rulesFileProperty().get()).isEmpty();
    }

    @Test
    void aValidRulesFileIsPlannedInsteadOfTheFields() throws Exception {
        Path rules = temp.resolve("rules.json");
        Files.writeString(rules, """
                {"rules": [{"rulePriority": 1, "selection": {"packages": "/generic/tools/lint$"},
                            "action": {"type": "unlist"}}]}""");
        workflows.rule().keepNewestProperty().set("0");

        workflows.rule().loadRulesFile(rules);
        workflows.plan();

        assertThat(workflows.rule().rulesFileErrorProperty().get()).isEmpty();
        // Only lint's versions are read for a rule naming lint; the file's default guards keep its latest release.
        assertThat(workflows.preview().summaryProperty().get()).startsWith("3 versions: 2 unlist, 1 keep");
        workflows.rule().useFields();
        assertThat(workflows.rule().ruleSetProperty().get()).isEmpty();
    }

    @Test
    void aCopyToARepositoryThatDoesNotExistIsSaidBeforeAnyPlan() {
        workflows.rule().actionProperty().set("copy");
        workflows.rule().destinationProperty().set("prod");

        workflows.plan();

        assertThat(workflows.errorMessageProperty().get())
                .isEqualTo("The copy destination prod does not exist in domain shop.");
        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.BUILDING);
    }

    @Test
    void theServedDownstreamGuardKeepsWhatAReaderOfTheRepositoryGetsFromIt() {
        gateway.createRepository("shop", "app", Optional.empty(), List.of("dev"));
        workflows.repositoryProperty().set("dev");
        workflows.rule().keepLatestProperty().set(false);
        workflows.rule().actionProperty().set("archive");
        workflows.rule().keepServedDownstreamProperty().set(true);

        workflows.plan();

        assertThat(workflows.preview().planProperty().get().orElseThrow().count(ActionKind.ARCHIVE)).isZero();
        assertThat(workflows.preview().entries()).hasSize(6).allSatisfy(e -> assertThat(e.reason().text())
                .isEqualTo("kept: app gets it from here through its upstreams (guard), selected by rule 1"));
    }

    @Test
    void thePlanCountsEachActionAndListsEveryVersion() {
        workflows.rule().keepNewestProperty().set("1");
        workflows.rule().actionProperty().set("archive");

        workflows.plan();

        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.PLANNED);
        assertThat(workflows.preview().planProperty().get().orElseThrow().count(ActionKind.ARCHIVE)).isEqualTo(4);
        assertThat(workflows.preview().summaryProperty().get()).startsWith("6 versions: 4 archive, 2 keep");
        assertThat(workflows.preview().entries()).hasSize(6);
        workflows.preview().actionFilterProperty().set(Optional.of(ActionKind.KEEP));
        assertThat(workflows.preview().entries()).extracting(e -> e.version().version()).containsOnly("2.0.0");
    }

    @Test
    void applyingChangesTheServerAndReportsEachVersion() throws Exception {
        workflows.rule().keepNewestProperty().set("1");
        workflows.rule().actionProperty().set("unlist");
        workflows.plan();

        assertThat(workflows.apply()).isTrue();

        assertThat(dialogs.shown()).singleElement().asString().startsWith("confirm: Apply: This will 4 unlist in dev");
        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.RUN);
        assertThat(workflows.run().results()).hasSize(4).allMatch(r -> r.kind() == VersionResult.Kind.DONE);
        assertThat(workflows.run().summaryProperty().get()).isEqualTo("4 versions: 4 done");
        assertThat(workflows.run().journalNameProperty().get()).startsWith("Journal: arca-cleanup-shop-dev-");
        assertThat(workflows.run().progressProperty().get()).isEqualTo(1.0);
        assertThat(gateway.describeVersion("shop", "dev", new PackageInfo("generic", "tools", "lint", "", ""),
                "1.0.0").status()).isEqualTo("Unlisted");
        try (var journals = Files.list(temp.resolve("journals"))) {
            assertThat(journals).hasSize(1);
        }
    }

    @Test
    void disposingRequiresTheRepositoryNameTyped() {
        workflows.rule().keepNewestProperty().set("2");
        workflows.rule().actionProperty().set("dispose");
        workflows.plan();

        dialogs.answerTyped("wrong");
        assertThat(workflows.apply()).isFalse();
        assertThat(dialogs.shown()).singleElement().asString().startsWith("typed: Apply (type dev): ")
                .contains("archiving is the reversible alternative");
        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.PLANNED);

        dialogs.answerTyped("dev");
        assertThat(workflows.apply()).isTrue();
        assertThat(workflows.run().results()).extracting(r -> r.change().version()).containsOnly("1.0.0");
        assertThat(workflows.run().results()).allMatch(r -> r.kind() == VersionResult.Kind.DONE);
    }

    @Test
    void theRunsReportIsExportedAsCsvOrJson() throws Exception {
        workflows.rule().keepNewestProperty().set("2");
        workflows.plan();
        workflows.apply();

        Path csv = temp.resolve("run.csv");
        dialogs.answerSaveFile(Optional.of(csv));
        workflows.run().export();
        Path json = temp.resolve("run.json");
        dialogs.answerSaveFile(Optional.of(json));
        workflows.run().export();

        assertThat(Files.readString(csv)).startsWith("format,namespace,package,version,action");
        assertThat(Files.readString(json)).startsWith("{");
    }

    @Test
    void changingTheRuleDropsThePlan() {
        workflows.plan();
        assertThat(workflows.preview().planProperty().get()).isPresent();

        workflows.rule().keepNewestProperty().set("3");

        assertThat(workflows.preview().planProperty().get()).isEmpty();
        assertThat(workflows.preview().entries()).isEmpty();
        assertThat(workflows.stageProperty().get()).isEqualTo(Stage.BUILDING);
    }
}
