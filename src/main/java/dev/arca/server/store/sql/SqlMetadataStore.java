package dev.arca.server.store.sql;

import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What the SQL backends of {@link MetadataStore} share: a nested read or write on the thread of an open transaction
 * joins it, this process's writes take turns, the change clock moves at each commit, and after-commit actions run
 * before the next write starts. A backend says where a read or a write gets its connection (and what else a writer
 * must hold) and how a transaction begins and ends on it.
 */
abstract class SqlMetadataStore implements MetadataStore {

    /** Work on a connection the backend lent for one transaction. */
    @FunctionalInterface
    interface OnConnection<T> {
        T run(Connection connection) throws SQLException;
    }

    private final ThreadLocal<SqlTransaction> current = new ThreadLocal<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ChangeStamps stamps = new ChangeStamps();

    /** Runs {@code body} on a connection for one read transaction. */
    abstract <T> T onReader(OnConnection<T> body) throws SQLException;

    /**
     * Runs {@code body} on a connection for one write transaction and its after-commit actions, keeping every other
     * writer of the database out until it returns. Called under this process's write lock.
     */
    abstract <T> T onWriter(OnConnection<T> body) throws SQLException;

    abstract void begin(Connection connection, boolean write) throws SQLException;

    abstract void commit(Connection connection) throws SQLException;

    abstract void rollback(Connection connection) throws SQLException;

    /** Where the session keeps the statements it prepares on {@code connection}. */
    abstract Map<String, PreparedStatement> statements(Connection connection);

    /** Closes every connection; called once no write runs. */
    abstract void closeConnections();

    @Override
    public final <T> T read(Work<T> work) {
        SqlTransaction open = current.get();
        if (open != null) {
            return work.run(open);
        }
        return database(() -> onReader(connection -> transaction(connection, false, work)));
    }

    @Override
    public final <T> T write(Work<T> work) {
        SqlTransaction open = current.get();
        if (open != null) {
            if (!open.writable) {
                throw new IllegalStateException("a write cannot start inside a read transaction");
            }
            return work.run(open);
        }
        writeLock.lock();
        try {
            return database(() -> onWriter(connection -> transaction(connection, true, work)));
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the session of a read or write transaction: for tables kept beside the metadata (IAM). */
    final <T> T inSession(boolean write, Function<SqlSession, T> work) {
        Work<T> onSession = tx -> work.apply(((SqlTransaction) tx).session);
        return write ? write(onSession) : read(onSession);
    }

    private <T> T transaction(Connection connection, boolean write, Work<T> work) throws SQLException {
        SqlTransaction tx = new SqlTransaction(new SqlSession(connection, statements(connection)), write);
        begin(connection, write);
        T result;
        current.set(tx);
        try {
            result = work.run(tx);
        } catch (RuntimeException | Error e) {
            try {
                rollback(connection);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            current.remove();
        }
        long tick = write ? ChangeStamps.tick(tx.session, tx.session.changes) : 0;
        commit(connection);
        // Still inside onWriter for a write: no other write can see the committed state before these run.
        stamps.committed(tick, tx.session.changes);
        tx.session.afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public final long changeStamp(String format, String namespace, String name) {
        return stamps.stamp(new PackageKey(format, namespace, name));
    }

    @Override
    public final long structureStamp() {
        return stamps.structure();
    }

    /** Like {@link #structureStamp} for IAM's users, roles, access keys and inline policies. */
    final long iamStamp() {
        return stamps.iam();
    }

    /** Sets the change clock to the database's, once the schema is up to date. */
    final void startClock() {
        database(() -> onReader(connection -> {
            stamps.start(new SqlSession(connection, statements(connection)));
            return null;
        }));
    }

    /** Applies the ticks other processes committed since the last one seen. */
    final void catchUpClock() {
        database(() -> onReader(connection -> {
            stamps.catchUp(new SqlSession(connection, statements(connection)));
            return null;
        }));
    }

    @Override
    public final void close() {
        writeLock.lock();
        try {
            closeConnections();
        } finally {
            writeLock.unlock();
        }
    }

    @FunctionalInterface
    interface DatabaseCall<T> {
        T call() throws SQLException;
    }

    static <T> T database(DatabaseCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }
}
