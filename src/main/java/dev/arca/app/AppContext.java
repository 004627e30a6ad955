package dev.arca.app;

import dev.arca.gateway.AccessKeys;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import dev.arca.server.ServerStartException;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.FxDialogService;
import dev.arca.ui.common.Navigation;
import dev.arca.ui.common.NoticingTaskRunner;
import dev.arca.ui.common.UncaughtErrorHandler;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.activity.ActivityView;
import dev.arca.ui.activity.ActivityViewModel;
import dev.arca.ui.connect.ConnectionSession;
import dev.arca.ui.connect.Connections;
import dev.arca.ui.access.AccessSimulatorPane;
import dev.arca.ui.access.AccessSimulatorViewModel;
import dev.arca.ui.connect.ConnectionsDialog;
import dev.arca.ui.connect.ConnectionsViewModel;
import dev.arca.ui.domains.DomainsView;
import dev.arca.ui.graph.UpstreamGraphView;
import dev.arca.ui.policies.PoliciesView;
import dev.arca.ui.workflows.WorkflowsView;
import dev.arca.ui.workflows.WorkflowsViewModel;
import dev.arca.ui.policies.PoliciesViewModel;
import dev.arca.ui.policies.PolicyDrafts;
import dev.arca.ui.policies.PolicyEditorViewModel;
import dev.arca.ui.policies.PolicyRevisionLog;
import dev.arca.ui.policies.SimulatorLink;
import dev.arca.ui.principals.PrincipalsPane;
import dev.arca.ui.principals.PrincipalsViewModel;
import dev.arca.ui.graph.UpstreamGraphViewModel;
import dev.arca.ui.packages.PackagesView;
import dev.arca.ui.packages.PackagesViewModel;
import dev.arca.ui.domains.DomainsViewModel;
import dev.arca.ui.domains.SampleDomainViewModel;
import dev.arca.ui.repositories.RepositoriesView;
import dev.arca.ui.repositories.RepositoriesViewModel;
import dev.arca.ui.shell.GuidedTourViewModel;
import dev.arca.ui.shell.MainViewModel;
import dev.arca.ui.shell.WorkNoticesViewModel;
import dev.arca.ui.shell.Page;
import dev.arca.ui.shell.PaletteIndex;
import dev.arca.ui.shell.PaletteItem;
import dev.arca.ui.shell.PaletteViewModel;
import dev.arca.ui.common.TaskRunner;
import java.util.List;
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
    private final Path configDir;
    private final ConnectionCheck connectionCheck = new ConnectionCheck();
    private final AwsSharedConfig sharedConfig = AwsSharedConfig.standard();
    private final ClientFactory clients = new ClientFactory(sharedConfig);
    private final Connections connections;
    private final GuidedTourViewModel guidedTour;
    private volatile Window mainWindow;
    private MainViewModel mainViewModel;
    private WorkNoticesViewModel workNotices;

    private AppContext(Path dataDir, Path configDir) {
        this.settings = UserSettings.load(configDir.resolve(SETTINGS_FILE));
        this.dialogs = new FxDialogService(() -> mainWindow);
        this.errors = new UncaughtErrorHandler(dialogs);
        this.tasks = ExecutorTaskRunner.forJavaFx(errors);
        this.dataDir = dataDir;
        this.configDir = configDir;
        this.connections = new Connections(Connection.embedded(EMBEDDED_REGION), settings, tasks, this::openGateway,
                command -> Thread.ofVirtual().name("arca-connect").start(command));
        this.guidedTour = new GuidedTourViewModel(settings);
    }

    /** Wires the app for the given data and configuration directories; the server starts on request. */
    public static AppContext start(Path dataDir, Path configDir) {
        return new AppContext(Objects.requireNonNull(dataDir), Objects.requireNonNull(configDir));
    }

    public MainViewModel newMainViewModel() {
        mainViewModel = new MainViewModel(tasks, settings, connectionCheck, connections);
        workNotices = new WorkNoticesViewModel(mainViewModel);
        return mainViewModel;
    }

    /**
     * The guided tour of the main window; finishing or skipping it is remembered in the user settings. The Domains
     * page offers it once the sample domain has loaded.
     */
    public GuidedTourViewModel guidedTour() {
        return guidedTour;
    }

    /** The notices of work the user left, for the main window made by {@link #newMainViewModel()}. */
    public WorkNoticesViewModel workNotices() {
        return workNotices;
    }

    /** The tasks of {@code page} for the session: work marked for it tells the window how it ended. */
    private TaskRunner tasksOf(ConnectionSession session, Page page) {
        return new NoticingTaskRunner(session.tasks(), workNotices.from(page));
    }

    /** The command palette of the main window made by {@link #newMainViewModel()}, for the connection in use. */
    public PaletteViewModel newPaletteViewModel() {
        return new PaletteViewModel(mainViewModel, settings, () -> {
            ConnectionSession session = connections.session();
            return new PaletteViewModel.Target() {
                @Override
                public String connectionId() {
                    return session.connection().id();
                }

                @Override
                public TaskRunner tasks() {
                    return session.tasks();
                }

                @Override
                public Navigation navigation() {
                    return AppContext.this.navigation(session);
                }

                @Override
                public List<PaletteItem> loadIndex() {
                    return PaletteIndex.load(session.awaitGateway());
                }
            };
        });
    }

    /** The connections dialog; each opening reads the AWS profiles afresh. */
    public ConnectionsDialog connectionsDialog() {
        return new ConnectionsDialog(() -> new ConnectionsViewModel(connections, tasks, dialogs, connectionCheck,
                sharedConfig::profiles, ClientFactory.regions()));
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

    /** The pages that are built, wired to the session of the connection in use. */
    public Optional<Node> page(Page page) {
        ConnectionSession session = connections.session();
        return switch (page) {
            case DOMAINS -> Optional.of(domains(session));
            case REPOSITORIES -> Optional.of(new RepositoriesView(new RepositoriesViewModel(session::awaitGateway,
                    session.tasks(), dialogs, java.time.Clock.systemUTC(), session.domains(), navigation(session))));
            case PACKAGES -> Optional.of(new PackagesView(new PackagesViewModel(session::awaitGateway,
                    tasksOf(session, Page.PACKAGES), dialogs, session.domains(), journalDir(),
                    java.time.Clock.systemUTC())));
            case UPSTREAM_GRAPH -> Optional.of(new UpstreamGraphView(new UpstreamGraphViewModel(session::awaitGateway,
                    session.tasks(), dialogs, session.domains(), navigation(session))));
            case POLICIES -> Optional.of(policies(session));
            case WORKFLOWS -> Optional.of(workflows(session));
            case ACTIVITY -> Optional.of(new ActivityView(new ActivityViewModel(session::awaitGateway,
                    session.tasks())));
            default -> Optional.empty();
        };
    }

    /** The Domains page; loading the sample domain puts the tour aside, and offers it once there is data to see. */
    private DomainsView domains(ConnectionSession session) {
        DomainsViewModel viewModel = new DomainsViewModel(session::awaitGateway, session.tasks(), dialogs,
                session.domains(), navigation(session), session.connection().isEmbedded());
        SampleDomainViewModel sample = viewModel.sampleDomain();
        sample.loadingProperty().subscribe((wasLoading, loading) -> {
            if (loading) {
                guidedTour.stepAside();
            } else {
                guidedTour.offerAfterSampleDomain(!sample.failedProperty().get());
            }
        });
        return new DomainsView(viewModel);
    }

    /** Where workflow runs are journalled, from the Workflows page and the Packages page alike. */
    private Path journalDir() {
        return dataDir.resolve("journals");
    }

    /** The Policies page; leaving it (page, connection, window) asks first while a policy has unsaved changes. */
    private PoliciesView policies(ConnectionSession session) {
        PoliciesViewModel viewModel = new PoliciesViewModel(session::awaitGateway, session.tasks(), dialogs,
                session.domains(), new PolicyDrafts(configDir, session.connection().id(),
                        command -> Thread.ofVirtual().name("arca-drafts").start(command)),
                new PolicyRevisionLog(configDir, session.connection().id(), java.time.Clock.systemUTC()),
                PolicyEditorViewModel.DEBOUNCE);
        mainViewModel.guardLeaving(viewModel::mayLeave);
        PoliciesView view = new PoliciesView(viewModel);
        AccessSimulatorViewModel simulator = new AccessSimulatorViewModel(session::awaitGateway, session.tasks());
        AccessSimulatorPane simulatorPane = new AccessSimulatorPane(simulator);
        view.setSimulatorPane(simulatorPane);
        view.highlightDecidingStatements(simulator.decidingStatements(), SimulatorLink.link(viewModel, simulator));
        simulatorPane.setOnStatementChosen(view::showStatement);
        view.setPrincipalsPane(new PrincipalsPane(new PrincipalsViewModel(session::awaitGateway, session.tasks(),
                dialogs)));
        return view;
    }

    /**
     * The Workflows page; leaving it, or the connection or the window, while a run goes on asks first (another page
     * may let the run go on in the background; the rest stop it, and its journal keeps what is left to resume).
     */
    private WorkflowsView workflows(ConnectionSession session) {
        WorkflowsViewModel viewModel = new WorkflowsViewModel(session::awaitGateway, tasksOf(session, Page.WORKFLOWS),
                dialogs, session.domains(), journalDir(), java.time.Clock.systemUTC());
        mainViewModel.guardLeaving(Page.WORKFLOWS, how -> viewModel.mayLeave(how == MainViewModel.Leaving.PAGE));
        return new WorkflowsView(viewModel);
    }

    /** Opening a domain, repository or package: remembered as last picked, which the page opened then shows. */
    private Navigation navigation(ConnectionSession session) {
        return new Navigation() {
            @Override
            public void showRepositories(String domain) {
                session.domains().rememberDomain(domain);
                mainViewModel.navigate(Page.REPOSITORIES);
            }

            @Override
            public void showRepository(String domain, String repository) {
                session.domains().rememberRepository(domain, repository);
                mainViewModel.navigate(Page.REPOSITORIES);
            }

            @Override
            public void showPackages(String domain, String repository) {
                session.domains().rememberRepository(domain, repository);
                mainViewModel.navigate(Page.PACKAGES);
            }

            @Override
            public void showPackage(DomainMemory.PackageToOpen pkg) {
                session.domains().openPackage(pkg);
                mainViewModel.navigate(Page.PACKAGES);
            }
        };
    }

    /** Opens a connection's gateway: the embedded server's once it runs, with its keys; any other as saved. */
    private CodeArtifactGateway openGateway(Connection connection, Optional<AccessKeys> sessionKeys) {
        if (!connection.isEmbedded()) {
            return clients.open(connection, sessionKeys);
        }
        LocalServer server = embeddedServer.join();
        return clients.open(embeddedProfile(server), server.credentials().accessKeyId(),
                server.credentials().secretAccessKey());
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
        connections.close();
        tasks.close();
        clients.close();
        if (!embeddedServerStarted.get()) {
            embeddedServer.cancel(false); // nothing waits any longer for a server that never started
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
