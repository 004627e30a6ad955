package dev.arca.server.service;

import dev.arca.core.Arns;
import dev.arca.core.ExternalConnections;
import dev.arca.core.PackageFormat;
import dev.arca.core.ServiceLimits;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.store.MetadataStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Repositories: lifecycle, upstream lists (priority order, same domain, at most ten, no cycles), the one
 * external connection, and repository endpoints.
 */
public final class RepositoryService {

    /** A repository with its upstreams in priority order and its external connection. */
    public record RepositoryView(RepositoryRow row, String arn, List<String> upstreams,
                                 Optional<String> externalConnection) {
    }

    private final MetadataStore store;
    private final DomainService domains;
    private final TagService tags;
    private final ServiceLimits limits;
    private final String region;
    private final Clock clock;

    public RepositoryService(MetadataStore store, DomainService domains, TagService tags, ServiceLimits limits,
                             String region, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.domains = Objects.requireNonNull(domains);
        this.tags = Objects.requireNonNull(tags);
        this.limits = Objects.requireNonNull(limits);
        this.region = Objects.requireNonNull(region);
        this.clock = Objects.requireNonNull(clock);
    }

    public RepositoryView create(Caller caller, Optional<String> owner, String domainName, String name,
                                 Optional<String> description, List<String> upstreams, List<TagRow> initialTags) {
        tags.validate(initialTags);
        return store.write(tx -> {
            DomainRow domain = domains.find(tx, caller, owner, domainName);
            if (tx.repositories().find(domain.id(), name).isPresent()) {
                throw ApiException.conflict("repository", name,
                        "Repository " + name + " already exists in domain " + domainName);
            }
            if (tx.repositories().count(domain.id()) >= limits.repositoriesPerDomain()) {
                throw ApiException.quotaExceeded("repository", name, "Domain " + domainName + " already has "
                        + limits.repositoriesPerDomain() + " repositories, the most allowed");
            }
            List<Long> upstreamIds = resolveUpstreams(tx, domain, name, upstreams);
            RepositoryRow row = tx.repositories().insert(domain.id(), name, caller.accountId(), description,
                    clock.instant());
            tx.repositories().replaceUpstreams(row.id(), upstreamIds);
            RepositoryView view = view(tx, row);
            if (!initialTags.isEmpty()) {
                tags.put(tx, view.arn(), initialTags);
            }
            return view;
        });
    }

    public RepositoryView describe(Caller caller, Optional<String> owner, String domainName, String name) {
        return store.read(tx -> view(tx, find(tx, caller, owner, domainName, name)));
    }

    /** Changes the description and, when given, replaces the whole upstream list ({@code []} clears it). */
    public RepositoryView update(Caller caller, Optional<String> owner, String domainName, String name,
                                 Optional<String> description, Optional<List<String>> upstreams) {
        return store.write(tx -> {
            RepositoryRow row = find(tx, caller, owner, domainName, name);
            if (description.isPresent()) {
                tx.repositories().updateDescription(row.id(), description.filter(d -> !d.isEmpty()));
            }
            if (upstreams.isPresent()) {
                Optional<String> connection = tx.repositories().externalConnection(row.id());
                if (!upstreams.get().isEmpty() && connection.isPresent()) {
                    throw ApiException.conflict("repository", name, "Repository " + name + " has the external"
                            + " connection " + connection.get() + "; a repository has upstreams or an external"
                            + " connection, not both");
                }
                DomainRow domain = tx.domains().find(row.domainOwner(), row.domainName()).orElseThrow();
                List<Long> ids = resolveUpstreams(tx, domain, name, upstreams.get());
                rejectCycles(tx, domain, row, ids);
                tx.repositories().replaceUpstreams(row.id(), ids);
            }
            return view(tx, tx.repositories().findById(row.id()).orElseThrow());
        });
    }

    /**
     * Deletes a repository with its policy and tags. Downstream repositories keep its name in their upstream lists,
     * as CodeArtifact does, until their lists are changed; searches pass over it.
     */
    public RepositoryView delete(Caller caller, Optional<String> owner, String domainName, String name) {
        return store.write(tx -> {
            RepositoryRow row = find(tx, caller, owner, domainName, name);
            RepositoryView deleted = view(tx, row);
            tx.policies().delete(deleted.arn());
            tx.tags().removeAll(deleted.arn());
            tx.repositories().delete(row.id());
            return deleted;
        });
    }

    public PageToken.Page<RepositoryView> listInDomain(Caller caller, Optional<String> owner, String domainName,
                                                       Optional<String> administrator, Optional<String> prefix,
                                                       Optional<Integer> maxResults, Optional<String> nextToken) {
        int limit = maxResults.orElse(limits.defaultPageSize());
        String list = "repositories-in-domain";
        Optional<String> after = PageToken.decode(list, nextToken);
        return store.read(tx -> {
            DomainRow domain = domains.find(tx, caller, owner, domainName);
            List<RepositoryRow> rows = tx.repositories().listInDomain(domain.id(), prefix, administrator, after,
                    limit + 1);
            PageToken.Page<RepositoryRow> page = PageToken.page(list, rows, limit, RepositoryRow::name);
            return new PageToken.Page<>(page.items().stream().map(r -> summary(r)).toList(), page.nextToken());
        });
    }

