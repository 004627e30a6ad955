package dev.arca.ui.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.DomainInfo;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tags editor against a real local server through the real gateway; no JavaFX toolkit. */
class TagsEditorViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final RecordingDialogs recorder = new RecordingDialogs();
    private final List<String> dialogs = recorder.shown();
    private final AtomicInteger saved = new AtomicInteger();
    private DomainInfo domain;
    private TagsEditorViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        domain = embedded.gateway().createDomain("team", Optional.empty());
        viewModel = new TagsEditorViewModel(embedded::gateway,
                ExecutorTaskRunner.sameThread(e -> dialogs.add("unhandled")), recorder, "domain team", domain.arn());
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void tagsAreAddedChangedAndRemovedAsTheRowsSay() {
        viewModel.load();
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.remainingProperty().get()).isEqualTo("You can add 50 more tags.");

        fill(viewModel.add(), "team", "payments");
        fill(viewModel.add(), "cost-center", "");
        viewModel.add(); // left blank: ignored
        viewModel.save(saved::incrementAndGet);

        assertThat(saved).hasValue(1);
        assertThat(embedded.gateway().listTags(domain.arn())).isEqualTo(Map.of("team", "payments", "cost-center", ""));

        viewModel.load();
        assertThat(viewModel.rows()).extracting(r -> r.keyProperty().get()).containsExactly("cost-center", "team");
        viewModel.remove(viewModel.rows().getFirst());
        viewModel.rows().getFirst().valueProperty().set("billing");
        viewModel.save(saved::incrementAndGet);

        assertThat(embedded.gateway().listTags(domain.arn())).isEqualTo(Map.of("team", "billing"));
        assertThat(dialogs).isEmpty();
    }

    @Test
    void rowsAreCheckedAsTheyAreTyped() {
        viewModel.load();
        TagsEditorViewModel.Row first = viewModel.add();
        TagsEditorViewModel.Row second = viewModel.add();

        fill(first, "", "orphan");
        assertThat(viewModel.problemProperty().get()).contains("needs a key");
        assertThat(viewModel.canSaveProperty().get()).isFalse();

        fill(first, "AWS:owner", "x");
        assertThat(viewModel.problemProperty().get()).contains("reserved for AWS");

        fill(first, "k".repeat(129), "x");
        assertThat(viewModel.problemProperty().get()).contains("too long");

        fill(first, "env", "bad#value");
        assertThat(viewModel.problemProperty().get()).contains("value of env");

        fill(first, "env", "prod");
        fill(second, "env", "test");
        assertThat(viewModel.problemProperty().get()).isEqualTo("The key env is used twice; keys must be unique.");

        fill(second, "tier", "1");
        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.canSaveProperty().get()).isTrue();
    }

    @Test
    void noMoreThanFiftyTagsCanBeAdded() {
        viewModel.load();
        for (int i = 0; i < 50; i++) {
            fill(viewModel.add(), "key-" + i, "v");
        }

        assertThat(viewModel.canAddProperty().get()).isFalse();
        assertThat(viewModel.remainingProperty().get()).isEqualTo("No more tags can be added.");
        viewModel.add();
        assertThat(viewModel.rows()).hasSize(50);
        viewModel.save(saved::incrementAndGet);
        assertThat(embedded.gateway().listTags(domain.arn())).hasSize(50);
    }

    @Test
    void aFailedSaveSaysWhyAndKeepsTheRows() {
        viewModel.load();
        fill(viewModel.add(), "team", "payments");
        embedded.gateway().deleteDomain("team");

        viewModel.save(saved::incrementAndGet);

        assertThat(saved).hasValue(0);
        assertThat(dialogs).singleElement().asString().startsWith("error: ").contains("team");
        assertThat(viewModel.rows()).hasSize(1);
        assertThat(viewModel.canSaveProperty().get()).isTrue();
    }

    @Test
    void aResourceThatCannotBeReadShowsTheError() {
        embedded.gateway().deleteDomain("team");

        viewModel.load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.ERROR);
        assertThat(viewModel.errorMessageProperty().get()).contains("team");
        assertThat(viewModel.canSaveProperty().get()).isFalse();
    }

    private static void fill(TagsEditorViewModel.Row row, String key, String value) {
        row.keyProperty().set(key);
        row.valueProperty().set(value);
    }
}
