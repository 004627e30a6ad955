package dev.arca.ui.principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import atlantafx.base.theme.PrimerLight;
import dev.arca.core.iam.IamPrincipal;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.gateway.Principals;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.FxDialogService;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Principals pane in a harness scene: a user created, its key shown once, an inline policy saved. (PolicyTabsGuiTest
 * shows it on the Policies page of the main window, and takes its screenshot.)
 */
@ExtendWith(ApplicationExtension.class)
class PrincipalsGuiTest {

    private static final String PUBLISH = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": ["codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata",
                 "codeartifact:GetAuthorizationToken", "sts:GetServiceBearerToken"], "Resource": "*"}
              ]
            }""";

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;
    private PrincipalsViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("data"));
        Principals iam = new Principals(embedded.gateway());
        iam.createUser("dev");
        IamPrincipal deployer = iam.createRole("deployer", PrincipalsViewModel.ownAccountTrust(iam.account()));
        iam.putInlinePolicy(deployer, "deploy", PUBLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        viewModel = new PrincipalsViewModel(embedded::gateway, ExecutorTaskRunner.forJavaFx(e -> { }),
                new FxDialogService(() -> stage));
        stage.setScene(new Scene(new PrincipalsPane(viewModel), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void aUserIsCreatedItsKeyShownOnceAndAPolicySaved(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#principals-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.clickOn("#new-principal-name").write("ci publisher");
        waitForFxEvents();
        assertThat(robot.lookup("#new-principal-problem").queryLabeled().getText()).contains("no spaces");
        robot.doubleClickOn("#new-principal-name").eraseText(12).write("ci-publisher");
        robot.clickOn("#create-user");
        waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 3
                && viewModel.selectedProperty().get() != null);

        robot.clickOn("#create-access-key");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#new-key").query().isVisible());
        String secret = robot.lookup("#new-key-secret").queryAs(TextField.class).getText();
        assertThat(secret).isNotBlank();

        robot.clickOn("#inline-policy-name").write("publish");
        robot.interact(() -> viewModel.policies().textProperty().set(PUBLISH));
        ScrollPane details = robot.lookup("#principal-details").queryAs(ScrollPane.class);
        robot.interact(() -> details.setVvalue(1));
        robot.clickOn("#save-inline-policy");
        waitFor(15, TimeUnit.SECONDS, () -> viewModel.policies().names().contains("publish"));

        robot.clickOn("#dismiss-new-key");
        waitForFxEvents();
        assertThat(robot.lookup("#new-key").query().isVisible()).isFalse();
        assertThat(robot.lookup("#new-key-secret").queryAs(TextField.class).getText()).isEmpty();
    }
}
