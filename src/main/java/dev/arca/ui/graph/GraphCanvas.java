package dev.arca.ui.graph;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The graph's viewport: pans when the background is dragged, zooms at the pointer with the wheel (or +, -, 0 to
 * fit), selects a box or an edge with a click, and drags from one box to another to add an upstream (or to an external
 * connection to attach it). Names and badges are hidden when zoomed far out.
 */
final class GraphCanvas extends Region {

    /** What the user asked for on the graph; the page turns it into ViewModel commands. */
    interface Actions {
        void select(Optional<String> boxId);

        void connect(String fromBoxId, String toBoxId);

        void removeEdge(GraphLayout.Route route);

        void moveEdge(GraphLayout.Route route, int delta);

        void open(String boxId);

        void boxMenu(String boxId, ContextMenu menu);
    }

    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 2.5;
    private static final double DETAIL_SCALE = 0.4;
    private static final double DRAG_THRESHOLD = 6;

    private final GraphDrawing drawing;
    private final Actions actions;
    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ReadOnlyObjectWrapper<Bounds> viewport = new ReadOnlyObjectWrapper<>(this, "viewport",
            new BoundingBox(0, 0, 0, 0));
    private final ContextMenu menu = new ContextMenu();
    private Point2D pressedAt;
    private Optional<String> dragFrom = Optional.empty();
    private boolean dragging;

