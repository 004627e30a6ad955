package dev.arca.server.store;

import dev.arca.server.model.Records.AuditRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's own SQLite file ({@code DIR/audit.db}): append-only, written in batches, kept apart from the
 * metadata so that recording a call never waits for, or delays, a metadata write. It syncs at checkpoints rather
 * than at every batch; a power cut may lose the last moments of the log, never metadata.
 */
public final class AuditStore implements AutoCloseable {

    private final Connection connection;

    private AuditStore(Connection connection) {
        this.connection = connection;
    }

    public static AuditStore open(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " time INTEGER NOT NULL, request_id TEXT NOT NULL, principal TEXT, operation TEXT NOT NULL,"
                        + " resource TEXT, status INTEGER NOT NULL, error_type TEXT, duration_ms INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS audit_operation ON audit (operation, seq)");
            }
            return new AuditStore(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open audit log " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void append(List<AuditRow> entries) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit (time, request_id, principal,"
                + " operation, resource, status, error_type, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (AuditRow e : entries) {
                insert.setLong(1, e.time().toEpochMilli());
                insert.setString(2, e.requestId());
                insert.setString(3, e.principal().orElse(null));
                insert.setString(4, e.operation());
                insert.setString(5, e.resource().orElse(null));
                insert.setInt(6, e.status());
                insert.setString(7, e.errorType().orElse(null));
                insert.setLong(8, e.durationMillis());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The batch failed; the rollback error adds nothing.
            }
            throw new StoreException("cannot write audit entries: " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // Next use will report a broken connection.
            }
        }
    }

    public synchronized List<AuditRow> read(long afterSeq, Optional<String> operation, Optional<String> principal,
                                            int limit) {
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, time, request_id, principal, operation,"
                + " resource, status, error_type, duration_ms FROM audit WHERE seq > ? AND (? IS NULL OR operation = ?)"
                + " AND (? IS NULL OR principal = ?) ORDER BY seq LIMIT ?")) {
            query.setLong(1, afterSeq);
            query.setString(2, operation.orElse(null));
            query.setString(3, operation.orElse(null));
            query.setString(4, principal.orElse(null));
            query.setString(5, principal.orElse(null));
            query.setInt(6, limit);
            List<AuditRow> out = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRow(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5), Optional.ofNullable(rs.getString(6)),
                            rs.getInt(7), Optional.ofNullable(rs.getString(8)), rs.getLong(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Shutting down; WAL keeps what was committed.
        }
    }
}
