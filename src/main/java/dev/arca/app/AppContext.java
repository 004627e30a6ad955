package dev.arca.app;

import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import dev.arca.server.ServerStartException;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.FxDialogService;
import dev.arca.ui.common.UncaughtErrorHandler;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.activity.ActivityView;
import dev.arca.ui.activity.ActivityViewModel;
import dev.arca.ui.domains.DomainsView;
import dev.arca.ui.packages.PackagesView;
import dev.arca.ui.packages.PackagesViewModel;
import dev.arca.ui.domains.DomainsViewModel;
import dev.arca.ui.repositories.RepositoriesView;
import dev.arca.ui.repositories.RepositoriesViewModel;
import dev.arca.ui.shell.MainViewModel;
import dev.arca.ui.shell.Page;
import java.util.Optional;
import javafx.scene.Node;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI's composition root: builds every service and ViewModel by constructor, starts the embedded
 * server in the background and shuts everything down on exit. The only place that knows all the parts.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    static final String SETTINGS_FILE = "settings.properties";
    static final String EMBEDDED_REGION = "us-east-1";

    private final UserSettings settings;
    private final ExecutorTaskRunner tasks;
    private final FxDialogService dialogs;
    private final UncaughtErrorHandler errors;
    private final CompletableFuture<LocalServer> embeddedServer = new CompletableFuture<>();
    private final AtomicBoolean embeddedServerStarted = new AtomicBoolean();
    private final Path dataDir;
    private final ConnectionCheck connectionCheck = new ConnectionCheck();
    private final ClientFactory clients = new ClientFactory();
    private final CompletableFuture<CodeArtifactGateway> gateway;
    private volatile Window mainWindow;

    private AppContext(Path dataDir, Path configDir) {
        this.settings = UserSettings.load(configDir.resolve(SETTINGS_FILE));
        this.dialogs = new FxDialogService(() -> mainWindow);
        this.errors = new UncaughtErrorHandler(dialogs);
        this.tasks = ExecutorTaskRunner.forJavaFx(errors);
        this.dataDir = dataDir;
        this.gateway = embeddedServer.thenApply(server -> clients.open(embeddedProfile(server),
                server.credentials().accessKeyId(), server.credentials().secretAccessKey()));
    }

    /** Wires the app for the given data and configuration directories; the server starts on request. */
    public static AppContext start(Path dataDir, Path configDir) {
        return new AppContext(Objects.requireNonNull(dataDir), Objects.requireNonNull(configDir));
    }

    public MainViewModel newMainViewModel() {
        MainViewModel viewModel = new MainViewModel(tasks, settings, connectionCheck);
        viewModel.connect(embeddedServer.thenApply(AppContext::embeddedProfile));
        return viewModel;
    }

    /**
     * Starts the embedded server in the background, once. Called after the window is first shown: on two
     * cores, starting both at once delays the window by more than the server takes to start afterwards.
     */
    public void startEmbeddedServer() {
        if (embeddedServerStarted.compareAndSet(false, true)) {
            Thread.ofVirtual().name("arca-embedded-server").start(() -> {
                try {
                    embeddedServer.complete(LocalServer.start(ServerConfig.embedded(dataDir)));
                } catch (ServerStartException | RuntimeException e) {
                    LOG.warn("Embedded server did not start: {}", e.getMessage());
                    embeddedServer.completeExceptionally(e);
                }
            });
        }
    }

    /** The pages that are built, wired to the embedded server's gateway. */
    public Optional<Node> page(Page page) {
        return switch (page) {
            case DOMAINS -> Optional.of(new DomainsView(new DomainsViewModel(this::awaitGateway, tasks, dialogs)));
            case REPOSITORIES -> Optional.of(new RepositoriesView(new RepositoriesViewModel(this::awaitGateway, tasks,
                    dialogs, java.time.Clock.systemUTC())));
            case PACKAGES -> Optional.of(new PackagesView(new PackagesViewModel(this::awaitGateway, tasks, dialogs)));
            case ACTIVITY -> Optional.of(new ActivityView(new ActivityViewModel(this::awaitGateway, tasks)));
            default -> Optional.empty();
        };
    }

    /** Blocks until the gateway is ready; for background tasks only. */
    private CodeArtifactGateway awaitGateway() {
        return gateway.join();
    }

    public UncaughtErrorHandler errorHandler() {
        return errors;
    }

    /** The embedded server, once started; fails with the reason it could not start. */
    public CompletableFuture<LocalServer> embeddedServer() {
        return embeddedServer;
    }

    void attachMainWindow(Window window) {
        this.mainWindow = window;
    }

    /** Stops background work and the embedded server; waits briefly for the server to finish starting. */
    @Override
    public void close() {
        tasks.close();
        gateway.thenAccept(CodeArtifactGateway::close);
        clients.close();
        if (!embeddedServerStarted.get()) {
            return;
        }
        try {
            embeddedServer.get(10, TimeUnit.SECONDS).close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Embedded server was not running at exit", e);
        }
    }

    private static ConnectionProfile embeddedProfile(LocalServer server) {
        return new ConnectionProfile(ConnectionKind.EMBEDDED.label(), ConnectionKind.EMBEDDED,
                server.endpoint(), EMBEDDED_REGION);
    }
}
