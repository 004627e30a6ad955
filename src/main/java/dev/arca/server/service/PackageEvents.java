package dev.arca.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.Arns;
import dev.arca.core.VersionStatus;
import dev.arca.server.model.Records.EventRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.store.MetadataStore;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Package version state changes as CodeArtifact's EventBridge events ("CodeArtifact Package Version State
 * Change"), written in the same transaction as the change they describe, so the log never shows a change that
 * did not happen nor misses one that did. The sequence number is the log's own and only grows.
 */
public final class PackageEvents {

    public static final String DETAIL_TYPE = "CodeArtifact Package Version State Change";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a change did to a version. */
    public record Changes(int assetsAdded, int assetsRemoved, boolean metadataUpdated, int assetsUpdated,
                          boolean statusChanged) {
    }

    private final MetadataStore store;
    private final String region;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable listener = () -> { };

    public PackageEvents(MetadataStore store, String region, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.region = Objects.requireNonNull(region);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Called after each transaction that recorded events has committed (the webhook sender listens). */
    public void onAppended(Runnable newListener) {
        this.listener = Objects.requireNonNull(newListener);
    }

    /**
     * Records one change inside the caller's transaction.
     *
     * @param operationType Created, Updated or Deleted
     * @param state         the version's status after the change (its last status when deleted)
     */
    public void record(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref, VersionRow version,
                       String operationType, VersionStatus state, Changes changes) {
        Instant now = clock.instant();
        ObjectNode detail = JSON.createObjectNode()
                .put("domainName", repository.domainName())
                .put("domainOwner", repository.domainOwner())
                .put("repositoryName", repository.name())
                .put("packageFormat", ref.format().wireName());
        if (ref.namespace().isEmpty()) {
            detail.putNull("packageNamespace");
        } else {
            detail.put("packageNamespace", ref.namespace());
        }
        detail.put("packageName", ref.name())
                .put("packageVersion", version.version())
                .put("packageVersionState", state.wireName())
                .put("packageVersionRevision", version.revision());
        detail.putObject("changes")
                .put("assetsAdded", changes.assetsAdded())
                .put("assetsRemoved", changes.assetsRemoved())
                .put("metadataUpdated", changes.metadataUpdated())
                .put("assetsUpdated", changes.assetsUpdated())
                .put("statusChanged", changes.statusChanged());
        byte[] dedup = new byte[24];
        random.nextBytes(dedup);
        detail.put("operationType", operationType)
                .put("eventDeduplicationId", Base64.getEncoder().encodeToString(dedup));
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", DETAIL_TYPE)
                .put("source", "aws.codeartifact")
                .put("account", repository.domainOwner())
                .put("time", now.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        event.putArray("resources").add(packageArn(repository, ref));
        event.set("detail", detail);
        tx.events().append(now, repository.domainName(), repository.name(), event.toString());
        tx.afterCommit(() -> listener.run());
    }

    /** Stored events after {@code afterSeq}, each with its sequence number filled in. */
    public List<JsonNode> read(long afterSeq, Optional<String> domain, Optional<String> repository, int limit) {
        return store.read(tx -> tx.events().after(afterSeq, domain, repository, limit)).stream()
                .map(PackageEvents::withSequence).toList();
    }

    /** An event's JSON with {@code detail.sequenceNumber} set from the log. */
    public static JsonNode withSequence(EventRow row) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(row.body());
            ((ObjectNode) event.get("detail")).put("sequenceNumber", row.seq());
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String packageArn(RepositoryRow repository, PackageRef ref) {
        return Arns.pkg(region, repository.domainOwner(), repository.domainName(), repository.name(), ref.format(),
                ref.namespace(), ref.name());
    }
}
