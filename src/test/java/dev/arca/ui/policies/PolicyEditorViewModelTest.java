package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.LineDiff;
import dev.arca.core.policy.PolicySummary;
import dev.arca.core.policy.PolicyTarget;
import dev.arca.core.policy.PolicyTemplate;
import dev.arca.core.policy.StoredPolicy;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.ResourcePolicyGateway;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing resource policies against a real local server through the real gateway; no JavaFX toolkit. */
class PolicyEditorViewModelTest {

    static final String READ_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                  "Action": ["codeartifact:ReadFromRepository"],
                  "Resource": "*"
                }
              ]
            }
            """;

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private ResourcePolicyGateway policies;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(e -> {
        throw new AssertionError(e);
    });
    private PolicyDrafts drafts;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        gateway = embedded.gateway();
        policies = new ResourcePolicyGateway(gateway);
        drafts = new PolicyDrafts(temp.resolve("config"), "local", Runnable::run);
        gateway.createDomain("team", Optional.empty());
        gateway.createRepository("team", "app", Optional.empty(), List.of());
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void malformedJsonIsMarkedAtItsLineAndColumnAtOnce() {
        PolicyEditorViewModel editor = editor("app");
        editor.textProperty().set("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\" \"Allow\"}\n  ]\n}");

        PolicyMark problem = editor.localProblemProperty().get().orElseThrow();
        assertThat(problem.start()).hasValueSatisfying(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(14);
        });
        assertThat(problem.message()).startsWith("Syntax errors in policy");
        assertThat(editor.marks()).containsExactly(problem);
        assertThat(editor.canSaveProperty().get()).isFalse();
    }

    @Test
    void anUnknownActionIsAnAccessAnalyzerFindingOnItsLine() {
        PolicyEditorViewModel editor = editor("app");
        editor.textProperty().set(READ_POLICY.replace("codeartifact:ReadFromRepository", "codeartifact:ReadFromRepo"));

        assertThat(editor.localProblemProperty().get()).isEmpty();
        assertThat(editor.marks()).anySatisfy(mark -> {
            assertThat(mark.type()).isIn(FindingType.ERROR, FindingType.WARNING);
            assertThat(mark.message()).contains("ReadFromRepo");
            assertThat(mark.start()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(7));
        });
    }

    @Test
    void aPrincipalWithABadArnIsAFinding() {
        PolicyEditorViewModel editor = editor("app");
        editor.textProperty().set(READ_POLICY.replace("arn:aws:iam::123456789012:root", "arn:aws:iam::12345:root"));

        assertThat(editor.marks()).anySatisfy(mark -> {
            assertThat(mark.type()).isEqualTo(FindingType.ERROR);
            assertThat(mark.start()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(6));
        });
        assertThat(editor.canSaveProperty().get()).isFalse();
    }

    @Test
    void aPolicyOverTheSizeLimitGetsThePreciseMessageBeforeSaving() {
        PolicyEditorViewModel editor = editor("app");
        String big = READ_POLICY.replace("\"Resource\": \"*\"", "\"Resource\": \"*\", \"Sid\": \""
                + "x".repeat(7169 - READ_POLICY.length() - 11) + "\"");
        assertThat(big).hasSize(7169);
        editor.textProperty().set(big);

        assertThat(editor.localProblemProperty().get()).hasValueSatisfying(mark -> {
            assertThat(mark.message()).isEqualTo("The policy is 7,169 characters long; CodeArtifact accepts at most "
                    + "7,168, spaces and line breaks included. Remove 1.");
            assertThat(mark.start()).hasValueSatisfying(p -> assertThat(p.offset()).isEqualTo(7168));
        });
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.save();
        assertThat(policies.read(PolicyTarget.repository("team", "app"))).isEmpty();
    }

    @Test
    void everyTemplateValidatesWithoutErrors() {
        for (String repository : List.of("", "app")) {
            PolicyEditorViewModel editor = editor(repository);
            for (PolicyTemplate template : editor.templates()) {
                editor.applyTemplate(template);
                assertThat(editor.marks()).as(template.title()).noneMatch(m -> m.type() == FindingType.ERROR);
                assertThat(editor.localProblemProperty().get()).isEmpty();
            }
        }
        PolicyEditorViewModel editor = editor("app");
        editor.applyTemplate(PolicyTemplate.CI_PUBLISHER);
        assertThat(editor.textProperty().get()).contains("\"arn:aws:iam::123456789012:role/ci-publisher\"");
        editor.applyTemplate(PolicyTemplate.DENY_NAMESPACE_PUBLISH);
        assertThat(editor.textProperty().get())
                .contains("\"arn:aws:codeartifact:us-east-1:123456789012:package/team/app/*/com.example.internal/*\"");
    }

    @Test
    void saveSendsTheRevisionAndTheDiffShowsTheChange() {
        PolicyEditorViewModel editor = editor("app");
        editor.textProperty().set(READ_POLICY);
        assertThat(LineDiff.changed(editor.diffToStored())).isTrue();
        editor.save();

        StoredPolicy first = policies.read(PolicyTarget.repository("team", "app")).orElseThrow();
        assertThat(editor.baseProperty().get()).contains(first);
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.textProperty().set(READ_POLICY.replace("ReadFromRepository\"]", "ReadFromRepository\", "
                + "\"codeartifact:DescribeRepository\"]"));
        assertThat(editor.diffToStored()).filteredOn(r -> r.change() != LineDiff.Change.SAME)
                .extracting(LineDiff.Row::right).anyMatch(line -> line.contains("DescribeRepository"));
        editor.save();

        StoredPolicy second = policies.read(PolicyTarget.repository("team", "app")).orElseThrow();
        assertThat(second.revision()).isNotEqualTo(first.revision());
        assertThat(second.document()).contains("DescribeRepository");
    }

    @Test
    void theSecondEditorToSaveGetsTheConflictAndCanRebase() {
        PolicyEditorViewModel mine = editor("app");
        PolicyEditorViewModel theirs = editor("app");
        theirs.textProperty().set(READ_POLICY);
        mine.textProperty().set(READ_POLICY.replace("123456789012", "111122223333"));
        theirs.save();

        mine.save();
        PolicyConflict conflict = mine.conflictProperty().get().orElseThrow();
        assertThat(conflict.theirs()).isPresent();
        assertThat(conflict.theirsText()).contains("123456789012");
        assertThat(LineDiff.changed(conflict.mineAgainstTheirs())).isTrue();
        assertThat(policies.read(PolicyTarget.repository("team", "app")).orElseThrow().document())
                .contains("123456789012");
        assertThat(mine.canSaveProperty().get()).isFalse();

        mine.rebaseOntoTheirs();
        assertThat(mine.baseProperty().get()).isEqualTo(conflict.theirs());
        assertThat(mine.textProperty().get()).contains("111122223333");
        mine.save();
        assertThat(mine.conflictProperty().get()).isEmpty();
        assertThat(policies.read(PolicyTarget.repository("team", "app")).orElseThrow().document())
                .contains("111122223333");
    }

    @Test
    void discardingAConflictShowsTheirVersionAndKeepsIt() {
        PolicyEditorViewModel mine = editor("app");
        PolicyEditorViewModel theirs = editor("app");
        theirs.textProperty().set(READ_POLICY);
        theirs.save();
        mine.textProperty().set(READ_POLICY.replace("123456789012", "111122223333"));
        mine.save();

        mine.discardChanges();
        assertThat(mine.textProperty().get()).contains("123456789012");
        assertThat(mine.dirtyProperty().get()).isFalse();
        assertThat(drafts.find(PolicyTarget.repository("team", "app"))).isEmpty();
    }

    @Test
    void deleteAsksThenRemovesThePolicy() {
        PolicyEditorViewModel editor = editor("app");
        editor.textProperty().set(READ_POLICY);
        editor.save();

        dialogs.answerConfirmations(false);
        editor.delete();
        assertThat(policies.read(PolicyTarget.repository("team", "app"))).isPresent();

        dialogs.answerConfirmations(true);
        editor.delete();
        assertThat(dialogs.shown()).hasSize(2).allMatch(s -> s.startsWith("confirm: Delete (danger)"));
        assertThat(policies.read(PolicyTarget.repository("team", "app"))).isEmpty();
        assertThat(editor.baseProperty().get()).isEmpty();
        assertThat(editor.canDeleteProperty().get()).isFalse();
    }

    @Test
    void anUnsavedEditIsOfferedAgainToANewEditor() {
        PolicyEditorViewModel first = editor("app");
        first.textProperty().set(READ_POLICY);
        first.close();

        PolicyEditorViewModel again = editor("app");
        assertThat(again.offeredDraftProperty().get()).hasValueSatisfying(d -> assertThat(d.text())
                .isEqualTo(READ_POLICY));
        assertThat(again.textProperty().get()).isEmpty();
        again.restoreDraft();
        assertThat(again.textProperty().get()).isEqualTo(READ_POLICY);
        assertThat(again.dirtyProperty().get()).isTrue();
        again.save();

        assertThat(drafts.find(PolicyTarget.repository("team", "app"))).isEmpty();
        assertThat(editor("app").offeredDraftProperty().get()).isEmpty();
    }

    @Test
    void aRefusalFromTheServiceIsMarkedAndChangesNothing() {
        PolicyEditorViewModel editor = editor("app");
        editor.textProperty().set(READ_POLICY);
        editor.save();
        StoredPolicy stored = policies.read(PolicyTarget.repository("team", "app")).orElseThrow();
        gateway.deleteRepository("team", "app");

        editor.textProperty().set(READ_POLICY.replace("123456789012", "111122223333"));
        editor.save();

        assertThat(editor.marks()).anySatisfy(m -> assertThat(m.code()).isEqualTo(PolicyMark.REFUSED));
        assertThat(editor.textProperty().get()).contains("111122223333");
        assertThat(stored.document()).contains("123456789012");
    }

    private PolicyEditorViewModel editor(String repository) {
        PolicyTarget target = repository.isEmpty() ? PolicyTarget.domain("team")
                : PolicyTarget.repository("team", repository);
        String arn = repository.isEmpty() ? "arn:aws:codeartifact:us-east-1:123456789012:domain/team"
                : "arn:aws:codeartifact:us-east-1:123456789012:repository/team/" + repository;
        PolicyEditorViewModel editor = new PolicyEditorViewModel(() -> policies, tasks, dialogs, drafts,
                new PolicySummary(target, arn, Optional.empty()), Duration.ZERO);
        editor.load();
        return editor;
    }
}
