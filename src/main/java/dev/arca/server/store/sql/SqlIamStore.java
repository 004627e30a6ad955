package dev.arca.server.store.sql;

import dev.arca.server.store.IamStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link IamStore} in the metadata database's {@code iam_*} tables (migration V8), each method one transaction of the
 * metadata store it lives beside, so IAM needs no connections of its own. Names are unique per account regardless
 * of ASCII case (IAM names are ASCII): both schemas index the lower-cased name, and look-ups compare with it.
 */
public final class SqlIamStore implements IamStore {

    private static final String USER = "SELECT id, account, name, path, created_at FROM iam_user";
    private static final String KEY = "SELECT id, user_id, active, secret, created_at FROM iam_access_key";
    private static final String ROLE = "SELECT id, account, name, path, description, max_session_seconds,"
            + " trust_policy, created_at FROM iam_role";

    private final SqlMetadataStore metadata;

    private SqlIamStore(SqlMetadataStore metadata) {
        this.metadata = metadata;
    }

    /** IAM's tables in {@code metadata}'s database, whose schema the metadata store has migrated. */
    public static SqlIamStore on(SqliteMetadataStore metadata) {
        return new SqlIamStore(metadata);
    }

    /** IAM's tables in {@code metadata}'s database, whose schema the metadata store has migrated. */
    public static SqlIamStore on(PostgresMetadataStore metadata) {
        return new SqlIamStore(metadata);
    }

    private <T> T read(Function<SqlSession, T> work) {
        return metadata.inSession(false, work);
    }

    private <T> T write(Function<SqlSession, T> work) {
        return metadata.inSession(true, work);
    }

