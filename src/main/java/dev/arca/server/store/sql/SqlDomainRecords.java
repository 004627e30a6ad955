package dev.arca.server.store.sql;

import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.store.DomainRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link DomainRecords} in table {@code domain}. */
final class SqlDomainRecords implements DomainRecords {

    private static final String COLUMNS = "id, owner, name, encryption_key_arn, created_time FROM domain";

    private final SqlSession sql;

    SqlDomainRecords(SqlSession sql) {
        this.sql = sql;
    }

    private static DomainRow row(ResultSet rs) throws SQLException {
        return new DomainRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                SqlSession.instant(rs, 5));
    }

    @Override
    public Optional<DomainRow> find(String owner, String name) {
        return sql.one("SELECT " + COLUMNS + " WHERE owner = ? AND name = ?", SqlDomainRecords::row, owner, name);
    }

    @Override
    public List<DomainRow> list(String owner, Optional<String> afterName, int limit) {
        return sql.query("SELECT " + COLUMNS + " WHERE owner = ? AND name > ? ORDER BY name LIMIT ?",
                SqlDomainRecords::row, owner, afterName.orElse(""), limit);
    }

    @Override
    public int count(String owner) {
        return sql.count("SELECT count(*) FROM domain WHERE owner = ?", owner);
    }

    @Override
    public DomainRow insert(String owner, String name, String encryptionKeyArn, Instant createdTime) {
        long id = sql.insert("INSERT INTO domain (owner, name, encryption_key_arn, created_time) VALUES (?, ?, ?, ?)",
                "id", owner, name, encryptionKeyArn, createdTime);
        return new DomainRow(id, owner, name, encryptionKeyArn, SqlSession.stored(createdTime));
    }

    @Override
    public void delete(long domainId) {
        sql.update("DELETE FROM domain WHERE id = ?", domainId);
    }
}
