package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.retention.PlannedVersion;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.ui.shell.Page;
import dev.arca.workflow.RunHistory;
import dev.arca.workflow.VersionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
 * The Workflows page in the real app (Monocle): a rule built from the fields, its plan previewed, applied after
 * confirming, and each version's result; the server's versions are archived.
 */
@ExtendWith(ApplicationExtension.class)
class WorkflowsGuiTest {

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
    void aRuleIsPlannedAppliedAndItsResultsShown(FxRobot robot) throws Exception {
        context.startEmbeddedServer();
        LocalServer server = context.embeddedServer().get(15, TimeUnit.SECONDS);
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(server)) {
            sdk.createDomain(r -> r.domain("platform"));
            sdk.createRepository(r -> r.domain("platform").repository("builds"));
            for (String pkg : List.of("lint", "formatter", "build-cache")) {
                for (String version : List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0")) {
                    EmbeddedGateway.publishGeneric(sdk, "platform", "builds", "tools", pkg, version,
                            (pkg + " " + version + " ").repeat(200).getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(5); // distinct publish times
                }
            }

            robot.clickOn("#nav-" + Page.WORKFLOWS.id());
            waitFor(15, TimeUnit.SECONDS, () -> "builds".equals(combo(robot, "#workflow-repository").getValue()));

            // A bad value is a sentence under its field, and Plan waits for it to be fixed.
            robot.interact(() -> robot.lookup("#workflow-keep-newest").queryTextInputControl().setText("0"));
            waitForFxEvents();
            assertThat(robot.lookup("#workflow-error-keep-newest").queryAs(Label.class).getText())
                    .startsWith("Keep newest is a whole number from 1");
            assertThat(robot.lookup("#workflow-plan").queryButton().isDisabled()).isTrue();
            robot.interact(() -> robot.lookup("#workflow-keep-newest").queryTextInputControl().setText("2"));
            waitForFxEvents();
            assertThat(robot.lookup("#workflow-error-keep-newest").queryAs(Label.class).isVisible()).isFalse();

            robot.clickOn("#workflow-plan");
            TableView<PlannedVersion> plan = table(robot, "#workflow-plan-table");
            waitFor(20, TimeUnit.SECONDS, () -> plan.getItems().size() == 15 && plan.isVisible());
            assertThat(robot.lookup("#workflow-summary").queryAs(Label.class).getText())
                    .startsWith("15 versions: 9 archive, 6 keep");
            waitForFxEvents();
            Screenshots.capture(stage.getScene(), "workflow-plan.png");

            robot.clickOn("#workflow-apply");
            clickShown(robot, "Apply");
            TableView<VersionResult> results = table(robot, "#workflow-run-table");
            waitFor(30, TimeUnit.SECONDS, () -> results.getItems().size() == 9);
            waitForFxEvents();
            assertThat(results.getItems()).allMatch(r -> r.kind() == VersionResult.Kind.DONE);
            assertThat(robot.lookup("#workflow-summary").queryAs(Label.class).getText())
                    .isEqualTo("9 versions: 9 done");
            assertThat(robot.lookup("#workflow-progress-text").queryAs(Label.class).getText()).isEqualTo("9 of 9");
            assertThat(robot.lookup("#workflow-export").queryButton().isDisabled()).isFalse();
            waitForFxEvents();
            Screenshots.capture(stage.getScene(), "workflow-run.png");

            Map<String, String> statuses = new TreeMap<>();
            sdk.listPackageVersions(r -> r.domain("platform").repository("builds").format("generic")
                    .namespace("tools").packageValue("lint")).versions().forEach(v -> statuses.put(v.version(),
                    v.statusAsString()));
            assertThat(statuses).containsEntry("1.0.0", "Archived").containsEntry("1.2.0", "Archived")
                    .containsEntry("2.0.0", "Published").containsEntry("2.1.0", "Published");
            try (var journals = Files.list(temp.resolve("data").resolve("journals"))) {
                assertThat(journals).hasSize(1);
            }
        }
    }

