package dev.arca.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.Navigation;
import dev.arca.ui.common.PageCommand;
import dev.arca.ui.common.RecordingNavigation;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.connect.TestConnections;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command palette's ViewModel, with no JavaFX toolkit running: same-thread tasks, a made-up index. */
class PaletteViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(unhandled::add);
    private final RecordingNavigation navigation = new RecordingNavigation();
    private final AtomicInteger created = new AtomicInteger();
    private List<PaletteItem> index = List.of(
            PaletteItem.domain("platform"),
            PaletteItem.repository("platform", "web-app"),
            PaletteItem.repository("platform", "npm-store"),
            PaletteItem.pkg("platform", "web-app", "npm", "acme", "left-pad"));
    private TestConnections connections;
    private MainViewModel main;
    private PaletteViewModel palette;

    @BeforeEach
    void start() throws Exception {
        connections = new TestConnections(temp, tasks);
        main = new MainViewModel(tasks, connections.settings(), new dev.arca.gateway.ConnectionCheck(),
                connections.connections());
        palette = newPalette();
    }

    @AfterEach
    void stop() {
        connections.close();
    }

    private PaletteViewModel newPalette() {
        return new PaletteViewModel(main, connections.settings(), () -> new PaletteViewModel.Target() {
            @Override
            public String connectionId() {
                return "local";
            }

            @Override
            public TaskRunner tasks() {
                return tasks;
            }

            @Override
            public Navigation navigation() {
                return navigation;
            }

            @Override
            public List<PaletteItem> loadIndex() {
                return index;
            }
        });
    }

    private List<PageCommand> pageActions() {
        return List.of(new PageCommand("Create repository", () -> true, created::incrementAndGet),
                new PageCommand("Delete repository", () -> false, () -> { }));
    }

    private List<String> titles() {
        return palette.items().stream().map(PaletteItem::title).toList();
    }

    @Test
    void openingOffersThePagesActionsThenThePagesThenWhatItLoaded() {
        palette.open(pageActions());

        assertThat(palette.showingProperty().get()).isTrue();
        assertThat(titles()).startsWith("Create repository", "Domains", "Repositories")
                .contains("platform", "web-app", "@acme/left-pad");
        assertThat(palette.selectedProperty().get()).contains(PaletteItem.action("Create repository"));
    }

    @Test
    void aDisabledActionIsNotOffered() {
        palette.open(pageActions());

        assertThat(titles()).doesNotContain("Delete repository");
    }

    @Test
    void typingRanksTheStartOfANameAboveAMatchInside() {
        palette.open(pageActions());
        palette.queryProperty().set("rep");

        assertThat(titles()).startsWith("Repositories").contains("Create repository");
        assertThat(titles().indexOf("Repositories")).isLessThan(titles().indexOf("Create repository"));
    }

    @Test
    void lettersInOrderFindAnItemFuzzily() {
        palette.open(pageActions());
        palette.queryProperty().set("lfpd");

        assertThat(titles()).containsExactly("@acme/left-pad");
    }

    @Test
    void theDomainAndRepositoryTypedTogetherFindTheRepository() {
        palette.open(pageActions());
        palette.queryProperty().set("platform web");

        assertThat(titles()).first().isEqualTo("web-app");
    }

    @Test
    void textThatMatchesNothingLeavesNothingSelected() {
        palette.open(pageActions());
        palette.queryProperty().set("zzz");

        assertThat(palette.items()).isEmpty();
        assertThat(palette.selectedProperty().get()).isEmpty();
        palette.runSelected();
        assertThat(palette.showingProperty().get()).isTrue();
    }

    @Test
    void upAndDownMoveTheSelectionAndStopAtTheEnds() {
        palette.open(pageActions());
        palette.queryProperty().set("pa");
        List<PaletteItem> shown = List.copyOf(palette.items());

        palette.move(-1);
        assertThat(palette.selectedProperty().get()).contains(shown.getFirst());
        palette.move(1);
        assertThat(palette.selectedProperty().get()).contains(shown.get(1));
        palette.move(shown.size() + 5);
        assertThat(palette.selectedProperty().get()).contains(shown.getLast());
    }

    @Test
    void enterOnAPageShowsItAndClosesThePalette() {
        palette.open(pageActions());
        palette.queryProperty().set("upstream");
        palette.runSelected();

        assertThat(main.currentPageProperty().get()).isEqualTo(Page.UPSTREAM_GRAPH);
        assertThat(palette.showingProperty().get()).isFalse();
    }

    @Test
    void enterOnAnActionRunsIt() {
        palette.open(pageActions());
        palette.queryProperty().set("create");
        palette.runSelected();

        assertThat(created).hasValue(1);
    }

    @Test
    void repositoriesDomainsAndPackagesAreOpenedThroughTheNavigation() {
        palette.open(pageActions());
        palette.run(PaletteItem.repository("platform", "web-app"));
        palette.open(pageActions());
        palette.run(PaletteItem.domain("platform"));
        palette.open(pageActions());
        palette.run(PaletteItem.pkg("platform", "web-app", "npm", "acme", "left-pad"));

        assertThat(navigation.opened()).containsExactly("repository platform/web-app", "repositories of platform",
                "package platform/web-app/npm/acme/left-pad");
    }

    @Test
    void recentItemsComeFirstAndAreRememberedAcrossRuns() {
        palette.open(pageActions());
        palette.run(PaletteItem.repository("platform", "npm-store"));
        palette.open(pageActions());
        palette.run(PaletteItem.page(Page.ACTIVITY));

        PaletteViewModel next = newPalette();
        next.open(List.of());

        assertThat(next.items().stream().map(PaletteItem::title).toList()).startsWith("Activity", "npm-store");
    }

    @Test
    void aRecentItemOutranksAnEquallyGoodMatch() {
        palette.open(pageActions());
        palette.run(PaletteItem.repository("platform", "npm-store"));
        palette.open(pageActions());
        palette.queryProperty().set("n");

        assertThat(titles()).first().isEqualTo("npm-store");
    }

    @Test
    void aRecentRepositoryNoLongerListedIsDropped() {
        palette.open(pageActions());
        palette.run(PaletteItem.repository("platform", "npm-store"));
        index = List.of(PaletteItem.domain("platform"));

        palette.open(pageActions());

        assertThat(titles()).doesNotContain("npm-store");
    }

    @Test
    void escapeClosesWithoutRunningAnything() {
        palette.open(pageActions());
        palette.close();

        assertThat(palette.showingProperty().get()).isFalse();
        assertThat(created).hasValue(0);
        assertThat(main.currentPageProperty().get()).isEqualTo(Page.DOMAINS);
    }
}
