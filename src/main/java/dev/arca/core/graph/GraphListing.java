package dev.arca.core.graph;

import dev.arca.core.UpstreamSearchOrder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An upstream graph and a search plan as plain text for a terminal or a CI log: one line per repository, then the
 * problems (missing upstreams, cycles, chains past the budget, unreached upstreams), each section present, "none"
 * when empty, so scripts can look for them. ASCII only, whatever the console's encoding.
 */
public final class GraphListing {

    private static final String NONE = "none";

    private GraphListing() {
    }

    /**
     * The graph: a heading, a line per repository in name order ({@code my_repo -> repo-a, repo-b}, upstreams in
     * priority order), then the problem sections.
     */
    public static String of(UpstreamGraph graph) {
        StringBuilder text = new StringBuilder();
        int count = graph.repositories().size();
        text.append("domain ").append(graph.domain()).append(", owner ").append(graph.domainOwner()).append(", ")
                .append(count).append(count == 1 ? " repository" : " repositories").append("\n\n");
        for (GraphRepository repository : graph.repositories()) {
            text.append(repository.name());
            if (!repository.upstreams().isEmpty()) {
                text.append(" -> ").append(repository.upstreams().stream()
                        .map(u -> graph.contains(u) ? u : u + " (missing)").collect(Collectors.joining(", ")));
            }
            repository.externalConnection().ifPresent(c -> text.append(" -> ").append(c)
                    .append(" (external connection)"));
            if (repository.hasPolicy()) {
                text.append(" [resource policy]");
            }
            if (!repository.administrator().equals(graph.domainOwner())) {
                text.append(" [administered by ").append(repository.administrator()).append(']');
            }
            text.append('\n');
        }
        text.append('\n');
        section(text, "missing upstreams", graph.danglingEdges().stream().map(GraphListing::dangling).toList());
        section(text, "cycles", graph.cycles().stream().map(c -> String.join(", ", c)).toList());
        Map<String, List<String>> pastBudget = graph.chainsPastBudget();
        section(text, "chains past the budget of " + graph.budget(), pastBudget.entrySet().stream()
                .map(e -> e.getKey() + " never reaches " + String.join(", ", e.getValue())).toList());
        section(text, "upstreams no request reaches", graph.unreachedUpstreams());
        return text.toString();
    }

    /**
     * The search order of {@code plan}, one repository a line ({@code 1 my_repo}, with its external connection when
     * it holds one), then a line naming the repositories past the budget and one per missing upstream on the path,
     * when there are any.
     */
    public static String explain(UpstreamGraph graph, SearchPlan plan) {
        StringBuilder text = new StringBuilder();
        List<UpstreamSearchOrder.Stop<String>> searched = plan.searched();
        for (int i = 0; i < searched.size(); i++) {
            String name = searched.get(i).repository();
            text.append(i + 1).append(' ').append(name);
            graph.repository(name).flatMap(GraphRepository::externalConnection)
                    .ifPresent(c -> text.append(" (external connection ").append(c).append(')'));
            text.append('\n');
        }
        if (!plan.pastBudget().isEmpty()) {
            text.append("past the budget of ").append(graph.budget()).append(": ")
                    .append(String.join(", ", plan.pastBudget())).append('\n');
        }
        for (GraphEdge edge : plan.danglingOnPath()) {
            text.append("missing on the path: ").append(dangling(edge)).append('\n');
        }
        return text.toString();
    }

    private static String dangling(GraphEdge edge) {
        return edge.repository() + " -> " + edge.upstream() + " (priority " + edge.priority() + ")";
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        text.append(title).append(':');
        if (lines.isEmpty()) {
            text.append(' ').append(NONE).append('\n');
            return;
        }
        text.append('\n');
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }
}
