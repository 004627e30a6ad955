package dev.arca.server.store.sql;

import dev.arca.server.model.Records.TagRow;
import dev.arca.server.store.TagRecords;
import java.util.List;

/** {@link TagRecords} in table {@code tag}. */
final class SqlTagRecords implements TagRecords {

    private final SqlSession sql;

    SqlTagRecords(SqlSession sql) {
        this.sql = sql;
    }

    @Override
    public List<TagRow> of(String resourceArn) {
        return sql.query("SELECT key, value FROM tag WHERE resource_arn = ? ORDER BY key",
                rs -> new TagRow(rs.getString(1), rs.getString(2)), resourceArn);
    }

    @Override
    public void put(String resourceArn, List<TagRow> tags) {
        for (TagRow tag : tags) {
            sql.update("INSERT INTO tag (resource_arn, key, value) VALUES (?, ?, ?)"
                            + " ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
                    resourceArn, tag.key(), tag.value());
        }
    }

    @Override
    public void remove(String resourceArn, List<String> keys) {
        for (String key : keys) {
            sql.update("DELETE FROM tag WHERE resource_arn = ? AND key = ?", resourceArn, key);
        }
    }

    @Override
    public void removeAll(String resourceArn) {
        sql.update("DELETE FROM tag WHERE resource_arn = ?", resourceArn);
    }
}
