package dev.arca.gateway;

import dev.arca.core.graph.GraphEdits;
import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.UpstreamGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.codeartifact.model.RepositorySummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepository;

/**
 * Reads a domain's upstream graph from the service (ListRepositoriesInDomain, then DescribeRepository and
 * GetRepositoryPermissionsPolicy per repository, a few at a time, backing off when throttled) and applies upstream
 * edits to it (UpdateRepository, Associate/DisassociateExternalConnection), checking first that each repository is
 * still as the edits found it.
 */
public final class UpstreamGraphSource {

    static final int DEFAULT_CONCURRENCY = 8;

    private final CodeArtifactGateway gateway;
    private final ThrottlingBackoff backoff;
    private final int concurrency;

    public UpstreamGraphSource(CodeArtifactGateway gateway) {
        this(gateway, ThrottlingBackoff.sleeping(), DEFAULT_CONCURRENCY);
    }

    UpstreamGraphSource(CodeArtifactGateway gateway, ThrottlingBackoff backoff, int concurrency) {
        this.gateway = Objects.requireNonNull(gateway);
        this.backoff = Objects.requireNonNull(backoff);
        this.concurrency = concurrency;
    }

    /**
     * The graph of {@code domain} as the service has it now.
     *
     * @param progress told how many repositories of how many are read, as they finish
     * @throws GatewayException when the domain or a repository cannot be read (one sentence)
     */
    public UpstreamGraph load(String domain, BiConsumer<Integer, Integer> progress) throws InterruptedException {
        String owner = Optional.ofNullable(gateway.owner(domain)).orElseGet(() -> gateway.call(
                "open domain " + domain, () -> gateway.sdk().describeDomain(r -> r.domain(domain)).domain().owner()));
        List<RepositorySummary> summaries = gateway.call("list the repositories of " + domain, () -> gateway.sdk()
                .listRepositoriesInDomainPaginator(r -> r.domain(domain).domainOwner(owner)).repositories()
                .stream().toList());
        List<GraphRepository> repositories = BoundedCalls.map(summaries, concurrency,
                summary -> read(domain, owner, summary), progress);
        return UpstreamGraph.of(domain, owner, repositories);
    }

    private GraphRepository read(String domain, String owner, RepositorySummary summary) throws InterruptedException {
        var described = backoff.call(() -> gateway.call("describe repository " + summary.name(), () -> gateway.sdk()
                .describeRepository(r -> r.domain(domain).domainOwner(owner).repository(summary.name()))
                .repository()));
        boolean policy = backoff.call(() -> gateway.call("read the policy of repository " + summary.name(), () -> {
            try {
                gateway.sdk().getRepositoryPermissionsPolicy(r -> r.domain(domain).domainOwner(owner)
                        .repository(summary.name()));
                return true;
            } catch (ResourceNotFoundException e) {
                return false;
            }
        }));
        return new GraphRepository(described.name(),
                described.upstreams().stream().map(u -> u.repositoryName()).toList(),
                described.externalConnections().stream().map(c -> c.externalConnectionName()).findFirst(),
                described.administratorAccount(), policy);
    }

    /** What applying edits did: the changes made, in order, and the one refused, if any (nothing after it was sent). */
    public record Applied(List<GraphEdits.Change> done, Optional<Refusal> refused) {
        public Applied {
            done = List.copyOf(done);
            Objects.requireNonNull(refused);
        }
    }

    /** A change the service refused, or that found its repository changed meanwhile, and why (one sentence). */
    public record Refusal(GraphEdits.Change change, String reason) {
    }

    /**
     * Sends each change in turn. Before a repository is changed it is described again: if its upstreams or
     * connection are no longer what the edit started from, nothing is sent for it and the rest stop there. A
     * connection is detached before upstreams are set and attached after, so no step holds both.
     */
    public Applied apply(String domain, List<GraphEdits.Change> changes) {
        String owner = gateway.owner(domain);
        List<GraphEdits.Change> done = new ArrayList<>();
        for (GraphEdits.Change change : changes) {
            try {
                applyOne(domain, owner, change);
                done.add(change);
            } catch (GatewayException e) {
                return new Applied(done, Optional.of(new Refusal(change, e.getMessage())));
            }
        }
        return new Applied(done, Optional.empty());
    }

    private void applyOne(String domain, String owner, GraphEdits.Change change) {
        String repository = change.repository();
        var now = gateway.call("describe repository " + repository, () -> gateway.sdk().describeRepository(r -> r
                .domain(domain).domainOwner(owner).repository(repository)).repository());
        List<String> upstreams = now.upstreams().stream().map(u -> u.repositoryName()).toList();
        Optional<String> connection = now.externalConnections().stream().map(c -> c.externalConnectionName())
                .findFirst();
        if (!upstreams.equals(change.upstreamsBefore()) || !connection.equals(change.connectionBefore())) {
            throw new GatewayException(repository + " was changed meanwhile: it now reads from "
                    + (connection.isPresent() ? connection.get() : upstreams.isEmpty() ? "nothing" : upstreams)
                    + ".", Optional.of("ConflictException"), null);
        }
        if (change.connectionChanged() && change.connectionBefore().isPresent()) {
            gateway.call("detach " + change.connectionBefore().get() + " from " + repository, () -> gateway.sdk()
                    .disassociateExternalConnection(r -> r.domain(domain).domainOwner(owner).repository(repository)
                            .externalConnection(change.connectionBefore().get())));
        }
        if (change.upstreamsChanged()) {
            gateway.call("update the upstreams of " + repository, () -> gateway.sdk().updateRepository(r -> r
                    .domain(domain).domainOwner(owner).repository(repository).upstreams(change.upstreamsAfter()
                            .stream().map(u -> UpstreamRepository.builder().repositoryName(u).build()).toList())));
        }
        if (change.connectionChanged() && change.connectionAfter().isPresent()) {
            gateway.call("connect " + repository + " to " + change.connectionAfter().get(), () -> gateway.sdk()
                    .associateExternalConnection(r -> r.domain(domain).domainOwner(owner).repository(repository)
                            .externalConnection(change.connectionAfter().get())));
        }
    }
}
