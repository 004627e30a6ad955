package dev.arca.server.store;

import dev.arca.server.store.StoreRecords.AliasRow;
import dev.arca.server.store.StoreRecords.DomainRow;
import dev.arca.server.store.StoreRecords.KeyRow;
import dev.arca.server.store.StoreRecords.PolicyRow;
import dev.arca.server.store.StoreRecords.RepositoryRow;
import dev.arca.server.store.StoreRecords.TagRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local server's metadata, behind an interface so another backend (PostgreSQL) can replace SQLite
 * without touching the services. All access happens inside a transaction: a failure anywhere in
 * {@link #write} leaves nothing behind.
 */
public interface MetadataStore extends AutoCloseable {

    /** Runs {@code work} in a read-only transaction. */
    <T> T read(Work<T> work);

    /** Runs {@code work} in a serialized read-write transaction, committed only if it returns normally. */
    <T> T write(Work<T> work);

    @Override
    void close();

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Transaction tx);
    }

    /** What a transaction can read and change. Lists are ordered and paged by the key after {@code after}. */
    interface Transaction {

        // Domains
        Optional<DomainRow> findDomain(String owner, String name);

        List<DomainRow> listDomains(String owner, Optional<String> afterName, int limit);

        int countDomains(String owner);

        DomainRow insertDomain(String owner, String name, String encryptionKeyArn, Instant createdTime);

        void deleteDomain(long domainId);

        // Repositories
        int countRepositories(long domainId);

        Optional<RepositoryRow> findRepository(long domainId, String name);

        Optional<RepositoryRow> findRepositoryById(long repositoryId);

        List<RepositoryRow> listRepositoriesInDomain(long domainId, Optional<String> prefix,
                                                     Optional<String> administrator, Optional<String> afterName, int limit);

        /** Repositories an account administers in any domain, ordered by (name, domain owner, domain name). */
        List<RepositoryRow> listRepositoriesAdministeredBy(String account, Optional<String> prefix,
                                                           Optional<String> afterKey, int limit);

        RepositoryRow insertRepository(long domainId, String name, String administrator,
                                       Optional<String> description, Instant createdTime);

        void updateRepositoryDescription(long repositoryId, Optional<String> description);

        void deleteRepository(long repositoryId);

        /** Upstream repository ids of a repository, in priority order. */
        List<Long> upstreams(long repositoryId);

        void replaceUpstreams(long repositoryId, List<Long> upstreamIds);

        /** Every repository's direct upstreams in a domain: the graph that cycle checks walk. */
        Map<Long, List<Long>> upstreamGraph(long domainId);

        Optional<String> externalConnection(long repositoryId);

        void setExternalConnection(long repositoryId, Optional<String> connectionName);

        // Resource policies
        Optional<PolicyRow> findPolicy(String resourceArn);

        void putPolicy(PolicyRow policy);

        void deletePolicy(String resourceArn);

        // Tags
        List<TagRow> tags(String resourceArn);

        void putTags(String resourceArn, List<TagRow> tags);

        void removeTags(String resourceArn, List<String> keys);

        void deleteAllTags(String resourceArn);

        // Keys
        void insertKey(KeyRow key);

        Optional<KeyRow> findKey(String keyId);

        List<KeyRow> listKeys(String account, Optional<String> afterKeyId, int limit);

        void insertAlias(AliasRow alias);

        Optional<AliasRow> findAlias(String account, String aliasName);

        List<AliasRow> listAliases(String account, Optional<String> targetKeyId, Optional<String> afterName, int limit);

        // Server settings (secrets, identifiers)
        Optional<byte[]> setting(String name);

        void putSetting(String name, byte[] value);
    }
}
