package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.ui.shell.MainView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The guided tour of a first start: anchored to the real controls with a pointer and a ring, driven by keyboard,
 * remembered.
 */
@ExtendWith(ApplicationExtension.class)
class GuidedTourGuiTest {

    @TempDir
    Path temp;

    private AppContext context;
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.start(temp.resolve("data"), temp.resolve("config"));
        view = ArcaGui.showMainWindow(stage, context);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void firstStartTourGoesThroughByKeyboardAndIsNotShownAfterARestart(FxRobot robot) throws Exception {
        // The window as a new user sees it once the local server answers: the empty page offering the sample.
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());
        robot.interact(() -> view.guidedTour().startIfFirstRun());
        waitForFxEvents();
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#tour-callout").query().isVisible());
        waitForFxEvents();

        Node callout = robot.lookup("#tour-callout").query();
        Bounds card = callout.localToScene(callout.getLayoutBounds());
        Node picker = robot.lookup("#connection-picker").query();
        Bounds anchor = picker.localToScene(picker.getLayoutBounds());
        assertThat(card.getMinY()).isGreaterThanOrEqualTo(anchor.getMaxY());
        assertThat(card.getMinX()).isLessThan(anchor.getMaxX());
        assertThat(card.getMaxX()).isGreaterThan(anchor.getMinX());
        Bounds pointer = sceneBounds(robot, "#tour-pointer");
        assertThat(pointer.getMinY()).as("the pointer reaches up to the picker").isCloseTo(anchor.getMaxY(), within(6.0));
        assertThat(pointer.getMaxY()).isGreaterThanOrEqualTo(card.getMinY());
        assertThat(pointer.getCenterX()).isBetween(anchor.getMinX(), anchor.getMaxX());
        assertThat(sceneBounds(robot, "#tour-target-ring").contains(anchor)).isTrue();
        assertThat(text(robot, "#tour-progress")).isEqualTo("Step 1 of 4");
        assertThat(callout.getAccessibleText()).contains("connection");
        Screenshots.capture(stage.getScene(), "guided-tour.png");

        robot.type(KeyCode.SPACE);
        waitForFxEvents();
        assertThat(text(robot, "#tour-title")).isEqualTo("The upstream graph");
        Node graph = robot.lookup("#nav-upstream-graph").query();
        Bounds graphEntry = graph.localToScene(graph.getLayoutBounds());
        assertThat(callout.localToScene(callout.getLayoutBounds()).getMinX()).isGreaterThan(graphEntry.getMaxX());
        Bounds graphPointer = sceneBounds(robot, "#tour-pointer");
        assertThat(graphPointer.getMinX()).as("the pointer reaches left to the entry")
                .isCloseTo(graphEntry.getMaxX(), within(6.0));
        assertThat(graphPointer.getCenterY()).isBetween(graphEntry.getMinY(), graphEntry.getMaxY());
        assertThat(sceneBounds(robot, "#tour-target-ring").contains(graphEntry)).isTrue();

        robot.type(KeyCode.ENTER);
        waitForFxEvents();
        assertThat(text(robot, "#tour-title")).isEqualTo("Workflows");

        robot.type(KeyCode.ESCAPE);
        waitForFxEvents();
        assertThat(callout.isVisible()).isFalse();

        // A restart with the same configuration directory: the tour does not come back by itself.
        AppContext restarted = AppContext.start(temp.resolve("data2"), temp.resolve("config"));
        try {
            boolean[] started = new boolean[1];
            robot.interact(() -> started[0] = restarted.guidedTour().startIfFirstRun());
            assertThat(started[0]).isFalse();
        } finally {
            restarted.close();
        }

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitForFxEvents();
        robot.write("show the tour").type(KeyCode.ENTER);
        waitForFxEvents();
        assertThat(callout.isVisible()).isTrue();
        assertThat(text(robot, "#tour-progress")).isEqualTo("Step 1 of 4");

        robot.clickOn("#tour-skip");
        waitForFxEvents();
        assertThat(callout.isVisible()).isFalse();
        robot.clickOn("#tour-button");
        waitForFxEvents();
        assertThat(callout.isVisible()).isTrue();
    }

    private static Bounds sceneBounds(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScene(node.getBoundsInLocal());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
