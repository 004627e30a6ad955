package dev.arca.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.gateway.ConnectionCheck;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.NoticingTaskRunner;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.connect.TestConnections;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When work the user started ends behind their back, and what the window then says; no JavaFX toolkit running. */
class WorkNoticesViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(unhandled::add);
    private TestConnections connections;
    private MainViewModel main;
    private WorkNoticesViewModel notices;

    @BeforeEach
    void start() throws Exception {
        connections = new TestConnections(temp, tasks);
        main = new MainViewModel(tasks, connections.settings(), new ConnectionCheck(), connections.connections());
        notices = new WorkNoticesViewModel(main);
    }

    @AfterEach
    void stop() {
        connections.close();
    }

    @Test
    void workThatEndsWhileItsPageIsShownAndTheWindowFocusedIsNotNoticed() {
        main.navigate(Page.WORKFLOWS);

        notices.from(Page.WORKFLOWS).ended("The cleanup of builds finished: 9 versions: 9 done.", false);

        assertThat(notices.noticeProperty().get()).isEmpty();
    }

    @Test
    void workThatEndsAfterTheUserWentToAnotherPageIsNoticedWithTheWayBack() {
        main.navigate(Page.WORKFLOWS);
        main.navigate(Page.DOMAINS);

        notices.from(Page.WORKFLOWS).ended("The cleanup of builds finished: 9 versions: 9 done.", false);

        assertThat(notices.noticeProperty().get()).contains(new WorkNoticesViewModel.Notice(Page.WORKFLOWS,
                "The cleanup of builds finished: 9 versions: 9 done.", false));
        assertThat(notices.noticeProperty().get().orElseThrow().actionText()).isEqualTo("Open Workflows");
    }

    @Test
    void workThatEndsWhileTheWindowIsNotFocusedIsNoticedEvenOnItsPage() {
        main.navigate(Page.PACKAGES);
        notices.windowFocusedProperty().set(false);

        notices.from(Page.PACKAGES).ended("The download of lint-1.0.0.tgz failed; nothing was kept.", true);

        assertThat(notices.noticeProperty().get()).map(WorkNoticesViewModel.Notice::failed).contains(true);
    }

    @Test
    void goBackShowsThePageTheNoticeIsAboutAndHidesIt() {
        main.navigate(Page.DOMAINS);
        notices.from(Page.WORKFLOWS).ended("The cleanup of builds finished: 9 versions: 9 done.", false);

        notices.goBack();

        assertThat(main.currentPageProperty().get()).isEqualTo(Page.WORKFLOWS);
        assertThat(notices.noticeProperty().get()).isEmpty();
    }

    @Test
    void goBackStaysWhenUnsavedWorkKeepsTheUserOnThePageAndKeepsTheNotice() {
        main.navigate(Page.POLICIES);
        main.guardLeaving(() -> false);
        notices.from(Page.WORKFLOWS).ended("The cleanup of builds finished: 9 versions: 9 done.", false);

        notices.goBack();

        assertThat(main.currentPageProperty().get()).isEqualTo(Page.POLICIES);
        assertThat(notices.noticeProperty().get()).isPresent();
    }

    @Test
    void returningToThePageByItselfHidesItsNotice() {
        main.navigate(Page.DOMAINS);
        notices.from(Page.WORKFLOWS).ended("The cleanup of builds finished: 9 versions: 9 done.", false);

        main.navigate(Page.WORKFLOWS);

        assertThat(notices.noticeProperty().get()).isEmpty();
    }

    @Test
    void onlyTasksMarkedAsUserWorkTellHowTheyEndedAndCancelledOnesTellNothing() {
        main.navigate(Page.DOMAINS);
        TaskRunner packages = new NoticingTaskRunner(tasks, notices.from(Page.PACKAGES));

        BackgroundTask.of("Loading domains", p -> "loaded").runWith(packages);
        assertThat(notices.noticeProperty().get()).isEmpty();

        BackgroundTask.<Path>of("Downloading lint-1.0.0.tgz", p -> {
                    throw new IOException("disk full");
                })
                .onFailure(failure -> { })
                .noticeWhenLeft(saved -> "Downloaded lint-1.0.0.tgz to " + saved + ".",
                        failure -> "The download of lint-1.0.0.tgz failed; nothing was kept.")
                .runWith(packages);

        assertThat(notices.noticeProperty().get()).map(WorkNoticesViewModel.Notice::sentence)
                .contains("The download of lint-1.0.0.tgz failed; nothing was kept.");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void theLatestEndedWorkIsTheNoticeShown() {
        main.navigate(Page.DOMAINS);
        notices.from(Page.PACKAGES).ended("Downloaded a.tgz to /tmp/a.tgz.", false);
        notices.from(Page.WORKFLOWS).ended("The cleanup of builds finished: 9 versions: 9 done.", false);

        assertThat(notices.noticeProperty().get()).map(WorkNoticesViewModel.Notice::page)
                .isEqualTo(Optional.of(Page.WORKFLOWS));
    }
}
