package dev.arca.ui.graph;

import dev.arca.core.ExternalConnections;
import dev.arca.core.graph.GraphEdge;
import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.UpstreamGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places an upstream graph with Eclipse ELK's layered algorithm: downstream repositories above the repositories they
 * read from, external connections below their holders, missing upstreams as nodes of their own. Pure computation
 * on the calling thread (call it off the FX thread); the result is plain coordinates that the view draws.
 */
public final class GraphLayout {

    /** What a box stands for. */
    public enum Kind { REPOSITORY, CONNECTION, MISSING }

    /**
     * A placed box, by id ({@code repo:NAME}, {@code conn:NAME}, {@code missing:NAME}), with the two lines it shows:
     * the name and a short subtitle (its connection's format, a policy, another administrator account).
     */
    public record Box(String id, Kind kind, String name, String subtitle, double x, double y, double width,
                      double height) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /** A routed edge: from a repository to an upstream (with its priority) or to its external connection. */
    public record Route(String from, String to, int priority, boolean dangling, boolean connection, double[] points) {
        public Route {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            points = points.clone();
        }

        @Override
        public double[] points() {
            return points.clone();
        }

        /** The repository and upstream names this edge links, for edges between repositories. */
        public String key() {
            return from + "→" + to;
        }
    }

    /** The placed graph; {@code width}/{@code height} bound every box and route. */
    public record Result(Map<String, Box> boxes, List<Route> routes, double width, double height) {
        public Result {
            boxes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
            routes = List.copyOf(routes);
        }

        public static final Result EMPTY = new Result(Map.of(), List.of(), 0, 0);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GraphLayout.class);
    static final double BOX_HEIGHT = 44;
    static final double LAYER_GAP = 96;
    private static final double CHAR_WIDTH = 7.6;
    private static final double SMALL_CHAR_WIDTH = 6.4;
    private static final double MIN_WIDTH = 120;
    private static final double PADDING = 40;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static final int WARM_UP_LAYOUTS = 4;

    private GraphLayout() {
    }

