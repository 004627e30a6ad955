package dev.arca.server.store.sql;

import dev.arca.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a PostgreSQL database's schema up to this Arca's version: the scripts under
 * {@link SchemaMigrations#POSTGRESQL}, each in its own transaction with its row in {@code schema_migration}, applied
 * while holding the write lock, so two instances starting at once cannot both migrate and no write runs half-way.
 */
final class PostgresMigrations {

    private PostgresMigrations() {
    }

    /** Migrates the database {@code connection} is on; the connection is in auto-commit mode and stays so. */
    static void migrate(Connection connection) throws SQLException {
        String encoding = single(connection, "SHOW server_encoding");
        if (!"UTF8".equals(encoding)) {
            throw new StoreException("the metadata database must use the UTF8 encoding, not " + encoding, null);
        }
        PostgresMetadataStore.lock(connection);
        try {
            int version = version(connection);
            if (version > SchemaMigrations.latest()) {
                throw new StoreException(SchemaMigrations.tooNew(version), null);
            }
            for (int v = version + 1; v <= SchemaMigrations.latest(); v++) {
                apply(connection, v);
            }
        } finally {
            PostgresMetadataStore.unlock(connection);
        }
    }

    private static int version(Connection connection) throws SQLException {
        if (single(connection, "SELECT to_regclass('schema_migration')") == null) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " applied_time BIGINT NOT NULL)");
            }
        }
        return Integer.parseInt(single(connection, "SELECT coalesce(max(version), 0) FROM schema_migration"));
    }

    private static void apply(Connection connection, int version) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "INSERT INTO schema_migration (version, name, applied_time) VALUES (?, ?, ?)")) {
            s.execute(SchemaMigrations.script(SchemaMigrations.POSTGRESQL, version));
            record.setInt(1, version);
            record.setString(2, SchemaMigrations.NAMES.get(version - 1));
            record.setLong(3, System.currentTimeMillis());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
