package dev.arca.server.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StoreException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MetadataStore} in a PostgreSQL database, through a pool of connections. Reads are read-only snapshot
 * transactions that run side by side. Writes take turns across every process using the database: each holds a
 * PostgreSQL advisory lock from before its transaction begins until its after-commit actions have run.
 * The schema is migrated forward on open, by one process at a time.
 */
public final class PostgresMetadataStore extends SqlMetadataStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresMetadataStore.class);
    /**
     * The advisory lock every writer and migrator holds ('Arca' in ASCII). Session-level, not transaction-level:
     * {@code pg_advisory_xact_lock} would let another instance's write start between our commit and our after-commit
     * actions, and those (removing an orphaned blob's file) must happen before any other write can publish the same
     * bytes again, just as within one process.
     */
    static final long WRITE_LOCK = 0x41726361L;
    /** Connections kept; each request holds one for a transaction at most. */
    private static final int POOL_SIZE = 10;
    private static final int POOL_MINIMUM_IDLE = 2;

    private final HikariDataSource pool;
    /** The connection holding the write lock on this thread, while a write and its after-commit actions run. */
    private final ThreadLocal<Connection> lockHolder = new ThreadLocal<>();
    private final ReentrantLock catchingUp = new ReentrantLock();
    /** When the last catch-up that finished began ({@link System#nanoTime}); guarded by {@link #catchingUp}. */
    private long lastCatchUpBegan;
    private boolean caughtUp;

    private PostgresMetadataStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Connects to the database at {@code url} ({@code jdbc:postgresql://HOST[:PORT]/DATABASE}), as {@code user} with
     * {@code password} when given (else as the URL says), brings its schema up to date and opens the pool.
     *
     * @throws StoreException with one sentence naming the database when it cannot be reached, refuses the login,
     *                        or has a schema newer than this Arca knows
     */
    public static PostgresMetadataStore open(String url, Optional<String> user, Optional<String> password) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "arca");
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        // One plain connection first: it reports a bad address or login plainly, and migrates before the pool opens.
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            PostgresMigrations.migrate(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the metadata database " + withoutParameters(url) + ": "
                    + reason(e), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("arca-metadata");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_MINIMUM_IDLE);
        // Reads see one snapshot, as on SQLite; writes never conflict, as they take turns under WRITE_LOCK and each
        // begins its snapshot only once it holds the lock.
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        PostgresMetadataStore store;
        try {
            store = new PostgresMetadataStore(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the metadata database " + withoutParameters(url) + ": "
                    + (e.getCause() instanceof SQLException s ? reason(s) : e.getMessage()), e);
        }
        store.startClock();
        return store;
    }

    /**
     * Catches up with the database's change clock, one query at a time: a caller that arrives while one runs waits
     * for it and, unless that one began after it arrived, runs the next, which then serves everyone waiting. So each
     * request sees every write acknowledged before it arrived, on any instance, at the price of one indexed query per
     * burst of requests.
     */
    @Override
    public void catchUp() {
        long arrived = System.nanoTime();
        catchingUp.lock();
        try {
            if (caughtUp && lastCatchUpBegan - arrived > 0) {
                return;
            }
            long began = System.nanoTime();
            catchUpClock();
            lastCatchUpBegan = began;
            caughtUp = true;
        } finally {
            catchingUp.unlock();
        }
    }

    @Override
    <T> T onReader(OnConnection<T> body) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setReadOnly(true);
            return body.run(connection);
        }
    }

    @Override
    <T> T onWriter(OnConnection<T> body) throws SQLException {
        Connection holding = lockHolder.get();
        if (holding != null) {
            // A write started by an after-commit action: this session holds the lock already (it is re-entrant).
            return body.run(holding);
        }
        try (Connection connection = pool.getConnection()) {
            lock(connection);
            lockHolder.set(connection);
            try {
                return body.run(connection);
            } finally {
                lockHolder.remove();
                if (!unlock(connection)) {
                    pool.evictConnection(connection);
                }
            }
        }
    }

    /** Waits for {@link #WRITE_LOCK}, outside any transaction, so the snapshot of what follows begins after it. */
    static void lock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + WRITE_LOCK + ")");
        }
    }

    /** Releases {@link #WRITE_LOCK}; false when it could not, and the connection must not be used again. */
    static boolean unlock(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_advisory_unlock(" + WRITE_LOCK + ")")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            LOG.warn("Could not release the metadata write lock: {}", e.getMessage());
            return false;
        }
    }

    @Override
    void begin(Connection connection, boolean write) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /** A fresh map per transaction: the pool closes the statements with the connection, and the driver keeps the
     * server-side prepared statements per connection itself. */
    @Override
    Map<String, PreparedStatement> statements(Connection connection) {
        return new HashMap<>();
    }

    @Override
    void closeConnections() {
        pool.close();
    }

    /** The URL without its parameters, which may hold a password. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Why the driver or the server refused, in one sentence. */
    static String reason(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        if (e.getCause() instanceof UnknownHostException host) {
            return "unknown host " + host.getMessage();
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        int sentenceEnd = message.indexOf(". ");
        message = sentenceEnd < 0 ? message : message.substring(0, sentenceEnd);
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
