package dev.arca.server.store;

/**
 * The local server's metadata, behind an interface so another backend (PostgreSQL) can replace SQLite
 * without touching the services. All access happens inside a transaction: a failure anywhere in
 * {@link #write} leaves nothing behind. Backends fail with {@link StoreException}.
 */
public interface MetadataStore extends AutoCloseable {

    /** Runs {@code work} in a read-only transaction. */
    <T> T read(Work<T> work);

    /** Runs {@code work} in a serialized read-write transaction, committed only if it returns normally. */
    <T> T write(Work<T> work);

    /**
     * A number that changes whenever a committed write may have changed what reading the package with this
     * coordinate finds, in any repository: its versions, assets, tags and origin controls, or the domains,
     * repositories, upstreams, external connections and package groups around it. Taken before a read, it dates what
     * the read saw: while it stays the same, so does anything rendered from that read.
     */
    long changeStamp(String format, String namespace, String name);

    /**
     * Like {@link #changeStamp} for everything but package contents (domains, repositories, upstreams, external
     * connections, package groups, policies, settings).
     */
    long structureStamp();

    /**
     * Brings the change stamps up to date with what other processes using the same database committed: afterwards
     * they account for every write acknowledged before this call began. The server calls it as each request arrives;
     * a store no other process writes to has nothing to do.
     */
    default void catchUp() {
    }

    @Override
    void close();

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Transaction tx);
    }

    /**
     * What a transaction can read and change, one aggregate at a time; everything reached through one transaction
     * commits or rolls back together. Lists are ordered and paged by the key after {@code after}.
     */
    interface Transaction {

        /**
         * Runs {@code action} once this transaction has committed, before any other write transaction starts;
         * dropped if it rolls back. For file changes that must follow the metadata exactly (blob removal).
         */
        void afterCommit(Runnable action);

        DomainRecords domains();

        RepositoryRecords repositories();

        PolicyRecords policies();

        TagRecords tags();

        KeyRecords keys();

        PackageRecords packages();

        VersionRecords versions();

        AssetRecords assets();

        GroupRecords groups();

        EventRecords events();

        SettingRecords settings();
    }
}
