package dev.arca.server.store.sql;

import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StoreException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MetadataStore} on SQLite in WAL mode: one writer connection (writes are serialized, each an
 * immediate transaction synced to disk before it returns), a few reader connections that see the last
 * committed state while a write runs. The schema is migrated forward on open.
 */
public final class SqliteMetadataStore extends SqlMetadataStore {

    private static final int READERS = 4;

    private final Connection writer;
    /** Fair: under load every request waits its turn for a connection instead of some waiting very long. */
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS, true);
    /** Prepared statements per connection; a connection is used by one transaction at a time. */
    private final Map<Connection, Map<String, PreparedStatement>> statementCaches = new ConcurrentHashMap<>();

    private SqliteMetadataStore(Connection writer) {
        this.writer = writer;
    }

    /** Opens (creating if needed) {@code file} and brings its schema up to date. */
    public static SqliteMetadataStore open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Connection writer = DriverManager.getConnection(url);
            configure(writer);
            SqliteMetadataStore store = new SqliteMetadataStore(writer);
            store.migrate();
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                configure(reader);
                store.readers.add(reader);
            }
            store.startClock();
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
        if (version > SchemaMigrations.latest()) {
            throw new StoreException(SchemaMigrations.tooNew(version), null);
        }
        for (int v = version + 1; v <= SchemaMigrations.latest(); v++) {
            String script = SchemaMigrations.script(SchemaMigrations.SQLITE, v);
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
                    s.execute("PRAGMA user_version=" + v);
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    @Override
    <T> T onReader(OnConnection<T> body) throws SQLException {
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
        try {
            return body.run(connection);
        } finally {
            readers.add(connection);
        }
    }

    /** The one writer connection: SQLite has one writer at a time anyway, and the write lock makes it this one. */
    @Override
    <T> T onWriter(OnConnection<T> body) throws SQLException {
        return body.run(writer);
    }

    @Override
    void begin(Connection connection, boolean write) throws SQLException {
        execute(connection, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    Map<String, PreparedStatement> statements(Connection connection) {
        return statementCaches.computeIfAbsent(connection, c -> new HashMap<>());
    }

    @Override
    void closeConnections() {
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
    }
}
