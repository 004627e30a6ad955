package dev.arca.server.store.sql;

import dev.arca.server.model.Records.PackageKey;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's change clock ({@link MetadataStore#changeStamp}): one counter that moves at every committed write
 * which changed something, remembered per package coordinate for writes to package contents and once for every
 * other kind of change ("structure"). A coordinate's stamp is the later of its own and the structure's.
 * <p>
 * Which tables a write touched decides its kind, so a new kind of write is never missed: package tables count for
 * the coordinates the write named ({@link Changes#touch}), tables that no read of package documents depends on
 * (resource tags, keys, blobs, events, IAM principals) count for nothing, every other table counts as structure.
 */
final class ChangeStamps {

    private static final Set<String> PACKAGE_TABLES = Set.of("package", "package_version", "asset", "package_tag",
            "dependency");
    private static final Set<String> NEUTRAL_TABLES = Set.of("tag", "kms_key", "kms_alias", "blob", "event",
            "iam_user", "iam_access_key", "iam_role", "iam_inline_policy", "iam_session");
    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    /** Coordinates remembered before they are folded into one structure change, bounding memory. */
    private static final int MAX_REMEMBERED = 100_000;

    /** The table each write statement's SQL names; statements are constants, so this stays small. */
    private static final Map<String, String> TABLES = new ConcurrentHashMap<>();

    private long clock;
    private volatile long structure;
    private final Map<PackageKey, Long> packages = new ConcurrentHashMap<>();

    long stamp(PackageKey key) {
        long own = packages.getOrDefault(key, 0L);
        return Math.max(structure, own);
    }

    long structure() {
        return structure;
    }

    /** Records one committed transaction's changes; called in commit order, under the store's write lock. */
    void committed(Changes changes) {
        if (!changes.structural && changes.packages.isEmpty()) {
            return;
        }
        long now = ++clock;
        if (changes.structural || packages.size() + changes.packages.size() > MAX_REMEMBERED) {
            // Set before forgetting: every coordinate's stamp reads as at least `now` throughout.
            structure = now;
            packages.clear();
            return;
        }
        changes.packages.forEach(key -> packages.put(key, now));
    }

    private static String writtenTable(String sql) {
        Matcher m = WRITTEN_TABLE.matcher(sql);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** What one write transaction changed so far. */
    static final class Changes {
        private final Set<PackageKey> packages = new HashSet<>();
        private boolean structural;

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
            if (!PACKAGE_TABLES.contains(table) || packages.isEmpty()) {
                structural = true;
            }
        }
    }
}
