package dev.arca.server.store.sql;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transaction's connection as the record classes use it: queries mapped to rows, updates that tell the change
 * clock what they wrote, and prepared statements reused as long as the store keeps them. Values bind as the schema
 * stores them: instants as epoch milliseconds, booleans as 0/1, version statuses by their wire names, an empty
 * {@code Optional} or null as a text NULL (PostgreSQL must know a parameter's type even in {@code ? IS NULL}; every
 * nullable parameter is text). The SQL is the part both backends understand alike.
 */
final class SqlSession {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final String[] NO_KEYS = {};

    private final Connection connection;
    private final Map<String, PreparedStatement> statements;
    final List<Runnable> afterCommit = new ArrayList<>();
    final ChangeStamps.Changes changes = new ChangeStamps.Changes();

    SqlSession(Connection connection, Map<String, PreparedStatement> statements) {
        this.connection = connection;
        this.statements = statements;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (ResultSet rs = prepare(sql, NO_KEYS, params).executeQuery()) {
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

    /** Runs a write; returns how many rows it changed. */
    int update(String sql, Object... params) {
        try {
            PreparedStatement ps = prepare(sql, NO_KEYS, params);
            changes.wrote(sql);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs an insert of one row into a table whose {@code keyColumn} the database generates; returns the key. */
    long insert(String sql, String keyColumn, Object... params) {
        try {
            PreparedStatement ps = prepare(sql, new String[] {keyColumn}, params);
            changes.wrote(sql);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated " + keyColumn + " for: " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * The values a keyset key joins with NUL, for a row-value comparison {@code (a, b, c) > (?, ?, ?)}. Without a
     * key they are empty, which sorts before every row (a row's first value is never empty).
     */
    static Object[] keyParts(Optional<String> afterKey, int parts) {
        Object[] out = new Object[parts];
        Arrays.fill(out, "");
        afterKey.ifPresent(key -> {
            String[] split = key.split("\u0000", parts);
            System.arraycopy(split, 0, out, 0, split.length);
        });
        return out;
    }

    /** What every string starting with {@code prefix} sorts below: the prefix followed by the last code point. */
    static Optional<String> prefixEnd(Optional<String> prefix) {
        return prefix.map(p -> p + Character.toString(Character.MAX_CODE_POINT));
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

    /** A statement from the store's cache (SQLite compiles each SQL text once per connection). */
    private PreparedStatement prepare(String sql, String[] keyColumns, Object... params) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = keyColumns.length == 0 ? connection.prepareStatement(sql)
                    : connection.prepareStatement(sql, keyColumns);
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
            case null -> ps.setNull(index, Types.VARCHAR);
            case Instant t -> ps.setLong(index, t.toEpochMilli());
            case Optional<?> o when o.isEmpty() -> ps.setNull(index, Types.VARCHAR);
            case Optional<?> o -> bind(ps, index, o.get());
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