    GraphCanvas(GraphDrawing drawing, Actions actions) {
        this.drawing = drawing;
        this.actions = actions;
        setId("graph-canvas");
        getStyleClass().add("graph-canvas");
        drawing.root().getTransforms().setAll(translate, scale);
        getChildren().add(drawing.root());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            e.consume();
        });
        setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> zoomAt(1.25, getWidth() / 2, getHeight() / 2);
                case MINUS, SUBTRACT -> zoomAt(0.8, getWidth() / 2, getHeight() / 2);
                case DIGIT0, NUMPAD0 -> fit();
                case DELETE, BACK_SPACE -> drawing.selectedEdge().ifPresent(edge -> actions.removeEdge(edge.route()));
                default -> {
                    return;
                }
            }
            e.consume();
        });
        widthProperty().subscribe(w -> updateViewport());
        heightProperty().subscribe(h -> updateViewport());
    }

    /** The part of the graph in sight, in graph coordinates. */
    ReadOnlyObjectProperty<Bounds> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    double zoom() {
        return scale.getX();
    }

    /** Zooms by {@code factor} keeping the graph point under {@code (x, y)} (viewport coordinates) in place. */
    void zoomAt(double factor, double x, double y) {
        double next = Math.clamp(scale.getX() * factor, MIN_SCALE, MAX_SCALE);
        double applied = next / scale.getX();
        translate.setX(x - (x - translate.getX()) * applied);
        translate.setY(y - (y - translate.getY()) * applied);
        scale.setX(next);
        scale.setY(next);
        drawing.setDetailed(next >= DETAIL_SCALE);
        updateViewport();
    }

    /** Moves the graph by a distance in viewport pixels. */
    void panBy(double dx, double dy) {
        translate.setX(translate.getX() + dx);
        translate.setY(translate.getY() + dy);
        updateViewport();
    }

    /** Shows the whole graph (at most at 100 %). */
    void fit() {
        GraphLayout.Result layout = drawing.layout();
        if (layout.width() <= 0 || getWidth() <= 0) {
            return;
        }
        double margin = 32;
        double next = Math.clamp(Math.min((getWidth() - 2 * margin) / layout.width(),
                (getHeight() - 2 * margin) / layout.height()), MIN_SCALE, 1.0);
        scale.setX(next);
        scale.setY(next);
        translate.setX((getWidth() - layout.width() * next) / 2);
        translate.setY(Math.max(margin, (getHeight() - layout.height() * next) / 2));
        drawing.setDetailed(next >= DETAIL_SCALE);
        updateViewport();
    }

    /** Brings a box into the middle of the view, zooming in to read it if the view is far out. */
    void centerOn(String boxId) {
        GraphLayout.Box box = drawing.layout().boxes().get(boxId);
        if (box == null) {
            return;
        }
        double next = Math.max(scale.getX(), 0.8);
        scale.setX(next);
        scale.setY(next);
        translate.setX(getWidth() / 2 - box.centerX() * next);
        translate.setY(getHeight() / 2 - box.centerY() * next);
        drawing.setDetailed(true);
        updateViewport();
    }

    /** Centres the view on a graph point (the overview map's clicks). */
    void centerOnPoint(double worldX, double worldY) {
        translate.setX(getWidth() / 2 - worldX * scale.getX());
        translate.setY(getHeight() / 2 - worldY * scale.getY());
        updateViewport();
    }

    private Point2D world(double x, double y) {
        return new Point2D((x - translate.getX()) / scale.getX(), (y - translate.getY()) / scale.getY());
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        menu.hide();
        pressedAt = new Point2D(e.getX(), e.getY());
        dragging = false;
        dragFrom = e.getButton() == MouseButton.PRIMARY ? drawing.boxAt(world(e.getX(), e.getY()))
                .filter(b -> b.kind() == GraphLayout.Kind.REPOSITORY).map(GraphLayout.Box::id) : Optional.empty();
    }

    private void dragged(MouseEvent e) {
        if (pressedAt == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D now = new Point2D(e.getX(), e.getY());
        if (!dragging && now.distance(pressedAt) < DRAG_THRESHOLD) {
            return;
        }
        if (dragFrom.isPresent()) {
            dragging = true;
            GraphLayout.Box from = drawing.layout().boxes().get(dragFrom.get());
            drawing.showDrag(new Point2D(from.centerX(), from.y() + from.height()), world(e.getX(), e.getY()));
        } else {
            dragging = true;
            panBy(now.getX() - pressedAt.getX(), now.getY() - pressedAt.getY());
            pressedAt = now;
        }
    }

    private void released(MouseEvent e) {
        if (dragging && dragFrom.isPresent()) {
            drawing.clearOverlay();
            // Dropping on itself is an edit too: the core rules say why it cannot be made.
            drawing.boxAt(world(e.getX(), e.getY())).ifPresent(t -> actions.connect(dragFrom.get(), t.id()));
        }
        pressedAt = null;
    }

    private void clicked(MouseEvent e) {
        if (dragging || !e.isStillSincePress()) {
            return;
        }
        Point2D world = world(e.getX(), e.getY());
        Optional<GraphLayout.Box> box = drawing.boxAt(world);
        Optional<GraphDrawing.EdgeShape> edge = box.isPresent() ? Optional.empty()
                : drawing.edgeAt(world, 6 / scale.getX());
        drawing.selectEdge(edge);
        if (e.getButton() == MouseButton.SECONDARY) {
            menu.getItems().clear();
            box.ifPresent(b -> actions.boxMenu(b.id(), menu));
            edge.ifPresent(shape -> edgeMenu(shape.route()));
            if (!menu.getItems().isEmpty()) {
                menu.show(this, e.getScreenX(), e.getScreenY());
            }
        }
        if (box.isPresent() || edge.isEmpty()) {
            actions.select(box.map(GraphLayout.Box::id));
        }
        if (e.getClickCount() == 2 && box.isPresent()) {
            actions.open(box.get().id());
        }
    }

    private void edgeMenu(GraphLayout.Route route) {
        MenuItem earlier = new MenuItem("Search earlier (priority " + Math.max(1, route.priority() - 1) + ")");
        earlier.setDisable(route.priority() == 1 || route.dangling());
        earlier.setOnAction(a -> actions.moveEdge(route, -1));
        MenuItem later = new MenuItem("Search later (priority " + (route.priority() + 1) + ")");
        later.setDisable(route.dangling());
        later.setOnAction(a -> actions.moveEdge(route, +1));
        MenuItem remove = new MenuItem("Remove this upstream");
        remove.setId("graph-remove-edge");
        remove.setOnAction(a -> actions.removeEdge(route));
        menu.getItems().setAll(earlier, later, remove);
    }

    private void updateViewport() {
        Point2D topLeft = world(0, 0);
        Point2D bottomRight = world(getWidth(), getHeight());
        viewport.set(new BoundingBox(topLeft.getX(), topLeft.getY(), bottomRight.getX() - topLeft.getX(),
                bottomRight.getY() - topLeft.getY()));
        drawing.cull(viewport.get());
    }

    @Override
    protected void layoutChildren() {
        // The drawing is placed by its transforms only.
    }
}
