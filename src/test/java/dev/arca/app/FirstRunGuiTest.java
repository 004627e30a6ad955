package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.arca.core.DomainInfo;
import dev.arca.ui.shell.Page;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A first run: the empty embedded server's Domains page offers the sample domain, one click loads it, and then the
 * guided tour starts.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunGuiTest {

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
    void loadASampleDomainFillsTheEmptyDomainsPageThenStartsTheTour(FxRobot robot) throws Exception {
        robot.clickOn("#nav-" + Page.DOMAINS.id());
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#domains-empty").query().isVisible());
        waitForFxEvents();
        Screenshots.capture(stage.getScene(), "first-run.png");

        robot.clickOn("#load-sample-domain");

        TableView<?> table = robot.lookup("#domains-table").queryAs(TableView.class);
        waitFor(120, TimeUnit.SECONDS, () -> table.isVisible() && table.getItems().size() == 1);
        assertThat(((DomainInfo) table.getItems().getFirst()).name()).isEqualTo("demo");
        assertThat(((DomainInfo) table.getItems().getFirst()).repositoryCount()).isEqualTo(7);
        assertThat(robot.lookup("#domains-empty").query().isVisible()).isFalse();

        // The tour, not seen on this fresh configuration, now has real data to point at.
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tour-callout").query().isVisible());
        waitForFxEvents();
        assertThat(robot.lookup("#tour-progress").queryAs(Label.class).getText()).isEqualTo("Step 1 of 4");
        Screenshots.capture(stage.getScene(), "first-run-tour.png");
    }
}
