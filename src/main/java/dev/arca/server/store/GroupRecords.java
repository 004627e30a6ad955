package dev.arca.server.store;

import dev.arca.server.model.Records.GroupRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Package groups of a domain with their origin restrictions and allowed repositories. */
public interface GroupRecords {

    /** A domain's groups by pattern. */
    List<GroupRow> list(long domainId);

    Optional<GroupRow> find(long domainId, String pattern);

    GroupRow insert(long domainId, String pattern, Optional<String> description, Optional<String> contactInfo,
                    Instant createdTime);

    void update(long groupId, Optional<String> description, Optional<String> contactInfo);

    void delete(long groupId);

    /** Restriction type to mode, for the types set on the group (the rest are INHERIT, or ALLOW at the root). */
    Map<String, String> restrictions(long groupId);

    void setRestriction(long groupId, String type, String mode);

    List<String> allowedRepositories(long groupId, String type);

    /** Adds a repository to a restriction's allow list; adding one already there changes nothing. */
    void addAllowedRepository(long groupId, String type, String repositoryName);

    void removeAllowedRepository(long groupId, String type, String repositoryName);
}
