package dev.arca.server.store.sql;

import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.BlobRow;
import dev.arca.server.store.AssetRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AssetRecords} in tables {@code asset} and {@code blob}. */
final class SqlAssetRecords implements AssetRecords {

    private static final String ASSET_COLUMNS = "a.name, b.domain_id, b.sha256, b.size, b.md5, b.sha1, b.sha512"
            + " FROM asset a JOIN blob b ON b.domain_id = a.domain_id AND b.sha256 = a.sha256";
    private static final String BLOB_COLUMNS = "b.domain_id, b.sha256, b.size, b.md5, b.sha1, b.sha512 FROM blob b";

    private final SqlSession sql;

    SqlAssetRecords(SqlSession sql) {
        this.sql = sql;
    }

    /** A blob from six columns starting at {@code first}. */
    private static BlobRow blob(ResultSet rs, int first) throws SQLException {
        return new BlobRow(rs.getLong(first), rs.getString(first + 1), rs.getLong(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5));
    }

    private static AssetRow asset(ResultSet rs) throws SQLException {
        return new AssetRow(rs.getString(1), blob(rs, 2));
    }

    @Override
    public List<AssetRow> list(long versionId, Optional<String> afterName, int limit) {
        return sql.query("SELECT " + ASSET_COLUMNS + " WHERE a.version_id = ? AND a.name > ? ORDER BY a.name LIMIT ?",
                SqlAssetRecords::asset, versionId, afterName.orElse(""), limit);
    }

    @Override
    public Optional<AssetRow> find(long versionId, String name) {
        return sql.one("SELECT " + ASSET_COLUMNS + " WHERE a.version_id = ? AND a.name = ?", SqlAssetRecords::asset,
                versionId, name);
    }

    @Override
    public int count(long versionId) {
        return sql.count("SELECT count(*) FROM asset WHERE version_id = ?", versionId);
    }

    @Override
    public void insert(long versionId, String name, BlobRow blob) {
        sql.touchVersion(versionId);
        sql.update("INSERT INTO asset (version_id, name, domain_id, sha256) VALUES (?, ?, ?, ?)",
                versionId, name, blob.domainId(), blob.sha256());
    }

    @Override
    public void deleteAll(long versionId) {
        sql.touchVersion(versionId);
        sql.update("DELETE FROM asset WHERE version_id = ?", versionId);
    }

    @Override
    public Map<String, BlobRow> blobsByVersion(long packageId, String assetName) {
        Map<String, BlobRow> out = new LinkedHashMap<>();
        sql.query("SELECT v.version, b.domain_id, b.sha256, b.size, b.md5, b.sha1, b.sha512 FROM package_version v"
                        + " JOIN asset a ON a.version_id = v.id AND a.name = ?"
                        + " JOIN blob b ON b.domain_id = a.domain_id AND b.sha256 = a.sha256"
                        + " WHERE v.package_id = ?",
                rs -> out.put(rs.getString(1), blob(rs, 2)), assetName, packageId);
        return out;
    }

    @Override
    public Optional<BlobRow> findBlob(long domainId, String sha256) {
        return sql.one("SELECT " + BLOB_COLUMNS + " WHERE b.domain_id = ? AND b.sha256 = ?", rs -> blob(rs, 1),
                domainId, sha256);
    }

    @Override
    public void insertBlob(BlobRow blob, Instant createdTime) {
        sql.update("INSERT INTO blob (domain_id, sha256, size, md5, sha1, sha512, created_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", blob.domainId(), blob.sha256(), blob.size(), blob.md5(),
                blob.sha1(), blob.sha512(), createdTime);
    }

    @Override
    public List<BlobRow> unreferencedBlobs(int limit) {
        return sql.query("SELECT " + BLOB_COLUMNS + " WHERE NOT EXISTS"
                + " (SELECT 1 FROM asset a WHERE a.domain_id = b.domain_id AND a.sha256 = b.sha256)"
                + " ORDER BY b.created_time LIMIT ?", rs -> blob(rs, 1), limit);
    }

    @Override
    public void deleteBlob(long domainId, String sha256) {
        sql.update("DELETE FROM blob WHERE domain_id = ? AND sha256 = ?", domainId, sha256);
    }

    @Override
    public long domainBytes(long domainId) {
        return sql.one("SELECT coalesce(sum(size), 0) FROM blob WHERE domain_id = ?", rs -> rs.getLong(1), domainId)
                .orElse(0L);
    }
}