    /** Repositories the caller's account administers, in any domain. */
    public PageToken.Page<RepositoryView> listAdministered(Caller caller, Optional<String> prefix,
                                                           Optional<Integer> maxResults, Optional<String> nextToken) {
        int limit = maxResults.orElse(limits.defaultPageSize());
        String list = "repositories";
        Optional<String> after = PageToken.decode(list, nextToken);
        return store.read(tx -> {
            List<RepositoryRow> rows = tx.repositories().listAdministeredBy(caller.accountId(), prefix, after,
                    limit + 1);
            PageToken.Page<RepositoryRow> page = PageToken.page(list, rows, limit,
                    r -> r.name() + "\u0000" + r.domainOwner() + "\u0000" + r.domainName());
            return new PageToken.Page<>(page.items().stream().map(r -> summary(r)).toList(), page.nextToken());
        });
    }

    public RepositoryView associateExternalConnection(Caller caller, Optional<String> owner, String domainName,
                                                      String name, String connection) {
        if (ExternalConnections.formatOf(connection).isEmpty()) {
            throw ApiException.validation("External connection " + connection + " is not supported; use one of "
                    + ExternalConnections.supported().keySet().stream().sorted().toList());
        }
        return store.write(tx -> {
            RepositoryRow row = find(tx, caller, owner, domainName, name);
            Optional<String> existing = tx.repositories().externalConnection(row.id());
            if (existing.isPresent()) {
                throw ApiException.conflict("repository", name, "Repository " + name
                        + " already has the external connection " + existing.get()
                        + "; a repository can have only one");
            }
            if (!tx.repositories().upstreamNames(row.id()).isEmpty()) {
                throw ApiException.conflict("repository", name, "Repository " + name + " has upstream repositories;"
                        + " a repository has upstreams or an external connection, not both");
            }
            tx.repositories().setExternalConnection(row.id(), Optional.of(connection));
            return view(tx, row);
        });
    }

    public RepositoryView disassociateExternalConnection(Caller caller, Optional<String> owner, String domainName,
                                                         String name, String connection) {
        return store.write(tx -> {
            RepositoryRow row = find(tx, caller, owner, domainName, name);
            if (!tx.repositories().externalConnection(row.id()).equals(Optional.of(connection))) {
                throw ApiException.notFound("repository", name, "Repository " + name
                        + " has no external connection " + connection);
            }
            tx.repositories().setExternalConnection(row.id(), Optional.empty());
            return view(tx, row);
        });
    }

    /** The URL package clients use for {@code format}: {@code BASE/DOMAIN-OWNER/FORMAT/REPOSITORY/}. */
    public String endpoint(Caller caller, Optional<String> owner, String domainName, String name,
                           PackageFormat format, String baseUrl) {
        RepositoryRow row = store.read(tx -> find(tx, caller, owner, domainName, name));
        return baseUrl + "/" + row.domainName() + "-" + row.domainOwner() + "/" + format.wireName() + "/"
                + row.name() + "/";
    }

    public RepositoryRow find(MetadataStore.Transaction tx, Caller caller, Optional<String> owner, String domainName,
                              String name) {
        DomainRow domain = domains.find(tx, caller, owner, domainName);
        return tx.repositories().find(domain.id(), name).orElseThrow(() -> ApiException.notFound("repository", name,
                "Repository " + name + " does not exist in domain " + domainName));
    }

    public String arn(RepositoryRow row) {
        return Arns.repository(region, row.domainOwner(), row.domainName(), row.name());
    }

    private List<Long> resolveUpstreams(MetadataStore.Transaction tx, DomainRow domain, String repository,
                                        List<String> names) {
        if (names.size() > limits.directUpstreams()) {
            throw ApiException.quotaExceeded("repository", repository, "A repository can have at most "
                    + limits.directUpstreams() + " direct upstream repositories, not " + names.size());
        }
        Set<String> seen = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (String upstream : names) {
            if (upstream.equals(repository)) {
                throw ApiException.validation("Repository " + repository + " cannot be its own upstream");
            }
            if (!seen.add(upstream)) {
                throw ApiException.validation("Upstream repository " + upstream + " is listed more than once");
            }
            ids.add(tx.repositories().find(domain.id(), upstream).orElseThrow(() -> ApiException.notFound("repository",
                    upstream, "Upstream repository " + upstream + " does not exist in domain " + domain.name()))
                    .id());
        }
        return ids;
    }

    private static void rejectCycles(MetadataStore.Transaction tx, DomainRow domain, RepositoryRow repository,
                                     List<Long> newUpstreams) {
        Map<Long, List<Long>> graph = new HashMap<>(tx.repositories().upstreamGraph(domain.id()));
        graph.put(repository.id(), newUpstreams);
        Deque<Long> pending = new ArrayDeque<>(newUpstreams);
        Set<Long> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            long next = pending.pop();
            if (next == repository.id()) {
                throw ApiException.validation("Upstream list for " + repository.name()
                        + " would make a cycle: the repository would be its own upstream through other repositories");
            }
            if (visited.add(next)) {
                pending.addAll(graph.getOrDefault(next, List.of()));
            }
        }
    }

    private RepositoryView view(MetadataStore.Transaction tx, RepositoryRow row) {
        return new RepositoryView(row, arn(row), tx.repositories().upstreamNames(row.id()),
                tx.repositories().externalConnection(row.id()));
    }

    private RepositoryView summary(RepositoryRow row) {
        return new RepositoryView(row, arn(row), List.of(), Optional.empty());
    }
}
