package dev.arca.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The graph's JavaFX nodes in world coordinates: one box per repository, connection and missing upstream, one polyline
 * with an arrowhead and a priority badge per edge, and an overlay for the edge being dragged and for a refused edit.
 * Highlighting only changes style classes, so it is cheap on large graphs.
 */
final class GraphDrawing {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass PAST_BUDGET = PseudoClass.getPseudoClass("past-budget");
    private static final PseudoClass WARNED = PseudoClass.getPseudoClass("warned");
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private static final PseudoClass RETAINED = PseudoClass.getPseudoClass("retained");
    private static final List<String> ROLES = List.of("role-searched", "role-serves", "role-fetches",
            "role-may-fetch", "role-not-consulted", "role-impacted");
    private static final double ARROW = 9;

    /** One drawn edge; {@code bounds} enclose its line, head and badge (graph coordinates). */
    record EdgeShape(GraphLayout.Route route, Polyline line, Polygon head, Optional<Label> priority, Bounds bounds) {
    }

    private final Group edges = new Group();
    private final Group boxes = new Group();
    private final Group badges = new Group();
    private final Group overlay = new Group();
    private final Group root = new Group(edges, boxes, badges, overlay);
    private final Map<String, VBox> boxNodes = new HashMap<>();
    private final Map<String, Label> positionBadges = new HashMap<>();
    private final List<EdgeShape> edgeShapes = new java.util.ArrayList<>();
    private final List<Map.Entry<GraphLayout.Box, VBox>> placedBoxes = new java.util.ArrayList<>();
    private GraphLayout.Result layout = GraphLayout.Result.EMPTY;
    private Optional<EdgeShape> selectedEdge = Optional.empty();
    private boolean detailed = true;
    private Optional<Bounds> inSight = Optional.empty();

    GraphDrawing() {
        edges.setMouseTransparent(true); // edges are found geometrically (edgeAt): spare picking thousands of lines
    }

    Group root() {
        return root;
    }

    GraphLayout.Result layout() {
        return layout;
    }

    /** Replaces everything drawn with {@code placed}. */
    void draw(GraphLayout.Result placed) {
        layout = placed;
        boxNodes.clear();
        placedBoxes.clear();
        positionBadges.clear();
        edgeShapes.clear();
        selectedEdge = Optional.empty();
        List<javafx.scene.Node> edgeNodes = new java.util.ArrayList<>();
        for (GraphLayout.Route route : placed.routes()) {
            EdgeShape shape = edge(route);
            edgeShapes.add(shape);
            edgeNodes.add(shape.line());
            edgeNodes.add(shape.head());
            shape.priority().ifPresent(edgeNodes::add);
        }
        edges.getChildren().setAll(edgeNodes);
        List<javafx.scene.Node> boxList = new java.util.ArrayList<>();
        for (GraphLayout.Box box : placed.boxes().values()) {
            VBox node = box(box);
            boxNodes.put(box.id(), node);
            placedBoxes.add(Map.entry(box, node));
            boxList.add(node);
        }
        boxes.getChildren().setAll(boxList);
        badges.getChildren().clear();
        overlay.getChildren().clear();
        setDetailed(detailed, true);
        inSight.ifPresent(this::cull);
    }