    /**
     * Lays out a made-up 40-repository domain a few times, on a background thread of low priority, the first time it
     * is called. A fresh JVM's first layout spends a second loading and initialising ELK's and EMF's classes and
     * running them interpreted; a page calls this when it is built, so that happens while its first load is on the way.
     */
    public static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("graph-layout-warm-up").priority(Thread.MIN_PRIORITY).start(() -> {
                try {
                    UpstreamGraph sample = sampleDomain();
                    for (int i = 0; i < WARM_UP_LAYOUTS; i++) {
                        of(sample);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Warming the graph layout up failed; the first layout will be slower", e);
                }
            });
        }
    }

    /** Teams reading from shared repositories reading from stores that hold external connections. */
    static UpstreamGraph sampleDomain() {
        List<GraphRepository> repositories = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repositories.add(new GraphRepository("store-" + i, List.of(), Optional.of(i % 2 == 0 ? "public:npmjs"
                    : "public:pypi"), "000000000000", false));
        }
        for (int i = 0; i < 6; i++) {
            repositories.add(new GraphRepository("shared-" + i, List.of("store-" + i % 4, "store-" + (i + 1) % 4),
                    Optional.empty(), "000000000000", i == 0));
        }
        for (int i = 0; i < 30; i++) {
            repositories.add(new GraphRepository("team-" + i, List.of("shared-" + i % 6, "shared-" + (i + 2) % 6,
                    "shared-" + (i + 3) % 6), Optional.empty(), "000000000000", false));
        }
        return UpstreamGraph.of("warm-up", "000000000000", repositories);
    }

    public static String repositoryId(String name) {
        return "repo:" + name;
    }

    public static String connectionId(String name) {
        return "conn:" + name;
    }

    public static String missingId(String name) {
        return "missing:" + name;
    }

    /** The width a box needs for its name (bold) and subtitle (small) in the graph's fonts. */
    static double widthFor(String name, String subtitle) {
        return Math.ceil(Math.max(MIN_WIDTH, Math.max(name.length() * CHAR_WIDTH, subtitle.length() * SMALL_CHAR_WIDTH)
                + PADDING));
    }

    /** The subtitle of a repository's box: its connection's format, a policy, another administrator. */
    static String subtitle(GraphRepository repository, String domainOwner) {
        List<String> parts = new ArrayList<>();
        repository.externalConnection().ifPresent(c -> parts.add(ExternalConnections.formatOf(c)
                .map(f -> f.wireName() + " store").orElse("external")));
        if (repository.hasPolicy()) {
            parts.add("policy");
        }
        if (!repository.administrator().equals(domainOwner)) {
            parts.add("admin " + repository.administrator());
        }
        if (parts.isEmpty()) {
            parts.add(repository.upstreams().isEmpty() ? "no upstreams" : repository.upstreams().size() + " upstream"
                    + (repository.upstreams().size() == 1 ? "" : "s"));
        }
        return String.join(" · ", parts);
    }

    /** Lays out {@code graph}; large domains get a quicker crossing minimisation. */
    public static Result of(UpstreamGraph graph) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 48.0);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
        int size = graph.repositories().size();
        if (size > 200) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
        }
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (GraphRepository repository : graph.repositories()) {
            add(root, nodes, kinds, names, repositoryId(repository.name()), Kind.REPOSITORY, repository.name(),
                    subtitle(repository, graph.domainOwner()));
        }
        for (String connection : graph.externalConnections()) {
            add(root, nodes, kinds, names, connectionId(connection), Kind.CONNECTION, connection, "public repository"
                    + ExternalConnections.formatOf(connection).map(f -> " · " + f.wireName()).orElse(""));
        }
        Map<ElkEdge, Route> edges = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            String target = edge.dangling() ? missingId(edge.upstream()) : repositoryId(edge.upstream());
            if (edge.dangling()) {
                add(root, nodes, kinds, names, target, Kind.MISSING, edge.upstream(), "missing: deleted?");
            }
            ElkEdge elk = ElkGraphUtil.createSimpleEdge(nodes.get(repositoryId(edge.repository())), nodes.get(target));
            edges.put(elk, new Route(repositoryId(edge.repository()), target, edge.priority(), edge.dangling(), false,
                    new double[0]));
        }
        for (GraphRepository repository : graph.repositories()) {
            repository.externalConnection().ifPresent(c -> {
                ElkEdge elk = ElkGraphUtil.createSimpleEdge(nodes.get(repositoryId(repository.name())),
                        nodes.get(connectionId(c)));
                edges.put(elk, new Route(repositoryId(repository.name()), connectionId(c), 0, false, true,
                        new double[0]));
            });
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        LayerBands bands = new LayerBands(nodes.values().stream().mapToDouble(ElkNode::getY).toArray());
        Map<String, Box> boxes = new LinkedHashMap<>();
        nodes.forEach((id, node) -> boxes.put(id, new Box(id, kinds.get(id), names.get(id)[0], names.get(id)[1],
                node.getX(),
                bands.map(node.getY()), node.getWidth(), node.getHeight())));
        List<Route> routes = new ArrayList<>();
        edges.forEach((elk, route) -> {
            double[] points = points(elk);
            for (int i = 1; i < points.length; i += 2) {
                points[i] = bands.map(points[i]);
            }
            routes.add(new Route(route.from(), route.to(), route.priority(), route.dangling(), route.connection(),
                    points));
        });
        return new Result(boxes, routes, root.getWidth(), bands.map(root.getHeight()));
    }

    /**
     * Closes up the space between layers. The polyline router keeps long edges from lying flat by spreading the layers
     * apart — thousands of pixels in a wide domain — so every layer keeps its height and each gap between layers
     * shrinks to {@link #LAYER_GAP}, with the points in a gap moved proportionally (their order is kept).
     */
    private static final class LayerBands {
        /** Per layer: the top of its highest box, the bottom of its lowest, and where its top moves to. */
        private final double[] tops;
        private final double[] bottoms;
        private final double[] newTops;

        LayerBands(double[] nodeTops) {
            double[] sorted = java.util.Arrays.stream(nodeTops).sorted().toArray();
            List<double[]> layers = new ArrayList<>();
            for (double top : sorted) {
                // Boxes of one layer need not share a top exactly; overlapping boxes belong to one band.
                if (!layers.isEmpty() && top < layers.getLast()[1]) {
                    layers.getLast()[1] = Math.max(layers.getLast()[1], top + BOX_HEIGHT);
                } else {
                    layers.add(new double[] {top, top + BOX_HEIGHT});
                }
            }
            tops = new double[layers.size()];
            bottoms = new double[layers.size()];
            newTops = new double[layers.size()];
            for (int i = 0; i < layers.size(); i++) {
                tops[i] = layers.get(i)[0];
                bottoms[i] = layers.get(i)[1];
                newTops[i] = i == 0 ? tops[0] : newTops[i - 1] + (bottoms[i - 1] - tops[i - 1]) + LAYER_GAP;
            }
        }

        double map(double y) {
            if (tops.length == 0 || y <= tops[0]) {
                return y;
            }
            int i = java.util.Arrays.binarySearch(tops, y);
            int layer = i >= 0 ? i : -i - 2;
            if (y <= bottoms[layer]) {
                return newTops[layer] + (y - tops[layer]);
            }
            double newBottom = newTops[layer] + (bottoms[layer] - tops[layer]);
            if (layer + 1 < tops.length) {
                return newBottom + (y - bottoms[layer]) * LAYER_GAP / (tops[layer + 1] - bottoms[layer]);
            }
            return newBottom + (y - bottoms[layer]);
        }
    }

    private static void add(ElkNode root, Map<String, ElkNode> nodes, Map<String, Kind> kinds,
                            Map<String, String[]> names, String id, Kind kind, String name, String subtitle) {
        if (nodes.containsKey(id)) {
            return;
        }
        ElkNode node = ElkGraphUtil.createNode(root);
        node.setIdentifier(id);
        node.setDimensions(widthFor(name, subtitle), BOX_HEIGHT);
        nodes.put(id, node);
        kinds.put(id, kind);
        names.put(id, new String[] {name, subtitle});
    }

    private static double[] points(ElkEdge edge) {
        if (edge.getSections().isEmpty()) {
            return new double[0];
        }
        ElkEdgeSection section = edge.getSections().getFirst();
        double[] points = new double[4 + 2 * section.getBendPoints().size()];
        int i = 0;
        points[i++] = section.getStartX();
        points[i++] = section.getStartY();
        for (ElkBendPoint bend : section.getBendPoints()) {
            points[i++] = bend.getX();
            points[i++] = bend.getY();
        }
        points[i++] = section.getEndX();
        points[i] = section.getEndY();
        return points;
    }
}
