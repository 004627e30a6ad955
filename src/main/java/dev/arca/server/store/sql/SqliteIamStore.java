package dev.arca.server.store.sql;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * {@link IamStore} in the metadata database (tables from migration V8), on a connection of its own: IAM changes
 * are rare and small, and the credential look-ups in front of them are cached, so one serialized connection is
 * enough and keeps IAM's SQL out of {@link SqliteMetadataStore}.
 */
public final class SqliteIamStore implements IamStore, AutoCloseable {

    private final Connection connection;

    private SqliteIamStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens IAM's tables in {@code metadata}'s database, whose schema the metadata store has migrated. */
    public static SqliteIamStore open(SqliteMetadataStore metadata) {
        try {
            Connection connection = DriverManager.getConnection(metadata.url());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            return new SqliteIamStore(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open IAM tables: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean createUser(UserRow user) {
        if (user(user.account(), user.name()).isPresent()) {
            return false;
        }
        update("INSERT INTO iam_user (id, account, name, path, created_at) VALUES (?, ?, ?, ?, ?)",
                user.id(), user.account(), user.name(), user.path(), user.createdAt().toEpochMilli());
        return true;
    }

    @Override
    public synchronized Optional<UserRow> user(String account, String name) {
        return one(USER + " WHERE account = ? AND name = ? COLLATE NOCASE", SqliteIamStore::userRow, account, name);
    }

    @Override
    public synchronized Optional<UserRow> userById(String id) {
        return one(USER + " WHERE id = ?", SqliteIamStore::userRow, id);
    }

    @Override
    public synchronized List<UserRow> users(String account) {
        return query(USER + " WHERE account = ? ORDER BY name", SqliteIamStore::userRow, account);
    }

    @Override
    public synchronized void deleteUser(String id) {
        update("DELETE FROM iam_inline_policy WHERE principal_id = ?", id);
        update("DELETE FROM iam_user WHERE id = ?", id);
    }

    @Override
    public synchronized void createAccessKey(AccessKeyRow key) {
        update("INSERT INTO iam_access_key (id, user_id, active, secret, created_at) VALUES (?, ?, ?, ?, ?)",
                key.id(), key.userId(), key.active() ? 1 : 0, key.sealedSecret(), key.createdAt().toEpochMilli());
    }

    @Override
    public synchronized Optional<AccessKeyRow> accessKey(String id) {
        return one(KEY + " WHERE id = ?", SqliteIamStore::keyRow, id);
    }

    @Override
    public synchronized List<AccessKeyRow> accessKeys(String userId) {
        return query(KEY + " WHERE user_id = ? ORDER BY created_at, id", SqliteIamStore::keyRow, userId);
    }

    @Override
    public synchronized void setAccessKeyActive(String id, boolean active) {
        update("UPDATE iam_access_key SET active = ? WHERE id = ?", active ? 1 : 0, id);
    }

    @Override
    public synchronized void deleteAccessKey(String id) {
        update("DELETE FROM iam_access_key WHERE id = ?", id);
    }

    @Override
    public synchronized boolean createRole(RoleRow role) {
        if (role(role.account(), role.name()).isPresent()) {
            return false;
        }
        update("INSERT INTO iam_role (id, account, name, path, description, max_session_seconds, trust_policy,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", role.id(), role.account(), role.name(),
                role.path(), role.description().orElse(null), role.maxSessionSeconds(), role.trustPolicy(),
                role.createdAt().toEpochMilli());
        return true;
    }

    @Override
    public synchronized Optional<RoleRow> role(String account, String name) {
        return one(ROLE + " WHERE account = ? AND name = ? COLLATE NOCASE", SqliteIamStore::roleRow, account, name);
    }

    @Override
    public synchronized Optional<RoleRow> roleById(String id) {
        return one(ROLE + " WHERE id = ?", SqliteIamStore::roleRow, id);
    }

    @Override
    public synchronized List<RoleRow> roles(String account) {
        return query(ROLE + " WHERE account = ? ORDER BY name", SqliteIamStore::roleRow, account);
    }

    @Override
    public synchronized void setTrustPolicy(String roleId, String document) {
        update("UPDATE iam_role SET trust_policy = ? WHERE id = ?", document, roleId);
    }

    @Override
    public synchronized void deleteRole(String id) {
        update("DELETE FROM iam_inline_policy WHERE principal_id = ?", id);
        update("DELETE FROM iam_role WHERE id = ?", id);
    }

    @Override
    public synchronized void putInlinePolicy(String principalId, String name, String document) {
        update("INSERT INTO iam_inline_policy (principal_id, name, document) VALUES (?, ?, ?)"
                + " ON CONFLICT (principal_id, name) DO UPDATE SET document = excluded.document", principalId, name,
                document);
    }

    @Override
    public synchronized Optional<String> inlinePolicy(String principalId, String name) {
        return one("SELECT document FROM iam_inline_policy WHERE principal_id = ? AND name = ?",
                rs -> rs.getString(1), principalId, name);
    }

    @Override
    public synchronized Map<String, String> inlinePolicies(String principalId) {
        Map<String, String> out = new LinkedHashMap<>();
        query("SELECT name, document FROM iam_inline_policy WHERE principal_id = ? ORDER BY name",
                rs -> out.put(rs.getString(1), rs.getString(2)), principalId);
        return out;
    }

    @Override
    public synchronized boolean deleteInlinePolicy(String principalId, String name) {
        return update("DELETE FROM iam_inline_policy WHERE principal_id = ? AND name = ?", principalId, name) > 0;
    }

    @Override
    public synchronized void createSession(SessionRow session) {
        update("INSERT INTO iam_session (access_key_id, role_id, session_name, secret, token_hash, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", session.accessKeyId(), session.roleId(), session.sessionName(),
                session.sealedSecret(), session.tokenHash(), session.expiresAt().toEpochMilli());
    }

    @Override
    public synchronized Optional<SessionRow> session(String accessKeyId) {
        return one("SELECT access_key_id, role_id, session_name, secret, token_hash, expires_at FROM iam_session"
                + " WHERE access_key_id = ?", rs -> new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBytes(4), rs.getBytes(5), Instant.ofEpochMilli(rs.getLong(6))), accessKeyId);
    }

    @Override
    public synchronized void deleteSessionsExpiredBefore(Instant now) {
        update("DELETE FROM iam_session WHERE expires_at < ?", now.toEpochMilli());
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing at shutdown: every change was committed when it was made.
        }
    }

    private static final String USER = "SELECT id, account, name, path, created_at FROM iam_user";
    private static final String KEY = "SELECT id, user_id, active, secret, created_at FROM iam_access_key";
    private static final String ROLE = "SELECT id, account, name, path, description, max_session_seconds,"
            + " trust_policy, created_at FROM iam_role";

    private static UserRow userRow(ResultSet rs) throws SQLException {
        return new UserRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }

    private static AccessKeyRow keyRow(ResultSet rs) throws SQLException {
        return new AccessKeyRow(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getBytes(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }

    private static RoleRow roleRow(ResultSet rs) throws SQLException {
        return new RoleRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), rs.getInt(6), rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8)));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
