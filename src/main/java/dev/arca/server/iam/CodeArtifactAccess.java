package dev.arca.server.iam;

import dev.arca.core.Arns;
import dev.arca.core.policy.AttachedPolicy;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.service.Caller;
import dev.arca.server.store.MetadataStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Asks {@link AccessControl} about CodeArtifact resources, with the resource policies that apply to each
 * (policies.md §3.3): a domain's policy for the domain and everything in it, a repository's policy for the
 * repository and its packages, nothing else for package groups. The resource's owner is the account in its ARN.
 */
public final class CodeArtifactAccess {

    /** The resource of actions that name none (CreateDomain, ListDomains, ListRepositories). */
    public static final String ANY_RESOURCE = "*";

    private final AccessControl access;
    private final ResourcePolicies policies;
    private final MetadataStore store;
    private final String region;

    public CodeArtifactAccess(AccessControl access, ResourcePolicies policies, MetadataStore store, String region) {
        this.access = Objects.requireNonNull(access, "access");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.store = Objects.requireNonNull(store, "store");
        this.region = Objects.requireNonNull(region, "region");
    }

    public String region() {
        return region;
    }

    /**
     * Requires {@code action} (e.g. {@code codeartifact:DescribeDomain}) on {@code resourceArn}: a domain, repository,
     * package or package-group ARN, or {@link #ANY_RESOURCE} for the caller's own account.
     *
     * @throws dev.arca.server.error.ApiException 403 AccessDeniedException in AWS's words
     */
    public void require(Caller caller, String action, String resourceArn, Map<String, List<String>> requestKeys) {
        access.require(check(caller, action, resourceArn, requestKeys, false));
    }

    /**
     * As {@link #require}, leaving out the policy of the resource itself: Put*PermissionsPolicy is decided without the
     * policy it replaces, so no policy can lock its owner out or grant the right to rewrite itself (§3.3).
     */
    public void requireIgnoringOwnPolicy(Caller caller, String action, String resourceArn) {
        access.require(check(caller, action, resourceArn, Map.of(), true));
    }

    /** The check {@link #require} makes. */
    public AccessCheck check(Caller caller, String action, String resourceArn, Map<String, List<String>> requestKeys,
                             boolean ignoreOwnPolicy) {
        if (ANY_RESOURCE.equals(resourceArn)) {
            return new AccessCheck(caller, action, ANY_RESOURCE, caller.accountId(), List.of(), requestKeys, Map::of);
        }
        Arns.ResourceArn arn = Arns.parse(resourceArn).orElseThrow(() ->
                new IllegalArgumentException("not a CodeArtifact ARN: " + resourceArn));
        List<AttachedPolicy> applying = new ArrayList<>();
        String domainArn = Arns.domain(arn.region(), arn.owner(), arn.domain());
        if (!(ignoreOwnPolicy && domainArn.equals(resourceArn))) {
            policies.of(domainArn).ifPresent(applying::add);
        }
        arn.repository().ifPresent(repository -> {
            String repositoryArn = Arns.repository(arn.region(), arn.owner(), arn.domain(), repository);
            if (!(ignoreOwnPolicy && repositoryArn.equals(resourceArn))) {
                policies.of(repositoryArn).ifPresent(applying::add);
            }
        });
        Supplier<Map<String, List<String>>> tags = "package".equals(arn.type()) ? Map::of : () -> tagKeys(resourceArn);
        return new AccessCheck(caller, action, resourceArn, arn.owner(), applying, requestKeys, tags);
    }

    /** {@code aws:ResourceTag/KEY} for each of the resource's tags, read now. */
    private Map<String, List<String>> tagKeys(String resourceArn) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (TagRow tag : store.read(tx -> tx.tags().of(resourceArn))) {
            keys.put("aws:ResourceTag/" + tag.key(), List.of(tag.value()));
        }
        return keys;
    }

    /** {@code aws:RequestTag/KEY} and {@code aws:TagKeys} for tags a request sets. */
    public static Map<String, List<String>> requestTags(List<TagRow> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (tags.isEmpty()) {
            return keys;
        }
        tags.forEach(tag -> keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value())));
        keys.put("aws:TagKeys", tags.stream().map(TagRow::key).toList());
        return keys;
    }
}
