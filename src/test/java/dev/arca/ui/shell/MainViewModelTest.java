package dev.arca.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.gateway.AccessKeys;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.CredentialSource;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.connect.Connections;
import dev.arca.ui.connect.TestConnections;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's ViewModel, with no JavaFX toolkit running: same-thread tasks, real servers. */
class MainViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(unhandled::add);
    private TestConnections connections;

    @BeforeEach
    void start() throws Exception {
        connections = new TestConnections(temp, tasks);
    }

    @AfterEach
    void stop() {
        connections.close();
    }

    private MainViewModel newViewModel() {
        return newViewModel(connections.connections());
    }

    private MainViewModel newViewModel(Connections with) {
        return new MainViewModel(tasks, connections.settings(), new ConnectionCheck(), with);
    }

    @Test
    void startsOnDomainsInTheLightThemeTheFirstTime() {
        MainViewModel viewModel = newViewModel();

        assertThat(viewModel.currentPageProperty().get()).isEqualTo(Page.DOMAINS);
        assertThat(viewModel.darkThemeProperty().get()).isFalse();
    }

    @Test
    void navigateShowsThePageAndTheNextStartReturnsToIt() {
        newViewModel().navigate(Page.UPSTREAM_GRAPH);

        assertThat(newViewModel().currentPageProperty().get()).isEqualTo(Page.UPSTREAM_GRAPH);
    }

    @Test
    void aPagesGuardIsAskedWhenThatPageIsLeftAndBeforeEveryConnectionSwitchOrClose() {
        MainViewModel viewModel = newViewModel();
        viewModel.navigate(Page.WORKFLOWS);
        List<MainViewModel.Leaving> asked = new ArrayList<>();
        viewModel.guardLeaving(Page.WORKFLOWS, how -> asked.add(how) && how == MainViewModel.Leaving.PAGE);

        assertThat(viewModel.navigate(Page.DOMAINS)).isTrue();
        assertThat(viewModel.navigate(Page.PACKAGES)).isTrue();
        assertThat(viewModel.mayLeave(MainViewModel.Leaving.WINDOW)).isFalse();

        assertThat(asked).containsExactly(MainViewModel.Leaving.PAGE, MainViewModel.Leaving.WINDOW);
        assertThat(viewModel.currentPageProperty().get()).isEqualTo(Page.PACKAGES);
    }

    @Test
    void aSecondGuardDoesNotReplaceTheFirst() {
        MainViewModel viewModel = newViewModel();
        viewModel.guardLeaving(() -> false);
        viewModel.guardLeaving(Page.WORKFLOWS, how -> true);

        assertThat(viewModel.navigate(Page.ACTIVITY)).isFalse();
        assertThat(viewModel.mayLeave(MainViewModel.Leaving.CONNECTION)).isFalse();
        assertThat(viewModel.currentPageProperty().get()).isEqualTo(Page.DOMAINS);
    }

    @Test
    void themeChoiceIsRememberedAcrossRuns() {
        MainViewModel first = newViewModel();
        first.toggleTheme();

        assertThat(first.darkThemeProperty().get()).isTrue();
        assertThat(newViewModel().darkThemeProperty().get()).isTrue();
    }

    @Test
    void theLocalServerIsCheckedAtStartAndShowsItsAddressAndVersion() {
        MainViewModel viewModel = newViewModel();

        assertThat(viewModel.connectionStateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(viewModel.connectionNameProperty().get()).isEqualTo("Local server");
        assertThat(viewModel.connectionDetailProperty().get())
                .startsWith("127.0.0.1:" + connections.embeddedServer().port() + " · Arca ");
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Connected to Local server");
    }

    @Test
    void aServerThatIsNotListeningShowsUnavailableWithTheReason() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Connection gone = new Connection("gone", "Gone", ConnectionKind.ARCA_SERVER,
                Optional.of(URI.create("http://127.0.0.1:" + port)), "us-east-1", new CredentialSource.SessionKeys());
        connections.connections().save(gone, Optional.of(new AccessKeys("AKIAEXAMPLEEXAMPLE01", "secret")));
        MainViewModel viewModel = newViewModel();

        assertThat(viewModel.switchTo(gone)).isTrue();

        assertThat(viewModel.connectionNameProperty().get()).isEqualTo("Gone");
        assertThat(viewModel.connectionStateProperty().get()).isEqualTo(ConnectionState.UNAVAILABLE);
        assertThat(viewModel.connectionDetailProperty().get()).isEqualTo("Nothing is listening on 127.0.0.1:" + port + ".");
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Not connected");
    }

    @Test
    void anEmbeddedServerThatFailedToStartShowsItsReason() {
        Connections failing = new Connections(Connection.embedded("us-east-1"),
                UserSettings.load(temp.resolve("other.properties")), tasks, (connection, keys) -> {
                    throw new IllegalStateException("data directory /d is in use");
                }, Runnable::run);
        MainViewModel viewModel = newViewModel(failing);

        assertThat(viewModel.connectionStateProperty().get()).isEqualTo(ConnectionState.UNAVAILABLE);
        assertThat(viewModel.connectionDetailProperty().get()).isEqualTo("Data directory /d is in use.");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aConnectionWhoseSessionKeysAreNotTypedYetIsNotSwitchedTo() {
        Connection typed = new Connection("typed", "Typed", ConnectionKind.ARCA_SERVER,
                Optional.of(connections.embeddedServer().endpoint()), "us-east-1", new CredentialSource.SessionKeys());
        connections.connections().save(typed, Optional.empty());
        MainViewModel viewModel = newViewModel();

        assertThat(viewModel.switchTo(typed)).isFalse();

        assertThat(viewModel.activeConnectionProperty().get().isEmbedded()).isTrue();
    }

    @Test
    void theConnectionsAreOfferedWithTheOneInUse() {
        MainViewModel viewModel = newViewModel();

        assertThat(viewModel.connections()).extracting(Connection::name).containsExactly("Local server");
        assertThat(viewModel.activeConnectionProperty().get()).isEqualTo(viewModel.connections().getFirst());
    }

    @Test
    void statusBarNamesTheRunningTaskAndIsEmptyWhenIdle() {
        MainViewModel viewModel = newViewModel();
        List<String> seen = new ArrayList<>();

        dev.arca.ui.common.BackgroundTask.of("Loading domains", progress -> {
            seen.add(viewModel.backgroundTasksTextProperty().get() + "|" + viewModel.busyProperty().get());
            return null;
        }).runWith(tasks);

        assertThat(seen).containsExactly("Loading domains|true");
        assertThat(viewModel.backgroundTasksTextProperty().get()).isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }
}
