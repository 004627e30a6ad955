package dev.arca.server.store.sql;

import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link MetadataStore} on SQLite in WAL mode: one writer connection (writes are serialized, each an
 * immediate transaction synced to disk before it returns), a few reader connections that see the last
 * committed state while a write runs. The schema is migrated forward on open.
 */
public final class SqliteMetadataStore implements MetadataStore {

    static final List<String> MIGRATIONS = List.of("V1__control_plane.sql", "V2__packages.sql",
            "V3__package_groups.sql", "V4__events.sql",
            "V5__package_name_index.sql", "V6__package_protocols.sql", "V7__dangling_upstreams.sql", "V8__iam.sql");
    private static final int READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Fair: under load every request waits its turn for a connection instead of some waiting very long. */
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS, true);
    private final ThreadLocal<SqlTransaction> current = new ThreadLocal<>();
    /** Prepared statements per connection; a connection is used by one transaction at a time. */
    private final Map<Connection, Map<String, PreparedStatement>> statementCaches = new ConcurrentHashMap<>();
    private final ChangeStamps stamps = new ChangeStamps();

    private SqliteMetadataStore(String url, Connection writer) {
        this.url = url;
        this.writer = writer;
    }

    /** Opens (creating if needed) {@code file} and brings its schema up to date. */
    public static SqliteMetadataStore open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Connection writer = DriverManager.getConnection(url);
            configure(writer);
            SqliteMetadataStore store = new SqliteMetadataStore(url, writer);
            store.migrate();
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                configure(reader);
                store.readers.add(reader);
            }
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open metadata database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
        }
        connection.setAutoCommit(true);
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new StoreException("the metadata database has schema version " + version
                    + ", newer than this Arca understands (" + MIGRATIONS.size() + ")", null);
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            String script = resource(MIGRATIONS.get(i));
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String statement : script.split(";\\s*(\\r?\\n|$)")) {
                        String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                                .reduce("", (a, b) -> a + "\n" + b).strip();
                        if (!sql.isEmpty()) {
                            s.execute(sql);
                        }
                    }
                    s.execute("PRAGMA user_version=" + (i + 1));
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = SqliteMetadataStore.class.getResourceAsStream("migrations/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T read(Work<T> work) {
        SqlTransaction open = current.get();
        if (open != null) {
            return work.run(open);
        }
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
        try {
            return inTransaction(connection, "BEGIN", work);
        } finally {
            readers.add(connection);
        }
    }

    @Override
    public <T> T write(Work<T> work) {
        SqlTransaction open = current.get();
        if (open != null) {
            if (open.session.connection() != writer) {
                throw new IllegalStateException("a write cannot start inside a read transaction");
            }
            return work.run(open);
        }
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(Connection connection, String begin, Work<T> work) {
        SqlTransaction tx = new SqlTransaction(
                new SqlSession(connection, statementCaches.computeIfAbsent(connection, c -> new HashMap<>())));
        T result = runTransaction(connection, begin, work, tx);
        // Still under the write lock: no other write can see the committed state before these run.
        stamps.committed(tx.session.changes);
        tx.session.afterCommit.forEach(Runnable::run);
        return result;
    }

    private <T> T runTransaction(Connection connection, String begin, Work<T> work, SqlTransaction tx) {
        try (Statement s = connection.createStatement()) {
            s.execute(begin);
            current.set(tx);
            T result;
            try {
                result = work.run(tx);
            } catch (RuntimeException | Error e) {
                s.execute("ROLLBACK");
                throw e;
            }
            s.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            current.remove();
        }
    }

    @Override
    public long changeStamp(String format, String namespace, String name) {
        return stamps.stamp(new PackageKey(format, namespace, name));
    }

    @Override
    public long structureStamp() {
        return stamps.structure();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            List<Connection> all = new ArrayList<>();
            readers.drainTo(all);
            all.add(writer);
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Closing at shutdown: WAL makes the committed state durable already.
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    String url() {
        return url;
    }
}
