package dev.arca.server.store.sql;

import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.MetadataStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The metadata store contract on SQLite, in a database file migrated as the server migrates it. */
class SqliteMetadataStoreTest extends MetadataStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MetadataStore openEmptyStore() {
        return SqliteMetadataStore.open(dir.resolve("metadata.db"));
    }
}
