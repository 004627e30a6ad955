package dev.arca.server.store.sql;

import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.store.RepositoryRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RepositoryRecords} in tables {@code repository}, {@code upstream} and {@code external_connection}. */
final class SqlRepositoryRecords implements RepositoryRecords {

    private static final String COLUMNS = "r.id, r.domain_id, d.owner, d.name, r.name, r.administrator,"
            + " r.description, r.created_time FROM repository r JOIN domain d ON d.id = r.domain_id";

    private final SqlSession sql;

    SqlRepositoryRecords(SqlSession sql) {
        this.sql = sql;
    }

    private static RepositoryRow row(ResultSet rs) throws SQLException {
        return new RepositoryRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Optional.ofNullable(rs.getString(7)), SqlSession.instant(rs, 8));
    }

    @Override
    public int count(long domainId) {
        return sql.count("SELECT count(*) FROM repository WHERE domain_id = ?", domainId);
    }

    @Override
    public Optional<RepositoryRow> find(long domainId, String name) {
        return sql.one("SELECT " + COLUMNS + " WHERE r.domain_id = ? AND r.name = ?", SqlRepositoryRecords::row,
                domainId, name);
    }

    @Override
    public Optional<RepositoryRow> findById(long repositoryId) {
        return sql.one("SELECT " + COLUMNS + " WHERE r.id = ?", SqlRepositoryRecords::row, repositoryId);
    }

    @Override
    public List<RepositoryRow> listInDomain(long domainId, Optional<String> prefix, Optional<String> administrator,
                                            Optional<String> afterName, int limit) {
        return sql.query("SELECT " + COLUMNS + " WHERE r.domain_id = ? AND r.name > ?"
                        + " AND (? IS NULL OR substr(r.name, 1, length(?)) = ?)"
                        + " AND (? IS NULL OR r.administrator = ?) ORDER BY r.name LIMIT ?",
                SqlRepositoryRecords::row, domainId, afterName.orElse(""), prefix, prefix, prefix,
                administrator, administrator, limit);
    }

    @Override
    public List<RepositoryRow> listAdministeredBy(String account, Optional<String> prefix, Optional<String> afterKey,
                                                  int limit) {
        Object[] after = SqlSession.keyParts(afterKey, 3);
        return sql.query("SELECT " + COLUMNS + " WHERE r.administrator = ?"
                        + " AND (r.name, d.owner, d.name) > (?, ?, ?)"
                        + " AND (? IS NULL OR substr(r.name, 1, length(?)) = ?)"
                        + " ORDER BY r.name, d.owner, d.name LIMIT ?",
                SqlRepositoryRecords::row, account, after[0], after[1], after[2], prefix, prefix, prefix, limit);
    }

    @Override
    public RepositoryRow insert(long domainId, String name, String administrator, Optional<String> description,
                                Instant createdTime) {
        long id = sql.insert("INSERT INTO repository (domain_id, name, administrator, description, created_time)"
                + " VALUES (?, ?, ?, ?, ?)", "id", domainId, name, administrator, description, createdTime);
        return findById(id).orElseThrow();
    }

    @Override
    public void updateDescription(long repositoryId, Optional<String> description) {
        sql.update("UPDATE repository SET description = ? WHERE id = ?", description, repositoryId);
    }

    @Override
    public void delete(long repositoryId) {
        // Downstream repositories keep its name in their upstream lists (upstream_id is set to NULL).
        sql.update("DELETE FROM repository WHERE id = ?", repositoryId);
    }

    @Override
    public List<Long> upstreams(long repositoryId) {
        return sql.query("SELECT upstream_id FROM upstream WHERE repository_id = ? AND upstream_id IS NOT NULL"
                + " ORDER BY position", rs -> rs.getLong(1), repositoryId);
    }

    @Override
    public List<String> upstreamNames(long repositoryId) {
        return sql.query("SELECT upstream_name FROM upstream WHERE repository_id = ? ORDER BY position",
                rs -> rs.getString(1), repositoryId);
    }

    @Override
    public void replaceUpstreams(long repositoryId, List<Long> upstreamIds) {
        sql.update("DELETE FROM upstream WHERE repository_id = ?", repositoryId);
        for (int i = 0; i < upstreamIds.size(); i++) {
            sql.update("INSERT INTO upstream (repository_id, position, upstream_id, upstream_name)"
                    + " SELECT ?, ?, id, name FROM repository WHERE id = ?", repositoryId, i, upstreamIds.get(i));
        }
    }

    @Override
    public Map<Long, List<Long>> upstreamGraph(long domainId) {
        Map<Long, List<Long>> graph = new LinkedHashMap<>();
        sql.query("SELECT u.repository_id, u.upstream_id FROM upstream u JOIN repository r ON r.id = u.repository_id"
                        + " WHERE r.domain_id = ? AND u.upstream_id IS NOT NULL ORDER BY u.repository_id, u.position",
                rs -> graph.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)), domainId);
        return graph;
    }

    @Override
    public Optional<String> externalConnection(long repositoryId) {
        return sql.one("SELECT name FROM external_connection WHERE repository_id = ?", rs -> rs.getString(1),
                repositoryId);
    }

    @Override
    public void setExternalConnection(long repositoryId, Optional<String> connectionName) {
        sql.update("DELETE FROM external_connection WHERE repository_id = ?", repositoryId);
        connectionName.ifPresent(name ->
                sql.update("INSERT INTO external_connection (repository_id, name) VALUES (?, ?)", repositoryId, name));
    }
}
