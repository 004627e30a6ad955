package dev.arca.ui.connect;

import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.Connection;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ScopedTaskRunner;
import dev.arca.ui.common.TaskRunner;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One connection while it is the active one: its gateway (opened in the background), the tasks started for it and
 * what it remembers about domains. Pages are built for one session; closing it cancels its tasks, so nothing of an
 * old connection reaches the screen of a new one, and closes its SDK clients.
 */
public final class ConnectionSession {

    private final Connection connection;
    private final CompletableFuture<CodeArtifactGateway> gateway;
    private final ScopedTaskRunner tasks;
    private final DomainMemory domains;

    ConnectionSession(Connection connection, CompletableFuture<CodeArtifactGateway> gateway, ScopedTaskRunner tasks,
                      DomainMemory domains) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.domains = Objects.requireNonNull(domains, "domains");
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Waits for the gateway (the embedded server may still be starting); for background tasks only.
     *
     * @throws CompletionException with the reason when the gateway could not be opened
     * @throws CancellationException when the waiting task is cancelled
     */
    public CodeArtifactGateway awaitGateway() {
        try {
            return gateway.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The connection to " + connection.name() + " was left.");
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        }
    }

    /** Runs tasks for this session: they are cancelled when it closes. */
    public TaskRunner tasks() {
        return tasks;
    }

    /** The domain last picked and the other accounts' domains of this connection. */
    public DomainMemory domains() {
        return domains;
    }

    /** Cancels the session's tasks and closes its gateway, now or once it has opened. */
    void close() {
        tasks.cancelAll();
        gateway.thenAccept(CodeArtifactGateway::close);
    }
}
