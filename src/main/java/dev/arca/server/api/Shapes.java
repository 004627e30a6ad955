package dev.arca.server.api;

import dev.arca.core.ExternalConnections;
import dev.arca.server.model.Records.PolicyRow;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.service.DomainService.DomainView;
import dev.arca.server.service.RepositoryService.RepositoryView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service model's output structures, built from service results (spec/api.md §3). */
final class Shapes {

    private Shapes() {
    }

    /** Epoch seconds with a fraction, written as a plain JSON number the way the service does. */
    static BigDecimal timestamp(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static Map<String, Object> domainSummary(DomainView domain) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", domain.row().name());
        out.put("owner", domain.row().owner());
        out.put("arn", domain.arn());
        out.put("status", "Active");
        out.put("createdTime", timestamp(domain.row().createdTime()));
        out.put("encryptionKey", domain.row().encryptionKeyArn());
        return out;
    }

    static Map<String, Object> domainDescription(DomainView domain, String s3BucketArn) {
        Map<String, Object> out = domainSummary(domain);
        out.put("repositoryCount", domain.repositoryCount());
        out.put("assetSizeBytes", domain.assetSizeBytes());
        out.put("s3BucketArn", s3BucketArn);
        return out;
    }

    static Map<String, Object> repositorySummary(RepositoryView repository) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", repository.row().name());
        out.put("administratorAccount", repository.row().administrator());
        out.put("domainName", repository.row().domainName());
        out.put("domainOwner", repository.row().domainOwner());
        out.put("arn", repository.arn());
        repository.row().description().ifPresent(d -> out.put("description", d));
        out.put("createdTime", timestamp(repository.row().createdTime()));
        return out;
    }

    static Map<String, Object> repositoryDescription(RepositoryView repository) {
        Map<String, Object> out = repositorySummary(repository);
        out.put("upstreams", repository.upstreams().stream().map(name -> Map.of("repositoryName", name)).toList());
        out.put("externalConnections", repository.externalConnection().stream().map(name -> {
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("externalConnectionName", name);
            connection.put("packageFormat", ExternalConnections.formatOf(name).orElseThrow().wireName());
            connection.put("status", "Available");
            return connection;
        }).toList());
        return out;
    }

    static Map<String, Object> policy(PolicyRow policy) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resourceArn", policy.resourceArn());
        out.put("revision", policy.revision());
        out.put("document", policy.document());
        return out;
    }

    static List<Map<String, Object>> tags(List<TagRow> tags) {
        return tags.stream().map(t -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("key", t.key());
            out.put("value", t.value());
            return out;
        }).toList();
    }
}
