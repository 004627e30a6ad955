package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.PolicySummary;
import dev.arca.core.policy.PolicyTarget;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.ResourcePolicyGateway;
import dev.arca.server.MovableClock;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private final MovableClock clock = new MovableClock(Duration.ZERO);
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
                new PolicyDrafts(temp.resolve("config"), "local", Runnable::run),
                new PolicyRevisionLog(temp.resolve("config"), "local", clock), Duration.ZERO);
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
    void eachRowSaysWhenItsPolicyChangedAsFarAsArcaSaw() throws Exception {
        Instant firstLook = clock.instant();
        policies.loadDomains();
        assertThat(policies.changes()).as("no resource has a policy yet").isEmpty();

        policies.select(policies.resources().get(1));
        PolicyEditorViewModel editor = policies.editorProperty().get().orElseThrow();
        editor.textProperty().set(PolicyEditorViewModelTest.READ_POLICY);
        clock.move(Duration.ofMinutes(1));
        Instant saved = clock.instant();
        editor.save();
        String app = policies.resources().get(1).resourceArn();
        assertThat(policies.changes().get(app).savedHere()).isTrue();
        assertThat(policies.changes().get(app).seen()).isBetween(saved.minusMillis(1), clock.instant());

        clock.move(Duration.ofMinutes(1));
        Instant lastLookAtOld = clock.instant();
        policies.refresh();
        clock.move(Duration.ofMinutes(5));
        ResourcePolicyGateway elsewhere = new ResourcePolicyGateway(gateway);
        elsewhere.write(PolicyTarget.repository("team", "libs"), PolicyEditorViewModelTest.READ_POLICY, Optional.empty());
        elsewhere.delete(PolicyTarget.repository("team", "app"),
                elsewhere.read(PolicyTarget.repository("team", "app")).orElseThrow().revision());
        Instant look = clock.instant();
        policies.refresh();

        String libs = policies.resources().get(2).resourceArn();
        PolicyRevisionLog.Change libsChange = policies.changes().get(libs);
        assertThat(libsChange.savedHere()).isFalse();
        assertThat(libsChange.after()).hasValueSatisfying(after -> assertThat(after).isBetween(lastLookAtOld.minusMillis(1), look));
        assertThat(libsChange.seen()).isAfterOrEqualTo(look.minusMillis(1));
        assertThat(policies.changes().get(app).after()).as("removed elsewhere: a change too").isPresent();
        assertThat(firstLook).isBefore(lastLookAtOld);

        PoliciesViewModel reopened = new PoliciesViewModel(() -> gateway, ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        }), dialogs, new DomainMemory(UserSettings.load(temp.resolve("settings.properties")), "local"),
                new PolicyDrafts(temp.resolve("config"), "local", Runnable::run),
                new PolicyRevisionLog(temp.resolve("config"), "local", clock), Duration.ZERO);
        reopened.loadDomains();
        assertThat(reopened.changes().get(libs)).as("remembered across restarts").isEqualTo(libsChange);
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
