package dev.arca.server.store;

import dev.arca.server.store.StoreRecords.AliasRow;
import dev.arca.server.store.StoreRecords.AssetRow;
import dev.arca.server.store.StoreRecords.BlobRow;
import dev.arca.server.store.StoreRecords.DependencyRow;
import dev.arca.server.store.StoreRecords.PackageRow;
import dev.arca.server.store.StoreRecords.VersionMetadata;
import dev.arca.server.store.StoreRecords.VersionRow;
import dev.arca.server.store.StoreRecords.DomainRow;
import dev.arca.server.store.StoreRecords.EventRow;
import dev.arca.server.store.StoreRecords.GroupRow;
import dev.arca.server.store.StoreRecords.PackageKey;
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

    @Override
    void close();

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Transaction tx);
    }

    /** What a transaction can read and change. Lists are ordered and paged by the key after {@code after}. */
    interface Transaction {

        /**
         * Runs {@code action} once this transaction has committed, before any other write transaction starts;
         * dropped if it rolls back. For file changes that must follow the metadata exactly (blob removal).
         */
        void afterCommit(Runnable action);

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

        /**
         * The names in a repository's upstream list, in priority order, including repositories deleted since (which
         * {@link #upstreams} leaves out): what DescribeRepository shows.
         */
        List<String> upstreamNames(long repositoryId);

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

        // Packages
        Optional<PackageRow> findPackage(long repositoryId, String format, String namespace, String name);

        PackageRow insertPackage(long repositoryId, String format, String namespace, String name, String publish,
                                 String upstream);

        void updatePackageOrigin(long packageId, String publish, String upstream);

        void deletePackage(long packageId);

        /**
         * Packages ordered by (format, namespace, name), {@code namespace} and {@code namePrefix} matching as
         * prefixes (as ListPackages does); {@code afterKey} is the last such key joined by NUL.
         */
        List<PackageRow> listPackages(long repositoryId, Optional<String> format, Optional<String> namespace,
                                      Optional<String> namePrefix, Optional<String> publish, Optional<String> upstream,
                                      Optional<String> afterKey, int limit);

        // Versions
        Optional<VersionRow> findVersion(long packageId, String version);

        /**
         * Versions of a package, by version string, or by published time newest first when
         * {@code newestFirst}; {@code afterKey} continues after the last key (version, or time NUL version).
         */
        List<VersionRow> listVersions(long packageId, Optional<String> status, Optional<String> originType,
                                      boolean newestFirst, Optional<String> afterKey, int limit);

        /** The most recently published version in one of {@code statuses}. */
        Optional<VersionRow> latestVersion(long packageId, List<String> statuses);

        VersionRow insertVersion(long packageId, String version, String status, String revision, Instant publishedTime,
                                 String originType, Optional<String> originRepository, Optional<String> originExternal,
                                 VersionMetadata metadata);

        void updateVersionState(long versionId, String status, String revision);

        /** Replaces what a version says about itself (npm deprecation, for one), under a new revision. */
        void updateVersionMetadata(long versionId, VersionMetadata metadata, String revision);

        void deleteVersion(long versionId);

        int countVersions(long packageId);

        // Assets and blobs
        List<AssetRow> assets(long versionId, Optional<String> afterName, int limit);

        Optional<AssetRow> asset(long versionId, String name);

        int countAssets(long versionId);

        void insertAsset(long versionId, String name, BlobRow blob);

        void deleteAssets(long versionId);

        /** The blob behind each version's asset called {@code assetName}, by version, for versions that have one. */
        Map<String, BlobRow> assetBlobs(long packageId, String assetName);

        Optional<BlobRow> findBlob(long domainId, String sha256);

        void insertBlob(BlobRow blob, Instant createdTime);

        /** Blobs no asset points at any more, oldest first. */
        List<BlobRow> unreferencedBlobs(int limit);

        void deleteBlob(long domainId, String sha256);

        /** Bytes stored for a domain: every blob once, however many assets point at it. */
        long domainAssetBytes(long domainId);

        // Package tags (npm dist-tags): a name pointing at a version
        Map<String, String> packageTags(long packageId);

        void putPackageTag(long packageId, String tag, String version);

        void deletePackageTag(long packageId, String tag);

        /** Removes the tags that point at {@code version}, when it goes. */
        void deletePackageTagsOf(long packageId, String version);

        // Dependencies
        List<DependencyRow> dependencies(long versionId);

        void insertDependencies(long versionId, List<DependencyRow> dependencies);

        // Package groups
        List<GroupRow> packageGroups(long domainId);

        Optional<GroupRow> findPackageGroup(long domainId, String pattern);

        GroupRow insertPackageGroup(long domainId, String pattern, Optional<String> description,
                                    Optional<String> contactInfo, Instant createdTime);

        void updatePackageGroup(long groupId, Optional<String> description, Optional<String> contactInfo);

        void deletePackageGroup(long groupId);

        /** Restriction type to mode, for the types set on the group (the rest are INHERIT, or ALLOW at the root). */
        Map<String, String> groupRestrictions(long groupId);

        void setGroupRestriction(long groupId, String type, String mode);

        List<String> allowedRepositories(long groupId, String type);

        void addAllowedRepository(long groupId, String type, String repositoryName);

        void removeAllowedRepository(long groupId, String type, String repositoryName);

        /** Every distinct package in any repository of a domain, in (format, namespace, name) order. */
        List<PackageKey> packagesInDomain(long domainId);

        // Events
        /** Appends an event; returns its sequence number, which grows with every event. */
        long appendEvent(Instant time, String domain, String repository, String body);

        List<EventRow> events(long afterSeq, Optional<String> domain, Optional<String> repository, int limit);

        // Server settings (secrets, identifiers)
        Optional<byte[]> setting(String name);

        void putSetting(String name, byte[] value);
    }
}
