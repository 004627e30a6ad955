package dev.arca.core.graph;

import dev.arca.core.ExternalConnections;
import dev.arca.core.PackageFormat;
import dev.arca.core.UpstreamSearchOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a request for a package (and a version) to one repository is resolved, predicted from what each repository
 * of its search order stores and from the package's origin rules, with the local server's and the service's rules
 * (spec/behavior.md §6–§9): the search continues past a repository only where the package may come in from
 * upstreams; the first upstream repository that stores the version serves it, unless an external connection earlier
 * in the order fetches it; a version found upstream is retained in the requested repository, one fetched from a
 * public repository also in the repository holding the connection, never in the repositories between.
 */
public record PackageTrace(String start, PackageFormat format, String namespace, String name,
                           Optional<String> version, List<Step> steps, Outcome outcome) {

    public PackageTrace {
        Objects.requireNonNull(start);
        Objects.requireNonNull(format);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        steps = List.copyOf(steps);
        Objects.requireNonNull(outcome);
    }

    /** The statuses a client can download (spec/behavior.md §4). */
    public static final Set<String> SERVABLE = Set.of("Published", "Unlisted");

    /** What one repository stores of the package: its origin controls, and the version when one is traced. */
    public record Stored(String publish, String upstream, Optional<StoredVersion> version, int versionCount,
                         Optional<String> defaultVersion) {
        public Stored {
            Objects.requireNonNull(publish);
            Objects.requireNonNull(upstream);
            Objects.requireNonNull(version);
            Objects.requireNonNull(defaultVersion);
        }
    }

    /** A stored version: its status and where the service recorded it entered the domain. */
    public record StoredVersion(String status, String originType, Optional<String> entryRepository,
                                Optional<String> entryConnection) {
        public StoredVersion {
            Objects.requireNonNull(status);
            Objects.requireNonNull(originType);
            Objects.requireNonNull(entryRepository);
            Objects.requireNonNull(entryConnection);
        }

        /**
         * The service's own record: {@code INTERNAL, entered the domain at team-repo}, or {@code EXTERNAL through
         * public:npmjs} for a version fetched from a public repository.
         */
        public String recorded() {
            return originType + entryRepository.map(r -> ", entered the domain at " + r).orElse("")
                    + entryConnection.map(c -> " through " + c).orElse("");
        }
    }

    /**
     * The package group rules for the package: for {@code INTERNAL_UPSTREAM} and {@code EXTERNAL_UPSTREAM}, the
     * effective mode, the group it comes from, and the allowed repositories when it allows only specific ones.
     */
    public record GroupRules(String pattern, Map<String, String> modes, Map<String, String> decidedBy,
                             Map<String, Set<String>> allowed) {
        public GroupRules {
            Objects.requireNonNull(pattern);
            modes = Map.copyOf(modes);
            decidedBy = Map.copyOf(decidedBy);
            allowed = Map.copyOf(allowed);
        }

        /** Rules that allow everything (a domain whose groups say nothing against the package). */
        public static GroupRules allowAll() {
            return new GroupRules("/*", Map.of(), Map.of(), Map.of());
        }

        /** Why the group refuses {@code type} into {@code repository}, if it does. */
        Optional<String> refusal(String type, String repository) {
            String mode = modes.getOrDefault(type, "ALLOW");
            String group = decidedBy.getOrDefault(type, pattern);
            return switch (mode) {
                case "BLOCK" -> Optional.of("package group " + group + " blocks " + type);
                case "ALLOW_SPECIFIC_REPOSITORIES" -> allowed.getOrDefault(type, Set.of()).contains(repository)
                        ? Optional.empty()
                        : Optional.of("package group " + group + " allows " + type + " only in specific repositories");
                default -> Optional.empty();
            };
        }
    }

    /** What a repository does for this request. */
    public enum Role {
        /** Searched; does not have what is asked. */
        SEARCHED,
        /** Serves the version (stores it, servable). */
        SERVES,
        /** Would fetch the version through its external connection. */
        FETCHES,
        /** Would fetch through its connection only if the public repository has the version; else the search goes on. */
        MAY_FETCH,
        /** In the search order after the version was found: never consulted. */
        NOT_CONSULTED
    }

    /**
     * One repository of the search order.
     *
     * @param stored           what it stores of the package, empty when it has none of it
     * @param connection       its external connection when that serves the package's format
     * @param stopsHere        why the search does not continue to its upstreams, if it does not
     * @param connectionRefused why its connection may not bring the package in, if it may not
     */
    public record Step(int position, String repository, int depth, Optional<Stored> stored,
                       Optional<String> connection, Optional<String> stopsHere, Optional<String> connectionRefused,
                       Role role) {
        public Step {
            Objects.requireNonNull(repository);
            Objects.requireNonNull(stored);
            Objects.requireNonNull(connection);
            Objects.requireNonNull(stopsHere);
            Objects.requireNonNull(connectionRefused);
            Objects.requireNonNull(role);
        }
    }

    /**
     * The prediction.
     *
     * @param servedFrom   the repository that serves the version (a stored copy), if any
     * @param fetchedBy    the repository whose external connection is tried first, if any
     * @param retainedIn   where the version would be kept after this request (already stored: nowhere new)
     * @param conclusion   one or two sentences for a person
     */
    public record Outcome(Optional<String> servedFrom, Optional<String> fetchedBy, List<String> retainedIn,
                          String conclusion) {
        public Outcome {
            Objects.requireNonNull(servedFrom);
            Objects.requireNonNull(fetchedBy);
            retainedIn = List.copyOf(retainedIn);
            Objects.requireNonNull(conclusion);
        }
    }

    /**
     * Predicts the trace from what each repository stores ({@code stored}: absent when a repository has none of the
     * package) and the group rules.
     *
     * @param stored asked only for repositories of the search order; it must know each of them
     */
    public static PackageTrace predict(UpstreamGraph graph, String start, PackageFormat format, String namespace,
                                       String name, Optional<String> version, Map<String, Optional<Stored>> stored,
                                       GroupRules rules) {
        List<UpstreamSearchOrder.Stop<String>> order = graph.searchOrder(start,
                r -> reads(stored, rules, r, "INTERNAL_UPSTREAM").isEmpty());
        List<Step> steps = new ArrayList<>();
        Optional<String> servedFrom = Optional.empty();
        Optional<String> fetchedBy = Optional.empty();
        boolean mayFallBack = false;
        for (int i = 0; i < order.size(); i++) {
            String repository = order.get(i).repository();
            Optional<Stored> here = Objects.requireNonNull(stored.get(repository), repository);
            Optional<String> stops = reads(stored, rules, repository, "INTERNAL_UPSTREAM")
                    .filter(reason -> graph.repository(repository).map(r -> !r.upstreams().isEmpty()).orElse(false));
            Optional<String> connection = graph.repository(repository).flatMap(GraphRepository::externalConnection)
                    .filter(c -> ExternalConnections.formatOf(c).equals(Optional.of(format)));
            Optional<String> refused = connection.flatMap(c -> reads(stored, rules, repository, "EXTERNAL_UPSTREAM"))
                    .or(() -> connection.flatMap(c -> version.flatMap(v -> here.flatMap(Stored::version))
                            .map(v -> repository + " holds the version already (" + v.status() + ")")));
            Role role = Role.SEARCHED;
            boolean decided = servedFrom.isPresent() || (fetchedBy.isPresent() && !mayFallBack);
            if (decided) {
                role = Role.NOT_CONSULTED;
            } else if (version.isPresent()) {
                Optional<String> status = here.flatMap(Stored::version).map(StoredVersion::status);
                boolean own = i == 0 && status.isPresent();
                if (own || status.filter(SERVABLE::contains).isPresent()) {
                    role = Role.SERVES;
                    servedFrom = Optional.of(repository);
                } else if (connection.isPresent() && refused.isEmpty()) {
                    role = fetchedBy.isEmpty() ? Role.FETCHES : Role.MAY_FETCH;
                    fetchedBy = fetchedBy.or(() -> Optional.of(repository));
                    mayFallBack = true;
                }
            }
            steps.add(new Step(i + 1, repository, order.get(i).depth(), here, connection, stops, refused, role));
        }
        return new PackageTrace(start, format, namespace, name, version, steps,
                outcome(start, version, steps, servedFrom, fetchedBy, stored, rules));
    }

    /**
     * The repositories a request to {@code start} searches for this package, given what is known so far of what they
     * store (a repository not in {@code stored} counts as storing nothing): ask for the ones not known yet and call
     * again until every repository returned is known.
     */
    public static List<String> searchOrder(UpstreamGraph graph, String start, Map<String, Optional<Stored>> stored,
                                           GroupRules rules) {
        return graph.searchOrder(start, r -> reads(stored, rules, r, "INTERNAL_UPSTREAM").isEmpty()).stream()
                .map(UpstreamSearchOrder.Stop::repository).toList();
    }

    private static Outcome outcome(String start, Optional<String> version, List<Step> steps,
                                   Optional<String> servedFrom, Optional<String> fetchedBy,
                                   Map<String, Optional<Stored>> stored, GroupRules rules) {
        if (version.isEmpty()) {
            List<String> having = steps.stream().filter(s -> s.stored().isPresent())
                    .map(s -> s.repository() + " (" + s.stored().get().versionCount() + ")").toList();
            List<String> connections = steps.stream().filter(s -> s.connection().isPresent()
                    && s.connectionRefused().isEmpty()).map(s -> s.connection().get() + " at " + s.repository()).toList();
            String sources = String.join(", ", having)
                    + (connections.isEmpty() ? "" : (having.isEmpty() ? "" : ", and ") + "the public repository through "
                    + String.join(", ", connections));
            return new Outcome(Optional.empty(), Optional.empty(), List.of(), sources.isEmpty()
                    ? "No repository " + start + " searches has the package, and no external connection can bring it in."
                    : "Clients of " + start + " see versions from " + sources + ".");
        }
        String v = version.get();
        if (servedFrom.isPresent() && servedFrom.get().equals(start)) {
            String status = steps.getFirst().stored().flatMap(Stored::version).map(StoredVersion::status).orElseThrow();
            return new Outcome(servedFrom, Optional.empty(), List.of(), SERVABLE.contains(status)
                    ? start + " stores " + v + " (" + status + ") and serves it itself; nothing is retained anew."
                    : start + " stores " + v + " as " + status + ": clients cannot download it, and no upstream is"
                            + " asked.");
        }
        boolean startReadsUpstream = reads(stored, rules, start, "INTERNAL_UPSTREAM").isEmpty();
        if (fetchedBy.isPresent()) {
            String holder = fetchedBy.get();
            String connection = steps.stream().filter(s -> s.repository().equals(holder)).findFirst()
                    .flatMap(Step::connection).orElseThrow();
            List<String> retained = holder.equals(start) || !startReadsUpstream ? List.of(holder) : List.of(holder, start);
            String fallback = servedFrom.map(r -> " If it does not, " + r + " serves it and it is retained in " + start
                    + ".").orElse(" If it does not, the request gets 404.");
            return new Outcome(servedFrom, fetchedBy, retained, v + " would be fetched through " + connection + " at "
                    + holder + " if the public repository has it, and retained in " + String.join(" and ", retained)
                    + "." + fallback);
        }
        if (servedFrom.isPresent()) {
            return new Outcome(servedFrom, Optional.empty(), List.of(start), servedFrom.get() + " serves " + v
                    + "; it is retained in " + start + ", not in the repositories between.");
        }
        return new Outcome(Optional.empty(), Optional.empty(), List.of(), "No repository " + start
                + " searches has " + v + " to serve, and no external connection can bring it in: clients get 404.");
    }

    /** Why {@code repository} may not take the package in from {@code type}, if it may not. */
    private static Optional<String> reads(Map<String, Optional<Stored>> stored, GroupRules rules, String repository,
                                          String type) {
        Optional<Stored> here = stored.getOrDefault(repository, Optional.empty());
        if (here.map(s -> "BLOCK".equals(s.upstream())).orElse(false)) {
            return Optional.of("the package's origin controls in " + repository + " block upstream");
        }
        return rules.refusal(type, repository);
    }
}
