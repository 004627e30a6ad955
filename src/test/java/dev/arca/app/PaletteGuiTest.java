package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.PackageInfo;
import dev.arca.core.RepositoryInfo;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.shell.Page;
import dev.arca.ui.shell.PaletteItem;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The main flows with the keyboard only, on the real shell and embedded server: the command palette (Ctrl+K) to a
 * page, to a repository and to an action, Escape; then Tab through a page's form and Space on its button.
 */
@ExtendWith(ApplicationExtension.class)
class PaletteGuiTest {

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
    void thePaletteJumpsToAPageARepositoryAPackageAndAnActionAndAPageIsWorkedWithTabAndSpace(FxRobot robot)
            throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));
        seed();
        Scene scene = stage.getScene();

        openPalette(robot);
        assertThat(scene.getFocusOwner().getId()).isEqualTo("palette-query");
        robot.write("activ").type(KeyCode.ENTER);
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#page-title").getText().equals(Page.ACTIVITY.title()));
        assertThat(robot.lookup("#palette").query().isVisible()).isFalse();

        openPalette(robot);
        robot.write("web-app");
        waitFor(15, TimeUnit.SECONDS, () -> selected(robot).equals(PaletteItem.repository("platform", "web-app")));
        robot.type(KeyCode.ENTER);
        TableView<?> repositories = robot.lookup("#repositories-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> repositories.getSelectionModel().getSelectedItem() instanceof
                RepositoryInfo chosen && chosen.name().equals("web-app"));

        openPalette(robot);
        robot.write("build-tools");
        PaletteItem buildTools = PaletteItem.pkg("platform", "builds", "generic", "ci", "build-tools");
        waitFor(15, TimeUnit.SECONDS, () -> selected(robot).equals(buildTools));
        robot.type(KeyCode.ENTER);
        TableView<?> packages = robot.lookup("#packages-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> packages.getSelectionModel().getSelectedItem() instanceof
                PackageInfo chosen && chosen.display().equals("ci/build-tools"));

        openPalette(robot);
        robot.write("repositories");
        waitFor(15, TimeUnit.SECONDS, () -> selected(robot).equals(PaletteItem.page(Page.REPOSITORIES)));
        robot.type(KeyCode.ENTER);
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#page-title").getText().equals(Page.REPOSITORIES.title()));
        openPalette(robot);
        robot.write("create repo");
        waitFor(15, TimeUnit.SECONDS, () -> selected(robot).equals(PaletteItem.action("Create repository…")));
        robot.type(KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> "new-repository-name".equals(idOf(scene.getFocusOwner())));

        openPalette(robot);
        robot.type(KeyCode.ESCAPE);
        waitForFxEvents();
        assertThat(robot.lookup("#palette").query().isVisible()).isFalse();
        assertThat(idOf(scene.getFocusOwner())).as("focus back where it was").isEqualTo("new-repository-name");

        robot.write("tools");
        for (int i = 0; i < 12 && !"create-repository".equals(idOf(scene.getFocusOwner())); i++) {
            robot.type(KeyCode.TAB);
            waitForFxEvents();
        }
        assertThat(idOf(scene.getFocusOwner())).isEqualTo("create-repository");
        assertThat(Screenshots.capture(scene, "keyboard-focus.png")).isNotEmptyFile();
        int before = repositories.getItems().size();
        robot.type(KeyCode.SPACE);
        waitFor(15, TimeUnit.SECONDS, () -> repositories.getItems().size() == before + 1);
    }

    @Test
    void everyIconOnlyButtonOnEveryPageHasAnAccessibleName(FxRobot robot) throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));
        seed();
        for (Page page : Page.values()) {
            robot.clickOn("#nav-" + page.id());
            waitForFxEvents();
            List<Button> unnamed = robot.lookup(node -> node instanceof Button button
                            && (button.getText() == null || button.getText().isBlank())
                            && (button.getAccessibleText() == null || button.getAccessibleText().isBlank()))
                    .queryAllAs(Button.class).stream().toList();
            assertThat(unnamed).as("icon-only buttons without a name on " + page.title()).isEmpty();
        }
    }

    @Test
    void screenshotOfThePaletteWithRealisticData(FxRobot robot) throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));
        seed();
        robot.clickOn("#nav-" + Page.REPOSITORIES.id());
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#repositories-table").queryAs(TableView.class)
                .getItems().size() == 3);
        openPalette(robot);
        robot.write("web");
        waitFor(15, TimeUnit.SECONDS, () -> items(robot).contains(PaletteItem.repository("platform", "web-app"))
                && items(robot).stream().anyMatch(item -> item.kind() == PaletteItem.Kind.PACKAGE));
        Path shot = Screenshots.capture(stage.getScene(), "command-palette.png");

        assertThat(shot).isNotEmptyFile();
    }

    private static void openPalette(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitForFxEvents();
        assertThat(robot.lookup("#palette").query().isVisible()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static List<PaletteItem> items(FxRobot robot) {
        return List.copyOf(robot.lookup("#palette-list").queryAs(ListView.class).getItems());
    }

    private static PaletteItem selected(FxRobot robot) {
        Object item = robot.lookup("#palette-list").queryAs(ListView.class).getSelectionModel().getSelectedItem();
        return item == null ? PaletteItem.action("nothing") : (PaletteItem) item;
    }

    private static String idOf(Node node) {
        return node == null ? "" : String.valueOf(node.getId());
    }

    /** A domain with three repositories and a few packages, made through the SDK as a team's builds would. */
    private void seed() throws Exception {
        try (var client = EmbeddedGateway.sdkFor(context.embeddedServer().get())) {
            client.createDomain(r -> r.domain("platform"));
            client.createRepository(r -> r.domain("platform").repository("npm-store")
                    .description("Cache of public npm packages"));
            client.createRepository(r -> r.domain("platform").repository("web-app")
                    .description("The web console's packages").upstreams(u -> u.repositoryName("npm-store")));
            client.createRepository(r -> r.domain("platform").repository("builds")
                    .description("CI build outputs"));
            for (String[] pkg : List.of(new String[] {"web-app", "ui", "web-components"},
                    new String[] {"web-app", "ui", "webfont-loader"}, new String[] {"builds", "ci", "web-console"},
                    new String[] {"builds", "ci", "build-tools"})) {
                byte[] content = (pkg[2] + " 1.0.0").getBytes();
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                client.publishPackageVersion(r -> r.domain("platform").repository(pkg[0]).format("generic")
                        .namespace(pkg[1]).packageValue(pkg[2]).packageVersion("1.0.0")
                        .assetName(pkg[2] + ".tar.gz").assetSHA256(sha), RequestBody.fromBytes(content));
            }
        }
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
