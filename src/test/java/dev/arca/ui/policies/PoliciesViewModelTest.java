package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.PolicySummary;
import dev.arca.core.policy.PolicyTarget;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
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

/** The list of a domain's resource policies against a real local server; no JavaFX toolkit. */
class PoliciesViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PoliciesViewModel policies;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        gateway = embedded.gateway();
        gateway.createDomain("team", Optional.empty());
        gateway.createRepository("team", "app", Optional.empty(), List.of());
        gateway.createRepository("team", "libs", Optional.empty(), List.of());
        ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        });
        policies = new PoliciesViewModel(() -> gateway, tasks, dialogs,
                new DomainMemory(UserSettings.load(temp.resolve("settings.properties")), "local"),
                new PolicyDrafts(temp.resolve("config"), "local", Runnable::run), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theDomainComesFirstThenEachRepositoryWithItsRevision() {
        policies.loadDomains();

        assertThat(policies.stateProperty().get()).isEqualTo(ListState.READY);
        assertThat(policies.resources()).extracting(PolicySummary::target).containsExactly(
                PolicyTarget.domain("team"), PolicyTarget.repository("team", "app"),
                PolicyTarget.repository("team", "libs"));
        assertThat(policies.resources()).noneMatch(PolicySummary::hasPolicy);
        assertThat(policies.resources().get(1).resourceArn()).endsWith(":repository/team/app");
    }

    @Test
    void savingUpdatesTheRowsRevision() {
        policies.loadDomains();
        policies.select(policies.resources().get(1));
        PolicyEditorViewModel editor = policies.editorProperty().get().orElseThrow();
        editor.textProperty().set(PolicyEditorViewModelTest.READ_POLICY);
        editor.save();

        assertThat(policies.resources().get(1).revision()).isEqualTo(editor.baseProperty().get()
                .map(p -> p.revision()));
        assertThat(policies.resources().get(1).hasPolicy()).isTrue();
    }

    @Test
    void leavingAnUnsavedEditAsksAndStaysWhenRefused() {
        policies.loadDomains();
        policies.select(policies.resources().get(1));
        policies.editorProperty().get().orElseThrow().textProperty().set(PolicyEditorViewModelTest.READ_POLICY);

        dialogs.answerConfirmations(false);
        assertThat(policies.select(policies.resources().get(2))).isFalse();
        assertThat(policies.selectedProperty().get().target()).isEqualTo(PolicyTarget.repository("team", "app"));
        assertThat(policies.mayLeave()).isFalse();
        assertThat(dialogs.shown()).allMatch(s -> s.startsWith("confirm: Leave: The policy of repository app"));

        dialogs.answerConfirmations(true);
        assertThat(policies.select(policies.resources().get(2))).isTrue();
        assertThat(policies.editorProperty().get().orElseThrow().target())
                .isEqualTo(PolicyTarget.repository("team", "libs"));
    }

    @Test
    void leavingWithoutChangesDoesNotAsk() {
        policies.loadDomains();
        policies.select(policies.resources().get(0));

        assertThat(policies.mayLeave()).isTrue();
        assertThat(dialogs.shown()).isEmpty();
    }
}
