package dev.arca.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import atlantafx.base.theme.PrimerLight;
import dev.arca.app.Screenshots;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.RecordingNavigation;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Upstream graph page on a real server, driven headless: the graph is drawn, a repository explained, an edge
 * dragged from one repository to another and applied, and a package traced.
 */
@ExtendWith(ApplicationExtension.class)
class UpstreamGraphGuiTest {

    @TempDir
    Path temp;

    private GraphDomainFixture fixture;
    private ExecutorTaskRunner tasks;
    private UpstreamGraphView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new GraphDomainFixture(temp.resolve("data"));
        tasks = ExecutorTaskRunner.forJavaFx(e -> { });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        view = new UpstreamGraphView(new UpstreamGraphViewModel(fixture::gateway, tasks, new RecordingDialogs(),
                fixture.memory(), new RecordingNavigation()));
        StackPane page = new StackPane(view);
        page.setPadding(new Insets(24));
        scene = new Scene(page, 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
        fixture.close();
    }

    private void waitForGraph() throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> view.drawing().boxNodes().containsKey("repo:mobile-app"));
        waitForFxEvents();
    }

    /** The screen point of a box's centre. */
    private Point2D centreOf(String boxId) {
        var node = view.drawing().boxNodes().get(boxId);
        var bounds = node.localToScreen(node.getBoundsInLocal());
        return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    }

    @Test
    void aRepositoryFoundWithCtrlFIsExplainedInSearchOrder(FxRobot robot) throws Exception {
        waitForGraph();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        waitForFxEvents();
        assertThat(scene.getFocusOwner()).isInstanceOf(TextField.class);
        robot.write("mobile").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(10, TimeUnit.SECONDS, () -> view.drawing().positionShown("repo:mobile-app").isPresent());
        assertThat(view.drawing().positionShown("repo:mobile-app")).contains("1");
        assertThat(view.drawing().positionShown("repo:release-candidates")).contains("2");
        assertThat(view.drawing().positionShown("repo:shared-libs")).contains("3");
        assertThat(view.drawing().positionShown("repo:npm-store")).contains("4");
        assertThat(view.drawing().positionShown("repo:maven-central-store")).contains("5");
        assertThat(view.drawing().positionShown("repo:pypi-store")).isEmpty();
        robot.interact(view.canvas()::fit);
        waitForFxEvents();
        Screenshots.capture(scene, "upstream-graph.png");
    }

    @Test
    void draggingFromOneRepositoryToAnotherAddsAnUpstreamOnTheServerWhenApplied(FxRobot robot) throws Exception {
        waitForGraph();
        robot.interact(() -> view.canvas().centerOn("repo:shared-python"));
        waitForFxEvents();
        robot.drag(centreOf("repo:ml-models")).dropTo(centreOf("repo:shared-python"));
        waitForFxEvents();
        // ml-models already reads from shared-python: refused before anything is sent, the reason on the graph.
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#graph-rejection").tryQuery().isPresent());
        assertThat(robot.lookup("#graph-rejection").queryLabeled().getText())
                .isEqualTo("shared-python is already an upstream of ml-models.");

        robot.drag(centreOf("repo:ml-models")).dropTo(centreOf("repo:pypi-store"));
        waitForFxEvents();
        assertThat(robot.lookup("#graph-rejection").tryQuery()).isEmpty();
        robot.clickOn("#graph-tab-edit");
        Button apply = robot.lookup("#edit-apply").queryButton();
        waitFor(5, TimeUnit.SECONDS, () -> !apply.isDisabled());
        robot.clickOn(apply);
        waitFor(20, TimeUnit.SECONDS, () -> fixture.gateway().describeRepository(GraphDomainFixture.DOMAIN,
                "ml-models").upstreams().size() == 2);
        assertThat(fixture.gateway().describeRepository(GraphDomainFixture.DOMAIN, "ml-models").upstreams())
                .containsExactly("shared-python", "pypi-store");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#edit-status").queryLabeled().getText()
                .startsWith("Applied 1 change"));
    }

    @Test
    void aTraceColoursWhereThePackageIsServedFrom(FxRobot robot) throws Exception {
        waitForGraph();
        robot.interact(() -> view.canvas().centerOn("repo:mobile-app"));
        robot.clickOn(centreOf("repo:mobile-app"));
        robot.clickOn("#graph-tab-trace");
        robot.interact(() -> robot.lookup("#trace-format").queryComboBox().getSelectionModel()
                .select(dev.arca.core.PackageFormat.GENERIC));
        robot.clickOn("#trace-namespace").write("tools");
        robot.clickOn("#trace-name").write("lint");
        robot.clickOn("#trace-version").write("2.1.0");
        robot.clickOn("#trace-run");
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#trace-conclusion").queryLabeled().getText()
                .contains("serves"));
        assertThat(robot.lookup("#trace-conclusion").queryLabeled().getText())
                .isEqualTo("release-candidates serves 2.1.0; it is retained in mobile-app, not in the repositories"
                        + " between.");
        assertThat(view.drawing().boxNodes().get("repo:release-candidates").getStyleClass()).contains("role-serves");
        assertThat(view.drawing().boxNodes().get("repo:shared-libs").getStyleClass()).contains("role-not-consulted");
        robot.interact(view.canvas()::fit);
        waitForFxEvents();
        Screenshots.capture(scene, "upstream-graph-trace.png");
    }
}
