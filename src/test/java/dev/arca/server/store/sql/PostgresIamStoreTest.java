package dev.arca.server.store.sql;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.IamStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The IAM store contract on a real PostgreSQL 15, in a new database migrated as the server migrates it. */
class PostgresIamStoreTest extends IamStoreContract {

    private PostgresMetadataStore metadata;

    @Override
    protected IamStore store() {
        PostgresServer server = PostgresServer.shared();
        metadata = PostgresMetadataStore.open(server.url(server.createDatabase()), Optional.of(PostgresServer.USER),
                Optional.of(PostgresServer.PASSWORD));
        return SqlIamStore.on(metadata);
    }

    @AfterEach
    void close() {
        metadata.close();
    }
}
