package dev.arca.server.store.sql;

import dev.arca.server.store.SettingRecords;
import java.util.Optional;

/** {@link SettingRecords} in table {@code setting}. */
final class SqlSettingRecords implements SettingRecords {

    private final SqlSession sql;

    SqlSettingRecords(SqlSession sql) {
        this.sql = sql;
    }

    @Override
    public Optional<byte[]> get(String name) {
        return sql.one("SELECT value FROM setting WHERE name = ?", rs -> rs.getBytes(1), name);
    }

    @Override
    public void put(String name, byte[] value) {
        sql.update("INSERT INTO setting (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value);
    }
}
