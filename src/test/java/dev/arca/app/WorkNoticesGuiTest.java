package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.retention.PlannedVersion;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.ui.shell.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Work the user started and left (Monocle): a copy run on the Workflows page keeps going while the user is on the
 * Domains page, and when it ends the window says so in one sentence, with the way back to the Workflows page.
 */
@ExtendWith(ApplicationExtension.class)
class WorkNoticesGuiTest {

    private static final int PACKAGES = 30; // one copy request each, paced to 5 a second: about 6 s

    @TempDir
    Path temp;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.start(temp.resolve("data"), temp.resolve("config"));
        ArcaGui.showMainWindow(stage, context);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aRunThatEndsWhileTheUserIsOnAnotherPageIsNoticedWithTheWayBack(FxRobot robot) throws Exception {
        leaveARunningCopy(robot);

        NotificationPane notice = robot.lookup("#work-notice").queryAs(NotificationPane.class);
        assertThat(notice.getText()).isEqualTo("The cleanup of builds finished: " + PACKAGES + " versions: "
                + PACKAGES + " done.");
        waitForFxEvents();
        Thread.sleep(500); // the bar slides in
        assertThat(top(robot, "#page-title")).as("the page moved down: the bar covers none of its title")
                .isGreaterThanOrEqualTo(bottom(robot, ".notification-bar"));
        Screenshots.capture(stage.getScene(), "notification.png");

        clickShown(robot, "Open Workflows");
        waitFor(10, TimeUnit.SECONDS, () -> !notice.isShowing());
        assertThat(robot.lookup("#workflow-summary").queryAs(Label.class).getText())
                .isEqualTo(PACKAGES + " versions: " + PACKAGES + " done");
    }

    @Test
    void theNoticeReadsInTheDarkThemeAndClosesWithItsButton(FxRobot robot) throws Exception {
        robot.clickOn("#theme-toggle");
        leaveARunningCopy(robot);

        waitForFxEvents();
        Thread.sleep(500);
        Screenshots.capture(stage.getScene(), "notification-dark.png");
        NotificationPane notice = robot.lookup("#work-notice").queryAs(NotificationPane.class);
        robot.clickOn(robot.lookup(".close-button").match(NodeQueryUtils.isVisible()).queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> context.workNotices().noticeProperty().get().isEmpty());
        assertThat(notice.isShowing()).isFalse();
        waitFor(5, TimeUnit.SECONDS, () -> top(robot, "#page-title") < topOfPageArea(robot) + 32);
    }

    /** Starts copying PACKAGES packages on the Workflows page, goes to Domains, and waits for the notice. */
    private void leaveARunningCopy(FxRobot robot) throws Exception {
        context.startEmbeddedServer();
        LocalServer server = context.embeddedServer().get(15, TimeUnit.SECONDS);
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(server)) {
            sdk.createDomain(r -> r.domain("platform"));
            sdk.createRepository(r -> r.domain("platform").repository("builds"));
            sdk.createRepository(r -> r.domain("platform").repository("release"));
            for (int i = 0; i < PACKAGES; i++) {
                EmbeddedGateway.publishGeneric(sdk, "platform", "builds", "tools", String.format("tool-%02d", i),
                        "1.0.0", ("tool " + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        robot.clickOn("#nav-" + Page.WORKFLOWS.id());
        waitFor(15, TimeUnit.SECONDS, () -> "builds".equals(combo(robot, "#workflow-repository").getValue()));
        robot.interact(() -> {
            combo(robot, "#workflow-action").setValue("copy");
            robot.lookup("#workflow-destination").queryTextInputControl().setText("release");
            robot.lookup("#workflow-keep-latest").queryAs(CheckBox.class).setSelected(false);
        });
        robot.clickOn("#workflow-plan");
        TableView<PlannedVersion> plan = robot.lookup("#workflow-plan-table").queryAs(TableView.class);
        waitFor(20, TimeUnit.SECONDS, () -> plan.getItems().size() == PACKAGES && plan.isVisible());
        robot.clickOn("#workflow-apply");
        clickShown(robot, "Apply");
        Label progress = robot.lookup("#workflow-progress-text").queryAs(Label.class);
        waitFor(20, TimeUnit.SECONDS, () -> progress.getText().matches("\\d+ of " + PACKAGES + " · .*"));

        robot.clickOn("#nav-" + Page.DOMAINS.id());
        clickShown(robot, "Keep running");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#page-domains").tryQuery().isPresent());
        NotificationPane notice = robot.lookup("#work-notice").queryAs(NotificationPane.class);
        assertThat(notice.isShowing()).isFalse();
        waitFor(30, TimeUnit.SECONDS, notice::isShowing);
        assertThat(context.workNotices().noticeProperty().get()).isPresent();
    }

    private static double top(FxRobot robot, String query) {
        Node node = robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
        return node.localToScene(node.getLayoutBounds()).getMinY();
    }

    private static double bottom(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScene(node.getLayoutBounds()).getMaxY();
    }

    /** Where the page area starts: the notice pane's top, the page's own padding (24) below it. */
    private static double topOfPageArea(FxRobot robot) {
        return top(robot, "#work-notice");
    }

    private static Optional<Node> shown(FxRobot robot, String text) {
        return robot.lookup(text).match(NodeQueryUtils.isVisible()).tryQuery();
    }

    private static void clickShown(FxRobot robot, String text) throws TimeoutException {
        waitFor(10, TimeUnit.SECONDS, () -> shown(robot, text).isPresent());
        robot.clickOn(shown(robot, text).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }
}
