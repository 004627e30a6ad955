package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.DomainInfo;
import dev.arca.server.ServerFixture;
import dev.arca.ui.shell.Page;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * The real shell with its embedded server, and a second Arca server (the fixture's): add a connection to it in the
 * connections dialog, switch to it with one click in the header, see its domain, and switch back.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionsGuiTest extends ServerFixture {

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
        assertThat(label(robot, "#editor-problem").getText()).isEmpty();

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

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
