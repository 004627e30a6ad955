package dev.arca.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.util.Subscription;

/**
 * The guided tour's callout: a card laid over the main window beside the control the step points at, with
 * Back, Next and Skip; Esc skips. A pointer from the card's edge and a ring around the control show which one it
 * means. Drawn in the window (not a popup) so it moves with it and shows in screenshots.
 */
final class GuidedTourView extends VBox {

    private static final double WIDTH = 320;
    private static final double GAP = 12;
    /** Half the pointer's base; the pointer spans the gap from the card's edge to the control. */
    private static final double POINTER = 9;
    private static final double RING_INSET = 4;

    private final GuidedTourViewModel viewModel;
    private final Pane host;
    private final Label progress = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button skip = new Button("Skip tour");
    private final Polygon pointer = new Polygon();
    private final Region ring = new Region();
    private Node watched;
    private Subscription watching = Subscription.EMPTY;

    GuidedTourView(GuidedTourViewModel viewModel, Pane host) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.host = Objects.requireNonNull(host, "host");
        setId("tour-callout");
        getStyleClass().add("tour-callout");
        setAccessibleRole(AccessibleRole.DIALOG);
        setManaged(false);
        setVisible(false);
        setSpacing(8);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);

        progress.setId("tour-progress");
        progress.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        title.setId("tour-title");
        title.getStyleClass().add(Styles.TITLE_4);
        text.setId("tour-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("tour-back");
        next.setId("tour-next");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(false);
        skip.setId("tour-skip");
        skip.getStyleClass().add(Styles.FLAT);
        back.setOnAction(event -> viewModel.back());
        next.setOnAction(event -> viewModel.next());
        skip.setOnAction(event -> viewModel.dismiss());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, skip, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        pointer.setId("tour-pointer");
        pointer.getStyleClass().add("tour-pointer");
        ring.setId("tour-target-ring");
        ring.getStyleClass().add("tour-target-ring");
        // Outside the card's bounds, drawn with it: not laid out, and clicks go through to the control.
        for (Node mark : List.of(pointer, ring)) {
            mark.setManaged(false);
            mark.setMouseTransparent(true);
        }
        getChildren().addAll(progress, title, text, buttons, pointer, ring);

        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.dismiss();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && getScene().getFocusOwner() instanceof Button button
                    && button.getParent() != null && button.getParent().getParent() == this) {
                // Enter fires the focused tour button too, as users expect of a small dialog.
                button.fire();
                event.consume();
            }
        });
        viewModel.showingProperty().subscribe(this::refresh);
        viewModel.stepIndexProperty().subscribe(this::refresh);
        host.widthProperty().subscribe(this::place);
        host.heightProperty().subscribe(this::place);
    }

    private void refresh() {
        boolean showing = viewModel.showingProperty().get();
        setVisible(showing);
        viewModel.currentStep().ifPresent(step -> {
            progress.setText(viewModel.progressText());
            title.setText(step.title());
            text.setText(step.text());
            back.setDisable(viewModel.isFirstStep());
            next.setText(viewModel.isLastStep() ? "Done" : "Next");
            setAccessibleText(viewModel.progressText() + ". " + step.title() + ". " + step.text());
            // After layout, so the target's bounds are known; focus follows so Enter and Space go on.
            Platform.runLater(() -> {
                place();
                next.requestFocus();
            });
        });
    }

    /**
     * Puts the card beside the step's target — below it for the header, to its right for navigation entries — with
     * the pointer from the card's edge to the target's middle and the ring around the target.
     */
    private void place() {
        Node target = viewModel.currentStep().map(step -> host.lookup("#" + step.targetId())).orElse(null);
        if (target == null || target.getScene() == null) {
            return;
        }
        follow(target);
        applyCss();
        double height = prefHeight(WIDTH);
        resize(WIDTH, height);
        Bounds bounds = host.sceneToLocal(target.localToScene(target.getLayoutBounds()));
        boolean inHeader = bounds.getMaxY() < host.getHeight() / 5;
        double x = inHeader ? bounds.getMaxX() - WIDTH : bounds.getMaxX() + GAP;
        double y = inHeader ? bounds.getMaxY() + GAP : bounds.getCenterY() - 24;
        x = clamp(x, GAP, host.getWidth() - WIDTH - GAP);
        y = clamp(y, GAP, host.getHeight() - height - GAP);
        // In the card's own coordinates: the pointer's tip touches the ring, its base sits on the card's edge.
        double tip = GAP - RING_INSET;
        if (inHeader) {
            double middle = clamp(bounds.getCenterX() - x, 2 * POINTER, WIDTH - 2 * POINTER);
            pointer.getPoints().setAll(middle - POINTER, 1.0, middle, -tip, middle + POINTER, 1.0);
        } else {
            double middle = clamp(bounds.getCenterY() - y, 2 * POINTER, height - 2 * POINTER);
            pointer.getPoints().setAll(1.0, middle - POINTER, -tip, middle, 1.0, middle + POINTER);
        }
        ring.resizeRelocate(bounds.getMinX() - x - RING_INSET, bounds.getMinY() - y - RING_INSET,
                bounds.getWidth() + 2 * RING_INSET, bounds.getHeight() + 2 * RING_INSET);
        relocate(x, y);
        toFront();
    }

    /** The control may still move or grow after the card is placed (the picker's text comes later): follow it. */
    private void follow(Node target) {
        if (target != watched) {
            watching.unsubscribe();
            watched = target;
            watching = Subscription.combine(target.layoutBoundsProperty().subscribe((before, now) -> place()),
                    target.localToSceneTransformProperty().subscribe((before, now) -> place()));
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
