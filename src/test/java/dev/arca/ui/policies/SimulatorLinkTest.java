package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.iam.DecidingStatement;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.MovableClock;
import dev.arca.ui.access.AccessSimulatorViewModel;
import dev.arca.ui.access.AccessSimulatorViewModel.DraftOf;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator follows the Resource policies tab: domain, repository and the open editor's unsaved text. */
class SimulatorLinkTest {

    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock(Duration.ZERO);
    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private PoliciesViewModel policies;
    private AccessSimulatorViewModel simulator;
    private SimulatorLink link;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        gateway = embedded.gateway();
        gateway.createDomain("team", Optional.empty());
        gateway.createRepository("team", "app", Optional.empty(), List.of());
        ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        });
        policies = new PoliciesViewModel(() -> gateway, tasks, new RecordingDialogs(),
                new DomainMemory(UserSettings.load(temp.resolve("settings.properties")), "local"),
                new PolicyDrafts(temp.resolve("config"), "local", Runnable::run),
                new PolicyRevisionLog(temp.resolve("config"), "local", clock), Duration.ZERO);
        simulator = new AccessSimulatorViewModel(() -> gateway, tasks);
        link = SimulatorLink.link(policies, simulator);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theSimulatorAsksAboutWhatTheEditorShows() {
        policies.loadDomains();
        assertThat(simulator.domainProperty().get()).isEqualTo("team");
        assertThat(simulator.resources()).singleElement().asString().endsWith(":domain/team");

        policies.select(policies.resources().get(1));
        assertThat(simulator.repositoryProperty().get()).isEqualTo("app");
        assertThat(simulator.draftOfProperty().get()).isEqualTo(DraftOf.REPOSITORY);
        assertThat(simulator.resources()).anyMatch(arn -> arn.endsWith(":repository/team/app"));
        assertThat(simulator.draftProperty().get()).isEmpty();

        PolicyEditorViewModel editor = policies.editorProperty().get().orElseThrow();
        editor.textProperty().set(PolicyEditorViewModelTest.READ_POLICY);
        assertThat(simulator.draftProperty().get()).isEqualTo(PolicyEditorViewModelTest.READ_POLICY);

        editor.save();
        assertThat(simulator.draftProperty().get()).as("saved: nothing unsaved to answer with").isEmpty();

        policies.select(policies.resources().get(0));
        assertThat(simulator.draftOfProperty().get()).isEqualTo(DraftOf.DOMAIN);
        assertThat(simulator.repositoryProperty().get()).as("the repository stays for the matrix").isEqualTo("app");
    }

    @Test
    void onlyStatementsOfThePolicyInTheEditorAreShownThere() {
        policies.loadDomains();
        policies.select(policies.resources().get(1));
        DecidingStatement repository = new DecidingStatement(DecidingStatement.REPOSITORY_POLICY, false, 0, 4, 5, 9, 6);
        DecidingStatement domain = new DecidingStatement(DecidingStatement.DOMAIN_POLICY, false, 0, 4, 5, 9, 6);
        DecidingStatement identity = new DecidingStatement("admin", true, 0, 1, 1, 3, 2);
        assertThat(link.isInOpenEditor(repository)).isTrue();
        assertThat(link.isInOpenEditor(domain)).isFalse();
        assertThat(link.isInOpenEditor(identity)).isFalse();

        // Unsaved text the answer did not use: the stored policy's lines are not where the editor's are.
        policies.editorProperty().get().orElseThrow().textProperty().set(PolicyEditorViewModelTest.READ_POLICY);
        simulator.useDraftProperty().set(false);
        assertThat(link.isInOpenEditor(repository)).isFalse();
        simulator.useDraftProperty().set(true);
        assertThat(link.isInOpenEditor(repository)).isTrue();
    }
}
