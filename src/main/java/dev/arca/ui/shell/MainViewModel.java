package dev.arca.ui.shell;

import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionHealth;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.connect.ConnectionSession;
import dev.arca.ui.connect.Connections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/** The main window's state: current page, theme, connection picker and indicator, and background-task status. */
public final class MainViewModel {

    /** How the user leaves what is on screen: for another page, for another connection, or closing the window. */
    public enum Leaving { PAGE, CONNECTION, WINDOW }

    static final String THEME_KEY = "theme";
    static final String PAGE_KEY = "page";

    private final UserSettings settings;
    private final ConnectionCheck connectionCheck;
    private final Connections connections;

    // Properties
    private final ReadOnlyObjectWrapper<Page> currentPage = new ReadOnlyObjectWrapper<>(this, "currentPage");
    private final ReadOnlyBooleanWrapper darkTheme = new ReadOnlyBooleanWrapper(this, "darkTheme");
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(this, "connectionState", ConnectionState.CONNECTING);
    private final ReadOnlyObjectWrapper<Connection> activeConnection =
            new ReadOnlyObjectWrapper<>(this, "activeConnection");
    private final ReadOnlyStringWrapper connectionName = new ReadOnlyStringWrapper(this, "connectionName", "");
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper(this, "connectionDetail", "Starting…");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "Ready");
    private final StringBinding backgroundTasksText;
    private final BooleanBinding busy;
    /** Asked before the page, the connection or the window is left: one false keeps the user where they are. */
    private final List<Predicate<Leaving>> leaveGuards = new ArrayList<>();

    public MainViewModel(TaskRunner tasks, UserSettings settings, ConnectionCheck connectionCheck,
                         Connections connections) {
        Objects.requireNonNull(tasks, "tasks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connectionCheck = Objects.requireNonNull(connectionCheck, "connectionCheck");
        this.connections = Objects.requireNonNull(connections, "connections");
        darkTheme.set("dark".equals(settings.get(THEME_KEY).orElse("light")));
        currentPage.set(settings.get(PAGE_KEY)
                .flatMap(id -> Arrays.stream(Page.values()).filter(p -> p.id().equals(id)).findFirst())
                .orElse(Page.DOMAINS));
        backgroundTasksText = Bindings.createStringBinding(() -> {
            int running = tasks.runningCountProperty().get();
            if (running == 0) {
                return "";
            }
            String title = tasks.currentTitleProperty().get();
            return running == 1 ? title : title + " (+" + (running - 1) + " more)";
        }, tasks.runningCountProperty(), tasks.currentTitleProperty());
        busy = tasks.runningCountProperty().greaterThan(0);
        activeConnection.bind(connections.sessionProperty().map(ConnectionSession::connection));
        connections.sessionProperty().subscribe(session -> {
            leaveGuards.clear(); // the pages of the old connection go with it
            checkConnection();
        });
    }

    public ReadOnlyObjectProperty<Page> currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return darkTheme.getReadOnlyProperty();
    }

    /** Every connection the picker offers, the embedded server first. */
    public ObservableList<Connection> connections() {
        return connections.list();
    }

    /** The connection in use. */
    public ReadOnlyObjectProperty<Connection> activeConnectionProperty() {
        return activeConnection.getReadOnlyProperty();
    }

    /** The session of the connection in use; a new one means every page starts over. */
    public ReadOnlyObjectProperty<ConnectionSession> sessionProperty() {
        return connections.sessionProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    /** Which service: "Local server", or the connection's name. */
    public ReadOnlyStringProperty connectionNameProperty() {
        return connectionName.getReadOnlyProperty();
    }

    /** Address and version when connected, the reason when not. */
    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** What is running in the background, e.g. "Checking connection (+1 more)"; empty when idle. */
    public StringBinding backgroundTasksTextProperty() {
        return backgroundTasksText;
    }

    /** True while any background task runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    // Commands

    /**
     * Shows {@code page} and remembers it for the next start.
     *
     * @return false, staying where it is, when the page shown has unsaved work the user chose to keep editing
     */
    public boolean navigate(Page page) {
        Objects.requireNonNull(page, "page");
        if (page != currentPage.get() && !mayLeave(Leaving.PAGE)) {
            return false;
        }
        currentPage.set(page);
        settings.put(PAGE_KEY, page.id());
        return true;
    }

    /**
     * Adds a question asked before leaving unsaved work (another page, another connection, closing): a page with
     * editors adds it when built; a new connection drops them all.
     */
    public void guardLeaving(java.util.function.BooleanSupplier mayLeave) {
        Objects.requireNonNull(mayLeave, "mayLeave");
        leaveGuards.add(how -> mayLeave.getAsBoolean());
    }

    /**
     * Adds a question asked when {@code page} is left for another page, and before switching connection or
     * closing whatever page is shown: a page whose work can go on in the background says so only when it can.
     */
    public void guardLeaving(Page page, Predicate<Leaving> mayLeave) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(mayLeave, "mayLeave");
        leaveGuards.add(how -> how == Leaving.PAGE && currentPage.get() != page || mayLeave.test(how));
    }

    /** Whether the user may leave the work on screen {@code how}: asks each page with work that would be lost. */
    public boolean mayLeave(Leaving how) {
        Objects.requireNonNull(how, "how");
        for (Predicate<Leaving> guard : List.copyOf(leaveGuards)) {
            if (!guard.test(how)) {
                return false;
            }
        }
        return true;
    }

    /** Switches between the light and dark theme and remembers the choice. */
    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
        settings.put(THEME_KEY, darkTheme.get() ? "dark" : "light");
    }

    /**
     * Switches to {@code connection}; every page starts over against it.
     *
     * @return false, without switching, when the connection needs keys typed for this session first
     */
    public boolean switchTo(Connection connection) {
        if (connections.needsKeys(connection)) {
            return false;
        }
        if (!connection.equals(activeConnection.get())) {
            connections.switchTo(connection);
        }
        return true;
    }

    /**
     * Checks the connection in use in the background — the embedded server may still be starting — and updates
     * the indicator. Runs in the session's scope: a check of a connection left meanwhile reports nothing.
     */
    public void checkConnection() {
        ConnectionSession session = connections.session();
        Connection connection = session.connection();
        connectionName.set(connection.name());
        connectionState.set(ConnectionState.CONNECTING);
        connectionDetail.set(connection.isEmbedded() ? "Starting…" : "Connecting…");
        BackgroundTask.of("Connecting to " + connection.name(),
                        progress -> connectionCheck.check(session.awaitGateway()))
                .onSuccess(health -> show(connection, health))
                .onFailure(failure -> {
                    connectionState.set(ConnectionState.UNAVAILABLE);
                    connectionDetail.set(UserMessages.describe(failure));
                    statusMessage.set("Not connected");
                })
                .runWith(session.tasks());
    }

    private void show(Connection connection, ConnectionHealth health) {
        switch (health) {
            case ConnectionHealth.Reachable reachable -> {
                connectionState.set(ConnectionState.CONNECTED);
                connectionDetail.set(reachable.detail());
                statusMessage.set("Connected to " + connection.name());
            }
            case ConnectionHealth.Unreachable unreachable -> {
                connectionState.set(ConnectionState.UNAVAILABLE);
                connectionDetail.set(unreachable.reason());
                statusMessage.set("Not connected");
            }
        }
    }
}
