package dev.arca.server.model;

import dev.arca.core.VersionStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's data as plain values: what the store keeps, the services decide on and the API describes — domains,
 * repositories, packages, versions, assets and blobs, policies, tags, keys, groups and events.
 */
public final class Records {

    private Records() {
    }

    public record DomainRow(long id, String owner, String name, String encryptionKeyArn, Instant createdTime) {
        public DomainRow {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(name);
            Objects.requireNonNull(encryptionKeyArn);
            Objects.requireNonNull(createdTime);
        }
    }

    public record RepositoryRow(long id, long domainId, String domainOwner, String domainName, String name,
                                String administrator, Optional<String> description, Instant createdTime) {
        public RepositoryRow {
            Objects.requireNonNull(domainOwner);
            Objects.requireNonNull(domainName);
            Objects.requireNonNull(name);
            Objects.requireNonNull(administrator);
            Objects.requireNonNull(description);
            Objects.requireNonNull(createdTime);
        }
    }

    public record PolicyRow(String resourceArn, String document, String revision) {
    }

    public record TagRow(String key, String value) {
    }

    public record KeyRow(String keyId, String arn, String account, String description, boolean awsManaged,
                         Instant createdTime, byte[] material) {
    }

    public record AliasRow(String name, String account, String targetKeyId, Instant createdTime) {
    }

    /** A package in a repository; {@code namespace} is empty for formats without one. */
    public record PackageRow(long id, long repositoryId, String format, String namespace, String name, String publish,
                             String upstream) {
    }

    /**
     * What a version says about itself, taken from its manifest at publish time.
     *
     * @param manifest the manifest as the package format keeps it (npm: the version's package.json), if any
     */
    public record VersionMetadata(Optional<String> displayName, Optional<String> summary, Optional<String> homePage,
                                  Optional<String> sourceCodeRepository, Optional<String> licensesJson,
                                  Optional<String> readme, Optional<String> manifest) {
        public static final VersionMetadata NONE = new VersionMetadata(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public VersionMetadata withManifest(String newManifest) {
            return new VersionMetadata(displayName, summary, homePage, sourceCodeRepository, licensesJson, readme,
                    Optional.of(newManifest));
        }
    }

    /** A package version; {@code originRepository} and {@code originExternal} name where it entered the domain. */
    public record VersionRow(long id, long packageId, String version, VersionStatus status, String revision,
                             Instant publishedTime, String originType, Optional<String> originRepository,
                             Optional<String> originExternal, VersionMetadata metadata) {
        public VersionRow withStatus(VersionStatus newStatus, String newRevision) {
            return new VersionRow(id, packageId, version, newStatus, newRevision, publishedTime, originType,
                    originRepository, originExternal, metadata);
        }
    }

    /** Stored bytes, once per domain, with the hashes clients check. */
    public record BlobRow(long domainId, String sha256, long size, String md5, String sha1, String sha512) {
    }

    public record AssetRow(String name, BlobRow blob) {
    }

    public record DependencyRow(Optional<String> namespace, String packageName, Optional<String> dependencyType,
                                Optional<String> versionRequirement) {
    }

    /** A package group of a domain; the pattern is its identity. */
    public record GroupRow(long id, long domainId, String pattern, Optional<String> description,
                           Optional<String> contactInfo, Instant createdTime) {
    }

    /** A package's identity within a domain, whatever repositories hold it. */
    public record PackageKey(String format, String namespace, String name) {
    }

    /** A stored package event: its sequence number and its EventBridge-shaped JSON body. */
    public record EventRow(long seq, Instant time, String domain, String repository, String body) {
    }

    /** One API call as the audit log keeps it. */
    public record AuditRow(long seq, Instant time, String requestId, Optional<String> principal, String operation,
                           Optional<String> resource, int status, Optional<String> errorType, long durationMillis) {
    }
}
