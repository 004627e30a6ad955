package dev.arca.server.store;

import dev.arca.server.model.Records.PolicyRow;
import java.util.Optional;

/** Resource policies of domains and repositories, by the resource's ARN. */
public interface PolicyRecords {

    Optional<PolicyRow> find(String resourceArn);

    /** Stores a policy, replacing the resource's previous one. */
    void put(PolicyRow policy);

    void delete(String resourceArn);
}
