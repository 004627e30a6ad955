package dev.arca.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.UserSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's ViewModel, with no JavaFX toolkit running: same-thread tasks, a real server. */
class MainViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(unhandled::add);

    private MainViewModel newViewModel() {
        return new MainViewModel(tasks, UserSettings.load(temp.resolve("settings.properties")), new ConnectionCheck());
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
    void themeChoiceIsRememberedAcrossRuns() {
        MainViewModel first = newViewModel();
        first.toggleTheme();

        assertThat(first.darkThemeProperty().get()).isTrue();
        assertThat(newViewModel().darkThemeProperty().get()).isTrue();
    }

    @Test
    void connectingToARunningServerShowsItsAddressAndVersion() throws Exception {
        try (LocalServer server = LocalServer.start(ServerConfig.embedded(temp.resolve("data")))) {
            MainViewModel viewModel = newViewModel();

            viewModel.connect(CompletableFuture.completedFuture(profile(server.endpoint())));

            assertThat(viewModel.connectionStateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(viewModel.connectionNameProperty().get()).isEqualTo("Local server");
            assertThat(viewModel.connectionDetailProperty().get()).startsWith("127.0.0.1:" + server.port() + " · Arca ");
            assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Connected to Local server");
        }
    }

    @Test
    void aServerThatIsNotListeningShowsUnavailableWithTheReason() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MainViewModel viewModel = newViewModel();

        viewModel.connect(CompletableFuture.completedFuture(profile(URI.create("http://127.0.0.1:" + port))));

        assertThat(viewModel.connectionStateProperty().get()).isEqualTo(ConnectionState.UNAVAILABLE);
        assertThat(viewModel.connectionDetailProperty().get()).isEqualTo("Nothing is listening on 127.0.0.1:" + port + ".");
    }

    @Test
    void anEmbeddedServerThatFailedToStartShowsItsReason() {
        MainViewModel viewModel = newViewModel();

        viewModel.connect(CompletableFuture.failedFuture(new IllegalStateException("data directory /d is in use")));

        assertThat(viewModel.connectionStateProperty().get()).isEqualTo(ConnectionState.UNAVAILABLE);
        assertThat(viewModel.connectionDetailProperty().get()).isEqualTo("Data directory /d is in use.");
        assertThat(unhandled).isEmpty();
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

    private static ConnectionProfile profile(URI endpoint) {
        return new ConnectionProfile("Local server", ConnectionKind.EMBEDDED, endpoint, "us-east-1");
    }
}
