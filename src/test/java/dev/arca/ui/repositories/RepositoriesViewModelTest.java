package dev.arca.ui.repositories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.ClientSetup;
import dev.arca.core.RepositoryInfo;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.RecordingNavigation;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Repositories page's ViewModel against a real local server; no JavaFX toolkit. */
class RepositoriesViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private LocalServer server;
    private final RecordingDialogs recorder = new RecordingDialogs();
    private final List<String> dialogs = recorder.shown();
    private final RecordingNavigation navigation = new RecordingNavigation();
    private DomainMemory memory;
    private RepositoriesViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        server = embedded.server();
        embedded.gateway().createDomain("team", Optional.empty());
        memory = new DomainMemory(UserSettings.load(temp.resolve("config/settings.properties")), "local");
        viewModel = newViewModel(memory);
    }

    private RepositoriesViewModel newViewModel(DomainMemory memory) {
        return new RepositoriesViewModel(embedded::gateway,
                ExecutorTaskRunner.sameThread(e -> dialogs.add("unhandled")), recorder, Clock.systemUTC(), memory,
                navigation);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theFirstDomainIsChosenAndItsEmptyListShown() {
        viewModel.loadDomains();

        assertThat(viewModel.domainProperty().get()).isEqualTo("team");
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
    }

    @Test
    void aRepositoryOpenedFromAnotherPageIsSelectedWhenThePageIsShownAgain() {
        embedded.gateway().createRepository("team", "alpha", Optional.empty(), List.of());
        embedded.gateway().createRepository("team", "beta", Optional.empty(), List.of());
        viewModel.loadDomains();
        viewModel.selectedProperty().set(viewModel.repositories().getFirst());

        memory.rememberRepository("team", "beta"); // the graph page's "Repository" button
        viewModel.loadDomains();

        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("beta");
    }

    @Test
    void theDomainLastPickedIsPreselectedNextTimeAndOtherAccountsDomainsAreOffered() {
        embedded.gateway().createDomain("zeta", Optional.empty());
        memory.addOtherAccountDomain(new DomainMemory.OtherAccountDomain("210987654321", "shared"));
        RepositoriesViewModel first = newViewModel(memory);
        first.loadDomains();
        first.domainProperty().set("zeta");

        RepositoriesViewModel next = newViewModel(memory);
        next.loadDomains();

        assertThat(next.domains()).containsExactly("team", "zeta", "shared");
        assertThat(next.domainProperty().get()).isEqualTo("zeta");
    }

    @Test
    void createdRepositoriesKeepTheirUpstreamOrderAndAppearAtOnce() {
        viewModel.loadDomains();
        create("store-a", List.of());
        create("store-b", List.of());

        create("app", List.of("store-b", "store-a"));

        assertThat(viewModel.repositories()).extracting(RepositoryInfo::name).containsExactly("app", "store-a", "store-b");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("app");
        assertThat(viewModel.detailsProperty().get()).hasValueSatisfying(d ->
                assertThat(d.upstreams()).containsExactly("store-b", "store-a"));
    }

    @Test
    void theFilterNarrowsByNameOrDescription() {
        viewModel.loadDomains();
        create("web-app", List.of());
        viewModel.newDescriptionProperty().set("python libraries");
        create("libs", List.of());

        viewModel.filterProperty().set("PYTHON");

        assertThat(viewModel.repositories()).extracting(RepositoryInfo::name).containsExactly("libs");
    }

    @Test
    void connectionInstructionsCarryTheEndpointAndAFreshToken() {
        viewModel.loadDomains();
        create("app", List.of());

        viewModel.toolProperty().set(ClientSetup.Tool.PIP);

        assertThat(viewModel.instructionsProperty().get())
                .contains("@127.0.0.1:" + server.port() + "/team-123456789012/pypi/app/simple/");
        assertThat(viewModel.tokenExpiryProperty().get()).startsWith("Put this in pip.conf. The token in it expires in 11 h");
    }

    @Test
    void deletingSpellsOutTheConsequencesFirst() {
        viewModel.loadDomains();
        create("doomed", List.of());

        viewModel.delete();

        assertThat(dialogs).singleElement().asString().contains("becomes unavailable for good");
        assertThat(viewModel.repositories()).isEmpty();
    }

    @Test
    void aPublicUpstreamCreatesTheStoreRepositoryOnceAndSearchesItLast() {
        viewModel.loadDomains();
        create("shared", List.of());
        viewModel.newPublicUpstreamProperty().set(Optional.of("public:npmjs"));
        create("web", List.of("shared"));
        viewModel.newPublicUpstreamProperty().set(Optional.of("public:npmjs"));
        create("api", List.of());

        assertThat(viewModel.repositories()).extracting(RepositoryInfo::name)
                .containsExactly("api", "npm-store", "shared", "web");
        var gateway = embedded.gateway();
        assertThat(gateway.describeRepository("team", "npm-store").externalConnection()).contains("public:npmjs");
        assertThat(gateway.describeRepository("team", "web").upstreams()).containsExactly("shared", "npm-store");
        assertThat(gateway.describeRepository("team", "api").upstreams()).containsExactly("npm-store");
        assertThat(viewModel.newPublicUpstreamProperty().get()).isEmpty();
        assertThat(dialogs).isEmpty();
    }

    @Test
    void aStoreNameTakenByAnotherRepositoryIsExplained() {
        viewModel.loadDomains();
        create("pypi-store", List.of());
        viewModel.newPublicUpstreamProperty().set(Optional.of("public:pypi"));

        create("ml", List.of());

        assertThat(dialogs).singleElement().asString().startsWith("error: Repository pypi-store already exists in team"
                + " without the public:pypi connection");
        assertThat(viewModel.repositories()).extracting(RepositoryInfo::name).containsExactly("pypi-store");
    }

    @Test
    void anEditedRepositoryIsShownAsSavedWithoutAManualReload() {
        viewModel.loadDomains();
        create("lib", List.of());
        create("app", List.of());
        RepositoryEditorViewModel editor = viewModel.editor().orElseThrow();

        editor.descriptionProperty().set("the app");
        editor.addUpstream("lib");
        editor.save(viewModel::edited);

        assertThat(viewModel.repositories()).filteredOn(r -> r.name().equals("app")).singleElement()
                .satisfies(r -> assertThat(r.description()).contains("the app"));
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("app");
        assertThat(viewModel.detailsProperty().get()).hasValueSatisfying(d -> {
            assertThat(d.upstreams()).containsExactly("lib");
            assertThat(d.description()).contains("the app");
        });
        assertThat(viewModel.tagsEditor()).isPresent();
    }

    @Test
    void openingARepositoryShowsItsPackagesAndItIsRememberedForTheOtherPages() {
        viewModel.loadDomains();
        create("web", List.of());

        viewModel.open();

        assertThat(navigation.opened()).containsExactly("packages of team/web");
        assertThat(memory.lastRepository()).hasValue("web");
    }

    @Test
    void aDomainOpenedOnAnotherPageIsShownWhenThisPageIsShownAgain() {
        embedded.gateway().createDomain("other", Optional.empty());
        viewModel.loadDomains();
        assertThat(viewModel.domainProperty().get()).isEqualTo("other");

        memory.rememberDomain("team"); // e.g. Enter on the Domains page
        viewModel.loadDomains(); // the page is shown again

        assertThat(viewModel.domainProperty().get()).isEqualTo("team");
    }

    @Test
    void badNamesAreExplainedAsTheyAreTyped() {
        viewModel.newNameProperty().set("has space");

        assertThat(viewModel.nameProblemProperty().get()).startsWith("Use letters, digits");
        assertThat(viewModel.canCreateProperty().get()).isFalse();
    }

    private void create(String name, List<String> upstreams) {
        viewModel.newNameProperty().set(name);
        viewModel.newUpstreams().setAll(upstreams);
        viewModel.create();
    }
}