    private static VBox box(GraphLayout.Box box) {
        Label name = new Label(box.name());
        name.getStyleClass().add("graph-box-name");
        Label subtitle = new Label(box.subtitle());
        subtitle.getStyleClass().add("graph-box-subtitle");
        HBox title = new HBox(4, name);
        if (box.kind() == GraphLayout.Kind.CONNECTION) {
            title.getChildren().addFirst(new FontIcon(Feather.GLOBE));
        } else if (box.kind() == GraphLayout.Kind.MISSING) {
            title.getChildren().addFirst(new FontIcon(Feather.ALERT_OCTAGON));
        } else if (box.subtitle().contains("policy")) {
            title.getChildren().add(new FontIcon(Feather.SHIELD));
        }
        title.setAlignment(javafx.geometry.Pos.CENTER);
        VBox node = new VBox(0, title, subtitle);
        node.setAlignment(javafx.geometry.Pos.CENTER);
        node.getStyleClass().addAll("graph-box", "graph-box-" + box.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.setId("graph-box-" + box.id().replace(':', '-'));
        node.setUserData(box.id());
        node.setAccessibleRole(javafx.scene.AccessibleRole.NODE);
        node.setAccessibleText(accessibleName(box));
        node.relocate(box.x(), box.y());
        node.setMinSize(box.width(), box.height());
        node.setPrefSize(box.width(), box.height());
        node.setMaxSize(box.width(), box.height());
        // Sized here, not by its group: showing or hiding a box (cull) then lays out none of the others.
        node.setManaged(false);
        node.resize(box.width(), box.height());
        return node;
    }

    /** What a screen reader says for a box: "Repository web-app, 2 upstreams", "External connection npmjs". */
    static String accessibleName(GraphLayout.Box box) {
        String kind = switch (box.kind()) {
            case CONNECTION -> "External connection ";
            case MISSING -> "Missing repository ";
            case REPOSITORY -> "Repository ";
        };
        return kind + box.name() + (box.subtitle().isBlank() ? "" : ", " + box.subtitle());
    }

    private static EdgeShape edge(GraphLayout.Route route) {
        double[] p = route.points();
        Polyline line = new Polyline(p);
        line.getStyleClass().addAll("graph-edge", route.connection() ? "graph-edge-connection"
                : route.dangling() ? "graph-edge-dangling" : "graph-edge-upstream");
        Polygon head = arrowHead(p);
        head.getStyleClass().addAll("graph-arrow", route.connection() ? "graph-edge-connection"
                : route.dangling() ? "graph-edge-dangling" : "graph-edge-upstream");
        Optional<Label> priority = Optional.empty();
        if (!route.connection() && p.length >= 4) {
            Label badge = new Label(Integer.toString(route.priority()));
            badge.getStyleClass().add("graph-edge-priority");
            double dx = p[2] - p[0];
            double dy = p[3] - p[1];
            double length = Math.max(1, Math.hypot(dx, dy));
            double along = Math.min(22, length / 2);
            badge.relocate(p[0] + dx / length * along - 9, p[1] + dy / length * along - 9);
            badge.setManaged(false);
            badge.resize(18, 18); // graph.css: 18 px
            priority = Optional.of(badge);
        }
        return new EdgeShape(route, line, head, priority, bounds(p));
    }

    /** The box around a polyline's points, widened by what is drawn at its ends (arrowhead, priority badge). */
    private static Bounds bounds(double[] p) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < p.length; i += 2) {
            minX = Math.min(minX, p[i]);
            maxX = Math.max(maxX, p[i]);
            minY = Math.min(minY, p[i + 1]);
            maxY = Math.max(maxY, p[i + 1]);
        }
        double margin = 2 * ARROW;
        return p.length < 2 ? new BoundingBox(0, 0, 0, 0)
                : new BoundingBox(minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin);
    }

    private static Polygon arrowHead(double[] p) {
        if (p.length < 4) {
            return new Polygon();
        }
        double x2 = p[p.length - 2];
        double y2 = p[p.length - 1];
        double dx = x2 - p[p.length - 4];
        double dy = y2 - p[p.length - 3];
        double length = Math.max(1, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        return new Polygon(x2, y2, x2 - ux * ARROW - uy * ARROW / 2, y2 - uy * ARROW + ux * ARROW / 2,
                x2 - ux * ARROW + uy * ARROW / 2, y2 - uy * ARROW - ux * ARROW / 2);
    }

    /** Marks selection, positions, dimmed boxes, roles and warnings. */
    void highlight(GraphHighlight highlight) {
        badges.getChildren().clear();
        positionBadges.clear();
        boxNodes.forEach((id, node) -> {
            node.pseudoClassStateChanged(SELECTED, highlight.selected().map(id::equals).orElse(false));
            node.pseudoClassStateChanged(DIMMED, highlight.dimmed().contains(id));
            node.pseudoClassStateChanged(PAST_BUDGET, highlight.pastBudget().contains(id));
            node.pseudoClassStateChanged(RETAINED, highlight.retained().contains(id));
            String warning = highlight.warnings().get(id);
            node.pseudoClassStateChanged(WARNED, warning != null);
            Tooltip.install(node, null);
            if (warning != null) {
                Tooltip.install(node, new Tooltip(warning));
            }
            node.getStyleClass().removeAll(ROLES);
            String role = highlight.roles().get(id);
            if (role != null) {
                node.getStyleClass().add(role);
            }
            GraphLayout.Box box = layout.boxes().get(id);
            Integer position = highlight.positions().get(id);
            if (position != null && position > 0) {
                badges.getChildren().add(badge(id, Integer.toString(position), "graph-position", box.x() - 10,
                        box.y() - 10));
            }
            if (highlight.pastBudget().contains(id)) {
                badges.getChildren().add(badge(id, "past 25", "graph-past-budget", box.x() + box.width() - 44,
                        box.y() - 10));
            }
            if (highlight.retained().contains(id)) {
                badges.getChildren().add(badge(id, "retained", "graph-retained", box.x() + box.width() - 40,
                        box.y() - 16));
            }
            if (warning != null) {
                Label icon = badge(id, "!", "graph-warning-badge", box.x() + box.width() - 10, box.y() - 10);
                Tooltip.install(icon, new Tooltip(warning));
                badges.getChildren().add(icon);
            }
        });
        for (EdgeShape shape : edgeShapes) {
            boolean onPath = highlight.onPath(shape.route().from(), shape.route().to());
            boolean dimmed = highlight.dimmed().contains(shape.route().from());
            shape.line().pseudoClassStateChanged(ON_PATH, onPath);
            shape.line().pseudoClassStateChanged(DIMMED, dimmed && !onPath);
            shape.head().pseudoClassStateChanged(ON_PATH, onPath);
            shape.head().pseudoClassStateChanged(DIMMED, dimmed && !onPath);
            shape.priority().ifPresent(l -> l.pseudoClassStateChanged(DIMMED, dimmed && !onPath));
        }
        badges.setVisible(detailed);
    }

    private Label badge(String id, String text, String style, double x, double y) {
        Label badge = new Label(text);
        badge.getStyleClass().add(style);
        badge.relocate(x, y);
        badge.setMouseTransparent(!"graph-warning-badge".equals(style));
        if ("graph-position".equals(style)) {
            badge.setId("graph-position-" + id.replace(':', '-'));
            positionBadges.put(id, badge);
        }
        return badge;
    }

    /** The search position shown on a box, when one is (tests and the side panel read it). */
    Optional<String> positionShown(String id) {
        return Optional.ofNullable(positionBadges.get(id)).map(Label::getText);
    }

    /** Shows names and badges, or only shapes when zoomed far out (text is what makes large graphs slow). */
    void setDetailed(boolean show) {
        setDetailed(show, false);
    }

    private void setDetailed(boolean show, boolean force) {
        if (show == detailed && !force) {
            return;
        }
        detailed = show;
        boxNodes.values().forEach(node -> node.getChildren().forEach(child -> child.setVisible(show)));
        edgeShapes.forEach(shape -> shape.priority().ifPresent(label -> label.setVisible(show
                && shape.line().isVisible())));
        badges.setVisible(show);
    }

    /**
     * Leaves what lies far from {@code viewport} (graph coordinates) out of rendering. JavaFX renders every visible
     * node of a moved group each frame, in sight or not: on a domain of 1,000 repositories the lines out of sight cost
     * the software renderer more than those in sight, and every label is rasterised again at each new zoom. What lies
     * within half a view of the sight stays shown, so what a move brings into sight is there already.
     */
    void cull(Bounds viewport) {
        inSight = Optional.of(viewport);
        if (viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return; // not laid out yet
        }
        Bounds near = new BoundingBox(viewport.getMinX() - viewport.getWidth() / 2,
                viewport.getMinY() - viewport.getHeight() / 2, viewport.getWidth() * 2, viewport.getHeight() * 2);
        for (EdgeShape shape : edgeShapes) {
            boolean in = shape.bounds().intersects(near);
            shape.line().setVisible(in);
            shape.head().setVisible(in);
            shape.priority().ifPresent(label -> label.setVisible(in && detailed));
        }
        for (Map.Entry<GraphLayout.Box, VBox> placed : placedBoxes) {
            GraphLayout.Box box = placed.getKey();
            placed.getValue().setVisible(near.intersects(box.x(), box.y(), box.width(), box.height()));
        }
    }

    /** The box under a world point, if any. */
    Optional<GraphLayout.Box> boxAt(Point2D world) {
        return layout.boxes().values().stream().filter(b -> world.getX() >= b.x() && world.getX() <= b.x() + b.width()
                && world.getY() >= b.y() && world.getY() <= b.y() + b.height()).findFirst();
    }

    /** The upstream edge nearest a world point within {@code tolerance}, if any. */
    Optional<EdgeShape> edgeAt(Point2D world, double tolerance) {
        EdgeShape best = null;
        double bestDistance = tolerance;
        for (EdgeShape shape : edgeShapes) {
            if (shape.route().connection()) {
                continue;
            }
            double[] p = shape.route().points();
            for (int i = 0; i + 3 < p.length; i += 2) {
                double d = distance(world.getX(), world.getY(), p[i], p[i + 1], p[i + 2], p[i + 3]);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = shape;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static double distance(double x, double y, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.clamp(((x - x1) * dx + (y - y1) * dy) / lengthSquared, 0, 1);
        return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    }

    /** Marks an edge as selected (for Delete and the context menu), or none. */
    void selectEdge(Optional<EdgeShape> edge) {
        selectedEdge.ifPresent(e -> e.line().pseudoClassStateChanged(SELECTED, false));
        selectedEdge = edge;
        edge.ifPresent(e -> e.line().pseudoClassStateChanged(SELECTED, true));
    }

    Optional<EdgeShape> selectedEdge() {
        return selectedEdge;
    }

    /** The line drawn while an edge is dragged from a box. */
    void showDrag(Point2D from, Point2D to) {
        Line line = new Line(from.getX(), from.getY(), to.getX(), to.getY());
        line.getStyleClass().add("graph-drag");
        line.setMouseTransparent(true);
        overlay.getChildren().setAll(line);
    }

    /** A refused edit drawn where it was tried: a red dashed line between the two boxes and the reason beside it. */
    void showRejection(String fromId, Optional<String> toId, String reason) {
        GraphLayout.Box from = layout.boxes().get(fromId);
        if (from == null) {
            overlay.getChildren().clear();
            return;
        }
        Optional<GraphLayout.Box> to = toId.map(layout.boxes()::get);
        Label text = new Label(reason);
        text.setId("graph-rejection");
        text.getStyleClass().add("graph-rejection");
        text.setWrapText(true);
        text.setMaxWidth(320);
        text.setMouseTransparent(true);
        if (to.isPresent()) {
            Line line = new Line(from.centerX(), from.y() + from.height(), to.get().centerX(), to.get().y());
            line.getStyleClass().add("graph-rejected-edge");
            line.setMouseTransparent(true);
            text.relocate((from.centerX() + to.get().centerX()) / 2 + 8, (from.y() + from.height() + to.get().y()) / 2);
            overlay.getChildren().setAll(line, text);
        } else {
            text.relocate(from.x(), from.y() + from.height() + 6);
            overlay.getChildren().setAll(text);
        }
    }

    void clearOverlay() {
        overlay.getChildren().clear();
    }

    /** Box nodes by layout id, for the view's tests and the snapshot of a box. */
    Map<String, ? extends Region> boxNodes() {
        return boxNodes;
    }
}
