package dev.arca.ui.access;

import static dev.arca.ui.access.AccessMatrixMatchesServerTest.A;
import static dev.arca.ui.access.AccessMatrixMatchesServerTest.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import atlantafx.base.theme.PrimerLight;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.ServerConfig;
import dev.arca.ui.common.ExecutorTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The access simulator pane in a harness scene with principals of two accounts: a bad principal refused at its field,
 * a question answered, the matrix worked out and a cell explained, and what a draft changes. (PolicyTabsGuiTest shows
 * it on the Policies page of the main window, and takes its screenshot.)
 */
@ExtendWith(ApplicationExtension.class)
class AccessSimulatorGuiTest {

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private AccessSimulatorViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        embedded = new EmbeddedGateway(ServerConfig.embedded(temp.resolve("data")).withAccounts(List.of(A, B),
                Optional.empty()));
        var credentials = new HashMap<String, software.amazon.awssdk.auth.credentials.AwsCredentials>();
        AccessMatrixMatchesServerTest.arrange(embedded, credentials, clients);
        var owner = AccessMatrixMatchesServerTest.codeartifact(embedded,
                credentials.get("arn:aws:iam::" + A + ":root"));
        clients.add(owner);
        AccessMatrixMatchesServerTest.putPolicies(owner);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        viewModel = new AccessSimulatorViewModel(embedded::gateway, ExecutorTaskRunner.forJavaFx(e -> { }));
        viewModel.domainProperty().set("shared");
        viewModel.repositoryProperty().set("libs");
        stage.setScene(new Scene(new AccessSimulatorPane(viewModel), 1280, 800));
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        embedded.close();
    }

    @Test
    void aQuestionIsAnsweredAndTheMatrixShowsWhatTheDraftChanges(FxRobot robot) throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> viewModel.principals().size() == 5);
        robot.interact(() -> viewModel.principalProperty().set(""));
        robot.clickOn("#simulate-principal").write("arn:aws:iam::12:user/x");
        waitForFxEvents();
        assertThat(label(robot, "#principal-problem").getText()).contains("is not a principal ARN");
        assertThat(robot.lookup("#simulate-ask").queryButton().isDisabled()).isTrue();

        robot.interact(() -> {
            viewModel.principalProperty().set("arn:aws:iam::" + B + ":root");
            viewModel.resourceProperty().set("arn:aws:codeartifact:us-east-1:" + A + ":repository/shared/libs");
        });
        robot.clickOn("#simulate-ask");
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#simulate-verdict").getText().equals("allowed"));

        robot.clickOn("#matrix-run");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#cell-4-admin").tryQuery().isPresent());
        robot.clickOn("#cell-3-publish");
        waitForFxEvents();
        assertThat(robot.lookup("#matrix-explanation").queryAs(TextArea.class).getText())
                .contains("account " + B + " — Publish: denied");

        robot.interact(() -> viewModel.draftProperty().set(AccessMatrixMatchesServerTest.REPOSITORY_POLICY
                .replace("\"Sid\": \"AccountBReads\", \"Effect\": \"Allow\"",
                        "\"Sid\": \"AccountBReads\", \"Effect\": \"Deny\"")));
        robot.clickOn("#matrix-diff");
        waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#matrix-status").getText()
                .endsWith("the draft changes 2 answers."));
        robot.clickOn("#cell-3-read");
        waitForFxEvents();
        assertThat(robot.lookup("#cell-3-read").queryButton().getText()).isEqualTo("Denied (was allowed)");
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }
}
