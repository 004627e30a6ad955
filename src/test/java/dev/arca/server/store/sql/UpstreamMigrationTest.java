package dev.arca.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written before deleted upstreams were kept by name keeps its upstream lists when migrated. */
class UpstreamMigrationTest {

    @TempDir
    Path temp;

    @Test
    void upstreamListsWrittenBeforeTheMigrationKeepTheirOrderAndGainNames() throws Exception {
        Path file = temp.resolve("metadata.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            for (int i = 0; i < 6; i++) {
                for (String statement : SchemaMigrations.script(SchemaMigrations.SQLITE, i + 1).split(";\\s*(\\r?\\n|$)")) {
                    String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + "\n" + b).strip();
                    if (!sql.isEmpty()) {
                        s.execute(sql);
                    }
                }
            }
            s.execute("PRAGMA user_version=6");
            s.execute("INSERT INTO domain (id, owner, name, encryption_key_arn, created_time)"
                    + " VALUES (1, '111122223333', 'team', 'arn:aws:kms:us-east-1:111122223333:key/k', 0)");
            s.execute("INSERT INTO repository (id, domain_id, name, administrator, created_time) VALUES"
                    + " (1, 1, 'app', '111122223333', 0), (2, 1, 'shared', '111122223333', 0),"
                    + " (3, 1, 'store', '111122223333', 0)");
            s.execute("INSERT INTO upstream (repository_id, position, upstream_id) VALUES (1, 0, 3), (1, 1, 2)");
        }

        try (SqliteMetadataStore store = SqliteMetadataStore.open(file)) {
            List<String> names = store.read(tx -> tx.repositories().upstreamNames(1));
            List<Long> ids = store.read(tx -> tx.repositories().upstreams(1));
            assertThat(names).containsExactly("store", "shared");
            assertThat(ids).containsExactly(3L, 2L);
            store.write(tx -> {
                tx.repositories().delete(3);
                return null;
            });
            List<String> namesAfter = store.read(tx -> tx.repositories().upstreamNames(1));
            List<Long> idsAfter = store.read(tx -> tx.repositories().upstreams(1));
            Map<Long, List<Long>> graph = store.read(tx -> tx.repositories().upstreamGraph(1));
            assertThat(namesAfter).containsExactly("store", "shared");
            assertThat(idsAfter).containsExactly(2L);
            assertThat(graph).containsEntry(1L, List.of(2L));
        }
    }
}
