package dev.arca.ui.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import atlantafx.base.theme.PrimerLight;
import dev.arca.app.Screenshots;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Bulk actions on the Packages page, driven headless on a real server: versions multi-selected, the context menu
 * from the keyboard, the plan, the run and its report, the table's new statuses, and the typed name that an
 * irreversible dispose needs.
 */
@ExtendWith(ApplicationExtension.class)
class PackagesBulkGuiTest {

    @TempDir
    Path temp;

    private PackagesFixture fixture;
    private ExecutorTaskRunner tasks;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new PackagesFixture(temp.resolve("data"));
        Random random = new Random(14);
        for (int minor = 0; minor < 14; minor++) {
            fixture.publish("builds", "cli", "1." + minor + ".0", bytes(random, 40_000 + minor * 9_000));
        }
        for (String version : List.of("2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0")) {
            fixture.publish("builds", "installer", version, bytes(random, 900_000));
        }
        for (String version : List.of("0.9.0", "1.0.0", "1.1.0", "1.2.0")) {
            fixture.publish("tools", "lint", version, bytes(random, 12_000));
        }
        fixture.publish("tools", "fmt", "3.1.0", bytes(random, 8_000));
        fixture.setStatus("builds", "cli", "Unlisted", "1.1.0", "1.2.0");
        tasks = ExecutorTaskRunner.forJavaFx(e -> { });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        StackPane page = new StackPane(new PackagesView(new PackagesViewModel(fixture.embedded()::gateway, tasks,
                new RecordingDialogs(), fixture.memory(), fixture.journalDir(), Clock.systemUTC())));
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

