package dev.arca.server.service;

import dev.arca.core.Arns;
import dev.arca.core.ResourceNames;
import dev.arca.core.ServiceLimits;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.store.MetadataStore;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Tags on domains and repositories: at most 50 per resource, keys case-sensitive, {@code aws:} reserved. */
public final class TagService {

    private final MetadataStore store;
    private final ServiceLimits limits;
    private final String region;

    public TagService(MetadataStore store, ServiceLimits limits, String region) {
        this.store = Objects.requireNonNull(store);
        this.limits = Objects.requireNonNull(limits);
        this.region = Objects.requireNonNull(region);
    }

    public void tag(String resourceArn, List<TagRow> tags) {
        validate(tags);
        store.write(tx -> {
            requireResource(tx, resourceArn);
            put(tx, resourceArn, tags);
            return null;
        });
    }

    public void untag(String resourceArn, List<String> keys) {
        store.write(tx -> {
            requireResource(tx, resourceArn);
            tx.tags().remove(resourceArn, keys);
            return null;
        });
    }

    public List<TagRow> list(String resourceArn) {
        return store.read(tx -> {
            requireResource(tx, resourceArn);
            return tx.tags().of(resourceArn);
        });
    }

    /** Checks keys and values before anything is written. */
    public void validate(List<TagRow> tags) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            TagRow tag = tags.get(i);
            ResourceNames.TAG_KEY.violation("tags." + (i + 1) + ".member.key", tag.key()).ifPresent(v -> {
                throw ApiException.validation("1 validation error detected: " + v);
            });
            ResourceNames.TAG_VALUE.violation("tags." + (i + 1) + ".member.value", tag.value()).ifPresent(v -> {
                throw ApiException.validation("1 validation error detected: " + v);
            });
            if (ResourceNames.isReservedTagKey(tag.key())) {
                throw ApiException.validation("Tag keys starting with 'aws:' are reserved for AWS use");
            }
            if (!seen.add(tag.key())) {
                throw ApiException.validation("Duplicate tag key: " + tag.key());
            }
        }
    }

    /** Adds or overwrites tags inside a transaction, enforcing the per-resource quota on the result. */
    void put(MetadataStore.Transaction tx, String resourceArn, List<TagRow> tags) {
        Map<String, String> merged = new LinkedHashMap<>();
        tx.tags().of(resourceArn).forEach(t -> merged.put(t.key(), t.value()));
        tags.forEach(t -> merged.put(t.key(), t.value()));
        if (merged.size() > limits.tagsPerResource()) {
            throw ApiException.quotaExceeded(Arns.parse(resourceArn).map(Arns.ResourceArn::type).orElse("domain"),
                    resourceArn, "A resource can have at most " + limits.tagsPerResource() + " tags; this request"
                            + " would leave " + merged.size());
        }
        tx.tags().put(resourceArn, tags);
    }

    private void requireResource(MetadataStore.Transaction tx, String resourceArn) {
        Arns.ResourceArn arn = Arns.parse(resourceArn).filter(a -> !a.type().equals("package"))
                .orElseThrow(() -> ApiException.validation(
                "Resource ARN " + resourceArn + " is not a CodeArtifact domain, repository or package group ARN"));
        var domain = tx.domains().find(arn.owner(), arn.domain());
        boolean exists = arn.region().equals(region) && domain.isPresent()
                && (arn.repository().isEmpty()
                || tx.repositories().find(domain.get().id(), arn.repository().get()).isPresent())
                && (arn.packageGroup().isEmpty()
                || tx.groups().find(domain.get().id(), arn.packageGroup().get()).isPresent());
        if (!exists) {
            throw ApiException.notFound(arn.type(), resourceArn, "Resource " + resourceArn + " does not exist");
        }
    }
}
