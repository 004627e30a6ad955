package dev.arca.server.store;

import dev.arca.server.model.Records.RepositoryRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Repositories of a domain with their upstream lists and external connections. */
public interface RepositoryRecords {

    int count(long domainId);

    Optional<RepositoryRow> find(long domainId, String name);

    Optional<RepositoryRow> findById(long repositoryId);

    /** A domain's repositories by name, {@code prefix} matching the start of the name. */
    List<RepositoryRow> listInDomain(long domainId, Optional<String> prefix, Optional<String> administrator,
                                     Optional<String> afterName, int limit);

    /** Repositories an account administers in any domain, ordered by (name, domain owner, domain name). */
    List<RepositoryRow> listAdministeredBy(String account, Optional<String> prefix, Optional<String> afterKey,
                                           int limit);

    RepositoryRow insert(long domainId, String name, String administrator, Optional<String> description,
                         Instant createdTime);

    void updateDescription(long repositoryId, Optional<String> description);

    /** Deletes a repository; downstream repositories keep its name in their upstream lists. */
    void delete(long repositoryId);

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
}
