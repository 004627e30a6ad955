package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import atlantafx.base.theme.Styles;
import dev.arca.core.DomainInfo;
import dev.arca.gateway.AwsProfile;
import dev.arca.server.ServerFixture;
import dev.arca.ui.shell.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/**
 * The real shell with its embedded server, and a second Arca server (the fixture's): add a connection to it in the
 * connections dialog — by URL, or as an AWS account whose profile's endpoint_url names it — switch to it, see its
 * domain, and switch back.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionsGuiTest extends ServerFixture {

    private static final String CONFIG_FILE = "aws.configFile";
    private static final String CREDENTIALS_FILE = "aws.sharedCredentialsFile";

    @TempDir
    Path temp;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The AWS shared files of this test, as AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE would name them.
        System.setProperty(CONFIG_FILE, temp.resolve("aws/config").toString());
        System.setProperty(CREDENTIALS_FILE, temp.resolve("aws/credentials").toString());
        context = AppContext.start(temp.resolve("data"), temp.resolve("config"));
        ArcaGui.showMainWindow(stage, context);
    }

    @AfterEach
    void close() {
        context.close();
        System.clearProperty(CONFIG_FILE);
        System.clearProperty(CREDENTIALS_FILE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anArcaServerIsAddedThenSwitchedToWithOneClickAndBack(FxRobot robot) throws Exception {
        codeartifact.createDomain(r -> r.domain("team-builds"));
        robot.clickOn("#nav-" + Page.DOMAINS.id());
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());

        robot.clickOn("#connection-picker");
        robot.clickOn("Manage connections…");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#connections-manager").tryQuery().isPresent());
        robot.clickOn("#new-arca-server");
        robot.clickOn("#editor-name").write("Team server");
        // The field starts as "http://127.0.0.1:"; the port goes at its end.
        robot.clickOn("#editor-url").type(KeyCode.END).write(String.valueOf(server.port()));
        TextField file = robot.lookup("#editor-credentials-file").queryAs(TextField.class);
        robot.interact(() -> file.setText(dataDir.resolve("credentials").toString())); // a path: no need to type it
        waitForFxEvents();
        assertThat(robot.lookup(".field-problem-text").match(NodeQueryUtils.isVisible()).tryQuery()).isEmpty();

        robot.clickOn("#test-connection");
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#editor-test-result").getText().startsWith("Connected"));
        assertThat(label(robot, "#editor-test-result").getText())
                .startsWith("Connected: 127.0.0.1:" + server.port() + " · Arca ");
        robot.clickOn("#save-connection");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#connections-list").queryListView().getItems().size() == 2);
        Screenshots.capture(robot.lookup("#connections-manager").query().getScene(), "connections.png");
        robot.clickOn("Close");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#connections-manager").tryQuery().isEmpty());

        robot.clickOn("#connection-picker");
        robot.clickOn("Team server");

        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-name").getText().equals("Team server")
                && label(robot, "#connection-detail").getText().contains("· Arca"));
        TableView<DomainInfo> domains = robot.lookup("#domains-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> domains.isVisible() && domains.getItems().size() == 1);
        assertThat(domains.getItems().getFirst().name()).isEqualTo("team-builds");
        assertThat(label(robot, "#connection-detail").getText()).startsWith("127.0.0.1:" + server.port());
        Screenshots.capture(stage.getScene(), "connection-switched.png");

        robot.clickOn("#connection-picker");
        robot.clickOn("Local server");

        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-name").getText().equals("Local server")
                && label(robot, "#connection-detail").getText().contains("· Arca"));
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());
        TableView<DomainInfo> localDomains = robot.lookup("#domains-table").queryAs(TableView.class);
        assertThat(localDomains.getItems()).as("nothing of the team server shows on the local one").isEmpty();
    }

    @Test
    void badInputIsMarkedAtItsFieldInOneSentenceAndNothingIsSaved(FxRobot robot) throws Exception {
        robot.clickOn("#connection-picker");
        robot.clickOn("Manage connections…");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#connections-manager").tryQuery().isPresent());
        robot.clickOn("#new-arca-server");
        robot.clickOn("#editor-name").write("Team server");
        robot.clickOn("#editor-url").type(KeyCode.END).write(server.port() + "/builds");
        TextField file = robot.lookup("#editor-credentials-file").queryAs(TextField.class);
        robot.interact(() -> file.setText(dataDir.resolve("credentials").toString()));
        waitForFxEvents();

        Label sentence = label(robot, "#problem-url");
        assertThat(sentence.isVisible()).isTrue();
        assertThat(sentence.getText()).isEqualTo("The URL must look like http://host:port, with no path.");
        TextField url = robot.lookup("#editor-url").queryAs(TextField.class);
        assertThat(url.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        javafx.geometry.Bounds urlBounds = url.localToScene(url.getLayoutBounds());
        javafx.scene.Node mark = robot.lookup(".field-problem").match(NodeQueryUtils.isVisible()).query();
        assertThat(urlBounds.contains(mark.localToScene(mark.getLayoutBounds()))).as("the mark sits in the URL field")
                .isTrue();
        assertThat(label(robot, "#problem-name").isVisible()).isFalse();
        assertThat(robot.lookup("#editor-name").queryAs(TextField.class).getPseudoClassStates())
                .doesNotContain(Styles.STATE_DANGER);
        assertThat(robot.lookup("#save-connection").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#use-connection").queryButton().isDisabled()).isTrue();
        Screenshots.capture(robot.lookup("#connections-manager").query().getScene(), "connections-problem.png");

        robot.clickOn("#save-connection");
        robot.clickOn("#editor-url").type(KeyCode.ENTER);
        waitForFxEvents();
        assertThat(robot.lookup("#connections-list").queryListView().getItems()).hasSize(1);
        Path settings = temp.resolve("config").resolve(AppContext.SETTINGS_FILE);
        assertThat(Files.exists(settings) ? Files.readString(settings) : "").doesNotContain("Team server");

        robot.clickOn("#editor-url").eraseText("/builds".length());
        waitForFxEvents();
        assertThat(sentence.isVisible()).isFalse();
        assertThat(url.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(robot.lookup(".field-problem").match(NodeQueryUtils.isVisible()).tryQuery()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAwsAccountIsAddedFromAProfileAndReachesTheServerItsEndpointUrlNames(FxRobot robot) throws Exception {
        codeartifact.createDomain(r -> r.domain("team-builds"));
        Files.createDirectories(temp.resolve("aws"));
        Files.writeString(temp.resolve("aws/config"), """
                [profile team]
                region = eu-west-1
                endpoint_url = %s
                """.formatted(server.endpoint()));
        Files.writeString(temp.resolve("aws/credentials"), """
                [team]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(server.credentials().accessKeyId(), server.credentials().secretAccessKey()));
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText().contains("· Arca"));

        robot.clickOn("#connection-picker");
        robot.clickOn("Manage connections…");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#connections-manager").tryQuery().isPresent());
        robot.clickOn("#new-aws-account");
        ComboBox<AwsProfile> profile = robot.lookup("#editor-profile").queryComboBox();
        waitFor(15, TimeUnit.SECONDS, () -> profile.getValue() != null);
        robot.clickOn("#editor-name").write("Team via AWS profile");

        assertThat(profile.getValue().name()).isEqualTo("team");
        assertThat(robot.lookup("#editor-region").queryComboBox().getValue()).isEqualTo("eu-west-1");
        robot.clickOn("#test-connection");
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#editor-test-result").getText().startsWith("Connected"));
        assertThat(label(robot, "#editor-test-result").getText())
                .isEqualTo("Connected: account 123456789012 · eu-west-1");
        Screenshots.capture(robot.lookup("#connections-manager").query().getScene(), "connections-aws.png");

        robot.clickOn("#use-connection");

        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#connections-manager").tryQuery().isEmpty());
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#connection-detail").getText()
                .equals("account 123456789012 · eu-west-1"));
        assertThat(label(robot, "#connection-name").getText()).isEqualTo("Team via AWS profile");
        TableView<DomainInfo> domains = robot.lookup("#domains-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> domains.isVisible() && domains.getItems().size() == 1);
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
