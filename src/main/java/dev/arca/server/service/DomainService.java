package dev.arca.server.service;

import dev.arca.core.Arns;
import dev.arca.core.ServiceLimits;
import dev.arca.server.error.ApiException;
import dev.arca.server.kms.LocalKms;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.KeyRow;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.store.MetadataStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Domains: create, describe, list, delete, with CodeArtifact's rules and quotas. */
public final class DomainService {

    /** A domain with the figures DescribeDomain reports. */
    public record DomainView(DomainRow row, String arn, int repositoryCount, long assetSizeBytes) {
    }

    private final MetadataStore store;
    private final LocalKms kms;
    private final TagService tags;
    private final ServiceLimits limits;
    private final String region;
    private final Clock clock;

    public DomainService(MetadataStore store, LocalKms kms, TagService tags, ServiceLimits limits, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.kms = Objects.requireNonNull(kms);
        this.tags = Objects.requireNonNull(tags);
        this.limits = Objects.requireNonNull(limits);
        this.region = kms.region();
        this.clock = Objects.requireNonNull(clock);
    }

    public DomainView create(Caller caller, String name, Optional<String> encryptionKey, List<TagRow> initialTags) {
        tags.validate(initialTags);
        return store.write(tx -> {
            String owner = caller.accountId();
            if (tx.domains().find(owner, name).isPresent()) {
                throw ApiException.conflict("domain", name, "Domain " + name + " already exists in account " + owner);
            }
            if (tx.domains().count(owner) >= limits.domainsPerAccount()) {
                throw ApiException.quotaExceeded("domain", name, "Account " + owner + " already has "
                        + limits.domainsPerAccount() + " domains, the most allowed");
            }
            KeyRow key = encryptionKey.isPresent()
                    ? kms.resolve(tx, owner, encryptionKey.get()).orElseThrow(() -> ApiException.validation(
                            "ENCRYPTION_KEY_ERROR", "Encryption key " + encryptionKey.get() + " was not found"))
                    : kms.codeartifactManagedKey(tx, owner);
            DomainRow row = tx.domains().insert(owner, name, key.arn(), clock.instant());
            tx.groups().insert(row.id(), PackageGroupService.ROOT, Optional.empty(), Optional.empty(),
                    row.createdTime());
            String arn = arn(row);
            if (!initialTags.isEmpty()) {
                tags.put(tx, arn, initialTags);
            }
            return new DomainView(row, arn, 0, 0);
        });
    }

    /** The domain a request names, in its own read transaction. */
    public DomainRow find(Caller caller, Optional<String> owner, String name) {
        return store.read(tx -> find(tx, caller, owner, name));
    }

    public DomainView describe(Caller caller, Optional<String> owner, String name) {
        return store.read(tx -> view(tx, find(tx, caller, owner, name)));
    }

    public PageToken.Page<DomainView> list(Caller caller, Optional<Integer> maxResults, Optional<String> nextToken) {
        int limit = maxResults.orElse(limits.defaultPageSize());
        Optional<String> after = PageToken.decode("domains", nextToken);
        return store.read(tx -> {
            List<DomainRow> rows = tx.domains().list(caller.accountId(), after, limit + 1);
            PageToken.Page<DomainRow> page = PageToken.page("domains", rows, limit, DomainRow::name);
            return new PageToken.Page<>(page.items().stream().map(r -> view(tx, r)).toList(), page.nextToken());
        });
    }

    /** Deletes an empty domain with its policy and tags; refused while repositories remain. */
    public DomainView delete(Caller caller, Optional<String> owner, String name) {
        return store.write(tx -> {
            DomainRow row = find(tx, caller, owner, name);
            int repositories = tx.repositories().count(row.id());
            if (repositories > 0) {
                throw ApiException.conflict("domain", name, "Domain " + name + " still contains " + repositories
                        + (repositories == 1 ? " repository" : " repositories") + "; delete them first");
            }
            DomainView deleted = view(tx, row);
            tx.policies().delete(deleted.arn());
            tx.tags().removeAll(deleted.arn());
            tx.domains().delete(row.id());
            return deleted;
        });
    }

    /**
     * The domain a request names (in the caller's account unless {@code owner} says otherwise); ResourceNotFound
     * when there is none. Whether the caller may act on it was decided before (AccessControl).
     */
    public DomainRow find(MetadataStore.Transaction tx, Caller caller, Optional<String> owner, String name) {
        String account = owner.orElse(caller.accountId());
        return tx.domains().find(account, name).orElseThrow(() -> ApiException.notFound("domain", name,
                "Domain " + name + " does not exist in account " + account));
    }

    public String arn(DomainRow row) {
        return Arns.domain(region, row.owner(), row.name());
    }

    public String s3BucketArn(DomainRow row) {
        return "arn:aws:s3:::assets-" + row.owner() + "-" + region;
    }

    private DomainView view(MetadataStore.Transaction tx, DomainRow row) {
        return new DomainView(row, arn(row), tx.repositories().count(row.id()), tx.assets().domainBytes(row.id()));
    }
}
