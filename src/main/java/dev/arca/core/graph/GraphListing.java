package dev.arca.core.graph;

import dev.arca.core.PackageInfo;
import dev.arca.core.UpstreamSearchOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An upstream graph, a search plan and a package trace as plain text for a terminal or a CI log: one line per
 * repository, then the graph's problems (missing upstreams, cycles, chains past the budget, unreached upstreams),
 * each section present, "none" when empty, so scripts can look for them. ASCII only, whatever the console's encoding.
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

    /**
     * A package trace: a heading, one line per repository of the search order ({@code 3 repo-c: serves; stores 1.0.0
     * (Published; INTERNAL, entered the domain at repo-c)}), then the conclusion.
     */
    public static String trace(PackageTrace trace) {
        StringBuilder text = new StringBuilder();
        text.append(PackageInfo.display(trace.format().wireName(), trace.namespace(), trace.name()));
        trace.version().ifPresent(v -> text.append(' ').append(v));
        text.append(" (").append(trace.format().wireName()).append(") requested from ").append(trace.start())
                .append('\n');
        for (PackageTrace.Step step : trace.steps()) {
            List<String> parts = new ArrayList<>();
            parts.add(role(step.role()));
            parts.add(step.stored().map(stored -> stored(stored, trace.version())).orElse("none of the package"));
            step.connection().ifPresent(c -> parts.add("external connection " + c
                    + step.connectionRefused().map(reason -> " refused: " + reason).orElse("")));
            step.stopsHere().ifPresent(reason -> parts.add("the search stops here: " + reason));
            text.append(step.position()).append(' ').append(step.repository()).append(": ")
                    .append(String.join("; ", parts)).append('\n');
        }
        return text.append(trace.outcome().conclusion()).append('\n').toString();
    }

    private static String role(PackageTrace.Role role) {
        return switch (role) {
            case SEARCHED -> "searched";
            case SERVES -> "serves";
            case FETCHES -> "fetches";
            case MAY_FETCH -> "may fetch";
            case NOT_CONSULTED -> "not consulted";
        };
    }

    private static String stored(PackageTrace.Stored stored, Optional<String> version) {
        // Origin controls are not repeated here: where they matter to this request, the step says so
        // (the search stops here, the connection is refused).
        return version.map(v -> stored.version()
                        .map(found -> "stores " + v + " (" + found.status() + "; " + found.recorded() + ")")
                        .orElse("has the package, not " + v))
                .orElseGet(() -> stored.versionCount() + (stored.versionCount() == 1 ? " version" : " versions")
                        + stored.defaultVersion().map(d -> ", default " + d).orElse(""));
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
