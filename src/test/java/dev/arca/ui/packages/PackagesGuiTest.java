package dev.arca.ui.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import atlantafx.base.theme.PrimerLight;
import dev.arca.app.Screenshots;
import dev.arca.core.PackageInfo;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.controlsfx.control.SegmentedButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Packages page on its own, on a real server and the JavaFX task runner, driven headless: keyboard shortcuts,
 * the origin-control editor, and downloading an asset with the progress bar. The dialogs answer for the user,
 * since a native save dialog cannot be driven headless.
 */
@ExtendWith(ApplicationExtension.class)
class PackagesGuiTest {

    @TempDir
    Path temp;

    private PackagesFixture fixture;
    private ExecutorTaskRunner tasks;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private byte[] content;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new PackagesFixture(temp.resolve("data"));
        content = new byte[24 * 1024 * 1024];
        new Random(5).nextBytes(content);
        fixture.publish("builds", "installer", "2.4.0", content);
        fixture.publish("builds", "cli", "1.0.0", "cli".getBytes());
        tasks = ExecutorTaskRunner.forJavaFx(e -> { });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        StackPane page = new StackPane(new PackagesView(new PackagesViewModel(fixture.embedded()::gateway, tasks,
                dialogs, fixture.memory(), fixture.journalDir(), Clock.systemUTC())));
        page.setPadding(new Insets(24));
        scene = new Scene(page, 1000, 700);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
        fixture.close();
    }

    @Test
    void aVersionIsOpenedFromTheKeyboardAndItsAssetDownloadedWithTheProgressBar(FxRobot robot) throws Exception {
        TableView<?> packages = robot.lookup("#packages-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> packages.isVisible() && packages.getItems().size() == 2);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitForFxEvents();
        assertThat(scene.getFocusOwner().getId()).isEqualTo("packages-filter");
        robot.write("inst").type(KeyCode.ENTER);
        waitFor(15, TimeUnit.SECONDS, () -> packages.getItems().size() == 1);
        assertThat(((PackageInfo) packages.getItems().getFirst()).display()).isEqualTo("builds/installer");

        robot.interact(() -> packages.getSelectionModel().select(0));
        robot.interact(packages::requestFocus);
        robot.type(KeyCode.ENTER);
        TableView<?> versions = robot.lookup("#versions-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> versions.getSelectionModel().getSelectedIndex() == 0);
        assertThat(scene.getFocusOwner()).isSameAs(versions);

        TabPane tabs = robot.lookup("#version-details").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<?> assets = robot.lookup("#assets-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> assets.getItems().size() == 1);
        robot.interact(versions::requestFocus);
        robot.type(KeyCode.ENTER);
        waitFor(15, TimeUnit.SECONDS, () -> assets.getSelectionModel().getSelectedIndex() == 0);
        assertThat(scene.getFocusOwner()).isSameAs(assets);

        Path target = Files.createDirectories(temp.resolve("downloads")).resolve("installer.bin");
        dialogs.answerSaveFile(Optional.of(target));
        ProgressBar bar = robot.lookup("#download-progress").queryAs(ProgressBar.class);
        List<Double> shown = new CopyOnWriteArrayList<>();
        AtomicReference<WritableImage> midway = new AtomicReference<>();
        robot.interact(() -> bar.progressProperty().subscribe(p -> {
            shown.add(p.doubleValue());
            if (p.doubleValue() > 0.3 && p.doubleValue() < 1 && midway.get() == null && bar.isVisible()) {
                midway.set(scene.snapshot(null)); // the bar part way, as the user sees it
            }
        }));
        robot.clickOn("#download-asset");
        Label status = robot.lookup("#download-status").queryAs(Label.class);
        waitFor(30, TimeUnit.SECONDS, () -> status.getText().endsWith("(SHA-256 checked)."));

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(shown).as("the bar moved with the bytes").anyMatch(p -> p > 0 && p < 1).isSorted();
        assertThat(shown.getLast()).isEqualTo(1.0);
        assertThat(bar.isVisible()).as("hidden once done").isFalse();
        assertThat(midway.get()).isNotNull();
        Screenshots.save(midway.get(), "packages-download.png");
    }

    @Test
    void theOriginControlsAreSavedFromTheEditorAndTheRowFollows(FxRobot robot) throws Exception {
        TableView<?> packages = robot.lookup("#packages-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> packages.isVisible() && packages.getItems().size() == 2);
        robot.interact(() -> packages.getSelectionModel().select(0));
        Button save = robot.lookup("#save-origin-controls").queryButton();
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#origin-publish-block");
        robot.clickOn("#origin-upstream-allow");
        assertThat(save.isDisabled()).isFalse();
        assertThat((Object) robot.lookup("#origin-publish").query()).isInstanceOf(SegmentedButton.class);
        waitForFxEvents();
        Screenshots.capture(save.getScene(), "origin-controls.png");
        robot.clickOn(save);

        waitFor(15, TimeUnit.SECONDS, () -> ((PackageInfo) packages.getItems().getFirst()).publish().equals("BLOCK"));
        PackageInfo row = (PackageInfo) packages.getItems().getFirst();
        assertThat(row.upstream()).isEqualTo("ALLOW");
        assertThat(packages.getSelectionModel().getSelectedItem()).as("still selected").isEqualTo(row);
        waitForFxEvents();
        assertThat(save.isDisabled()).isTrue();
    }
}
