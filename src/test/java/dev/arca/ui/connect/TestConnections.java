package dev.arca.ui.connect;

import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;

/**
 * Real connections for ViewModel tests: an embedded server of their own, the real client factory, settings in a
 * temporary file, and gateways opened in the caller's thread. {@link #restart()} is the next start of Arca.
 */
public final class TestConnections implements AutoCloseable {

    private final Path dir;
    private final TaskRunner tasks;
    private final LocalServer embeddedServer;
    private final ClientFactory clients;
    private UserSettings settings;
    private Connections connections;

    public TestConnections(Path dir, TaskRunner tasks) throws Exception {
        this.dir = dir;
        this.tasks = tasks;
        this.embeddedServer = LocalServer.start(ServerConfig.embedded(dir.resolve("local")));
        this.clients = new ClientFactory(new AwsSharedConfig(dir.resolve("aws/config"),
                dir.resolve("aws/credentials")));
        this.settings = load();
        this.connections = open();
    }

    public Connections connections() {
        return connections;
    }

    public LocalServer embeddedServer() {
        return embeddedServer;
    }

    /** The settings the connections use, as the app has one instance of them. */
    public UserSettings settings() {
        return settings;
    }

    /** Arca starting again: settings read from disk afresh, session keys gone. */
    public Connections restart() {
        connections.close();
        settings = load();
        connections = open();
        return connections;
    }

    private UserSettings load() {
        return UserSettings.load(dir.resolve("settings.properties"));
    }

    @Override
    public void close() {
        connections.close();
        clients.close();
        embeddedServer.close();
    }

    private Connections open() {
        return new Connections(Connection.embedded("us-east-1"), settings, tasks, (connection, keys) -> {
            if (!connection.isEmbedded()) {
                return clients.open(connection, keys);
            }
            return clients.open(new ConnectionProfile(connection.name(), ConnectionKind.EMBEDDED,
                    embeddedServer.endpoint(), connection.region()), embeddedServer.credentials().accessKeyId(),
                    embeddedServer.credentials().secretAccessKey());
        }, Runnable::run);
    }
}
