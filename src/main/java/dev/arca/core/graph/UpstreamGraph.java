package dev.arca.core.graph;

import dev.arca.core.ExternalConnections;
import dev.arca.core.ServiceLimits;
import dev.arca.core.UpstreamSearchOrder;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A domain's repositories with their ordered upstream edges and external connections (spec/behavior.md §6–§7):
 * search order from any repository (through {@link UpstreamSearchOrder}, the same walk the local server resolves
 * with), what lies past the search budget, who reads from a repository, cycles, dangling references, and the
 * rules a proposed edit must keep. Immutable; edits make new graphs.
 */
public final class UpstreamGraph {

    private final String domain;
    private final String domainOwner;
    private final Map<String, GraphRepository> repositories;
    private final int directLimit;
    private final int budget;

    private UpstreamGraph(String domain, String domainOwner, Map<String, GraphRepository> repositories,
                          int directLimit, int budget) {
        this.domain = Objects.requireNonNull(domain);
        this.domainOwner = Objects.requireNonNull(domainOwner);
        this.repositories = repositories;
        this.directLimit = directLimit;
        this.budget = budget;
    }

    /** The graph of a domain's repositories with the service's limits (10 direct upstreams, 25 per search). */
    public static UpstreamGraph of(String domain, String domainOwner, Collection<GraphRepository> repositories) {
        return of(domain, domainOwner, repositories, ServiceLimits.DEFAULT);
    }

    public static UpstreamGraph of(String domain, String domainOwner, Collection<GraphRepository> repositories,
                                   ServiceLimits limits) {
        Map<String, GraphRepository> byName = new LinkedHashMap<>();
        repositories.stream().sorted(java.util.Comparator.comparing(GraphRepository::name))
                .forEach(r -> {
                    if (byName.put(r.name(), r) != null) {
                        throw new IllegalArgumentException("repository " + r.name() + " appears twice");
                    }
                });
        return new UpstreamGraph(domain, domainOwner, byName, limits.directUpstreams(), limits.upstreamSearchBudget());
    }

    public String domain() {
        return domain;
    }

    public String domainOwner() {
        return domainOwner;
    }

    /** The most repositories one request searches. */
    public int budget() {
        return budget;
    }

    /** Every repository, in name order. */
    public List<GraphRepository> repositories() {
        return List.copyOf(repositories.values());
    }

    public Optional<GraphRepository> repository(String name) {
        return Optional.ofNullable(repositories.get(name));
    }

    public boolean contains(String name) {
        return repositories.containsKey(name);
    }

    /** Every upstream edge, repository by repository in name order and each repository's in priority order. */
    public List<GraphEdge> edges() {
        List<GraphEdge> edges = new ArrayList<>();
        for (GraphRepository repository : repositories.values()) {
            List<String> upstreams = repository.upstreams();
            for (int i = 0; i < upstreams.size(); i++) {
                edges.add(new GraphEdge(repository.name(), upstreams.get(i), i + 1, !contains(upstreams.get(i))));
            }
        }
        return edges;
    }

    /** Edges naming an upstream repository that no longer exists. */
    public List<GraphEdge> danglingEdges() {
        return edges().stream().filter(GraphEdge::dangling).toList();
    }

    /** The external connections some repository holds, in name order. */
    public List<String> externalConnections() {
        return repositories.values().stream().flatMap(r -> r.externalConnection().stream()).distinct().sorted()
                .toList();
    }

    /** Repositories holding {@code connection}, in name order. */
    public List<String> holdersOf(String connection) {
        return repositories.values().stream().filter(r -> r.externalConnection().equals(Optional.of(connection)))
                .map(GraphRepository::name).toList();
    }

    // Search order

