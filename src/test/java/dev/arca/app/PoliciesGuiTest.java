package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.iam.DecidingStatement;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.core.policy.PolicySummary;
import dev.arca.ui.policies.PolicyMark;
import dev.arca.ui.shell.Page;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The Policies page in the real app (Monocle): edit a repository policy, see a finding, fix it, review and save; then
 * the simulator and a real request of the user the policy names both show the change took effect.
 */
@ExtendWith(ApplicationExtension.class)
class PoliciesGuiTest {

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "TeamRead",
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::123456789012:user/ci"},
                  "Action": ["codeartifact:ReadFromRepository", "codeartifact:DescribeRepository"],
                  "Resource": "*"
                },
                {
                  "Sid": "Everyone",
                  "Effect": "Allow",
                  "Principal": "*",
                  "Action": "codeartifact:ReadFromRepository",
                  "Resource": "*"
                }
              ]
            }
            """;

    private static final String STORED = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "TeamRead", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "codeartifact:ReadFromRepository",
              "Resource": "*"}]}
            """;

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
    void aRepositoryPolicyIsEditedCheckedFixedAndSaved(FxRobot robot) throws Exception {
        context.startEmbeddedServer();
        LocalServer server = context.embeddedServer().get(15, TimeUnit.SECONDS);
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(server);
             IamClient iam = EmbeddedGateway.iamFor(server)) {
            sdk.createDomain(r -> r.domain("platform"));
            sdk.createRepository(r -> r.domain("platform").repository("app"));
            iam.createUser(r -> r.userName("ci"));
            var key = iam.createAccessKey(r -> r.userName("ci")).accessKey();
            CodeartifactClient ci = CodeartifactClient.builder().endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            key.accessKeyId(), key.secretAccessKey()))).build();
            // Stored before: the account may read, which a user of it may not without an identity policy.
            String before = sdk.putRepositoryPermissionsPolicy(r -> r.domain("platform").repository("app")
                    .policyDocument(STORED)).policy().revision();
            assertThatThrownBy(() -> ci.describeRepository(r -> r.domain("platform").repository("app")))
                    .isInstanceOf(AccessDeniedException.class);

            robot.clickOn("#nav-" + Page.POLICIES.id());
            ListView<PolicySummary> list = policies(robot);
            waitFor(15, TimeUnit.SECONDS, () -> list.getItems().size() == 2
                    && robot.lookup("#policy-row-platform-app").tryQuery().isPresent());
            waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#policy-row-platform-app").match(Node::isVisible)
                    .tryQuery().isPresent());
            robot.clickOn("#policy-row-platform-app");
            waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#policy-code").tryQuery().isPresent());
            CodeArea area = robot.lookup("#policy-code").lookup(".policy-code").queryAs(CodeArea.class);
            waitFor(15, TimeUnit.SECONDS, () -> area.getText().contains("TeamRead"));

            String unknown = POLICY.replace("codeartifact:DescribeRepository", "codeartifact:DescribeRepo");
            robot.interact(() -> area.replaceText(unknown));
            ListView<PolicyMark> findings = findings(robot);
            waitFor(15, TimeUnit.SECONDS, () -> findings.getItems().stream()
                    .anyMatch(m -> m.message().contains("DescribeRepo") && m.start().isPresent()));
            PolicyMark unknownAction = findings.getItems().stream().filter(m -> m.message().contains("DescribeRepo"))
                    .findFirst().orElseThrow();
            assertThat(unknownAction.start().orElseThrow().line()).isEqualTo(8);
            waitFor(5, TimeUnit.SECONDS, () -> area.getStyleOfChar(unknownAction.start().orElseThrow().offset() + 1)
                    .stream().anyMatch(s -> s.startsWith("mark-")));
            robot.interact(() -> findings.getSelectionModel().select(unknownAction));
            assertThat(area.getCaretPosition()).isEqualTo(unknownAction.start().orElseThrow().offset());

            // Fix the action by typing where the finding put the caret.
            robot.interact(() -> area.moveTo(unknownAction.start().orElseThrow().offset()
                    + "\"codeartifact:DescribeRepo".length()));
            robot.write("sitory");
            assertThat(area.getText()).isEqualTo(POLICY);
            waitFor(15, TimeUnit.SECONDS, () -> findings.getItems().stream()
                    .noneMatch(m -> m.message().contains("DescribeRepo"))
                    && findings.getItems().stream().anyMatch(m -> m.code().equals("PUBLIC_ACCESS")));

            robot.clickOn("#policy-save");
            waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#policy-diff-dialog").tryQuery().isPresent());
            waitForFxEvents();
            capture(robot.lookup("#policy-diff-dialog").query(), "policy-editor.png");
            robot.clickOn("Save");
            waitFor(15, TimeUnit.SECONDS, () -> list.getItems().get(1).revision().filter(r -> !r.equals(before))
                    .isPresent());

            String stored = sdk.getRepositoryPermissionsPolicy(r -> r.domain("platform").repository("app"))
                    .policy().document();
            assertThat(stored).contains("codeartifact:DescribeRepository").doesNotContain("DescribeRepo\"");

            // The user the policy names may now describe the repository: the simulator says so, and so does the server.
            robot.clickOn("Access simulator");
            robot.interact(() -> {
                combo(robot, "#simulate-principal").getEditor().setText("arn:aws:iam::123456789012:user/ci");
                combo(robot, "#simulate-action").getEditor().setText("codeartifact:DescribeRepository");
                combo(robot, "#simulate-resource").getEditor()
                        .setText("arn:aws:codeartifact:us-east-1:123456789012:repository/platform/app");
            });
            robot.clickOn("#simulate-ask");
            waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#simulate-verdict").queryAs(Label.class).getText()
                    .equals("allowed"));
            ListView<DecidingStatement> deciding = statements(robot);
            assertThat(deciding.getItems()).singleElement().satisfies(s -> {
                assertThat(s.policy()).isEqualTo(DecidingStatement.REPOSITORY_POLICY);
                assertThat(s.statement()).isZero();
            });
            robot.interact(() -> deciding.getSelectionModel().select(0));
            int teamRead = POLICY.indexOf("\"TeamRead\"");
            assertThat(area.getStyleOfChar(teamRead)).contains("decisive");
            assertThat(area.getStyleOfChar(POLICY.indexOf("\"Everyone\""))).doesNotContain("decisive");
            assertThat(ci.describeRepository(r -> r.domain("platform").repository("app")).repository().name())
                    .isEqualTo("app");
            ci.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<DecidingStatement> statements(FxRobot robot) {
        return robot.lookup("#simulate-statements").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<PolicySummary> policies(FxRobot robot) {
        return robot.lookup("#policies-list").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<PolicyMark> findings(FxRobot robot) {
        return robot.lookup("#policy-findings").queryAs(ListView.class);
    }

    /** The main window with the dialog below it: the editor's marks and the diff in one picture. */
    private void capture(Node dialogPane, String fileName) throws Exception {
        CompletableFuture<WritableImage> picture = new CompletableFuture<>();
        Platform.runLater(() -> {
            WritableImage main = stage.getScene().snapshot(null);
            WritableImage below = dialogPane.getScene().snapshot(null);
            int width = (int) Math.max(main.getWidth(), below.getWidth());
            WritableImage both = new WritableImage(width, (int) (main.getHeight() + below.getHeight()));
            PixelWriter writer = both.getPixelWriter();
            for (int y = 0; y < both.getHeight(); y++) {
                for (int x = 0; x < width; x++) {
                    writer.setArgb(x, y, 0xff808080);
                }
            }
            writer.setPixels(0, 0, (int) main.getWidth(), (int) main.getHeight(), main.getPixelReader(), 0, 0);
            writer.setPixels((int) (width - below.getWidth()) / 2, (int) main.getHeight(), (int) below.getWidth(),
                    (int) below.getHeight(), below.getPixelReader(), 0, 0);
            picture.complete(both);
        });
        Screenshots.save(picture.get(10, TimeUnit.SECONDS), fileName);
    }
}
