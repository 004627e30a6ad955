package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The guided tour of a first start: anchored to the real controls, driven by keyboard, remembered. */
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
        assertThat(text(robot, "#tour-progress")).isEqualTo("Step 1 of 4");
        assertThat(callout.getAccessibleText()).contains("connection");
        Screenshots.capture(stage.getScene(), "guided-tour.png");

        robot.type(KeyCode.SPACE);
        waitForFxEvents();
        assertThat(text(robot, "#tour-title")).isEqualTo("The upstream graph");
        Node graph = robot.lookup("#nav-upstream-graph").query();
        Bounds graphEntry = graph.localToScene(graph.getLayoutBounds());
        assertThat(callout.localToScene(callout.getLayoutBounds()).getMinX()).isGreaterThan(graphEntry.getMaxX());

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
            robot.interact(() -> started[0] = restarted.newGuidedTour().startIfFirstRun());
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

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