    /**
     * What a request to {@code start} searches, in order, and what its upstreams reach only past the budget.
     *
     * @throws IllegalArgumentException when {@code start} is not a repository of the domain
     */
    public SearchPlan searchPlan(String start) {
        requireRepository(start);
        List<UpstreamSearchOrder.Stop<String>> searched = UpstreamSearchOrder.of(start, this::existingUpstreams,
                budget);
        Set<String> inBudget = new HashSet<>();
        searched.forEach(stop -> inBudget.add(stop.repository()));
        List<String> pastBudget = UpstreamSearchOrder.of(start, this::existingUpstreams, Integer.MAX_VALUE).stream()
                .map(UpstreamSearchOrder.Stop::repository).filter(r -> !inBudget.contains(r)).toList();
        List<GraphEdge> dangling = new ArrayList<>();
        for (UpstreamSearchOrder.Stop<String> stop : searched) {
            List<String> upstreams = repositories.get(stop.repository()).upstreams();
            for (int i = 0; i < upstreams.size(); i++) {
                if (!contains(upstreams.get(i))) {
                    dangling.add(new GraphEdge(stop.repository(), upstreams.get(i), i + 1, true));
                }
            }
        }
        return new SearchPlan(start, searched, pastBudget, dangling);
    }

    /**
     * The search order from {@code start} when the search continues past a repository only where
     * {@code readsUpstreams} allows (package origin controls and package groups decide that per package).
     */
    public List<UpstreamSearchOrder.Stop<String>> searchOrder(String start, java.util.function.Predicate<String> readsUpstreams) {
        requireRepository(start);
        return UpstreamSearchOrder.of(start, r -> readsUpstreams.test(r) ? existingUpstreams(r) : List.of(), budget);
    }

    /**
     * The repositories whose requests search {@code repository} within the budget — everyone who would see a
     * package published there — in name order, {@code repository} itself excluded.
     */
    public List<String> downstreamOf(String repository) {
        requireRepository(repository);
        Set<String> readers = readersOf(repository);
        List<String> out = new ArrayList<>();
        for (String reader : readers) {
            if (UpstreamSearchOrder.of(reader, this::existingUpstreams, budget).stream()
                    .anyMatch(stop -> stop.repository().equals(repository))) {
                out.add(reader);
            }
        }
        return out;
    }

