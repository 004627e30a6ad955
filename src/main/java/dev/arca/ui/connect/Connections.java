package dev.arca.ui.connect;

import dev.arca.gateway.AccessKeys;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.Connection;
import dev.arca.gateway.CredentialSource;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ScopedTaskRunner;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserSettings;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's connections — the embedded local server first, then the saved ones — and the session of the one in
 * use. Switching closes the old session and opens the new one; the choice is remembered for the next start. Keys
 * typed for a session live here, in memory, and nowhere else.
 */
public final class Connections {

    /** Opens a gateway for a connection; blocking, so it runs off the UI thread. */
    @FunctionalInterface
    public interface GatewayOpener {
        CodeArtifactGateway open(Connection connection, Optional<AccessKeys> sessionKeys);
    }

    private final UserSettings settings;
    private final ConnectionStore store;
    private final TaskRunner tasks;
    private final GatewayOpener opener;
    private final Executor opening;
    private final ObservableList<Connection> all = FXCollections.observableArrayList();
    private final ObservableList<Connection> readOnly = FXCollections.unmodifiableObservableList(all);
    private final Map<String, AccessKeys> sessionKeys = new ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<ConnectionSession> session = new ReadOnlyObjectWrapper<>(this, "session");

    /**
     * Loads the saved connections and opens the one last used (the embedded server the first time).
     *
     * @param embedded the embedded local server's connection
     * @param opening  where gateways are opened: a background executor in the app, the caller's thread in tests
     */
    public Connections(Connection embedded, UserSettings settings, TaskRunner tasks, GatewayOpener opener,
                       Executor opening) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new ConnectionStore(settings);
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.opening = Objects.requireNonNull(opening, "opening");
        all.add(Objects.requireNonNull(embedded, "embedded"));
        all.addAll(store.load());
        switchTo(store.activeId().flatMap(this::find).orElse(embedded));
    }

    /** Every connection, the embedded server first. */
    public ObservableList<Connection> list() {
        return readOnly;
    }

    /** The session of the connection in use. */
    public ReadOnlyObjectProperty<ConnectionSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ConnectionSession session() {
        return session.get();
    }

    public Optional<Connection> find(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The keys typed for a connection in this session, if any. */
    public Optional<AccessKeys> sessionKeys(String id) {
        return Optional.ofNullable(sessionKeys.get(id));
    }

    /** Whether the connection uses keys typed for the session and none have been typed since Arca started. */
    public boolean needsKeys(Connection connection) {
        return connection.credentials() instanceof CredentialSource.SessionKeys
                && !sessionKeys.containsKey(connection.id());
    }

    /** An identifier no connection has yet. */
    public String newId() {
        String id;
        do {
            id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        } while (find(id).isPresent());
        return id;
    }

    /** Closes the current session and opens {@code connection}'s; the pages start over against it. */
    public void switchTo(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        Optional<AccessKeys> keys = sessionKeys(connection.id());
        DomainMemory memory = new DomainMemory(settings, connection.id());
        CompletableFuture<CodeArtifactGateway> gateway = CompletableFuture.supplyAsync(() -> {
            CodeArtifactGateway opened = opener.open(connection, keys);
            memory.otherAccountDomains().forEach(d -> opened.useOwner(d.name(), d.owner()));
            return opened;
        }, opening);
        ConnectionSession previous = session.get();
        if (previous != null) {
            previous.close();
        }
        session.set(new ConnectionSession(connection, gateway, new ScopedTaskRunner(tasks), memory));
        store.setActive(connection.id());
    }

    /**
     * Saves a connection, new or edited, with the keys typed for it this session (kept in memory only). When it
     * is the connection in use, it is reopened with the new settings.
     */
    public void save(Connection connection, Optional<AccessKeys> keys) {
        if (connection.isEmbedded()) {
            throw new IllegalArgumentException("the local server's connection cannot be changed");
        }
        keys.ifPresentOrElse(k -> sessionKeys.put(connection.id(), k), () -> sessionKeys.remove(connection.id()));
        store.save(connection);
        find(connection.id()).ifPresentOrElse(old -> all.set(all.indexOf(old), connection), () -> all.add(connection));
        if (session.get().connection().id().equals(connection.id())) {
            switchTo(connection);
        }
    }

    /** Forgets a saved connection; when it is in use, the embedded server takes over. */
    public void remove(Connection connection) {
        if (connection.isEmbedded()) {
            throw new IllegalArgumentException("the local server's connection cannot be removed");
        }
        store.remove(connection.id());
        sessionKeys.remove(connection.id());
        all.removeIf(c -> c.id().equals(connection.id()));
        if (session.get().connection().id().equals(connection.id())) {
            switchTo(all.getFirst());
        }
    }

    /** Opens a gateway outside any session, to test a connection before it is saved; the caller closes it. */
    public CodeArtifactGateway open(Connection connection, Optional<AccessKeys> keys) {
        return opener.open(connection, keys);
    }

    /** Closes the session in use. */
    public void close() {
        session.get().close();
    }
}