    /** What both schemas index for case-insensitive uniqueness: the name with ASCII letters in lower case. */
    private static String folded(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.chars().forEach(c -> out.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
        return out.toString();
    }

    @Override
    public long changeStamp() {
        return metadata.iamStamp();
    }

    @Override
    public boolean createUser(UserRow user) {
        return write(sql -> sql.update("INSERT INTO iam_user (id, account, name, path, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", user.id(), user.account(), user.name(),
                user.path(), user.createdAt()) > 0);
    }

    @Override
    public Optional<UserRow> user(String account, String name) {
        return read(sql -> sql.one(USER + " WHERE account = ? AND lower(name) = ?", SqlIamStore::userRow, account,
                folded(name)));
    }

    @Override
    public Optional<UserRow> userById(String id) {
        return read(sql -> sql.one(USER + " WHERE id = ?", SqlIamStore::userRow, id));
    }

    @Override
    public List<UserRow> users(String account) {
        return read(sql -> sql.query(USER + " WHERE account = ? ORDER BY name", SqlIamStore::userRow, account));
    }

    @Override
    public void deleteUser(String id) {
        write(sql -> {
            sql.update("DELETE FROM iam_inline_policy WHERE principal_id = ?", id);
            return sql.update("DELETE FROM iam_user WHERE id = ?", id);
        });
    }

    @Override
    public void createAccessKey(AccessKeyRow key) {
        write(sql -> sql.update("INSERT INTO iam_access_key (id, user_id, active, secret, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", key.id(), key.userId(), key.active(), key.sealedSecret(),
                key.createdAt()));
    }

    @Override
    public Optional<AccessKeyRow> accessKey(String id) {
        return read(sql -> sql.one(KEY + " WHERE id = ?", SqlIamStore::keyRow, id));
    }

    @Override
    public List<AccessKeyRow> accessKeys(String userId) {
        return read(sql -> sql.query(KEY + " WHERE user_id = ? ORDER BY created_at, id", SqlIamStore::keyRow,
                userId));
    }

    @Override
    public void setAccessKeyActive(String id, boolean active) {
        write(sql -> sql.update("UPDATE iam_access_key SET active = ? WHERE id = ?", active, id));
    }

    @Override
    public void deleteAccessKey(String id) {
        write(sql -> sql.update("DELETE FROM iam_access_key WHERE id = ?", id));
    }

    @Override
    public boolean createRole(RoleRow role) {
        return write(sql -> sql.update("INSERT INTO iam_role (id, account, name, path, description,"
                        + " max_session_seconds, trust_policy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", role.id(), role.account(), role.name(), role.path(),
                role.description(), role.maxSessionSeconds(), role.trustPolicy(), role.createdAt()) > 0);
    }

    @Override
    public Optional<RoleRow> role(String account, String name) {
        return read(sql -> sql.one(ROLE + " WHERE account = ? AND lower(name) = ?", SqlIamStore::roleRow, account,
                folded(name)));
    }

    @Override
    public Optional<RoleRow> roleById(String id) {
        return read(sql -> sql.one(ROLE + " WHERE id = ?", SqlIamStore::roleRow, id));
    }

    @Override
    public List<RoleRow> roles(String account) {
        return read(sql -> sql.query(ROLE + " WHERE account = ? ORDER BY name", SqlIamStore::roleRow, account));
    }

    @Override
    public void setTrustPolicy(String roleId, String document) {
        write(sql -> sql.update("UPDATE iam_role SET trust_policy = ? WHERE id = ?", document, roleId));
    }

    @Override
    public void deleteRole(String id) {
        write(sql -> {
            sql.update("DELETE FROM iam_inline_policy WHERE principal_id = ?", id);
            return sql.update("DELETE FROM iam_role WHERE id = ?", id);
        });
    }

    @Override
    public void putInlinePolicy(String principalId, String name, String document) {
        write(sql -> sql.update("INSERT INTO iam_inline_policy (principal_id, name, document) VALUES (?, ?, ?)"
                + " ON CONFLICT (principal_id, name) DO UPDATE SET document = excluded.document", principalId, name,
                document));
    }

    @Override
    public Optional<String> inlinePolicy(String principalId, String name) {
        return read(sql -> sql.one("SELECT document FROM iam_inline_policy WHERE principal_id = ? AND name = ?",
                rs -> rs.getString(1), principalId, name));
    }

    @Override
    public Map<String, String> inlinePolicies(String principalId) {
        return read(sql -> sql.pairs("SELECT name, document FROM iam_inline_policy WHERE principal_id = ?"
                + " ORDER BY name", principalId));
    }

    @Override
    public boolean deleteInlinePolicy(String principalId, String name) {
        return write(sql -> sql.update("DELETE FROM iam_inline_policy WHERE principal_id = ? AND name = ?",
                principalId, name) > 0);
    }

    @Override
    public void createSession(SessionRow session) {
        write(sql -> sql.update("INSERT INTO iam_session (access_key_id, role_id, session_name, secret, token_hash,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?)", session.accessKeyId(), session.roleId(),
                session.sessionName(), session.sealedSecret(), session.tokenHash(), session.expiresAt()));
    }

    @Override
    public Optional<SessionRow> session(String accessKeyId) {
        return read(sql -> sql.one("SELECT access_key_id, role_id, session_name, secret, token_hash, expires_at"
                + " FROM iam_session WHERE access_key_id = ?", rs -> new SessionRow(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getBytes(4), rs.getBytes(5), SqlSession.instant(rs, 6)), accessKeyId));
    }

    @Override
    public void deleteSessionsExpiredBefore(Instant now) {
        write(sql -> sql.update("DELETE FROM iam_session WHERE expires_at < ?", now));
    }

    private static UserRow userRow(ResultSet rs) throws SQLException {
        return new UserRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                SqlSession.instant(rs, 5));
    }

    private static AccessKeyRow keyRow(ResultSet rs) throws SQLException {
        return new AccessKeyRow(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getBytes(4),
                SqlSession.instant(rs, 5));
    }

    private static RoleRow roleRow(ResultSet rs) throws SQLException {
        return new RoleRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), rs.getInt(6), rs.getString(7), SqlSession.instant(rs, 8));
    }
}