    /**
     * Repositories that list {@code repository} as an upstream, directly or through others (whatever the budget),
     * in name order, {@code repository} itself excluded.
     */
    public Set<String> readersOf(String repository) {
        Map<String, List<String>> reverse = new HashMap<>();
        for (GraphRepository r : repositories.values()) {
            for (String upstream : r.upstreams()) {
                reverse.computeIfAbsent(upstream, k -> new ArrayList<>()).add(r.name());
            }
        }
        Set<String> seen = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(repository));
        while (!pending.isEmpty()) {
            for (String reader : reverse.getOrDefault(pending.pop(), List.of())) {
                if (!reader.equals(repository) && seen.add(reader)) {
                    pending.push(reader);
                }
            }
        }
        return seen;
    }

    /**
     * Repositories with a chain of upstreams longer than one request searches: for each, the repositories its
     * requests never reach although its upstreams lead there. In name order of the requested repository.
     */
    public Map<String, List<String>> chainsPastBudget() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : repositories.keySet()) {
            List<String> past = searchPlan(name).pastBudget();
            if (!past.isEmpty()) {
                out.put(name, past);
            }
        }
        return out;
    }

    /**
     * Repositories that are some repository's upstream, yet no request to any other repository searches within
     * the budget: packages there reach nobody downstream. In name order.
     */
    public List<String> unreachedUpstreams() {
        Set<String> reached = new HashSet<>();
        Set<String> listed = new HashSet<>();
        for (GraphRepository repository : repositories.values()) {
            repository.upstreams().stream().filter(this::contains).forEach(listed::add);
            UpstreamSearchOrder.of(repository.name(), this::existingUpstreams, budget).stream().skip(1)
                    .forEach(stop -> reached.add(stop.repository()));
        }
        return repositories.keySet().stream().filter(listed::contains).filter(r -> !reached.contains(r)).toList();
    }

    /**
     * The cycles among upstream edges: each a set of repositories that reach one another (strongly connected, or
     * one repository that is its own upstream), listed in name order, cycles ordered by their first name.
     */
    public List<List<String>> cycles() {
        return new CycleFinder(repositories.keySet(), this::existingUpstreams).find();
    }

    // Edits

    /**
     * Checks that {@code repository} may read from {@code upstreams} (priority order) or from
     * {@code externalConnection}, as the service would (spec/behavior.md §6): at most 10 direct upstreams, each a
     * repository of this domain other than itself and named once, no cycle, upstreams or an external connection but
     * not both, a connection the service offers. Empty when the edit may be sent.
     */
    public List<EditProblem> validate(String repository, List<String> upstreams, Optional<String> externalConnection) {
        List<EditProblem> problems = new ArrayList<>();
        if (!contains(repository)) {
            problems.add(new EditProblem(EditProblem.Kind.UNKNOWN_REPOSITORY, repository, Optional.empty(),
                    "Repository " + repository + " is not in domain " + domain + "."));
            return problems;
        }
        if (upstreams.size() > directLimit) {
            problems.add(new EditProblem(EditProblem.Kind.TOO_MANY_UPSTREAMS, repository, Optional.empty(),
                    "A repository has at most " + directLimit + " direct upstreams; " + repository + " would have "
                            + upstreams.size() + "."));
        }
        if (!upstreams.isEmpty() && externalConnection.isPresent()) {
            problems.add(new EditProblem(EditProblem.Kind.UPSTREAMS_AND_CONNECTION, repository, Optional.empty(),
                    "A repository has upstreams or an external connection, not both: " + repository + " would have "
                            + externalConnection.get() + " and " + upstreams.size() + " upstream"
                            + (upstreams.size() == 1 ? "" : "s") + "."));
        }
        externalConnection.filter(c -> ExternalConnections.formatOf(c).isEmpty()).ifPresent(c -> problems.add(
                new EditProblem(EditProblem.Kind.UNKNOWN_CONNECTION, repository, Optional.empty(),
                        c + " is not an external connection CodeArtifact offers.")));
        Set<String> seen = new HashSet<>();
        for (String upstream : upstreams) {
            if (upstream.equals(repository)) {
                problems.add(problem(EditProblem.Kind.SELF_UPSTREAM, repository, upstream,
                        "A repository cannot be its own upstream."));
            } else if (!seen.add(upstream)) {
                problems.add(problem(EditProblem.Kind.DUPLICATE_UPSTREAM, repository, upstream,
                        upstream + " is already an upstream of " + repository + "."));
            } else if (!contains(upstream)) {
                problems.add(problem(EditProblem.Kind.UNKNOWN_UPSTREAM, repository, upstream,
                        upstream + " is not a repository of domain " + domain + "."));
            } else {
                pathBack(upstream, repository).ifPresent(path -> problems.add(problem(EditProblem.Kind.CYCLE,
                        repository, upstream, "Reading from " + upstream + " would make a cycle: " + repository
                                + " → " + String.join(" → ", path) + ".")));
            }
        }
        return problems;
    }

    /** This graph with {@code repository} reading from other upstreams or another connection (not validated). */
    public UpstreamGraph withSources(String repository, List<String> upstreams, Optional<String> externalConnection) {
        GraphRepository current = requireRepository(repository);
        Map<String, GraphRepository> changed = new LinkedHashMap<>(repositories);
        changed.put(repository, current.withSources(upstreams, externalConnection));
        return new UpstreamGraph(domain, domainOwner, changed, directLimit, budget);
    }

    private static EditProblem problem(EditProblem.Kind kind, String repository, String upstream, String message) {
        return new EditProblem(kind, repository, Optional.of(upstream), message);
    }

    /** A shortest path of upstream edges from {@code from} to {@code to}, both included, if there is one. */
    private Optional<List<String>> pathBack(String from, String to) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(List.of(from));
        while (!pending.isEmpty()) {
            String current = pending.removeFirst();
            if (current.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String step = to; step != null; step = cameFrom.get(step)) {
                    path.addFirst(step);
                }
                return Optional.of(path);
            }
            for (String next : existingUpstreams(current)) {
                if (seen.add(next)) {
                    cameFrom.put(next, current);
                    pending.addLast(next);
                }
            }
        }
        return Optional.empty();
    }

    private List<String> existingUpstreams(String repository) {
        GraphRepository r = repositories.get(repository);
        return r == null ? List.of() : r.upstreams().stream().filter(this::contains).toList();
    }

    private GraphRepository requireRepository(String name) {
        GraphRepository repository = repositories.get(name);
        if (repository == null) {
            throw new IllegalArgumentException("Repository " + name + " is not in domain " + domain + ".");
        }
        return repository;
    }

    /** Names of every repository in the domain, as a set for quick membership questions. */
    public Set<String> names() {
        return new LinkedHashSet<>(repositories.keySet());
    }
}
