package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.shell.Page;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
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
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/** The tags editor, the repository editor and the domain search, clicked through in the real app (Monocle). */
@ExtendWith(ApplicationExtension.class)
class EditorsGuiTest {

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
    void domainTagsAreEditedAndAPackageIsFoundAcrossTheDomain(FxRobot robot) throws Exception {
        context.startEmbeddedServer();
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(context.embeddedServer().get(15, TimeUnit.SECONDS))) {
            sdk.createDomain(r -> r.domain("platform"));
            for (String repository : new String[] {"team-a", "team-b", "npm-store"}) {
                sdk.createRepository(r -> r.domain("platform").repository(repository));
            }
            EmbeddedGateway.publishGeneric(sdk, "platform", "team-a", "ns", "widget", "1.0", new byte[] {1});
            EmbeddedGateway.publishGeneric(sdk, "platform", "team-b", "ns", "widget-ui", "1.0", new byte[] {2});
        }
        robot.clickOn("#nav-" + Page.DOMAINS.id());
        robot.clickOn("#refresh-domains"); // created behind the GUI's back
        TableView<?> domains = robot.lookup("#domains-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> domains.isVisible() && domains.getItems().size() == 1);
        robot.interact(() -> domains.getSelectionModel().select(0));
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#domain-tags").getText().equals("No tags."));

        robot.clickOn("#edit-domain-tags");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#tags-editor").tryQuery().isPresent()
                && label(robot, "#tags-state").getText().equals("No tags yet."));
        robot.clickOn("#tags-add");
        robot.write("cost-center");
        robot.clickOn(".tag-value").write("platform-eng");
        robot.clickOn("#tags-add");
        robot.write("aws:owner");
        waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#tags-problem").getText().contains("reserved for AWS"));
        assertThat(robot.lookup("#tags-save").queryButton().isDisabled()).isTrue();
        robot.eraseText(9).write("owner");
        waitForFxEvents();
        Screenshots.capture(robot.lookup("#tags-editor").query().getScene(), "tags-editor.png");
        robot.clickOn("#tags-save");

        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#tags-editor").tryQuery().isEmpty()
                && label(robot, "#domain-tags").getText().equals("cost-center = platform-eng\nowner"));
        Screenshots.capture(stage.getScene(), "domains.png");

        robot.clickOn("Find a package");
        robot.clickOn("#domain-search-text").write("widg").type(KeyCode.ENTER);
        TableView<?> hits = robot.lookup("#domain-search-hits").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#domain-search-summary").getText()
                .equals("2 packages in 2 repositories (of 3 searched)."));
        assertThat(hits.getItems()).hasSize(2);
        Screenshots.capture(stage.getScene(), "domains-search.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepositoryIsEditedInItsDialog(FxRobot robot) throws Exception {
        context.startEmbeddedServer();
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(context.embeddedServer().get(15, TimeUnit.SECONDS))) {
            sdk.createDomain(r -> r.domain("platform"));
            sdk.createRepository(r -> r.domain("platform").repository("shared-libs"));
            sdk.createRepository(r -> r.domain("platform").repository("web-app"));
        }
        robot.clickOn("#nav-" + Page.REPOSITORIES.id());
        TableView<?> table = robot.lookup("#repositories-table").queryAs(TableView.class);
        waitFor(15, TimeUnit.SECONDS, () -> table.isVisible() && table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(1));
        waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#edit-repository").queryButton().isDisabled());

        robot.clickOn("#edit-repository");
        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#repository-editor").tryQuery().isPresent());
        robot.clickOn("#repository-description").write("The storefront");
        javafx.scene.control.MenuButton add = robot.lookup("#repository-add-upstream")
                .queryAs(javafx.scene.control.MenuButton.class);
        robot.interact(() -> add.getItems().stream().filter(i -> i.getText().equals("shared-libs")).findFirst()
                .orElseThrow().fire());
        ListView<String> upstreams = robot.lookup("#repository-upstream-list").queryListView();
        waitFor(5, TimeUnit.SECONDS, () -> upstreams.getItems().contains("shared-libs"));
        ComboBox<java.util.Optional<String>> connection = robot.lookup("#repository-external-connection")
                .queryComboBox();
        robot.interact(() -> connection.setValue(java.util.Optional.of("public:npmjs")));
        waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#repository-editor-problem").getText()
                .startsWith("A repository has upstreams or an external connection"));
        robot.interact(() -> connection.setValue(java.util.Optional.empty()));
        waitForFxEvents();
        Screenshots.capture(robot.lookup("#repository-editor").query().getScene(), "repository-editor.png");
        robot.clickOn("#repository-update");

        waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#repository-editor").tryQuery().isEmpty()
                && label(robot, "#repository-upstreams").getText().equals("Upstreams, searched in order: shared-libs"));
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(context.embeddedServer().get())) {
            assertThat(sdk.describeRepository(r -> r.domain("platform").repository("web-app")).repository()
                    .description()).isEqualTo("The storefront");
        }
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
