package dev.arca.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tasks of a connection that was left deliver nothing, and none start after it was left. */
class ScopedTaskRunnerTest {

    private final List<Throwable> unhandled = new ArrayList<>();

    @Test
    void aTaskRunningWhenTheScopeIsCancelledDeliversNothing() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        ExecutorTaskRunner threaded = ExecutorTaskRunner.create(Executors.newVirtualThreadPerTaskExecutor(), ui,
                () -> Thread.currentThread().getName().equals("test-ui"), unhandled::add);
        ScopedTaskRunner scope = new ScopedTaskRunner(threaded);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();

        BackgroundTask.of("Listing domains of the old connection", progress -> {
                    started.countDown();
                    release.await();
                    return "old domains";
                })
                .onSuccess(events::add)
                .onFailure(failure -> events.add("failure"))
                .onFinished(finished::countDown)
                .runWith(scope);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        scope.cancelAll();
        release.countDown();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).isEmpty();
        assertThat(unhandled).isEmpty();
        threaded.close();
        ui.shutdown();
    }

    @Test
    void tasksSubmittedAfterCancellingNeverRun() {
        ScopedTaskRunner scope = new ScopedTaskRunner(ExecutorTaskRunner.sameThread(unhandled::add));
        List<String> events = new ArrayList<>();
        scope.cancelAll();

        TaskHandle handle = BackgroundTask.of("Late", progress -> events.add("ran"))
                .onFinished(() -> events.add("finished")).runWith(scope);

        assertThat(events).isEmpty();
        assertThat(handle.isCancelled()).isTrue();
    }

    @Test
    void tasksOfALiveScopeRunAsUsual() {
        ScopedTaskRunner scope = new ScopedTaskRunner(ExecutorTaskRunner.sameThread(unhandled::add));
        List<String> events = new ArrayList<>();

        BackgroundTask.of("Now", progress -> "result").onSuccess(events::add).runWith(scope);

        assertThat(events).containsExactly("result");
        assertThat(scope.runningCountProperty().get()).isZero();
    }
}
