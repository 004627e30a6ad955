package dev.arca.server.store.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The metadata schema's versions, one script per backend for each: SQLite's in {@code migrations/}, PostgreSQL's in
 * {@code migrations/postgresql/}, under the same names. A database at version n has had the first n applied.
 */
final class SchemaMigrations {

    static final List<String> NAMES = List.of("V1__control_plane.sql", "V2__packages.sql",
            "V3__package_groups.sql", "V4__events.sql",
            "V5__package_name_index.sql", "V6__package_protocols.sql", "V7__dangling_upstreams.sql", "V8__iam.sql",
            "V9__change_clock.sql");
    static final String SQLITE = "migrations/";
    static final String POSTGRESQL = "migrations/postgresql/";

    private SchemaMigrations() {
    }

    /** The latest version this Arca knows. */
    static int latest() {
        return NAMES.size();
    }

    /** The script of {@code version} (1-based) from {@code folder}. */
    static String script(String folder, int version) {
        String name = folder + NAMES.get(version - 1);
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema newer than this Arca: one sentence for the person who started it. */
    static String tooNew(int version) {
        return "the metadata database has schema version " + version + ", newer than this Arca understands ("
                + latest() + ")";
    }
}
