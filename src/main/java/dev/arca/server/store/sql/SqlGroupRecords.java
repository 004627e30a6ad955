package dev.arca.server.store.sql;

import dev.arca.server.model.Records.GroupRow;
import dev.arca.server.store.GroupRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link GroupRecords} in tables {@code package_group}, {@code package_group_restriction} and
 * {@code package_group_allowed_repository}.
 */
final class SqlGroupRecords implements GroupRecords {

    private static final String COLUMNS =
            "id, domain_id, pattern, description, contact_info, created_time FROM package_group";

    private final SqlSession sql;

    SqlGroupRecords(SqlSession sql) {
        this.sql = sql;
    }

    private static GroupRow row(ResultSet rs) throws SQLException {
        return new GroupRow(rs.getLong(1), rs.getLong(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), SqlSession.instant(rs, 6));
    }

    @Override
    public List<GroupRow> list(long domainId) {
        return sql.query("SELECT " + COLUMNS + " WHERE domain_id = ? ORDER BY pattern", SqlGroupRecords::row, domainId);
    }

    @Override
    public Optional<GroupRow> find(long domainId, String pattern) {
        return sql.one("SELECT " + COLUMNS + " WHERE domain_id = ? AND pattern = ?", SqlGroupRecords::row, domainId,
                pattern);
    }

    @Override
    public GroupRow insert(long domainId, String pattern, Optional<String> description, Optional<String> contactInfo,
                           Instant createdTime) {
        long id = sql.insert("INSERT INTO package_group (domain_id, pattern, description, contact_info, created_time)"
                + " VALUES (?, ?, ?, ?, ?)", "id", domainId, pattern, description, contactInfo, createdTime);
        return new GroupRow(id, domainId, pattern, description, contactInfo, SqlSession.stored(createdTime));
    }

    @Override
    public void update(long groupId, Optional<String> description, Optional<String> contactInfo) {
        sql.update("UPDATE package_group SET description = ?, contact_info = ? WHERE id = ?", description, contactInfo,
                groupId);
    }

    @Override
    public void delete(long groupId) {
        sql.update("DELETE FROM package_group WHERE id = ?", groupId);
    }

    @Override
    public Map<String, String> restrictions(long groupId) {
        return sql.pairs("SELECT type, mode FROM package_group_restriction WHERE group_id = ?", groupId);
    }

    @Override
    public void setRestriction(long groupId, String type, String mode) {
        sql.update("INSERT INTO package_group_restriction (group_id, type, mode) VALUES (?, ?, ?)"
                + " ON CONFLICT (group_id, type) DO UPDATE SET mode = excluded.mode", groupId, type, mode);
    }

    @Override
    public List<String> allowedRepositories(long groupId, String type) {
        return sql.query("SELECT repository_name FROM package_group_allowed_repository WHERE group_id = ? AND type = ?"
                + " ORDER BY repository_name", rs -> rs.getString(1), groupId, type);
    }

    @Override
    public void addAllowedRepository(long groupId, String type, String repositoryName) {
        sql.update("INSERT INTO package_group_allowed_repository (group_id, type, repository_name)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", groupId, type, repositoryName);
    }

    @Override
    public void removeAllowedRepository(long groupId, String type, String repositoryName) {
        sql.update("DELETE FROM package_group_allowed_repository"
                + " WHERE group_id = ? AND type = ? AND repository_name = ?", groupId, type, repositoryName);
    }
}
