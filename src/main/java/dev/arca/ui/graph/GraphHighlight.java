package dev.arca.ui.graph;

import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.SearchPlan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the graph marks besides its boxes and edges, by layout id: the selection, search positions, boxes dimmed,
 * boxes past the search budget, per-box roles of a trace, and warnings. Computed from the page's state.
 */
record GraphHighlight(Optional<String> selected, Map<String, Integer> positions, Set<String> path,
                      Set<String> dimmed, Set<String> pastBudget, Map<String, String> roles, Set<String> retained,
                      Map<String, String> warnings) {

    GraphHighlight {
        Objects.requireNonNull(selected);
        positions = Map.copyOf(positions);
        path = Set.copyOf(path);
        dimmed = Set.copyOf(dimmed);
        pastBudget = Set.copyOf(pastBudget);
        roles = Map.copyOf(roles);
        retained = Set.copyOf(retained);
        warnings = Map.copyOf(warnings);
    }

    /** Whether the edge between two boxes lies on the highlighted path (both ends searched). */
    boolean onPath(String from, String to) {
        return path.contains(from) && path.contains(to);
    }

    static GraphHighlight of(UpstreamGraphViewModel.Picture picture, Optional<String> selectedName,
                             UpstreamGraphViewModel.Mode mode, Optional<SearchPlan> plan, List<String> impact,
                             Optional<PackageTrace> trace) {
        Optional<String> selected = selectedName.map(GraphLayout::repositoryId);
        Map<String, Integer> positions = new HashMap<>();
        Set<String> path = new HashSet<>();
        Set<String> dimmed = new HashSet<>();
        Set<String> past = new HashSet<>();
        Map<String, String> roles = new HashMap<>();
        Set<String> retained = new HashSet<>();
        Map<String, String> warnings = new HashMap<>();
        for (GraphWarning warning : picture.warnings()) {
            warning.boxes().forEach(id -> warnings.merge(id, warning.message(), (a, b) -> a + "\n" + b));
        }
        Set<String> all = picture.layout().boxes().keySet();
        switch (mode) {
            case EXPLAIN -> plan.ifPresent(p -> {
                for (int i = 0; i < p.order().size(); i++) {
                    positions.put(GraphLayout.repositoryId(p.order().get(i)), i + 1);
                }
                path.addAll(positions.keySet());
                p.pastBudget().forEach(r -> past.add(GraphLayout.repositoryId(r)));
                p.danglingOnPath().forEach(e -> positions.putIfAbsent(GraphLayout.missingId(e.upstream()), 0));
                all.stream().filter(id -> !positions.containsKey(id) && !past.contains(id)
                        && !connectionOfSearched(picture, id, p)).forEach(dimmed::add);
            });
            case IMPACT -> selectedName.ifPresent(name -> {
                Set<String> lit = new HashSet<>();
                lit.add(GraphLayout.repositoryId(name));
                impact.forEach(r -> lit.add(GraphLayout.repositoryId(r)));
                all.stream().filter(id -> !lit.contains(id)).forEach(dimmed::add);
                impact.forEach(r -> roles.put(GraphLayout.repositoryId(r), "role-impacted"));
            });
            case TRACE -> trace.ifPresent(t -> {
                for (PackageTrace.Step step : t.steps()) {
                    String id = GraphLayout.repositoryId(step.repository());
                    positions.put(id, step.position());
                    if (step.role() != PackageTrace.Role.NOT_CONSULTED) {
                        path.add(id);
                    }
                    roles.put(id, "role-" + step.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                }
                t.outcome().retainedIn().forEach(r -> retained.add(GraphLayout.repositoryId(r)));
                all.stream().filter(id -> !positions.containsKey(id)).forEach(dimmed::add);
            });
            case GRAPH -> { }
        }
        return new GraphHighlight(selected, positions, path, dimmed, past, roles, retained, warnings);
    }

    private static boolean connectionOfSearched(UpstreamGraphViewModel.Picture picture, String id, SearchPlan plan) {
        return id.startsWith("conn:") && plan.order().stream().anyMatch(r -> picture.graph().repository(r)
                .flatMap(g -> g.externalConnection()).map(c -> id.equals(GraphLayout.connectionId(c))).orElse(false));
    }
}
