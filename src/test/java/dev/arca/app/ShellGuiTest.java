package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.ui.shell.Page;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
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
import org.testfx.util.NodeQueryUtils;

/** The real shell, wired by AppContext with a real embedded server, driven headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ShellGuiTest {

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
    void windowIsTitledArcaAndConnectsToTheEmbeddedServer(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("Arca");

        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));

        assertThat(label(robot, "#connection-name").getText()).isEqualTo("Local server");
        assertThat(label(robot, "#connection-detail").getText())
                .startsWith("127.0.0.1:" + context.embeddedServer().get().port());
        assertThat(label(robot, "#status-message").getText()).isEqualTo("Connected to Local server");
    }

    @Test
    void everyPageCanBeReachedFromTheNavigation(FxRobot robot) {
        for (Page page : Page.values()) {
            robot.clickOn("#nav-" + page.id());
            waitForFxEvents();

            assertThat(label(robot, "#page-title").getText()).isEqualTo(page.title());
            assertThat(robot.lookup("#page-" + page.id()).tryQuery()).isPresent();
            assertThat(robot.lookup("#coming-soon-note").tryQuery()).isEmpty();
        }
    }

    @Test
    void keyboardShortcutsSwitchPages(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitForFxEvents();

        assertThat(label(robot, "#page-title").getText()).isEqualTo(Page.POLICIES.title());
    }

    @Test
    void themeToggleSwitchesToDarkAndBack(FxRobot robot) {
        robot.clickOn("#theme-toggle");
        waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");

        robot.clickOn("#theme-toggle");
        waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void screenshotsOfTheShellInBothThemes(FxRobot robot) throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));
        robot.clickOn("#nav-" + Page.POLICIES.id());
        waitForFxEvents();
        Path light = Screenshots.capture(stage.getScene(), "shell.png");

        robot.clickOn("#theme-toggle");
        waitForFxEvents();
        Path dark = Screenshots.capture(stage.getScene(), "shell-dark.png");
        robot.clickOn("#theme-toggle");

        assertThat(light).isNotEmptyFile();
        assertThat(dark).isNotEmptyFile();
        assertThat(Screenshots.averageLuminance(light)).isGreaterThan(Screenshots.averageLuminance(dark));
    }

    @Test
    void aDomainIsCreatedAndDeletedFromTheDomainsPage(FxRobot robot) throws Exception {
        robot.clickOn("#nav-" + Page.DOMAINS.id());
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());

        robot.clickOn("#new-domain-name").write("Bad_Name");
        waitForFxEvents();
        assertThat(label(robot, "#new-domain-problem").getText()).startsWith("Use lower-case letters");
        assertThat(robot.lookup("#create-domain").queryButton().isDisabled()).isTrue();
        // The field itself carries ControlsFX's error mark, whose tooltip says the same sentence.
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".field-problem-mark").match(NodeQueryUtils.isVisible())
                .tryQuery().isPresent());
        Screenshots.capture(stage.getScene(), "validation.png");
        robot.clickOn("#theme-toggle");
        waitForFxEvents();
        Screenshots.capture(stage.getScene(), "validation-dark.png");
        robot.clickOn("#theme-toggle");

        robot.doubleClickOn("#new-domain-name").eraseText(8).write("platform");
        waitForFxEvents();
        assertThat(robot.lookup(".field-problem-mark").tryQuery()).isEmpty();
        robot.clickOn("#create-domain");
        TableView<?> table = robot.lookup("#domains-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> table.isVisible() && table.getItems().size() == 1);
        assertThat(((dev.arca.core.DomainInfo) table.getItems().getFirst()).name()).isEqualTo("platform");

        robot.clickOn("#delete-domain");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("Delete domain").tryQuery().isPresent());
        robot.clickOn("Delete domain");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());
        assertThat(table.getItems()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepositoryIsCreatedWithAnUpstreamAndItsConnectionSettingsShown(FxRobot robot) throws Exception {
        robot.clickOn("#nav-" + Page.DOMAINS.id());
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());
        robot.clickOn("#new-domain-name").write("platform");
        robot.clickOn("#create-domain");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#domains-table").queryAs(TableView.class).getItems().size() == 1);

        robot.clickOn("#nav-" + Page.REPOSITORIES.id());
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#repositories-empty").query().isVisible());
        robot.clickOn("#new-repository-name").write("npm-store");
        robot.clickOn("#create-repository");
        TableView<?> table = robot.lookup("#repositories-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn("#new-repository-name").write("web-app");
        javafx.scene.control.MenuButton upstream = robot.lookup("#new-repository-upstream")
                .queryAs(javafx.scene.control.MenuButton.class);
        robot.interact(() -> upstream.getItems().stream().filter(i -> i.getText().equals("npm-store")).findFirst()
                .orElseThrow().fire());
        robot.clickOn("#create-repository");
        waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#repository-upstreams").getText().contains("npm-store"));
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#instructions-text")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("/npm/web-app/"));

        assertThat(robot.lookup("#instructions-text").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("/platform-123456789012/npm/web-app/:_authToken=");
        Screenshots.capture(stage.getScene(), "repositories.png");

        publishGenericPackage("platform", "web-app");
        robot.clickOn("#nav-" + Page.PACKAGES.id());
        javafx.scene.control.ComboBox<?> repository = robot.lookup("#packages-repository").queryComboBox();
        waitFor(15, TimeUnit.SECONDS, () -> repository.getItems().size() == 2);
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) repository).setValue("web-app"));
        TableView<?> packages = robot.lookup("#packages-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> packages.isVisible() && packages.getItems().size() == 1);
        robot.interact(() -> packages.getSelectionModel().select(0));
        TableView<?> versions = robot.lookup("#versions-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> versions.getItems().size() == 1);
        robot.interact(() -> versions.getSelectionModel().select(0));
        javafx.scene.control.TabPane details = robot.lookup("#version-details")
                .queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> details.getSelectionModel().select(1));
        TableView<?> assets = robot.lookup("#assets-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> assets.getItems().size() == 1);
        robot.interact(() -> assets.getSelectionModel().select(0));
        waitForFxEvents();
        assertThat(robot.lookup("#download-asset").queryButton().isDisabled()).isFalse();
        robot.interact(() -> details.getSelectionModel().select(0));
        javafx.scene.layout.GridPane overview = robot.lookup("#version-overview")
                .queryAs(javafx.scene.layout.GridPane.class);
        waitFor(15, TimeUnit.SECONDS, () -> overview.isVisible() && !overview.getChildren().isEmpty());
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#package-group").getText().startsWith("Package group /*"));
        // At the default window size the package column shows each package's detail line whole.
        Label packageDetails = label(robot, "#package-details");
        assertThat(packageDetails.getText()).isEqualTo("generic · publish allow · upstream block");
        assertThat(packageDetails.getWidth()).isGreaterThanOrEqualTo(packageDetails.prefWidth(-1));
        Screenshots.capture(stage.getScene(), "packages.png");

        robot.clickOn("#nav-" + Page.ACTIVITY.id());
        TableView<?> activity = robot.lookup("#activity-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> activity.isVisible() && activity.getItems().size() >= 3);
        Screenshots.capture(stage.getScene(), "activity.png");
    }

    /** Publishes through the SDK, as a build would, while the GUI is open. */
    private void publishGenericPackage(String domain, String repository) throws Exception {
        byte[] content = "a tarball, say".getBytes();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));
        try (var client = dev.arca.gateway.EmbeddedGateway.sdkFor(context.embeddedServer().get())) {
            client.publishPackageVersion(r -> r.domain(domain).repository(repository).format("generic")
                    .namespace("ns").packageValue("build-tools").packageVersion("1.4.2")
                    .assetName("build-tools.tar.gz").assetSHA256(sha),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
        }
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
