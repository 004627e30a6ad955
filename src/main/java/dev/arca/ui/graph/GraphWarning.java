package dev.arca.ui.graph;

import dev.arca.core.graph.GraphEdge;
import dev.arca.core.graph.UpstreamGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something wrong with a domain's upstream graph, drawn on it: a cycle, a dangling upstream, a chain longer than one
 * request searches, or an upstream no request reaches. {@code boxes} are the layout ids to mark.
 */
public record GraphWarning(Kind kind, String message, Set<String> boxes) {

    public enum Kind { CYCLE, DANGLING, PAST_BUDGET, UNREACHED }

    /** The most warnings of one kind listed one by one; the rest are counted in a last line. */
    static final int LISTED_PER_KIND = 20;

    public GraphWarning {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
        boxes = Set.copyOf(boxes);
    }

    /** Every warning for {@code graph}, cycles first. */
    public static List<GraphWarning> of(UpstreamGraph graph) {
        List<GraphWarning> out = new ArrayList<>();
        List<GraphWarning> kind = new ArrayList<>();
        for (List<String> cycle : graph.cycles()) {
            kind.add(new GraphWarning(Kind.CYCLE, "Cycle: " + String.join(", ", cycle) + " read from one another;"
                    + " requests stop at the first repeat.", ids(cycle)));
        }
        capped(out, kind, Kind.CYCLE, "cycles");
        for (GraphEdge edge : graph.danglingEdges()) {
            kind.add(new GraphWarning(Kind.DANGLING, edge.repository() + " reads from " + edge.upstream()
                    + ", which no longer exists: requests through " + edge.repository() + " may fail.",
                    Set.of(GraphLayout.repositoryId(edge.repository()), GraphLayout.missingId(edge.upstream()))));
        }
        capped(out, kind, Kind.DANGLING, "dangling upstreams");
        for (Map.Entry<String, List<String>> chain : graph.chainsPastBudget().entrySet()) {
            Set<String> marked = new LinkedHashSet<>();
            marked.add(GraphLayout.repositoryId(chain.getKey()));
            marked.addAll(ids(chain.getValue()));
            kind.add(new GraphWarning(Kind.PAST_BUDGET, "Requests to " + chain.getKey() + " stop after "
                    + graph.budget() + " repositories: " + names(chain.getValue()) + " never searched.", marked));
        }
        capped(out, kind, Kind.PAST_BUDGET, "repositories with chains past the budget");
        for (String unreached : graph.unreachedUpstreams()) {
            kind.add(new GraphWarning(Kind.UNREACHED, unreached + " is an upstream, but no request to another"
                    + " repository reaches it within " + graph.budget() + " repositories.",
                    Set.of(GraphLayout.repositoryId(unreached))));
        }
        capped(out, kind, Kind.UNREACHED, "unreached upstreams");
        return out;
    }

    private static void capped(List<GraphWarning> out, List<GraphWarning> kind, Kind type, String what) {
        out.addAll(kind.subList(0, Math.min(kind.size(), LISTED_PER_KIND)));
        if (kind.size() > LISTED_PER_KIND) {
            Set<String> rest = new LinkedHashSet<>();
            kind.subList(LISTED_PER_KIND, kind.size()).forEach(w -> rest.addAll(w.boxes()));
            out.add(new GraphWarning(type, "… and " + (kind.size() - LISTED_PER_KIND) + " more " + what + ".", rest));
        }
        kind.clear();
    }

    private static String names(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) + (names.size() == 1 ? " is" : " are")
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more are";
    }

    private static Set<String> ids(List<String> repositories) {
        Set<String> ids = new LinkedHashSet<>();
        repositories.forEach(r -> ids.add(GraphLayout.repositoryId(r)));
        return ids;
    }
}
