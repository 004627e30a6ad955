package dev.arca.server.store.sql;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transaction's connection as the record classes use it: queries mapped to rows, updates that tell the change
 * clock what they wrote, and statements prepared once per connection. Values bind as the schema stores them:
 * instants as epoch milliseconds, booleans as 0/1, version statuses by their wire names, an empty {@code Optional}
 * as NULL.
 */
final class SqlSession {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements;
    final List<Runnable> afterCommit = new ArrayList<>();
    final ChangeStamps.Changes changes = new ChangeStamps.Changes();

    SqlSession(Connection connection, Map<String, PreparedStatement> statements) {
        this.connection = connection;
        this.statements = statements;
    }

    Connection connection() {
        return connection;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (ResultSet rs = prepare(sql, params).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** A two-column query as a map from the first column to the second, in row order. */
    Map<String, String> pairs(String sql, Object... params) {
        Map<String, String> out = new LinkedHashMap<>();
        query(sql, rs -> out.put(rs.getString(1), rs.getString(2)), params);
        return out;
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    int count(String sql, Object... params) {
        return one(sql, rs -> rs.getInt(1), params).orElse(0);
    }

    /** Runs a write; returns the generated key of an insert, or -1. */
    long update(String sql, Object... params) {
        try {
            PreparedStatement ps = prepare(sql, params);
            changes.wrote(sql);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Tells the change clock which package a write of a package table is about to change. */
    void touchPackage(long packageId) {
        one("SELECT format, namespace, name FROM package WHERE id = ?", SqlSession::packageKey, packageId)
                .ifPresent(changes::touch);
    }

    void touchVersion(long versionId) {
        one("SELECT p.format, p.namespace, p.name FROM package p JOIN package_version v ON v.package_id = p.id"
                + " WHERE v.id = ?", SqlSession::packageKey, versionId).ifPresent(changes::touch);
    }

    static PackageKey packageKey(ResultSet rs) throws SQLException {
        return new PackageKey(rs.getString(1), rs.getString(2), rs.getString(3));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    /** What a stored instant reads back as: the schema keeps milliseconds. */
    static Instant stored(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }

    /** A statement from the connection's cache: SQLite compiles each SQL text once per connection. */
    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statements.put(sql, ps);
        }
        ps.clearParameters();
        for (int i = 0; i < params.length; i++) {
            bind(ps, i + 1, params[i]);
        }
        return ps;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setObject(index, null);
            case Instant t -> ps.setLong(index, t.toEpochMilli());
            case Optional<?> o -> bind(ps, index, o.orElse(null));
            case Boolean b -> ps.setInt(index, b ? 1 : 0);
            case VersionStatus s -> ps.setString(index, s.wireName());
            default -> ps.setObject(index, value);
        }
    }

    static VersionStatus status(ResultSet rs, int column) throws SQLException {
        String stored = rs.getString(column);
        return VersionStatus.fromWire(stored)
                .orElseThrow(() -> new StoreException("unknown version status in the database: " + stored, null));
    }
}
