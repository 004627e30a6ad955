package dev.arca.server.service;

import dev.arca.core.ServiceLimits;
import dev.arca.server.kms.LocalKms;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.sql.SqliteMetadataStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The server's services wired as {@code LocalServer} wires them, on a real SQLite store and blob directory in a
 * temporary folder, without HTTP: for tests of what the services promise.
 */
final class ServerServices implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "111122223333";
    static final Caller ROOT = Caller.root(ACCOUNT);

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    final MetadataStore store;
    final BlobStore blobs;
    final AssetStorage assets;
    final DomainService domains;
    final RepositoryService repositories;
    final PackageGroupService groups;
    final Packages packages;
    final PolicyService policies;

    ServerServices(Path dir) {
        store = SqliteMetadataStore.open(dir.resolve("metadata.db"));
        try {
            blobs = new BlobStore(dir.resolve("blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalKms kms = new LocalKms(REGION, clock);
        TagService tags = new TagService(store, ServiceLimits.DEFAULT, REGION);
        domains = new DomainService(store, kms, tags, ServiceLimits.DEFAULT, clock);
        repositories = new RepositoryService(store, domains, tags, ServiceLimits.DEFAULT, REGION, clock);
        groups = new PackageGroupService(store, domains, tags, REGION, clock);
        assets = new AssetStorage(blobs, kms, AssetStorage.AssetLimits.DEFAULT, clock);
        packages = new Packages(store, assets, repositories, groups, new PackageEvents(store, REGION, clock),
                clock);
        policies = new PolicyService(store, domains, repositories);
    }

    @Override
    public void close() {
        store.close();
    }
}
