package dev.arca.core.graph;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An upstream graph as Graphviz DOT: repositories are boxes with an edge to each upstream labelled with its
 * priority; external connections are ellipses with an edge from each repository holding one; an upstream that is no
 * longer a repository is a red dashed box marked missing, reached by a red dashed edge. Nodes are named by what
 * they stand for — repository names and connection names cannot collide, as only connection names have a colon —
 * and every name is quoted, so any name stays one identifier. Deterministic: the same graph gives the same text.
 */
public final class GraphDot {

    private static final String INDENT = "  ";
    private static final String MISSING = "red";

    private GraphDot() {
    }

    /** The whole graph, one statement per line, repositories and edges in name and priority order. */
    public static String of(UpstreamGraph graph) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph ").append(quote(graph.domain())).append(" {\n");
        dot.append(INDENT).append("label=").append(quote("domain " + graph.domain() + " (owner "
                + graph.domainOwner() + ")")).append(";\n");
        dot.append(INDENT).append("labelloc=t;\n");
        dot.append(INDENT).append("node [shape=box];\n");
        for (GraphRepository repository : graph.repositories()) {
            dot.append(INDENT).append(quote(repository.name())).append(";\n");
        }
        for (String connection : graph.externalConnections()) {
            dot.append(INDENT).append(quote(connection)).append(" [shape=ellipse];\n");
        }
        Set<String> missing = new LinkedHashSet<>();
        graph.danglingEdges().forEach(edge -> missing.add(edge.upstream()));
        for (String name : missing) {
            dot.append(INDENT).append(quote(name)).append(" [label=").append(quote(name + "\n(missing)"))
                    .append(", style=dashed, color=").append(MISSING).append(", fontcolor=").append(MISSING)
                    .append("];\n");
        }
        for (GraphEdge edge : graph.edges()) {
            dot.append(INDENT).append(quote(edge.repository())).append(" -> ").append(quote(edge.upstream()))
                    .append(" [label=").append(quote(String.valueOf(edge.priority())));
            if (edge.dangling()) {
                dot.append(", style=dashed, color=").append(MISSING).append(", fontcolor=").append(MISSING);
            }
            dot.append("];\n");
        }
        for (GraphRepository repository : graph.repositories()) {
            repository.externalConnection().ifPresent(connection -> dot.append(INDENT)
                    .append(quote(repository.name())).append(" -> ").append(quote(connection)).append(";\n"));
        }
        dot.append("}\n");
        return dot.toString();
    }

    /**
     * {@code text} as a DOT quoted string. Graphviz reads {@code \"} as a quote and, in labels, {@code \\} as a
     * backslash and {@code \n} as a line break; escaping every backslash keeps a name's {@code \l} or {@code \N}
     * from turning into layout directives.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> { }
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