    @Test
    void versionsMultiSelectedAreArchivedFromTheContextMenuAndTheTableShowsTheirNewStatus(FxRobot robot)
            throws Exception {
        TableView<VersionInfo> versions = openCli(robot);
        robot.clickOn(row(robot, versions, 1));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, versions, 5)).release(KeyCode.SHIFT);
        assertThat(versions.getSelectionModel().getSelectedIndices()).containsExactly(1, 2, 3, 4, 5);

        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        ContextMenu menu = versions.getContextMenu();
        waitFor(5, TimeUnit.SECONDS, menu::isShowing);
        waitForFxEvents();
        Screenshots.save(composite(menu, false), "packages-bulk.png");
        assertThat(menu.getItems()).filteredOn(item -> "Restore (Published)".equals(item.getText()))
                .singleElement().satisfies(item -> assertThat(item.isDisable()).as("all are published").isTrue());
        robot.clickOn(menuItem(robot, menu, "Archive"));

        TableView<?> plan = robot.lookup("#bulk-plan").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> plan.isVisible() && plan.getItems().size() == 5);
        assertThat(robot.lookup("#bulk-summary").queryAs(Label.class).getText())
                .isEqualTo("5 versions: 5 archive, 0 keep");
        assertThat(shown(robot.lookup("#bulk-typed-name").query())).as("archive is reversible: no name").isFalse();
        robot.clickOn("#bulk-run");

        TableView<?> report = robot.lookup("#bulk-results").queryAs(TableView.class);
        waitFor(30, TimeUnit.SECONDS, () -> report.isVisible() && report.getItems().size() == 5);
        assertThat(robot.lookup("#bulk-summary").queryAs(Label.class).getText()).startsWith("Done: 5 versions: 5 done.");
        robot.clickOn("#bulk-close");

        waitFor(15, TimeUnit.SECONDS, () -> versions.getItems().stream()
                .filter(v -> v.status().equals("Archived")).count() == 5);
        assertThat(List.copyOf(versions.getItems())).filteredOn(v -> v.status().equals("Archived")).extracting(VersionInfo::version)
                .containsExactlyInAnyOrder("1.12.0", "1.11.0", "1.10.0", "1.9.0", "1.8.0");
    }

    @Test
    void disposeWaitsForTheRepositorysNameAndRefusesAnotherName(FxRobot robot) throws Exception {
        TableView<VersionInfo> versions = openCli(robot);
        robot.interact(() -> versions.getSelectionModel().selectIndices(6, IntStream.rangeClosed(7, 12).toArray()));
        robot.interact(versions::requestFocus);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        ContextMenu menu = versions.getContextMenu();
        waitFor(5, TimeUnit.SECONDS, menu::isShowing);
        robot.clickOn(menuItem(robot, menu, "Dispose…"));

        TableView<?> plan = robot.lookup("#bulk-plan").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> plan.isVisible() && plan.getItems().size() == 7);
        Button run = robot.lookup("#bulk-run").queryButton();
        assertThat(run.isDisabled()).isTrue();
        Window dialog = run.getScene().getWindow();
        waitForFxEvents();
        Screenshots.save(composite(dialog, true), "packages-bulk-plan.png");

        robot.clickOn("#bulk-typed-name").write("prod").type(KeyCode.ENTER);
        Label error = robot.lookup("#bulk-typed-error").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("Type the repository's name, repo, to dispose of these versions;"
                + " archiving instead can be undone.");
        assertThat(run.isDisabled()).isTrue();
        assertThat(dialog.isShowing()).isTrue();
        assertThat(statusOf(versions, "1.3.0")).as("nothing was sent").isEqualTo("Published");

        robot.doubleClickOn("#bulk-typed-name").eraseText(4).write(PackagesFixture.REPOSITORY);
        waitForFxEvents();
        assertThat(error.isVisible()).isFalse();
        robot.clickOn(run);
        TableView<?> report = robot.lookup("#bulk-results").queryAs(TableView.class);
        waitFor(30, TimeUnit.SECONDS, () -> report.isVisible() && report.getItems().size() == 7);
        robot.clickOn("#bulk-close");
        waitFor(15, TimeUnit.SECONDS, () -> versions.getItems().stream()
                .filter(v -> v.status().equals("Disposed")).count() == 7);
        assertThat(statusOf(versions, "1.0.0")).as("not chosen").isEqualTo("Published");
    }

    /** Opens builds/cli and waits for its 14 versions. */
    private static TableView<VersionInfo> openCli(FxRobot robot) throws Exception {
        TableView<PackageInfo> packages = robot.lookup("#packages-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> packages.isVisible() && packages.getItems().size() == 4);
        int cli = IntStream.range(0, packages.getItems().size())
                .filter(i -> packages.getItems().get(i).name().equals("cli")).findFirst().orElseThrow();
        robot.interact(() -> packages.getSelectionModel().select(cli));
        TableView<VersionInfo> versions = robot.lookup("#versions-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> versions.getItems().size() == 14
                && robot.from(versions).lookup(".table-row-cell").queryAll().size() >= 6);
        return versions;
    }

    /** The row showing item {@code index} of {@code table}. */
    private static Node row(FxRobot robot, TableView<?> table, int index) {
        return robot.from(table).lookup(".table-row-cell")
                .match(node -> ((TableRow<?>) node).getIndex() == index).query();
    }

    /** The node of the showing menu's item labelled {@code text}. */
    private static Node menuItem(FxRobot robot, ContextMenu menu, String text) {
        return robot.from(menu.getScene().getRoot()).lookup(".menu-item")
                .match(node -> robot.from(node).lookup(".label").tryQuery()
                        .map(label -> text.equals(((Label) label).getText())).orElse(false))
                .query();
    }

    /** Whether the node and every parent are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String statusOf(TableView<VersionInfo> versions, String version) {
        return versions.getItems().stream().filter(v -> v.version().equals(version)).map(VersionInfo::status)
                .findFirst().orElse("");
    }

    /** The page with {@code window} (a dialog, framed, or a menu) drawn over it where it stands, as users see it. */
    private WritableImage composite(Window window, boolean framed) throws Exception {
        CompletableFuture<WritableImage> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            WritableImage page = scene.snapshot(null);
            WritableImage over = window.getScene().snapshot(null);
            int width = (int) over.getWidth();
            int height = (int) over.getHeight();
            int left = (int) Math.max(0, Math.min(page.getWidth() - width, window.getX() + window.getScene().getX()
                    - scene.getWindow().getX() - scene.getX()));
            int top = (int) Math.max(0, Math.min(page.getHeight() - height, window.getY() + window.getScene().getY()
                    - scene.getWindow().getY() - scene.getY()));
            PixelReader pixels = over.getPixelReader();
            PixelReader under = page.getPixelReader();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean edge = framed && (x == 0 || y == 0 || x == width - 1 || y == height - 1);
                    int argb = edge ? 0xFF8C959F : blend(pixels.getArgb(x, y), under.getArgb(left + x, top + y));
                    page.getPixelWriter().setArgb(left + x, top + y, argb);
                }
            }
            done.complete(page);
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    /** {@code over} on {@code under} by its alpha: a menu's shadow is see-through. */
    private static int blend(int over, int under) {
        double alpha = (over >>> 24) / 255.0;
        int out = 0xFF000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int channel = (int) Math.round(((over >> shift) & 0xFF) * alpha + ((under >> shift) & 0xFF) * (1 - alpha));
            out |= channel << shift;
        }
        return out;
    }

    private static byte[] bytes(Random random, int size) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        return content;
    }
}
