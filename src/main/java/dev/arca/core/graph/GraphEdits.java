package dev.arca.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream edits collected on a graph before any is sent: each is checked against the graph as the earlier edits
 * left it and refused with the reasons when it breaks a rule, each can be undone, and {@link #changes()} nets them
 * into one new upstream list (and connection) per repository — what will be sent, in name order.
 */
public final class GraphEdits {

    /** One accepted edit: a sentence saying what it does, and the graph after it. */
    public record Edit(String description, String repository, UpstreamGraph after) {
        public Edit {
            Objects.requireNonNull(description);
            Objects.requireNonNull(repository);
            Objects.requireNonNull(after);
        }
    }

    /** What will change on one repository: its upstream list and external connection before and after. */
    public record Change(String repository, List<String> upstreamsBefore, List<String> upstreamsAfter,
                         Optional<String> connectionBefore, Optional<String> connectionAfter) {
        public Change {
            Objects.requireNonNull(repository);
            upstreamsBefore = List.copyOf(upstreamsBefore);
            upstreamsAfter = List.copyOf(upstreamsAfter);
            Objects.requireNonNull(connectionBefore);
            Objects.requireNonNull(connectionAfter);
        }

        public boolean connectionChanged() {
            return !connectionBefore.equals(connectionAfter);
        }

        public boolean upstreamsChanged() {
            return !upstreamsBefore.equals(upstreamsAfter);
        }

        /** One line a reviewer reads: {@code app: [a, b] → [b, a, c]; public:npmjs removed}. */
        public String summary() {
            List<String> parts = new ArrayList<>();
            if (upstreamsChanged()) {
                parts.add("upstreams " + upstreamsBefore + " → " + upstreamsAfter);
            }
            if (connectionChanged()) {
                parts.add(connectionAfter.map(c -> "external connection " + connectionBefore.map(b -> b + " → ")
                        .orElse("") + c).orElseGet(() -> "external connection " + connectionBefore.orElseThrow() + " removed"));
            }
            return repository + ": " + String.join("; ", parts);
        }
    }

    private final UpstreamGraph base;
    private final List<Edit> edits = new ArrayList<>();

    public GraphEdits(UpstreamGraph base) {
        this.base = Objects.requireNonNull(base);
    }

    /** The graph the edits started from (as the service last said). */
    public UpstreamGraph base() {
        return base;
    }

    /** The graph with every accepted edit made. */
    public UpstreamGraph current() {
        return edits.isEmpty() ? base : edits.getLast().after();
    }

    /** The accepted edits, oldest first. */
    public List<Edit> edits() {
        return List.copyOf(edits);
    }

    public boolean isEmpty() {
        return changes().isEmpty();
    }

    /** Adds {@code upstream} last in {@code repository}'s upstreams (the lowest priority). */
    public List<EditProblem> addUpstream(String repository, String upstream) {
        List<String> upstreams = new ArrayList<>(upstreamsOf(repository));
        upstreams.add(upstream);
        return propose(repository, upstreams, connectionOf(repository),
                repository + " reads from " + upstream + " (priority " + upstreams.size() + ")");
    }

    /** Removes the edge from {@code repository} to {@code upstream}; later upstreams move up one place. */
    public List<EditProblem> removeUpstream(String repository, String upstream) {
        List<String> upstreams = new ArrayList<>(upstreamsOf(repository));
        if (!upstreams.remove(upstream)) {
            return List.of(new EditProblem(EditProblem.Kind.UNKNOWN_UPSTREAM, repository, Optional.of(upstream),
                    upstream + " is not an upstream of " + repository + "."));
        }
        return propose(repository, upstreams, connectionOf(repository),
                repository + " no longer reads from " + upstream);
    }

    /** Moves {@code upstream} to {@code position} (1-based) in {@code repository}'s priority order. */
    public List<EditProblem> moveUpstream(String repository, String upstream, int position) {
        List<String> upstreams = new ArrayList<>(upstreamsOf(repository));
        int from = upstreams.indexOf(upstream);
        if (from < 0) {
            return List.of(new EditProblem(EditProblem.Kind.UNKNOWN_UPSTREAM, repository, Optional.of(upstream),
                    upstream + " is not an upstream of " + repository + "."));
        }
        int to = Math.clamp(position, 1, upstreams.size()) - 1;
        if (to == from) {
            return List.of();
        }
        upstreams.add(to, upstreams.remove(from));
        return propose(repository, upstreams, connectionOf(repository),
                upstream + " moves to priority " + (to + 1) + " of " + repository);
    }

    /** Gives {@code repository} an external connection, or takes it away when {@code connection} is empty. */
    public List<EditProblem> setConnection(String repository, Optional<String> connection) {
        if (connection.equals(connectionOf(repository))) {
            return List.of();
        }
        return propose(repository, upstreamsOf(repository), connection, connection
                .map(c -> repository + " connects to " + c)
                .orElseGet(() -> repository + " is detached from " + connectionOf(repository).orElseThrow()));
    }

    /**
     * Gives {@code repository} a whole new upstream list and connection in one edit: how edits the service did not
     * take are offered again on a reloaded graph.
     */
    public List<EditProblem> replace(String repository, List<String> upstreams, Optional<String> connection,
                                     String description) {
        if (upstreams.equals(upstreamsOf(repository)) && connection.equals(connectionOf(repository))) {
            return List.of();
        }
        return propose(repository, upstreams, connection, description);
    }

    /** Takes back the latest edit; false when there is none. */
    public boolean undo() {
        if (edits.isEmpty()) {
            return false;
        }
        edits.removeLast();
        return true;
    }

    /** Takes back every edit. */
    public void clear() {
        edits.clear();
    }

    /** Per repository whose upstreams or connection differ from the base graph, in name order. */
    public List<Change> changes() {
        UpstreamGraph current = current();
        List<Change> changes = new ArrayList<>();
        for (GraphRepository before : base.repositories()) {
            GraphRepository after = current.repository(before.name()).orElseThrow();
            if (!before.upstreams().equals(after.upstreams())
                    || !before.externalConnection().equals(after.externalConnection())) {
                changes.add(new Change(before.name(), before.upstreams(), after.upstreams(),
                        before.externalConnection(), after.externalConnection()));
            }
        }
        return changes;
    }

    private List<EditProblem> propose(String repository, List<String> upstreams, Optional<String> connection,
                                      String description) {
        UpstreamGraph current = current();
        List<EditProblem> problems = current.validate(repository, upstreams, connection);
        if (problems.isEmpty()) {
            edits.add(new Edit(description, repository, current.withSources(repository, upstreams, connection)));
        }
        return problems;
    }

    private List<String> upstreamsOf(String repository) {
        return current().repository(repository).map(GraphRepository::upstreams).orElse(List.of());
    }

    private Optional<String> connectionOf(String repository) {
        return current().repository(repository).flatMap(GraphRepository::externalConnection);
    }
}
