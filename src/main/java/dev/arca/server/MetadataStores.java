package dev.arca.server;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StoreException;
import dev.arca.server.store.sql.PostgresMetadataStore;
import dev.arca.server.store.sql.SqlIamStore;
import dev.arca.server.store.sql.SqliteMetadataStore;
import java.nio.file.Path;

/** The metadata store the configuration names (SQLite in the data directory, or a PostgreSQL database) and IAM's. */
record MetadataStores(MetadataStore metadata, IamStore iam) {

    static MetadataStores open(ServerConfig config, Path dataDir) throws ServerStartException {
        try {
            if (config.metadataDatabase().isPresent()) {
                MetadataDatabase database = config.metadataDatabase().get();
                PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), database.user(),
                        database.password());
                return new MetadataStores(store, SqlIamStore.on(store));
            }
            SqliteMetadataStore store = SqliteMetadataStore.open(dataDir.resolve(LocalServer.METADATA_FILE));
            return new MetadataStores(store, SqlIamStore.on(store));
        } catch (StoreException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
    }
}
