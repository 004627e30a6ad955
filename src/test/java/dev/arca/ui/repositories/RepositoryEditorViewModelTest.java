package dev.arca.ui.repositories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.RepositoryInfo;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a repository against a real local server through the real gateway; no JavaFX toolkit. */
class RepositoryEditorViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private final RecordingDialogs recorder = new RecordingDialogs();
    private final List<RepositoryInfo> saved = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        gateway = embedded.gateway();
        gateway.createDomain("team", Optional.empty());
        for (String name : List.of("aa", "bb", "cc")) {
            gateway.createRepository("team", name, Optional.empty(), List.of());
        }
        gateway.createRepository("team", "app", Optional.of("old"), List.of("aa", "bb"));
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void descriptionAndUpstreamOrderAreSaved() {
        RepositoryEditorViewModel editor = editorFor("app");
        assertThat(editor.candidates()).containsExactly("aa", "bb", "cc");
        assertThat(editor.upstreams()).containsExactly("aa", "bb");

        editor.descriptionProperty().set("  Team packages  ");
        editor.addUpstream("cc");
        editor.addUpstream("cc");
        editor.addUpstream("app"); // itself: never a candidate
        editor.moveUpstream("cc", -1);
        editor.moveUpstream("aa", +1);
        editor.removeUpstream("bb");
        editor.save(saved::add);

        assertThat(saved).singleElement().satisfies(r -> assertThat(r.upstreams()).containsExactly("cc", "aa"));
        RepositoryInfo described = gateway.describeRepository("team", "app");
        assertThat(described.description()).contains("Team packages");
        assertThat(described.upstreams()).containsExactly("cc", "aa");
        assertThat(recorder.shown()).isEmpty();
    }

    @Test
    void anExternalConnectionReplacesUpstreamsAndCanBeRemovedAgain() {
        RepositoryEditorViewModel editor = editorFor("app");
        editor.externalConnectionProperty().set(Optional.of("public:npmjs"));
        assertThat(editor.problemProperty().get()).startsWith("A repository has upstreams or an external connection");
        assertThat(editor.canSaveProperty().get()).isFalse();

        editor.removeUpstream("aa");
        editor.removeUpstream("bb");
        editor.save(saved::add);

        assertThat(gateway.describeRepository("team", "app").externalConnection()).contains("public:npmjs");
        assertThat(gateway.describeRepository("team", "app").upstreams()).isEmpty();

        RepositoryEditorViewModel again = editorFor("app");
        assertThat(again.externalConnectionProperty().get()).contains("public:npmjs");
        again.externalConnectionProperty().set(Optional.of("public:pypi"));
        again.save(saved::add);
        assertThat(gateway.describeRepository("team", "app").externalConnection()).contains("public:pypi");

        RepositoryEditorViewModel last = editorFor("app");
        last.externalConnectionProperty().set(RepositoryEditorViewModel.NO_CONNECTION);
        last.addUpstream("aa");
        last.save(saved::add);
        RepositoryInfo described = gateway.describeRepository("team", "app");
        assertThat(described.externalConnection()).isEmpty();
        assertThat(described.upstreams()).containsExactly("aa");
    }

    @Test
    void badChangesAreExplainedBeforeTheServiceIsAsked() {
        RepositoryEditorViewModel editor = editorFor("app");

        editor.descriptionProperty().set("x".repeat(1001));
        assertThat(editor.problemProperty().get()).isEqualTo("A description has at most 1,000 characters; this one"
                + " has 1001.");
        editor.descriptionProperty().set("tab\u0007bell");
        assertThat(editor.problemProperty().get()).contains("control characters");
        editor.descriptionProperty().set("fine");
        assertThat(editor.problemProperty().get()).isEmpty();
        assertThat(editor.canSaveProperty().get()).isTrue();
    }

    @Test
    void aCycleRefusedByTheServiceIsOnePlainSentenceAndNothingChanges() {
        RepositoryEditorViewModel aEditor = editorFor("aa");
        aEditor.addUpstream("app"); // app already reads through aa: a cycle
        aEditor.save(saved::add);

        assertThat(saved).isEmpty();
        assertThat(recorder.shown()).singleElement().asString().startsWith("error: ");
        assertThat(gateway.describeRepository("team", "aa").upstreams()).isEmpty();
        assertThat(aEditor.canSaveProperty().get()).isTrue();
    }

    private RepositoryEditorViewModel editorFor(String name) {
        return new RepositoryEditorViewModel(() -> gateway, ExecutorTaskRunner.sameThread(e -> { }), recorder,
                gateway.describeRepository("team", name),
                gateway.listRepositories("team").stream().map(RepositoryInfo::name).toList());
    }
}
