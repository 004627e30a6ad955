package dev.arca.server.store.sql;

import dev.arca.server.store.AssetRecords;
import dev.arca.server.store.DomainRecords;
import dev.arca.server.store.EventRecords;
import dev.arca.server.store.GroupRecords;
import dev.arca.server.store.KeyRecords;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.PackageRecords;
import dev.arca.server.store.PolicyRecords;
import dev.arca.server.store.RepositoryRecords;
import dev.arca.server.store.SettingRecords;
import dev.arca.server.store.TagRecords;
import dev.arca.server.store.VersionRecords;

/** A transaction of a SQL store: every aggregate's records on the one session, so they commit together. */
final class SqlTransaction implements MetadataStore.Transaction {

    final SqlSession session;
    /** False for a read transaction: a write cannot join it. */
    final boolean writable;
    private final DomainRecords domains;
    private final RepositoryRecords repositories;
    private final PolicyRecords policies;
    private final TagRecords tags;
    private final KeyRecords keys;
    private final PackageRecords packages;
    private final VersionRecords versions;
    private final AssetRecords assets;
    private final GroupRecords groups;
    private final EventRecords events;
    private final SettingRecords settings;

    SqlTransaction(SqlSession session, boolean writable) {
        this.session = session;
        this.writable = writable;
        domains = new SqlDomainRecords(session);
        repositories = new SqlRepositoryRecords(session);
        policies = new SqlPolicyRecords(session);
        tags = new SqlTagRecords(session);
        keys = new SqlKeyRecords(session);
        packages = new SqlPackageRecords(session);
        versions = new SqlVersionRecords(session);
        assets = new SqlAssetRecords(session);
        groups = new SqlGroupRecords(session);
        events = new SqlEventRecords(session);
        settings = new SqlSettingRecords(session);
    }

    @Override
    public void afterCommit(Runnable action) {
        session.afterCommit.add(action);
    }

    @Override
    public DomainRecords domains() {
        return domains;
    }

    @Override
    public RepositoryRecords repositories() {
        return repositories;
    }

    @Override
    public PolicyRecords policies() {
        return policies;
    }

    @Override
    public TagRecords tags() {
        return tags;
    }

    @Override
    public KeyRecords keys() {
        return keys;
    }

    @Override
    public PackageRecords packages() {
        return packages;
    }

    @Override
    public VersionRecords versions() {
        return versions;
    }

    @Override
    public AssetRecords assets() {
        return assets;
    }

    @Override
    public GroupRecords groups() {
        return groups;
    }

    @Override
    public EventRecords events() {
        return events;
    }

    @Override
    public SettingRecords settings() {
        return settings;
    }
}
