package dev.arca.ui.shell;

import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionHealth;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.ui.common.UserSettings;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The main window's state: current page, theme, connection indicator and background-task status. */
public final class MainViewModel {

    static final String THEME_KEY = "theme";
    static final String PAGE_KEY = "page";

    private final TaskRunner tasks;
    private final UserSettings settings;
    private final ConnectionCheck connectionCheck;

    // Properties
    private final ReadOnlyObjectWrapper<Page> currentPage = new ReadOnlyObjectWrapper<>(this, "currentPage");
    private final ReadOnlyBooleanWrapper darkTheme = new ReadOnlyBooleanWrapper(this, "darkTheme");
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(this, "connectionState", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionName = new ReadOnlyStringWrapper(this, "connectionName", "Local server");
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper(this, "connectionDetail", "Starting…");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "Ready");
    private final StringBinding backgroundTasksText;
    private final BooleanBinding busy;

    public MainViewModel(TaskRunner tasks, UserSettings settings, ConnectionCheck connectionCheck) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connectionCheck = Objects.requireNonNull(connectionCheck, "connectionCheck");
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
    }

    public ReadOnlyObjectProperty<Page> currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return darkTheme.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    /** Which service: "Local server", or the profile's name. */
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

    /** Shows {@code page} and remembers it for the next start. */
    public void navigate(Page page) {
        currentPage.set(Objects.requireNonNull(page, "page"));
        settings.put(PAGE_KEY, page.id());
    }

    /** Switches between the light and dark theme and remembers the choice. */
    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
        settings.put(THEME_KEY, darkTheme.get() ? "dark" : "light");
    }

    /**
     * Waits in the background for the connection to become available (the embedded server may still be
     * starting), then checks it and updates the indicator.
     */
    public void connect(CompletionStage<ConnectionProfile> pending) {
        connectionState.set(ConnectionState.CONNECTING);
        connectionDetail.set("Starting…");
        BackgroundTask.of("Connecting", progress -> {
                    ConnectionProfile profile = await(pending);
                    return new Checked(profile, connectionCheck.check(profile));
                })
                .onSuccess(this::showChecked)
                .onFailure(failure -> {
                    connectionState.set(ConnectionState.UNAVAILABLE);
                    connectionDetail.set(UserMessages.describe(failure));
                    statusMessage.set("Not connected");
                })
                .runWith(tasks);
    }

    private void showChecked(Checked checked) {
        connectionName.set(checked.profile().name());
        switch (checked.health()) {
            case ConnectionHealth.Reachable reachable -> {
                connectionState.set(ConnectionState.CONNECTED);
                connectionDetail.set(checked.profile().address() + " · Arca " + reachable.serviceVersion());
                statusMessage.set("Connected to " + checked.profile().name());
            }
            case ConnectionHealth.Unreachable unreachable -> {
                connectionState.set(ConnectionState.UNAVAILABLE);
                connectionDetail.set(unreachable.reason());
                statusMessage.set("Not connected");
            }
        }
    }

    private static ConnectionProfile await(CompletionStage<ConnectionProfile> pending)
            throws InterruptedException, ExecutionException {
        return pending.toCompletableFuture().get();
    }

    private record Checked(ConnectionProfile profile, ConnectionHealth health) {
    }
}
