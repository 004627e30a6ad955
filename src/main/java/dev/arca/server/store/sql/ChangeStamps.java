package dev.arca.server.store.sql;

import dev.arca.server.model.Records.PackageKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's change clock ({@link dev.arca.server.store.MetadataStore#changeStamp}): one counter kept in the
 * database ({@code change_clock}) that moves at every committed write which changed something, so every process
 * using the database counts the same ticks. A tick is remembered per package coordinate for writes to package
 * contents ({@code package_change}), as the last "structure" tick for every other kind of change, and as the last
 * IAM tick for changes to IAM's principals. A coordinate's stamp is the later of its own and the structure's.
 * <p>
 * This process learns its own ticks as it commits them and another process's by {@linkplain #catchUp catching up}:
 * reading what moved past the last tick it saw. Stamps only ever grow, and applying a tick raises the stamp of
 * everything it changed to at least that tick, so in whatever order ticks arrive a value remembered under a stamp
 * is never served after a later change to it was seen.
 * <p>
 * Which tables a write touched decides its kind, so a new kind of write is never missed: package tables count for
 * the coordinates the write named ({@link Changes#touch}), IAM's principal tables for IAM, tables that no cached
 * read depends on (resource tags, keys, blobs, events, role sessions, the clock itself) count for nothing, every other
 * table counts as structure.
 */
final class ChangeStamps {

    private static final Set<String> PACKAGE_TABLES = Set.of("package", "package_version", "asset", "package_tag",
            "dependency");
    private static final Set<String> IAM_TABLES = Set.of("iam_user", "iam_access_key", "iam_role",
            "iam_inline_policy");
    private static final Set<String> NEUTRAL_TABLES = Set.of("tag", "kms_key", "kms_alias", "blob", "event",
            "iam_session", "change_clock", "package_change");
    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    /** Coordinates remembered before they are folded into one structure change, bounding memory. */
    private static final int MAX_REMEMBERED = 100_000;

    /** The table each write statement's SQL names; statements are constants, so this stays small. */
    private static final Map<String, String> TABLES = new ConcurrentHashMap<>();

    private static final String TICK = "UPDATE change_clock SET clock = clock + 1,"
            + " structure = CASE WHEN ? = 1 THEN clock + 1 ELSE structure END,"
            + " iam = CASE WHEN ? = 1 THEN clock + 1 ELSE iam END WHERE id = 1";
    private static final String PACKAGE_TICK = "INSERT INTO package_change (format, namespace, name, stamp)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (format, namespace, name) DO UPDATE SET stamp = excluded.stamp";
    /** One statement, so one snapshot: the clock when it moved, and each coordinate that moved with it. */
    private static final String SINCE = "SELECT CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), clock,"
            + " structure, iam FROM change_clock WHERE id = 1 AND clock > ?"
            + " UNION ALL SELECT format, namespace, name, stamp, 0, 0 FROM package_change WHERE stamp > ?";

    private volatile long structure;
    private volatile long iam;
    /** The last tick read from the database; guarded by this object. */
    private long seen;
    private final Map<PackageKey, Long> packages = new ConcurrentHashMap<>();

    long stamp(PackageKey key) {
        long own = packages.getOrDefault(key, 0L);
        return Math.max(structure, own);
    }

    long structure() {
        return structure;
    }

    long iam() {
        return iam;
    }

    /** Starts from the database's clock as it is: nothing is remembered yet, so nothing older needs reading. */
    synchronized void start(SqlSession sql) {
        long now = sql.one("SELECT clock FROM change_clock WHERE id = 1", rs -> rs.getLong(1)).orElse(0L);
        seen = Math.max(seen, now);
        structure = Math.max(structure, now);
        iam = Math.max(iam, now);
    }

    /**
     * Moves the database's clock for what a write transaction changed, inside it, just before it commits; the tick,
     * or 0 when it changed nothing that counts. Writes take turns, so ticks commit in order.
     */
    static long tick(SqlSession sql, Changes changes) {
        if (!changes.structural && !changes.iam && changes.packages.isEmpty()) {
            return 0;
        }
        sql.update(TICK, changes.structural, changes.iam);
        long tick = sql.one("SELECT clock FROM change_clock WHERE id = 1", rs -> rs.getLong(1)).orElseThrow();
        if (!changes.structural) {
            for (PackageKey key : changes.packages) {
                sql.update(PACKAGE_TICK, key.format(), key.namespace(), key.name(), tick);
            }
        }
        return tick;
    }

    /** Applies a transaction of this process that committed {@code tick}. */
    synchronized void committed(long tick, Changes changes) {
        if (tick == 0) {
            return;
        }
        apply(tick, changes.structural ? tick : 0, changes.iam ? tick : 0, changes.packages);
    }

    /** Applies what other processes committed since the last tick seen, read in one statement. */
    synchronized void catchUp(SqlSession sql) {
        record Moved(PackageKey key, long stamp, long structure, long iam) {
        }
        List<Moved> moved = sql.query(SINCE, rs -> new Moved(rs.getString(1) == null ? null
                : SqlSession.packageKey(rs), rs.getLong(4), rs.getLong(5), rs.getLong(6)), seen, seen);
        if (moved.isEmpty()) {
            return;
        }
        long clock = seen;
        long structureTick = 0;
        long iamTick = 0;
        Map<PackageKey, Long> keys = new HashMap<>();
        for (Moved m : moved) {
            if (m.key() == null) {
                clock = m.stamp();
                structureTick = m.structure();
                iamTick = m.iam();
            } else {
                keys.put(m.key(), m.stamp());
            }
        }
        if (structureTick > seen) {
            raiseStructure(structureTick);
        }
        if (packages.size() + keys.size() > MAX_REMEMBERED) {
            raiseStructure(clock);
        } else {
            keys.forEach((key, stamp) -> packages.merge(key, stamp, Math::max));
        }
        iam = Math.max(iam, iamTick);
        seen = Math.max(seen, clock);
    }

    private void apply(long tick, long structureTick, long iamTick, Set<PackageKey> keys) {
        if (structureTick > 0 || packages.size() + keys.size() > MAX_REMEMBERED) {
            raiseStructure(tick);
            return;
        }
        iam = Math.max(iam, iamTick);
        keys.forEach(key -> packages.merge(key, tick, Math::max));
    }

    /**
     * Sets the structure stamp to at least {@code tick} and forgets the coordinates: set before forgetting, and to
     * the latest of them, so no coordinate's stamp ever goes back.
     */
    private void raiseStructure(long tick) {
        long top = packages.values().stream().mapToLong(Long::longValue).max().orElse(0L);
        structure = Math.max(structure, Math.max(tick, top));
        packages.clear();
    }

    private static String writtenTable(String sql) {
        Matcher m = WRITTEN_TABLE.matcher(sql);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** What one write transaction changed so far. */
    static final class Changes {
        private final Set<PackageKey> packages = new HashSet<>();
        private boolean structural;
        private boolean iam;

        /** A write to a package table about to change the package with this coordinate. */
        void touch(PackageKey key) {
            packages.add(key);
        }

        /** Accounts for a statement that wrote to the database. */
        void wrote(String sql) {
            String table = TABLES.computeIfAbsent(sql, ChangeStamps::writtenTable);
            if (NEUTRAL_TABLES.contains(table)) {
                return;
            }
            if (IAM_TABLES.contains(table)) {
                iam = true;
                return;
            }
            if (!PACKAGE_TABLES.contains(table) || packages.isEmpty()) {
                structural = true;
            }
        }
    }
}
