package dev.arca.ui.graph;

import java.util.function.BiConsumer;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The overview map in a corner of the graph: every box as a small mark and the part in sight as a frame; a click or
 * a drag moves the view there. One canvas, so it stays cheap for a thousand repositories.
 */
final class GraphOverview extends StackPane {

    static final double WIDTH = 220;
    static final double HEIGHT = 140;

    private static final Color REPOSITORY_FILL = Color.web("#57606a");
    private static final Color CONNECTION_FILL = Color.web("#0969da");
    private static final Color MISSING_FILL = Color.web("#cf222e");

    /** The boxes, painted when the graph changes; the frame in sight, painted on every pan and zoom above them. */
    private final Canvas boxes = new Canvas(WIDTH, HEIGHT);
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private GraphLayout.Result layout = GraphLayout.Result.EMPTY;
    private Bounds viewport;
    private double factor = 1;
    private double offsetX;
    private double offsetY;

    /** @param moveTo told the graph point to centre the view on */
    GraphOverview(BiConsumer<Double, Double> moveTo) {
        setId("graph-overview");
        getStyleClass().add("graph-overview");
        getChildren().addAll(boxes, canvas);
        setMaxSize(WIDTH + 2, HEIGHT + 2);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> moveTo.accept(worldX(e.getX()), worldY(e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> moveTo.accept(worldX(e.getX()), worldY(e.getY())));
    }

    void show(GraphLayout.Result placed) {
        layout = placed;
        double w = Math.max(1, placed.width());
        double h = Math.max(1, placed.height());
        factor = Math.min((WIDTH - 8) / w, (HEIGHT - 8) / h);
        offsetX = (WIDTH - w * factor) / 2;
        offsetY = (HEIGHT - h * factor) / 2;
        if (viewport != null) {
            viewport(viewport);
        }
        paintBoxes();
    }

    /** Follows the part in sight; the map is shown only while part of the graph is out of sight. */
    void viewport(Bounds inSight) {
        viewport = inSight;
        boolean all = inSight.getMinX() <= 0 && inSight.getMinY() <= 0 && inSight.getMaxX() >= layout.width()
                && inSight.getMaxY() >= layout.height();
        setVisible(!all && !layout.boxes().isEmpty());
        paintViewport();
    }

    private double worldX(double x) {
        return (x - offsetX) / factor;
    }

    private double worldY(double y) {
        return (y - offsetY) / factor;
    }

    private void paintBoxes() {
        GraphicsContext g = boxes.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        for (GraphLayout.Box box : layout.boxes().values()) {
            g.setFill(switch (box.kind()) {
                case REPOSITORY -> REPOSITORY_FILL;
                case CONNECTION -> CONNECTION_FILL;
                case MISSING -> MISSING_FILL;
            });
            g.fillRect(offsetX + box.x() * factor, offsetY + box.y() * factor, Math.max(1.5, box.width() * factor),
                    Math.max(1.5, box.height() * factor));
        }
    }

    private void paintViewport() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        if (viewport != null) {
            g.setStroke(CONNECTION_FILL);
            g.setLineWidth(1.5);
            double x = Math.clamp(offsetX + viewport.getMinX() * factor, 0, WIDTH);
            double y = Math.clamp(offsetY + viewport.getMinY() * factor, 0, HEIGHT);
            double right = Math.clamp(offsetX + viewport.getMaxX() * factor, 0, WIDTH);
            double bottom = Math.clamp(offsetY + viewport.getMaxY() * factor, 0, HEIGHT);
            g.strokeRect(x + 0.75, y + 0.75, Math.max(2, right - x - 1.5), Math.max(2, bottom - y - 1.5));
        }
    }
}
