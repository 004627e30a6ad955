package dev.arca.server.store.sql;

import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.store.PackageRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PackageRecords} in tables {@code package} and {@code package_tag}. */
final class SqlPackageRecords implements PackageRecords {

    private static final String COLUMNS = "id, repository_id, format, namespace, name, publish, upstream FROM package";

    private final SqlSession sql;

    SqlPackageRecords(SqlSession sql) {
        this.sql = sql;
    }

    private static PackageRow row(ResultSet rs) throws SQLException {
        return new PackageRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }

    @Override
    public Optional<PackageRow> find(long repositoryId, String format, String namespace, String name) {
        return sql.one("SELECT " + COLUMNS + " WHERE repository_id = ? AND format = ? AND namespace = ?"
                + " AND name = ?", SqlPackageRecords::row, repositoryId, format, namespace, name);
    }

    @Override
    public PackageRow insert(long repositoryId, String format, String namespace, String name, String publish,
                             String upstream) {
        sql.changes.touch(new PackageKey(format, namespace, name));
        long id = sql.insert("INSERT INTO package (repository_id, format, namespace, name, publish, upstream)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "id", repositoryId, format, namespace, name, publish, upstream);
        return new PackageRow(id, repositoryId, format, namespace, name, publish, upstream);
    }

    @Override
    public void updateOrigin(long packageId, String publish, String upstream) {
        sql.touchPackage(packageId);
        sql.update("UPDATE package SET publish = ?, upstream = ? WHERE id = ?", publish, upstream, packageId);
    }

    @Override
    public void delete(long packageId) {
        sql.touchPackage(packageId);
        sql.update("DELETE FROM package WHERE id = ?", packageId);
    }

    @Override
    public List<PackageRow> list(long repositoryId, Optional<String> format, Optional<String> namespace,
                                 Optional<String> namePrefix, Optional<String> publish, Optional<String> upstream,
                                 Optional<String> afterKey, int limit) {
        Object[] after = SqlSession.keyParts(afterKey, 3);
        return sql.query("SELECT " + COLUMNS + " WHERE repository_id = ?"
                        + " AND (? IS NULL OR format = ?)"
                        + " AND (? IS NULL OR (namespace >= ? AND namespace < ?))"
                        + " AND (? IS NULL OR (name >= ? AND name < ?))"
                        + " AND (? IS NULL OR publish = ?) AND (? IS NULL OR upstream = ?)"
                        + " AND (format, namespace, name) > (?, ?, ?)"
                        + " ORDER BY format, namespace, name LIMIT ?",
                SqlPackageRecords::row, repositoryId, format, format, namespace, namespace,
                SqlSession.prefixEnd(namespace), namePrefix, namePrefix, SqlSession.prefixEnd(namePrefix), publish,
                publish, upstream, upstream, after[0], after[1], after[2], limit);
    }

    @Override
    public List<PackageKey> inDomain(long domainId) {
        return sql.query("SELECT DISTINCT p.format, p.namespace, p.name FROM package p"
                        + " JOIN repository r ON r.id = p.repository_id WHERE r.domain_id = ?"
                        + " ORDER BY p.format, p.namespace, p.name", SqlSession::packageKey, domainId);
    }

    @Override
    public Map<String, String> tags(long packageId) {
        return sql.pairs("SELECT tag, version FROM package_tag WHERE package_id = ? ORDER BY tag", packageId);
    }

    @Override
    public void putTag(long packageId, String tag, String version) {
        sql.touchPackage(packageId);
        sql.update("INSERT INTO package_tag (package_id, tag, version) VALUES (?, ?, ?)"
                + " ON CONFLICT (package_id, tag) DO UPDATE SET version = excluded.version", packageId, tag, version);
    }

    @Override
    public void deleteTag(long packageId, String tag) {
        sql.touchPackage(packageId);
        sql.update("DELETE FROM package_tag WHERE package_id = ? AND tag = ?", packageId, tag);
    }

    @Override
    public void deleteTagsOf(long packageId, String version) {
        sql.touchPackage(packageId);
        sql.update("DELETE FROM package_tag WHERE package_id = ? AND version = ?", packageId, version);
    }
}
