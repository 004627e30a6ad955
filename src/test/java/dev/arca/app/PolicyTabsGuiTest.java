package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.iam.IamPrincipal;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.ui.shell.Page;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The Policies page's other tabs in the real app (Monocle), on an account with a few users and roles: the access
 * matrix of a repository and the principals with an inline policy. Their screenshots are of the whole main window.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyTabsGuiTest {

    private static final String ACCOUNT = "123456789012";
    private static final String PARTNER = "444455556666";
    private static final String READ = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["codeartifact:ReadFromRepository",
             "codeartifact:GetAuthorizationToken", "sts:GetServiceBearerToken"], "Resource": "*"}]}""";
    private static final String PUBLISH = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "PublishLibs",
                  "Effect": "Allow",
                  "Action": [
                    "codeartifact:PublishPackageVersion",
                    "codeartifact:PutPackageMetadata"
                  ],
                  "Resource": "arn:aws:codeartifact:us-east-1:123456789012:package/acme/libs/*"
                },
                {
                  "Sid": "ReadWithToken",
                  "Effect": "Allow",
                  "Action": [
                    "codeartifact:ReadFromRepository",
                    "codeartifact:GetAuthorizationToken",
                    "sts:GetServiceBearerToken"
                  ],
                  "Resource": "*"
                }
              ]
            }""";
    private static final String EVERYTHING = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Action": ["codeartifact:*", "sts:GetServiceBearerToken"], "Resource": "*"}]}""";
    private static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}""";
    private static final String REPOSITORY_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "PartnerReads", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%1$s:root"},
                 "Action": "codeartifact:ReadFromRepository", "Resource": "*"},
                {"Sid": "AuditorReads", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%2$s:role/auditor"},
                 "Action": "codeartifact:ReadFromRepository", "Resource": "*"},
                {"Sid": "AliceNeverPublishes", "Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::%2$s:user/alice"},
                 "Action": "codeartifact:PublishPackageVersion", "Resource": "*"}
              ]
            }""".formatted(PARTNER, ACCOUNT);
    private static final String DOMAIN_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "PartnerTokens", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "codeartifact:GetAuthorizationToken",
             "Resource": "*"}]}""".formatted(PARTNER);

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
    void theMatrixShowsWhatEachPrincipalMayDoInTheRepository(FxRobot robot) throws Exception {
        arrange();
        openRepositoryPolicy(robot);
        robot.clickOn("Access simulator");
        robot.clickOn("#matrix-run");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#cell-5-admin").tryQuery().isPresent());

        assertThat(cell(robot, "account " + ACCOUNT, "read")).isEqualTo("Allowed");
        assertThat(cell(robot, "user alice", "read")).isEqualTo("Allowed");
        assertThat(cell(robot, "user alice", "publish")).isEqualTo("Denied");
        assertThat(cell(robot, "user ci-publisher", "read")).isEqualTo("Allowed");
        assertThat(cell(robot, "user ci-publisher", "publish")).isEqualTo("Allowed");
        assertThat(cell(robot, "user ci-publisher", "edit_policy")).isEqualTo("Denied");
        assertThat(cell(robot, "role release-manager", "admin")).isEqualTo("Allowed");
        assertThat(cell(robot, "role auditor", "read")).isEqualTo("Allowed");
        assertThat(cell(robot, "role auditor", "publish")).isEqualTo("Denied");
        assertThat(cell(robot, "account " + PARTNER, "read")).isEqualTo("Allowed");
        assertThat(cell(robot, "account " + PARTNER, "admin")).isEqualTo("Denied");

        robot.clickOn(cellButton(robot, "user alice", "publish"));
        waitForFxEvents();
        ScrollPane simulator = robot.lookup("#access-simulator").queryAs(ScrollPane.class);
        robot.interact(() -> simulator.setVvalue(1)); // the matrix sits below the question
        waitForFxEvents();
        Screenshots.capture(stage.getScene(), "access-simulator.png");
    }

    @Test
    void thePrincipalsTabListsTheAccountsUsersAndRolesWithTheirInlinePolicies(FxRobot robot) throws Exception {
        arrange();
        robot.clickOn("#nav-" + Page.POLICIES.id());
        robot.clickOn("Principals");
        TableView<IamPrincipal> table = principals(robot);
        waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        assertThat(table.getItems()).extracting(IamPrincipal::name)
                .containsExactlyInAnyOrder("alice", "ci-publisher", "release-manager", "auditor");

        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(p -> p.name().equals("ci-publisher")).findFirst().orElseThrow()));
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#inline-policies").lookup(PolicyTabsGuiTest::publishCell)
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup("#inline-policies").lookup(PolicyTabsGuiTest::publishCell).queryAs(Node.class));
        CodeArea policy = robot.lookup("#inline-policy-text").lookup(".policy-code").queryAs(CodeArea.class);
        waitFor(15, TimeUnit.SECONDS, () -> policy.getText().contains("\"Sid\": \"PublishLibs\""));
        assertThat(robot.lookup("#principal-arn").queryAs(TextField.class).getText())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/ci-publisher");
        ScrollPane details = robot.lookup("#principal-details").queryAs(ScrollPane.class);
        Node inline = robot.lookup("#inline-policies").query().getParent();
        waitForFxEvents();
        robot.interact(() -> { // the inline policy sits below the access keys: scrolled to its heading
            double scrollable = details.getContent().getLayoutBounds().getHeight()
                    - details.getViewportBounds().getHeight();
            details.setVvalue(Math.min(1, inline.getBoundsInParent().getMinY() / scrollable));
        });
        waitForFxEvents();
        Screenshots.capture(stage.getScene(), "principals.png");
    }

    /** The domain acme with repositories libs (with a policy) and apps, and two users and two roles with policies. */
    private void arrange() throws Exception {
        context.startEmbeddedServer();
        LocalServer server = context.embeddedServer().get(15, TimeUnit.SECONDS);
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(server); IamClient iam = EmbeddedGateway.iamFor(server)) {
            sdk.createDomain(r -> r.domain("acme"));
            sdk.createRepository(r -> r.domain("acme").repository("libs"));
            sdk.createRepository(r -> r.domain("acme").repository("apps"));
            sdk.putDomainPermissionsPolicy(r -> r.domain("acme").policyDocument(DOMAIN_POLICY));
            sdk.putRepositoryPermissionsPolicy(r -> r.domain("acme").repository("libs")
                    .policyDocument(REPOSITORY_POLICY));
            iam.createUser(r -> r.userName("alice"));
            iam.putUserPolicy(r -> r.userName("alice").policyName("read").policyDocument(READ));
            iam.createUser(r -> r.userName("ci-publisher"));
            iam.putUserPolicy(r -> r.userName("ci-publisher").policyName("publish").policyDocument(PUBLISH));
            iam.createAccessKey(r -> r.userName("ci-publisher"));
            iam.createRole(r -> r.roleName("release-manager").assumeRolePolicyDocument(TRUST));
            iam.putRolePolicy(r -> r.roleName("release-manager").policyName("everything")
                    .policyDocument(EVERYTHING));
            iam.createRole(r -> r.roleName("auditor").assumeRolePolicyDocument(TRUST));
        }
    }

    private static void openRepositoryPolicy(FxRobot robot) throws Exception {
        robot.clickOn("#nav-" + Page.POLICIES.id());
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#policy-row-acme-libs").match(Node::isVisible)
                .tryQuery().isPresent());
        robot.clickOn("#policy-row-acme-libs");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#policy-code").lookup(".policy-code")
                .tryQueryAs(CodeArea.class).filter(area -> area.getText().contains("PartnerReads")).isPresent());
    }

    /** The text of the matrix cell of the principal described as {@code principal…} for {@code ability}. */
    private static String cell(FxRobot robot, String principal, String ability) {
        return cellButton(robot, principal, ability).getText();
    }

    private static Button cellButton(FxRobot robot, String principal, String ability) {
        Label label = robot.lookup("#access-matrix").lookup((Label l) -> l.getText().startsWith(principal + " ")
                || l.getText().equals(principal)).queryAs(Label.class);
        int row = GridPane.getRowIndex(label) - 1;
        return robot.lookup("#cell-" + row + "-" + ability).queryButton();
    }

    private static boolean publishCell(Node node) {
        return node instanceof ListCell<?> cell && "publish".equals(cell.getText());
    }

    @SuppressWarnings("unchecked")
    private static TableView<IamPrincipal> principals(FxRobot robot) {
        return robot.lookup("#principals-table").queryAs(TableView.class);
    }
}
