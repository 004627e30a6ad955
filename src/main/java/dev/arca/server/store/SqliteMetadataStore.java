package dev.arca.server.store;

import dev.arca.server.store.StoreRecords.AliasRow;
import dev.arca.server.store.StoreRecords.AssetRow;
import dev.arca.server.store.StoreRecords.BlobRow;
import dev.arca.server.store.StoreRecords.DependencyRow;
import dev.arca.server.store.StoreRecords.PackageKey;
import dev.arca.server.store.StoreRecords.PackageRow;
import dev.arca.server.store.StoreRecords.VersionRow;
import dev.arca.server.store.StoreRecords.DomainRow;
import dev.arca.server.store.StoreRecords.KeyRow;
import dev.arca.server.store.StoreRecords.PolicyRow;
import dev.arca.server.store.StoreRecords.RepositoryRow;
import dev.arca.server.store.StoreRecords.TagRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link MetadataStore} on SQLite in WAL mode: one writer connection (writes are serialized, each an
 * immediate transaction synced to disk before it returns), a few reader connections that see the last
 * committed state while a write runs. The schema is migrated forward on open.
 */
public final class SqliteMetadataStore implements MetadataStore {

    static final List<String> MIGRATIONS = List.of("V1__control_plane.sql", "V2__packages.sql",
            "V3__package_groups.sql", "V4__events.sql",
            "V5__package_name_index.sql", "V6__package_protocols.sql", "V7__dangling_upstreams.sql", "V8__iam.sql");
    private static final int READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Fair: under load every request waits its turn for a connection instead of some waiting very long. */
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS, true);
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    /** Prepared statements per connection; a connection is used by one transaction at a time. */
    private final Map<Connection, Map<String, PreparedStatement>> statementCaches = new ConcurrentHashMap<>();
    private final ChangeStamps stamps = new ChangeStamps();

    private SqliteMetadataStore(String url, Connection writer) {
        this.url = url;
        this.writer = writer;
    }

    /** Opens (creating if needed) {@code file} and brings its schema up to date. */
    public static SqliteMetadataStore open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Connection writer = DriverManager.getConnection(url);
            configure(writer);
            SqliteMetadataStore store = new SqliteMetadataStore(url, writer);
            store.migrate();
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                configure(reader);
                store.readers.add(reader);
            }
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open metadata database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
        }
        connection.setAutoCommit(true);
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new StoreException("the metadata database has schema version " + version
                    + ", newer than this Arca understands (" + MIGRATIONS.size() + ")", null);
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            String script = resource(MIGRATIONS.get(i));
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String statement : script.split(";\\s*(\\r?\\n|$)")) {
                        String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                                .reduce("", (a, b) -> a + "\n" + b).strip();
                        if (!sql.isEmpty()) {
                            s.execute(sql);
                        }
                    }
                    s.execute("PRAGMA user_version=" + (i + 1));
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = SqliteMetadataStore.class.getResourceAsStream("migrations/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T read(Work<T> work) {
        Tx open = current.get();
        if (open != null) {
            return work.run(open);
        }
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
        try {
            return inTransaction(connection, "BEGIN", work);
        } finally {
            readers.add(connection);
        }
    }

    @Override
    public <T> T write(Work<T> work) {
        Tx open = current.get();
        if (open != null) {
            if (open.connection != writer) {
                throw new IllegalStateException("a write cannot start inside a read transaction");
            }
            return work.run(open);
        }
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(Connection connection, String begin, Work<T> work) {
        Tx tx = new Tx(connection, statementCaches.computeIfAbsent(connection, c -> new HashMap<>()));
        T result = runTransaction(connection, begin, work, tx);
        // Still under the write lock: no other write can see the committed state before these run.
        stamps.committed(tx.changes);
        tx.afterCommit.forEach(Runnable::run);
        return result;
    }

    private <T> T runTransaction(Connection connection, String begin, Work<T> work, Tx tx) {
        try (Statement s = connection.createStatement()) {
            s.execute(begin);
            current.set(tx);
            T result;
            try {
                result = work.run(tx);
            } catch (RuntimeException | Error e) {
                s.execute("ROLLBACK");
                throw e;
            }
            s.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            current.remove();
        }
    }

    @Override
    public long changeStamp(String format, String namespace, String name) {
        return stamps.stamp(new PackageKey(format, namespace, name));
    }

    @Override
    public long structureStamp() {
        return stamps.structure();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            List<Connection> all = new ArrayList<>();
            readers.drainTo(all);
            all.add(writer);
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Closing at shutdown: WAL makes the committed state durable already.
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    String url() {
        return url;
    }

    /** A failure of the store itself (not of the caller's input). */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final class Tx implements Transaction {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final ChangeStamps.Changes changes = new ChangeStamps.Changes();

        Tx(Connection connection, Map<String, PreparedStatement> statements) {
            this.connection = connection;
            this.statements = statements;
        }

        private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
            try (ResultSet rs = prepare(sql, params).executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("database error: " + e.getMessage(), e);
            }
        }

        /** A two-column query as a map from the first column to the second, in row order. */
        private Map<String, String> pairs(String sql, Object... params) {
            Map<String, String> out = new LinkedHashMap<>();
            query(sql, rs -> out.put(rs.getString(1), rs.getString(2)), params);
            return out;
        }

        private <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
            List<T> rows = query(sql, mapper, params);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        }

        private long update(String sql, Object... params) {
            try {
                PreparedStatement ps = prepare(sql, params);
                changes.wrote(sql);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : -1;
                }
            } catch (SQLException e) {
                throw new StoreException("database error: " + e.getMessage(), e);
            }
        }

        /** A statement from the connection's cache: SQLite compiles each SQL text once per connection. */
        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                statements.put(sql, ps);
            }
            ps.clearParameters();
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                switch (p) {
                    case null -> ps.setObject(i + 1, null);
                    case Instant t -> ps.setLong(i + 1, t.toEpochMilli());
                    case Optional<?> o -> ps.setObject(i + 1, o.orElse(null));
                    case Boolean b -> ps.setInt(i + 1, b ? 1 : 0);
                    default -> ps.setObject(i + 1, p);
                }
            }
            return ps;
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        private static PackageKey packageKey(ResultSet rs) throws SQLException {
            return new PackageKey(rs.getString(1), rs.getString(2), rs.getString(3));
        }

        /** Tells the change clock which package a write of a package table is about to change. */
        private void touchPackage(long packageId) {
            one("SELECT format, namespace, name FROM package WHERE id = ?", Tx::packageKey, packageId)
                    .ifPresent(changes::touch);
        }

        private void touchVersion(long versionId) {
            one("SELECT p.format, p.namespace, p.name FROM package p JOIN package_version v ON v.package_id = p.id"
                    + " WHERE v.id = ?", Tx::packageKey, versionId).ifPresent(changes::touch);
        }

        private static final String DOMAIN_COLUMNS = "id, owner, name, encryption_key_arn, created_time";

        private static DomainRow domain(ResultSet rs) throws SQLException {
            return new DomainRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    Instant.ofEpochMilli(rs.getLong(5)));
        }

        private static final String REPOSITORY_COLUMNS = "r.id, r.domain_id, d.owner, d.name, r.name, r.administrator,"
                + " r.description, r.created_time FROM repository r JOIN domain d ON d.id = r.domain_id";

        private static RepositoryRow repository(ResultSet rs) throws SQLException {
            return new RepositoryRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), Optional.ofNullable(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)));
        }

        @Override
        public Optional<DomainRow> findDomain(String owner, String name) {
            return one("SELECT " + DOMAIN_COLUMNS + " FROM domain WHERE owner = ? AND name = ?", Tx::domain, owner, name);
        }

        @Override
        public List<DomainRow> listDomains(String owner, Optional<String> afterName, int limit) {
            return query("SELECT " + DOMAIN_COLUMNS + " FROM domain WHERE owner = ? AND name > ? ORDER BY name LIMIT ?",
                    Tx::domain, owner, afterName.orElse(""), limit);
        }

        @Override
        public int countDomains(String owner) {
            return one("SELECT count(*) FROM domain WHERE owner = ?", rs -> rs.getInt(1), owner).orElse(0);
        }

        @Override
        public DomainRow insertDomain(String owner, String name, String encryptionKeyArn, Instant createdTime) {
            long id = update("INSERT INTO domain (owner, name, encryption_key_arn, created_time) VALUES (?, ?, ?, ?)",
                    owner, name, encryptionKeyArn, createdTime);
            return new DomainRow(id, owner, name, encryptionKeyArn, Instant.ofEpochMilli(createdTime.toEpochMilli()));
        }

        @Override
        public void deleteDomain(long domainId) {
            update("DELETE FROM domain WHERE id = ?", domainId);
        }

        @Override
        public int countRepositories(long domainId) {
            return one("SELECT count(*) FROM repository WHERE domain_id = ?", rs -> rs.getInt(1), domainId).orElse(0);
        }

        @Override
        public Optional<RepositoryRow> findRepository(long domainId, String name) {
            return one("SELECT " + REPOSITORY_COLUMNS + " WHERE r.domain_id = ? AND r.name = ?",
                    Tx::repository, domainId, name);
        }

        @Override
        public Optional<RepositoryRow> findRepositoryById(long repositoryId) {
            return one("SELECT " + REPOSITORY_COLUMNS + " WHERE r.id = ?", Tx::repository, repositoryId);
        }

        @Override
        public List<RepositoryRow> listRepositoriesInDomain(long domainId, Optional<String> prefix,
                                                            Optional<String> administrator, Optional<String> afterName,
                                                            int limit) {
            return query("SELECT " + REPOSITORY_COLUMNS + " WHERE r.domain_id = ? AND r.name > ?"
                            + " AND (? IS NULL OR substr(r.name, 1, length(?)) = ?)"
                            + " AND (? IS NULL OR r.administrator = ?) ORDER BY r.name LIMIT ?",
                    Tx::repository, domainId, afterName.orElse(""), prefix, prefix, prefix,
                    administrator, administrator, limit);
        }

        @Override
        public List<RepositoryRow> listRepositoriesAdministeredBy(String account, Optional<String> prefix,
                                                                  Optional<String> afterKey, int limit) {
            return query("SELECT " + REPOSITORY_COLUMNS + " WHERE r.administrator = ?"
                            + " AND (r.name || char(0) || d.owner || char(0) || d.name) > ?"
                            + " AND (? IS NULL OR substr(r.name, 1, length(?)) = ?)"
                            + " ORDER BY r.name, d.owner, d.name LIMIT ?",
                    Tx::repository, account, afterKey.orElse(""), prefix, prefix, prefix, limit);
        }

        @Override
        public RepositoryRow insertRepository(long domainId, String name, String administrator,
                                              Optional<String> description, Instant createdTime) {
            long id = update("INSERT INTO repository (domain_id, name, administrator, description, created_time)"
                    + " VALUES (?, ?, ?, ?, ?)", domainId, name, administrator, description, createdTime);
            return findRepositoryById(id).orElseThrow();
        }

        @Override
        public void updateRepositoryDescription(long repositoryId, Optional<String> description) {
            update("UPDATE repository SET description = ? WHERE id = ?", description, repositoryId);
        }

        @Override
        public void deleteRepository(long repositoryId) {
            // Downstream repositories keep its name in their upstream lists (upstream_id is set to NULL).
            update("DELETE FROM repository WHERE id = ?", repositoryId);
        }

        @Override
        public List<Long> upstreams(long repositoryId) {
            return query("SELECT upstream_id FROM upstream WHERE repository_id = ? AND upstream_id IS NOT NULL"
                    + " ORDER BY position", rs -> rs.getLong(1), repositoryId);
        }

        @Override
        public List<String> upstreamNames(long repositoryId) {
            return query("SELECT upstream_name FROM upstream WHERE repository_id = ? ORDER BY position",
                    rs -> rs.getString(1), repositoryId);
        }

        @Override
        public void replaceUpstreams(long repositoryId, List<Long> upstreamIds) {
            update("DELETE FROM upstream WHERE repository_id = ?", repositoryId);
            for (int i = 0; i < upstreamIds.size(); i++) {
                update("INSERT INTO upstream (repository_id, position, upstream_id, upstream_name)"
                        + " SELECT ?, ?, id, name FROM repository WHERE id = ?", repositoryId, i, upstreamIds.get(i));
            }
        }

        @Override
        public Map<Long, List<Long>> upstreamGraph(long domainId) {
            Map<Long, List<Long>> graph = new LinkedHashMap<>();
            query("SELECT u.repository_id, u.upstream_id FROM upstream u JOIN repository r ON r.id = u.repository_id"
                            + " WHERE r.domain_id = ? AND u.upstream_id IS NOT NULL ORDER BY u.repository_id, u.position",
                    rs -> graph.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)), domainId);
            return graph;
        }

        @Override
        public Optional<String> externalConnection(long repositoryId) {
            return one("SELECT name FROM external_connection WHERE repository_id = ?", rs -> rs.getString(1),
                    repositoryId);
        }

        @Override
        public void setExternalConnection(long repositoryId, Optional<String> connectionName) {
            update("DELETE FROM external_connection WHERE repository_id = ?", repositoryId);
            connectionName.ifPresent(name ->
                    update("INSERT INTO external_connection (repository_id, name) VALUES (?, ?)", repositoryId, name));
        }

        @Override
        public Optional<PolicyRow> findPolicy(String resourceArn) {
            return one("SELECT resource_arn, document, revision FROM resource_policy WHERE resource_arn = ?",
                    rs -> new PolicyRow(rs.getString(1), rs.getString(2), rs.getString(3)), resourceArn);
        }

        @Override
        public void putPolicy(PolicyRow policy) {
            update("INSERT INTO resource_policy (resource_arn, document, revision) VALUES (?, ?, ?)"
                            + " ON CONFLICT (resource_arn) DO UPDATE SET document = excluded.document,"
                            + " revision = excluded.revision",
                    policy.resourceArn(), policy.document(), policy.revision());
        }

        @Override
        public void deletePolicy(String resourceArn) {
            update("DELETE FROM resource_policy WHERE resource_arn = ?", resourceArn);
        }

        @Override
        public List<TagRow> tags(String resourceArn) {
            return query("SELECT key, value FROM tag WHERE resource_arn = ? ORDER BY key",
                    rs -> new TagRow(rs.getString(1), rs.getString(2)), resourceArn);
        }

        @Override
        public void putTags(String resourceArn, List<TagRow> tags) {
            for (TagRow tag : tags) {
                update("INSERT INTO tag (resource_arn, key, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
                        resourceArn, tag.key(), tag.value());
            }
        }

        @Override
        public void removeTags(String resourceArn, List<String> keys) {
            for (String key : keys) {
                update("DELETE FROM tag WHERE resource_arn = ? AND key = ?", resourceArn, key);
            }
        }

        @Override
        public void deleteAllTags(String resourceArn) {
            update("DELETE FROM tag WHERE resource_arn = ?", resourceArn);
        }

        private static final String KEY_COLUMNS =
                "key_id, arn, account, description, aws_managed, created_time, material FROM kms_key";

        private static KeyRow key(ResultSet rs) throws SQLException {
            return new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0,
                    Instant.ofEpochMilli(rs.getLong(6)), rs.getBytes(7));
        }

        @Override
        public void insertKey(KeyRow key) {
            update("INSERT INTO kms_key (key_id, arn, account, description, aws_managed, created_time, material)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", key.keyId(), key.arn(), key.account(), key.description(),
                    key.awsManaged(), key.createdTime(), key.material());
        }

        @Override
        public Optional<KeyRow> findKey(String keyId) {
            return one("SELECT " + KEY_COLUMNS + " WHERE key_id = ?", Tx::key, keyId);
        }

        @Override
        public List<KeyRow> listKeys(String account, Optional<String> afterKeyId, int limit) {
            return query("SELECT " + KEY_COLUMNS + " WHERE account = ? AND key_id > ? ORDER BY key_id LIMIT ?",
                    Tx::key, account, afterKeyId.orElse(""), limit);
        }

        private static final String ALIAS_COLUMNS = "alias_name, account, target_key_id, created_time FROM kms_alias";

        private static AliasRow alias(ResultSet rs) throws SQLException {
            return new AliasRow(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
        }

        @Override
        public void insertAlias(AliasRow alias) {
            update("INSERT INTO kms_alias (account, alias_name, target_key_id, created_time) VALUES (?, ?, ?, ?)",
                    alias.account(), alias.name(), alias.targetKeyId(), alias.createdTime());
        }

        @Override
        public Optional<AliasRow> findAlias(String account, String aliasName) {
            return one("SELECT " + ALIAS_COLUMNS + " WHERE account = ? AND alias_name = ?", Tx::alias, account,
                    aliasName);
        }

        @Override
        public List<AliasRow> listAliases(String account, Optional<String> targetKeyId, Optional<String> afterName,
                                          int limit) {
            return query("SELECT " + ALIAS_COLUMNS + " WHERE account = ? AND (? IS NULL OR target_key_id = ?)"
                            + " AND alias_name > ? ORDER BY alias_name LIMIT ?",
                    Tx::alias, account, targetKeyId, targetKeyId, afterName.orElse(""), limit);
        }

        private static PackageRow packageRow(ResultSet rs) throws SQLException {
            return new PackageRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7));
        }

        private static final String PACKAGE_COLUMNS =
                "id, repository_id, format, namespace, name, publish, upstream FROM package";

        @Override
        public Optional<PackageRow> findPackage(long repositoryId, String format, String namespace, String name) {
            return one("SELECT " + PACKAGE_COLUMNS + " WHERE repository_id = ? AND format = ? AND namespace = ?"
                    + " AND name = ?", Tx::packageRow, repositoryId, format, namespace, name);
        }

        @Override
        public PackageRow insertPackage(long repositoryId, String format, String namespace, String name, String publish,
                                        String upstream) {
            changes.touch(new PackageKey(format, namespace, name));
            long id = update("INSERT INTO package (repository_id, format, namespace, name, publish, upstream)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", repositoryId, format, namespace, name, publish, upstream);
            return new PackageRow(id, repositoryId, format, namespace, name, publish, upstream);
        }

        @Override
        public void updatePackageOrigin(long packageId, String publish, String upstream) {
            touchPackage(packageId);
            update("UPDATE package SET publish = ?, upstream = ? WHERE id = ?", publish, upstream, packageId);
        }

        @Override
        public void deletePackage(long packageId) {
            touchPackage(packageId);
            update("DELETE FROM package WHERE id = ?", packageId);
        }

        @Override
        public List<PackageRow> listPackages(long repositoryId, Optional<String> format, Optional<String> namespace,
                                             Optional<String> namePrefix, Optional<String> publish,
                                             Optional<String> upstream, Optional<String> afterKey, int limit) {
            return query("SELECT " + PACKAGE_COLUMNS + " WHERE repository_id = ?"
                            + " AND (? IS NULL OR format = ?)"
                            + " AND (? IS NULL OR (namespace >= ? AND namespace < ? || char(1114111)))"
                            + " AND (? IS NULL OR (name >= ? AND name < ? || char(1114111)))"
                            + " AND (? IS NULL OR publish = ?) AND (? IS NULL OR upstream = ?)"
                            + " AND (format || char(0) || namespace || char(0) || name) > ?"
                            + " ORDER BY format, namespace, name LIMIT ?",
                    Tx::packageRow, repositoryId, format, format, namespace, namespace, namespace, namePrefix,
                    namePrefix,
                    namePrefix, publish, publish, upstream, upstream, afterKey.orElse(""), limit);
        }

        private static final String VERSION_COLUMNS = "id, package_id, version, status, revision, published_time,"
                + " origin_type, origin_repository, origin_external, display_name, summary, home_page,"
                + " source_code_repository, licenses, readme, manifest FROM package_version";

        private static VersionRow versionRow(ResultSet rs) throws SQLException {
            return new VersionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), Optional.ofNullable(rs.getString(8)),
                    Optional.ofNullable(rs.getString(9)), new StoreRecords.VersionMetadata(
                    Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
                    Optional.ofNullable(rs.getString(12)), Optional.ofNullable(rs.getString(13)),
                    Optional.ofNullable(rs.getString(14)), Optional.ofNullable(rs.getString(15)),
                    Optional.ofNullable(rs.getString(16))));
        }

        @Override
        public Optional<VersionRow> findVersion(long packageId, String version) {
            return one("SELECT " + VERSION_COLUMNS + " WHERE package_id = ? AND version = ?", Tx::versionRow,
                    packageId, version);
        }

        @Override
        public List<VersionRow> listVersions(long packageId, Optional<String> status, Optional<String> originType,
                                             boolean newestFirst, Optional<String> afterKey, int limit) {
            String filter = " WHERE package_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR origin_type = ?)";
            if (!newestFirst) {
                return query("SELECT " + VERSION_COLUMNS + filter + " AND version > ? ORDER BY version LIMIT ?",
                        Tx::versionRow, packageId, status, status, originType, originType, afterKey.orElse(""), limit);
            }
            // Keyset on (published_time DESC, version ASC): the key is "millis NUL version".
            long afterTime = Long.MAX_VALUE;
            String afterVersion = "";
            if (afterKey.isPresent()) {
                int nul = afterKey.get().indexOf('\u0000');
                afterTime = Long.parseLong(afterKey.get().substring(0, nul));
                afterVersion = afterKey.get().substring(nul + 1);
            }
            return query("SELECT " + VERSION_COLUMNS + filter
                            + " AND (published_time < ? OR (published_time = ? AND version > ?))"
                            + " ORDER BY published_time DESC, version LIMIT ?",
                    Tx::versionRow, packageId, status, status, originType, originType, afterTime, afterTime,
                    afterVersion, limit);
        }

        @Override
        public Optional<VersionRow> latestVersion(long packageId, List<String> statuses) {
            String placeholders = String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(packageId);
            params.addAll(statuses);
            return one("SELECT " + VERSION_COLUMNS + " WHERE package_id = ? AND status IN (" + placeholders + ")"
                    + " ORDER BY published_time DESC, version DESC LIMIT 1", Tx::versionRow, params.toArray());
        }

        @Override
        public VersionRow insertVersion(long packageId, String version, String status, String revision,
                                        Instant publishedTime, String originType, Optional<String> originRepository,
                                        Optional<String> originExternal, StoreRecords.VersionMetadata metadata) {
            touchPackage(packageId);
            long id = update("INSERT INTO package_version (package_id, version, status, revision, published_time,"
                            + " origin_type, origin_repository, origin_external, display_name, summary, home_page,"
                            + " source_code_repository, licenses, readme, manifest)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    packageId, version, status, revision, publishedTime, originType, originRepository, originExternal,
                    metadata.displayName(), metadata.summary(), metadata.homePage(), metadata.sourceCodeRepository(),
                    metadata.licensesJson(), metadata.readme(), metadata.manifest());
            return new VersionRow(id, packageId, version, status, revision,
                    Instant.ofEpochMilli(publishedTime.toEpochMilli()), originType, originRepository, originExternal,
                    metadata);
        }

        @Override
        public void updateVersionState(long versionId, String status, String revision) {
            touchVersion(versionId);
            update("UPDATE package_version SET status = ?, revision = ? WHERE id = ?", status, revision, versionId);
        }

        @Override
        public void updateVersionMetadata(long versionId, StoreRecords.VersionMetadata metadata, String revision) {
            touchVersion(versionId);
            update("UPDATE package_version SET display_name = ?, summary = ?, home_page = ?,"
                            + " source_code_repository = ?, licenses = ?, readme = ?, manifest = ?, revision = ?"
                            + " WHERE id = ?", metadata.displayName(), metadata.summary(), metadata.homePage(),
                    metadata.sourceCodeRepository(), metadata.licensesJson(), metadata.readme(), metadata.manifest(),
                    revision, versionId);
        }

        @Override
        public void deleteVersion(long versionId) {
            touchVersion(versionId);
            update("DELETE FROM package_version WHERE id = ?", versionId);
        }

        @Override
        public int countVersions(long packageId) {
            return one("SELECT count(*) FROM package_version WHERE package_id = ?", rs -> rs.getInt(1), packageId)
                    .orElse(0);
        }

        private static final String ASSET_COLUMNS = "a.name, b.domain_id, b.sha256, b.size, b.md5, b.sha1, b.sha512"
                + " FROM asset a JOIN blob b ON b.domain_id = a.domain_id AND b.sha256 = a.sha256";

        private static AssetRow assetRow(ResultSet rs) throws SQLException {
            return new AssetRow(rs.getString(1), new BlobRow(rs.getLong(2), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7)));
        }

        @Override
        public List<AssetRow> assets(long versionId, Optional<String> afterName, int limit) {
            return query("SELECT " + ASSET_COLUMNS + " WHERE a.version_id = ? AND a.name > ? ORDER BY a.name LIMIT ?",
                    Tx::assetRow, versionId, afterName.orElse(""), limit);
        }

        @Override
        public Optional<AssetRow> asset(long versionId, String name) {
            return one("SELECT " + ASSET_COLUMNS + " WHERE a.version_id = ? AND a.name = ?", Tx::assetRow,
                    versionId, name);
        }

        @Override
        public int countAssets(long versionId) {
            return one("SELECT count(*) FROM asset WHERE version_id = ?", rs -> rs.getInt(1), versionId).orElse(0);
        }

        @Override
        public void insertAsset(long versionId, String name, BlobRow blob) {
            touchVersion(versionId);
            update("INSERT INTO asset (version_id, name, domain_id, sha256) VALUES (?, ?, ?, ?)",
                    versionId, name, blob.domainId(), blob.sha256());
        }

        @Override
        public Map<String, BlobRow> assetBlobs(long packageId, String assetName) {
            Map<String, BlobRow> out = new LinkedHashMap<>();
            query("SELECT v.version, b.domain_id, b.sha256, b.size, b.md5, b.sha1, b.sha512 FROM package_version v"
                            + " JOIN asset a ON a.version_id = v.id AND a.name = ?"
                            + " JOIN blob b ON b.domain_id = a.domain_id AND b.sha256 = a.sha256"
                            + " WHERE v.package_id = ?",
                    rs -> out.put(rs.getString(1), new BlobRow(rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7))), assetName, packageId);
            return out;
        }

        @Override
        public void deleteAssets(long versionId) {
            touchVersion(versionId);
            update("DELETE FROM asset WHERE version_id = ?", versionId);
        }

        @Override
        public Map<String, String> packageTags(long packageId) {
            return pairs("SELECT tag, version FROM package_tag WHERE package_id = ? ORDER BY tag", packageId);
        }

        @Override
        public void putPackageTag(long packageId, String tag, String version) {
            touchPackage(packageId);
            update("INSERT INTO package_tag (package_id, tag, version) VALUES (?, ?, ?)"
                    + " ON CONFLICT (package_id, tag) DO UPDATE SET version = excluded.version",
                    packageId, tag, version);
        }

        @Override
        public void deletePackageTag(long packageId, String tag) {
            touchPackage(packageId);
            update("DELETE FROM package_tag WHERE package_id = ? AND tag = ?", packageId, tag);
        }

        @Override
        public void deletePackageTagsOf(long packageId, String version) {
            touchPackage(packageId);
            update("DELETE FROM package_tag WHERE package_id = ? AND version = ?", packageId, version);
        }

        private static BlobRow blobRow(ResultSet rs) throws SQLException {
            return new BlobRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getString(6));
        }

        @Override
        public Optional<BlobRow> findBlob(long domainId, String sha256) {
            return one("SELECT domain_id, sha256, size, md5, sha1, sha512 FROM blob WHERE domain_id = ? AND sha256 = ?",
                    Tx::blobRow, domainId, sha256);
        }

        @Override
        public void insertBlob(BlobRow blob, Instant createdTime) {
            update("INSERT INTO blob (domain_id, sha256, size, md5, sha1, sha512, created_time)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", blob.domainId(), blob.sha256(), blob.size(), blob.md5(),
                    blob.sha1(), blob.sha512(), createdTime);
        }

        @Override
        public List<BlobRow> unreferencedBlobs(int limit) {
            return query("SELECT b.domain_id, b.sha256, b.size, b.md5, b.sha1, b.sha512 FROM blob b"
                    + " WHERE NOT EXISTS (SELECT 1 FROM asset a WHERE a.domain_id = b.domain_id AND a.sha256 = b.sha256)"
                    + " ORDER BY b.created_time LIMIT ?", Tx::blobRow, limit);
        }

        @Override
        public void deleteBlob(long domainId, String sha256) {
            update("DELETE FROM blob WHERE domain_id = ? AND sha256 = ?", domainId, sha256);
        }

        @Override
        public long domainAssetBytes(long domainId) {
            return one("SELECT coalesce(sum(size), 0) FROM blob WHERE domain_id = ?", rs -> rs.getLong(1), domainId)
                    .orElse(0L);
        }

        @Override
        public List<DependencyRow> dependencies(long versionId) {
            return query("SELECT namespace, package, dependency_type, version_requirement FROM dependency"
                            + " WHERE version_id = ? ORDER BY position",
                    rs -> new DependencyRow(Optional.ofNullable(rs.getString(1)), rs.getString(2),
                            Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4))), versionId);
        }

        @Override
        public void insertDependencies(long versionId, List<DependencyRow> dependencies) {
            touchVersion(versionId);
            for (int i = 0; i < dependencies.size(); i++) {
                DependencyRow d = dependencies.get(i);
                update("INSERT INTO dependency (version_id, position, namespace, package, dependency_type,"
                                + " version_requirement) VALUES (?, ?, ?, ?, ?, ?)", versionId, i, d.namespace(),
                        d.packageName(), d.dependencyType(), d.versionRequirement());
            }
        }

        private static final String GROUP_COLUMNS =
                "id, domain_id, pattern, description, contact_info, created_time FROM package_group";

        private static StoreRecords.GroupRow groupRow(ResultSet rs) throws SQLException {
            return new StoreRecords.GroupRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                    Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                    Instant.ofEpochMilli(rs.getLong(6)));
        }

        @Override
        public List<StoreRecords.GroupRow> packageGroups(long domainId) {
            return query("SELECT " + GROUP_COLUMNS + " WHERE domain_id = ? ORDER BY pattern", Tx::groupRow, domainId);
        }

        @Override
        public Optional<StoreRecords.GroupRow> findPackageGroup(long domainId, String pattern) {
            return one("SELECT " + GROUP_COLUMNS + " WHERE domain_id = ? AND pattern = ?", Tx::groupRow, domainId,
                    pattern);
        }

        @Override
        public StoreRecords.GroupRow insertPackageGroup(long domainId, String pattern, Optional<String> description,
                                                        Optional<String> contactInfo, Instant createdTime) {
            long id = update("INSERT INTO package_group (domain_id, pattern, description, contact_info, created_time)"
                    + " VALUES (?, ?, ?, ?, ?)", domainId, pattern, description, contactInfo, createdTime);
            return new StoreRecords.GroupRow(id, domainId, pattern, description, contactInfo,
                    Instant.ofEpochMilli(createdTime.toEpochMilli()));
        }

        @Override
        public void updatePackageGroup(long groupId, Optional<String> description, Optional<String> contactInfo) {
            update("UPDATE package_group SET description = ?, contact_info = ? WHERE id = ?", description, contactInfo,
                    groupId);
        }

        @Override
        public void deletePackageGroup(long groupId) {
            update("DELETE FROM package_group WHERE id = ?", groupId);
        }

        @Override
        public Map<String, String> groupRestrictions(long groupId) {
            return pairs("SELECT type, mode FROM package_group_restriction WHERE group_id = ?", groupId);
        }

        @Override
        public void setGroupRestriction(long groupId, String type, String mode) {
            update("INSERT INTO package_group_restriction (group_id, type, mode) VALUES (?, ?, ?)"
                    + " ON CONFLICT (group_id, type) DO UPDATE SET mode = excluded.mode", groupId, type, mode);
        }

        @Override
        public List<String> allowedRepositories(long groupId, String type) {
            return query("SELECT repository_name FROM package_group_allowed_repository WHERE group_id = ? AND type = ?"
                    + " ORDER BY repository_name", rs -> rs.getString(1), groupId, type);
        }

        @Override
        public void addAllowedRepository(long groupId, String type, String repositoryName) {
            update("INSERT OR IGNORE INTO package_group_allowed_repository (group_id, type, repository_name)"
                    + " VALUES (?, ?, ?)", groupId, type, repositoryName);
        }

        @Override
        public void removeAllowedRepository(long groupId, String type, String repositoryName) {
            update("DELETE FROM package_group_allowed_repository WHERE group_id = ? AND type = ? AND repository_name = ?",
                    groupId, type, repositoryName);
        }

        @Override
        public List<StoreRecords.PackageKey> packagesInDomain(long domainId) {
            return query("SELECT DISTINCT p.format, p.namespace, p.name FROM package p"
                            + " JOIN repository r ON r.id = p.repository_id WHERE r.domain_id = ?"
                            + " ORDER BY p.format, p.namespace, p.name",
                    rs -> new StoreRecords.PackageKey(rs.getString(1), rs.getString(2), rs.getString(3)), domainId);
        }

        @Override
        public long appendEvent(Instant time, String domain, String repository, String body) {
            return update("INSERT INTO event (time, domain, repository, body) VALUES (?, ?, ?, ?)", time, domain,
                    repository, body);
        }

        @Override
        public List<StoreRecords.EventRow> events(long afterSeq, Optional<String> domain, Optional<String> repository,
                                                  int limit) {
            return query("SELECT seq, time, domain, repository, body FROM event WHERE seq > ?"
                            + " AND (? IS NULL OR domain = ?) AND (? IS NULL OR repository = ?) ORDER BY seq LIMIT ?",
                    rs -> new StoreRecords.EventRow(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5)),
                    afterSeq, domain, domain, repository, repository, limit);
        }

        @Override
        public Optional<byte[]> setting(String name) {
            return one("SELECT value FROM setting WHERE name = ?", rs -> rs.getBytes(1), name);
        }

        @Override
        public void putSetting(String name, byte[] value) {
            update("INSERT INTO setting (name, value) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value);
        }
    }
}
