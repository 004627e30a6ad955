package dev.arca.ui.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.DomainInfo;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.RecordingNavigation;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Domains page's first-run offer against a real local server through the real gateway; no JavaFX toolkit. */
class SampleDomainViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<String> unhandled = new ArrayList<>();
    private DomainsViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("data"));
        viewModel = domainsPage(true);
    }

    private DomainsViewModel domainsPage(boolean embeddedConnection) {
        return new DomainsViewModel(embedded::gateway, ExecutorTaskRunner.sameThread(e -> unhandled.add(e.getMessage())),
                dialogs, new DomainMemory(UserSettings.load(temp.resolve("config/settings.properties")), "local"),
                new RecordingNavigation(), embeddedConnection);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void loadingTheSampleShowsTheDemoDomainSelected() {
        viewModel.refresh();
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
        SampleDomainViewModel sample = viewModel.sampleDomain();
        assertThat(sample.canLoadProperty().get()).isTrue();

        sample.load();

        assertThat(viewModel.domains()).extracting(DomainInfo::name).containsExactly("demo");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("demo");
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.READY);
        assertThat(sample.messageProperty().get()).startsWith("Loaded domain demo: 7 repositories");
        assertThat(sample.failedProperty().get()).isFalse();
        assertThat(sample.loadingProperty().get()).isFalse();
        assertThat(sample.progressProperty().get()).isEqualTo(1.0);
        assertThat(unhandled).isEmpty();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aServerWithDomainsIsRefusedInOneSentenceAndKeepsItsDomains() {
        embedded.gateway().createDomain("payments", Optional.empty());

        viewModel.sampleDomain().load();

        assertThat(viewModel.sampleDomain().failedProperty().get()).isTrue();
        assertThat(viewModel.sampleDomain().messageProperty().get()).isEqualTo("The sample domain loads only into a"
                + " server without domains, and this one has 1 domain (payments), so nothing was changed.");
        assertThat(embedded.gateway().listDomains()).extracting(DomainInfo::name).containsExactly("payments");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void theSampleIsOfferedOnlyOnTheEmbeddedServer() {
        DomainsViewModel remote = domainsPage(false);

        assertThat(remote.sampleDomain().offeredProperty().get()).isFalse();
        assertThat(remote.sampleDomain().canLoadProperty().get()).isFalse();
        remote.sampleDomain().load();
        assertThat(embedded.gateway().listDomains()).isEmpty();
    }
}
