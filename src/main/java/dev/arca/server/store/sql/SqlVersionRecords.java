package dev.arca.server.store.sql;

import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.DependencyRow;
import dev.arca.server.model.Records.VersionMetadata;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.VersionRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@link VersionRecords} in tables {@code package_version} and {@code dependency}. */
final class SqlVersionRecords implements VersionRecords {

    private static final String COLUMNS = "id, package_id, version, status, revision, published_time,"
            + " origin_type, origin_repository, origin_external, display_name, summary, home_page,"
            + " source_code_repository, licenses, readme, manifest FROM package_version";

    private final SqlSession sql;

    SqlVersionRecords(SqlSession sql) {
        this.sql = sql;
    }

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), SqlSession.status(rs, 4), rs.getString(5),
                SqlSession.instant(rs, 6), rs.getString(7), Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)), new VersionMetadata(
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getString(12)), Optional.ofNullable(rs.getString(13)),
                Optional.ofNullable(rs.getString(14)), Optional.ofNullable(rs.getString(15)),
                Optional.ofNullable(rs.getString(16))));
    }

    @Override
    public Optional<VersionRow> find(long packageId, String version) {
        return sql.one("SELECT " + COLUMNS + " WHERE package_id = ? AND version = ?", SqlVersionRecords::row,
                packageId, version);
    }

    @Override
    public List<VersionRow> list(long packageId, Optional<VersionStatus> status, Optional<String> originType,
                                 boolean newestFirst, Optional<String> afterKey, int limit) {
        String filter = " WHERE package_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR origin_type = ?)";
        if (!newestFirst) {
            return sql.query("SELECT " + COLUMNS + filter + " AND version > ? ORDER BY version LIMIT ?",
                    SqlVersionRecords::row, packageId, status, status, originType, originType, afterKey.orElse(""),
                    limit);
        }
        // Keyset on (published_time DESC, version ASC): the key is "millis NUL version".
        long afterTime = Long.MAX_VALUE;
        String afterVersion = "";
        if (afterKey.isPresent()) {
            int nul = afterKey.get().indexOf('\u0000');
            afterTime = Long.parseLong(afterKey.get().substring(0, nul));
            afterVersion = afterKey.get().substring(nul + 1);
        }
        return sql.query("SELECT " + COLUMNS + filter
                        + " AND (published_time < ? OR (published_time = ? AND version > ?))"
                        + " ORDER BY published_time DESC, version LIMIT ?",
                SqlVersionRecords::row, packageId, status, status, originType, originType, afterTime, afterTime,
                afterVersion, limit);
    }

    @Override
    public Optional<VersionRow> latest(long packageId, List<VersionStatus> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(packageId);
        params.addAll(statuses);
        return sql.one("SELECT " + COLUMNS + " WHERE package_id = ? AND status IN (" + placeholders + ")"
                + " ORDER BY published_time DESC, version DESC LIMIT 1", SqlVersionRecords::row, params.toArray());
    }

    @Override
    public VersionRow insert(long packageId, String version, VersionStatus status, String revision,
                             Instant publishedTime, String originType, Optional<String> originRepository,
                             Optional<String> originExternal, VersionMetadata metadata) {
        sql.touchPackage(packageId);
        long id = sql.insert("INSERT INTO package_version (package_id, version, status, revision, published_time,"
                        + " origin_type, origin_repository, origin_external, display_name, summary, home_page,"
                        + " source_code_repository, licenses, readme, manifest)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "id", packageId, version, status, revision, publishedTime, originType, originRepository,
                originExternal, metadata.displayName(), metadata.summary(), metadata.homePage(),
                metadata.sourceCodeRepository(), metadata.licensesJson(), metadata.readme(), metadata.manifest());
        return new VersionRow(id, packageId, version, status, revision, SqlSession.stored(publishedTime), originType,
                originRepository, originExternal, metadata);
    }

    @Override
    public void updateState(long versionId, VersionStatus status, String revision) {
        sql.touchVersion(versionId);
        sql.update("UPDATE package_version SET status = ?, revision = ? WHERE id = ?", status, revision, versionId);
    }

    @Override
    public void updateMetadata(long versionId, VersionMetadata metadata, String revision) {
        sql.touchVersion(versionId);
        sql.update("UPDATE package_version SET display_name = ?, summary = ?, home_page = ?,"
                        + " source_code_repository = ?, licenses = ?, readme = ?, manifest = ?, revision = ?"
                        + " WHERE id = ?", metadata.displayName(), metadata.summary(), metadata.homePage(),
                metadata.sourceCodeRepository(), metadata.licensesJson(), metadata.readme(), metadata.manifest(),
                revision, versionId);
    }

    @Override
    public void delete(long versionId) {
        sql.touchVersion(versionId);
        sql.update("DELETE FROM package_version WHERE id = ?", versionId);
    }

    @Override
    public int count(long packageId) {
        return sql.count("SELECT count(*) FROM package_version WHERE package_id = ?", packageId);
    }

    @Override
    public List<DependencyRow> dependencies(long versionId) {
        return sql.query("SELECT namespace, package, dependency_type, version_requirement FROM dependency"
                        + " WHERE version_id = ? ORDER BY position",
                rs -> new DependencyRow(Optional.ofNullable(rs.getString(1)), rs.getString(2),
                        Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4))), versionId);
    }

    @Override
    public void insertDependencies(long versionId, List<DependencyRow> dependencies) {
        sql.touchVersion(versionId);
        for (int i = 0; i < dependencies.size(); i++) {
            DependencyRow d = dependencies.get(i);
            sql.update("INSERT INTO dependency (version_id, position, namespace, package, dependency_type,"
                            + " version_requirement) VALUES (?, ?, ?, ?, ?, ?)", versionId, i, d.namespace(),
                    d.packageName(), d.dependencyType(), d.versionRequirement());
        }
    }
}
