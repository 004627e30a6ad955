package dev.arca.server.store.sql;

import dev.arca.server.model.Records.AliasRow;
import dev.arca.server.model.Records.KeyRow;
import dev.arca.server.store.KeyRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link KeyRecords} in tables {@code kms_key} and {@code kms_alias}. */
final class SqlKeyRecords implements KeyRecords {

    private static final String KEY_COLUMNS =
            "key_id, arn, account, description, aws_managed, created_time, material FROM kms_key";
    private static final String ALIAS_COLUMNS = "alias_name, account, target_key_id, created_time FROM kms_alias";

    private final SqlSession sql;

    SqlKeyRecords(SqlSession sql) {
        this.sql = sql;
    }

    private static KeyRow key(ResultSet rs) throws SQLException {
        return new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0,
                SqlSession.instant(rs, 6), rs.getBytes(7));
    }

    private static AliasRow alias(ResultSet rs) throws SQLException {
        return new AliasRow(rs.getString(1), rs.getString(2), rs.getString(3), SqlSession.instant(rs, 4));
    }

    @Override
    public void insert(KeyRow key) {
        sql.update("INSERT INTO kms_key (key_id, arn, account, description, aws_managed, created_time, material)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", key.keyId(), key.arn(), key.account(), key.description(),
                key.awsManaged(), key.createdTime(), key.material());
    }

    @Override
    public Optional<KeyRow> find(String keyId) {
        return sql.one("SELECT " + KEY_COLUMNS + " WHERE key_id = ?", SqlKeyRecords::key, keyId);
    }

    @Override
    public List<KeyRow> list(String account, Optional<String> afterKeyId, int limit) {
        return sql.query("SELECT " + KEY_COLUMNS + " WHERE account = ? AND key_id > ? ORDER BY key_id LIMIT ?",
                SqlKeyRecords::key, account, afterKeyId.orElse(""), limit);
    }

    @Override
    public void insertAlias(AliasRow alias) {
        sql.update("INSERT INTO kms_alias (account, alias_name, target_key_id, created_time) VALUES (?, ?, ?, ?)",
                alias.account(), alias.name(), alias.targetKeyId(), alias.createdTime());
    }

    @Override
    public Optional<AliasRow> findAlias(String account, String aliasName) {
        return sql.one("SELECT " + ALIAS_COLUMNS + " WHERE account = ? AND alias_name = ?", SqlKeyRecords::alias,
                account, aliasName);
    }

    @Override
    public List<AliasRow> listAliases(String account, Optional<String> targetKeyId, Optional<String> afterName,
                                      int limit) {
        return sql.query("SELECT " + ALIAS_COLUMNS + " WHERE account = ? AND (? IS NULL OR target_key_id = ?)"
                        + " AND alias_name > ? ORDER BY alias_name LIMIT ?",
                SqlKeyRecords::alias, account, targetKeyId, targetKeyId, afterName.orElse(""), limit);
    }
}