    @Test
    void aRunLeftRunningThenCancelledIsResumedFromTheHistoryExactlyOnce(FxRobot robot) throws Exception {
        context.startEmbeddedServer();
        LocalServer server = context.embeddedServer().get(15, TimeUnit.SECONDS);
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(server)) {
            sdk.createDomain(r -> r.domain("platform"));
            sdk.createRepository(r -> r.domain("platform").repository("builds"));
            sdk.createRepository(r -> r.domain("platform").repository("release"));
            int packages = 60; // one copy request each, paced to CopyPackageVersions' 5 a second: about 12 s
            for (int i = 0; i < packages; i++) {
                EmbeddedGateway.publishGeneric(sdk, "platform", "builds", "tools", String.format("tool-%02d", i),
                        "1.0.0", ("tool " + i).getBytes(StandardCharsets.UTF_8));
            }

            robot.clickOn("#nav-" + Page.WORKFLOWS.id());
            waitFor(15, TimeUnit.SECONDS, () -> "builds".equals(combo(robot, "#workflow-repository").getValue()));
            robot.interact(() -> {
                combo(robot, "#workflow-action").setValue("copy");
                robot.lookup("#workflow-destination").queryTextInputControl().setText("release");
                robot.lookup("#workflow-keep-latest").queryAs(CheckBox.class).setSelected(false);
            });
            robot.clickOn("#workflow-plan");
            TableView<PlannedVersion> plan = table(robot, "#workflow-plan-table");
            waitFor(20, TimeUnit.SECONDS, () -> plan.getItems().size() == packages && plan.isVisible());
            robot.clickOn("#workflow-apply");
            clickShown(robot, "Apply");
            Label progress = robot.lookup("#workflow-progress-text").queryAs(Label.class);
            waitFor(20, TimeUnit.SECONDS, () -> progress.getText().matches("([3-9]|1\\d) of " + packages + " · .*s left"));

            // Leaving the page asks; the run keeps going in the background and is still there on coming back.
            robot.clickOn("#nav-" + Page.DOMAINS.id());
            clickShown(robot, "Keep running");
            waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#page-domains").tryQuery().isPresent());
            robot.clickOn("#nav-" + Page.WORKFLOWS.id());
            assertThat(robot.lookup("#workflow-cancel").queryButton().isDisabled()).isFalse();
            // Closing the window would stop the run: it asks, without offering to keep it running, and Stay stays.
            Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
            waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "Stay").isPresent());
            assertThat(shown(robot, "Cancel the run")).isPresent();
            assertThat(shown(robot, "Keep running")).isEmpty();
            clickShown(robot, "Stay");
            waitForFxEvents();
            assertThat(stage.isShowing()).isTrue();
            assertThat(robot.lookup("#workflow-cancel").queryButton().isDisabled()).isFalse();
            robot.clickOn("#workflow-cancel");
            Label summary = robot.lookup("#workflow-summary").queryAs(Label.class);
            waitFor(20, TimeUnit.SECONDS, () -> summary.getText().endsWith("(cancelled)"));
            TableView<VersionResult> results = table(robot, "#workflow-run-table");
            long doneFirst = results.getItems().stream().filter(r -> r.kind() == VersionResult.Kind.DONE).count();
            assertThat(doneFirst).isBetween(3L, packages - 1L);
            assertThat(summary.getText()).isEqualTo(packages + " versions: " + doneFirst + " done, " + (packages - doneFirst)
                    + " not run (cancelled)");

            // The history lists it interrupted, opens its report, and resumes it.
            robot.clickOn("#workflow-tab-history");
            TableView<RunHistory.Entry> history = table(robot, "#workflow-history-table");
            waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
            robot.interact(() -> history.getSelectionModel().select(0));
            TableView<VersionResult> report = table(robot, "#workflow-history-report");
            waitFor(10, TimeUnit.SECONDS, () -> report.getItems().size() == packages);
            assertThat(robot.lookup("#workflow-history-summary").queryAs(Label.class).getText())
                    .isEqualTo(packages + " versions: " + doneFirst + " done · " + (packages - doneFirst)
                            + " not run — interrupted: Resume sends the rest");
            waitForFxEvents();
            Screenshots.capture(stage.getScene(), "workflow-history.png");
            robot.clickOn("#workflow-history-resume");
            clickShown(robot, "Resume");
            waitFor(30, TimeUnit.SECONDS, () -> summary.getText().equals(packages + " versions: " + (packages - doneFirst)
                    + " done, " + doneFirst + " skipped"));
            assertThat(results.getItems()).noneMatch(r -> r.kind() == VersionResult.Kind.NOT_RUN);
            long copied = sdk.listPackagesPaginator(r -> r.domain("platform").repository("release")).packages()
                    .stream().count();
            assertThat(copied).isEqualTo(packages);
            robot.clickOn("#workflow-tab-history");
            Label recorded = robot.lookup("#workflow-history-summary").queryAs(Label.class);
            waitFor(10, TimeUnit.SECONDS, () -> recorded.getText().equals(packages + " versions: " + packages + " done"));
            assertThat(robot.lookup("#workflow-history-resume").queryButton().isDisabled()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    /** The node showing this text in a window on screen, if any (a dialog's nodes exist before it is shown). */
    private static Optional<Node> shown(FxRobot robot, String text) {
        return robot.lookup(text).match(NodeQueryUtils.isVisible()).tryQuery();
    }

    private static void clickShown(FxRobot robot, String text) throws TimeoutException {
        waitFor(10, TimeUnit.SECONDS, () -> shown(robot, text).isPresent());
        robot.clickOn(shown(robot, text).orElseThrow());
    }

    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }
}
