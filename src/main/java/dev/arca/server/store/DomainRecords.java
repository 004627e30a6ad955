package dev.arca.server.store;

import dev.arca.server.model.Records.DomainRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Domains, by owning account and name. */
public interface DomainRecords {

    Optional<DomainRow> find(String owner, String name);

    /** An account's domains by name, after {@code afterName}. */
    List<DomainRow> list(String owner, Optional<String> afterName, int limit);

    int count(String owner);

    DomainRow insert(String owner, String name, String encryptionKeyArn, Instant createdTime);

    void delete(long domainId);
}
