package dev.arca.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.PackageInfo;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.FxDialogService;
import dev.arca.ui.common.UserSettings;
import dev.arca.workflow.VersionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Workflows page on its own (Monocle) against a real local server: a dispose needs the repository's name typed
 * in the real confirmation dialog, and the run's report is exported as CSV and as JSON. Only the file chooser is
 * answered by the test (a native dialog cannot be driven headless); every other dialog is the app's own.
 */
@ExtendWith(ApplicationExtension.class)
class WorkflowsExportGuiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final Deque<Path> saveAnswers = new ArrayDeque<>();
    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        CodeArtifactGateway gateway = embedded.gateway();
        gateway.createDomain("shop", Optional.empty());
        gateway.createRepository("shop", "dev", Optional.empty(), List.of());
        for (String pkg : List.of("lint", "fmt")) {
            for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
                embedded.publishGeneric("shop", "dev", "tools", pkg, version,
                        (pkg + version).getBytes(StandardCharsets.UTF_8));
                Thread.sleep(5); // distinct publish times
            }
        }
        DialogService fx = new FxDialogService(() -> stage);
        DialogService dialogs = new DialogService() {
            @Override
            public void showError(String title, String sentence, Throwable details) {
                fx.showError(title, sentence, details);
            }

            @Override
            public void showInformation(String title, String sentence) {
                fx.showInformation(title, sentence);
            }

            @Override
            public boolean confirm(String title, String sentence, String actionLabel, boolean destructive) {
                return fx.confirm(title, sentence, actionLabel, destructive);
            }

            @Override
            public boolean confirmTyped(String title, String sentence, String expected, String actionLabel) {
                return fx.confirmTyped(title, sentence, expected, actionLabel);
            }

            @Override
            public int choose(String title, String sentence, List<String> choices) {
                return fx.choose(title, sentence, choices);
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, String suggestedName) {
                return Optional.ofNullable(saveAnswers.poll());
            }
        };
        WorkflowsViewModel viewModel = new WorkflowsViewModel(() -> gateway,
                ExecutorTaskRunner.forJavaFx(unhandled::add), dialogs,
                new DomainMemory(UserSettings.load(temp.resolve("settings.properties")), "local"),
                temp.resolve("journals"), Clock.systemUTC());
        stage.setScene(new Scene(new WorkflowsView(viewModel), 1100, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void aDisposeNeedsTheRepositoryNameTypedAndItsReportIsExportedAsCsvAndJson(FxRobot robot) throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> "dev".equals(robot.lookup("#workflow-repository")
                .queryAs(ComboBox.class).getValue()));
        robot.interact(() -> {
            robot.lookup("#workflow-keep-newest").queryTextInputControl().setText("1");
            robot.lookup("#workflow-action").queryAs(ComboBox.class).setValue("dispose");
        });
        robot.clickOn("#workflow-plan");
        TableView<PlannedVersion> plan = table(robot, "#workflow-plan-table");
        waitFor(20, TimeUnit.SECONDS, () -> plan.getItems().size() == 6 && plan.isVisible());

        robot.clickOn("#workflow-apply");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-typed").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button confirm = (Button) dialog.lookupButton(dialog.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Apply")).findFirst().orElseThrow());
        assertThat(dialog.getContentText()).contains("archiving is the reversible alternative");
        assertThat(confirm.isDisabled()).isTrue();
        robot.clickOn("#confirm-typed").write("de");
        assertThat(confirm.isDisabled()).isTrue();
        robot.write("v");
        waitForFxEvents();
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn(confirm);
        TableView<VersionResult> results = table(robot, "#workflow-run-table");
        waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 4);
        assertThat(results.getItems()).allMatch(r -> r.kind() == VersionResult.Kind.DONE);
        assertThat(embedded.gateway().describeVersion("shop", "dev", new PackageInfo("generic", "tools", "lint", "",
                ""), "1.0.0").status()).isEqualTo("Disposed");

        Path csv = temp.resolve("report.csv");
        Path json = temp.resolve("report.json");
        saveAnswers.add(csv);
        robot.clickOn("#workflow-export");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(csv) && Files.size(csv) > 0);
        saveAnswers.add(json);
        robot.clickOn("#workflow-export");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(json) && Files.size(json) > 0);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("format,namespace,package,version,action,result,errorCode,message");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
                "generic,tools,lint,1.0.0,dispose,done,,", "generic,tools,lint,1.1.0,dispose,done,,",
                "generic,tools,fmt,1.0.0,dispose,done,,", "generic,tools,fmt,1.1.0,dispose,done,,");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("summary").path("versions").asInt()).isEqualTo(4);
        assertThat(report.path("summary").path("done").asInt()).isEqualTo(4);
        assertThat(report.path("summary").path("cancelled").asBoolean()).isFalse();
        assertThat(report.path("versions")).hasSize(4).allSatisfy(v -> {
            assertThat(v.path("action").asText()).isEqualTo("dispose");
            assertThat(v.path("result").asText()).isEqualTo("done");
        });
        assertThat(unhandled).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }
}
