package dev.arca.server.store.sql;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.IamStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The IAM store contract on SQLite, in a metadata database migrated as the server migrates it. */
class SqliteIamStoreTest extends IamStoreContract {

    @TempDir
    Path dir;

    private SqliteMetadataStore metadata;

    @Override
    protected IamStore store() {
        metadata = SqliteMetadataStore.open(dir.resolve("metadata.db"));
        return SqlIamStore.on(metadata);
    }

    @AfterEach
    void close() {
        metadata.close();
    }
}
