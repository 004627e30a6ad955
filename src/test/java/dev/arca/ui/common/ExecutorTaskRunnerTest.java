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

class ExecutorTaskRunnerTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final ExecutorTaskRunner runner = ExecutorTaskRunner.sameThread(unhandled::add);
    private final List<String> calls = new ArrayList<>();

    @Test
    void callbacksRunInOrderWithTheResult() {
        BackgroundTask.of("Answer", progress -> 42)
                .onRunning(() -> calls.add("running"))
                .onSuccess(result -> calls.add("success " + result))
                .onFinished(() -> calls.add("finished"))
                .runWith(runner);

        assertThat(calls).containsExactly("running", "success 42", "finished");
    }

    @Test
    void failureGoesToTheTasksOwnHandlerWhenItHasOne() {
        IllegalStateException boom = new IllegalStateException("boom");
        BackgroundTask.of("Fails", progress -> { throw boom; })
                .onSuccess(result -> calls.add("success"))
                .onFailure(failure -> calls.add("failure " + failure.getMessage()))
                .onFinished(() -> calls.add("finished"))
                .runWith(runner);

        assertThat(calls).containsExactly("failure boom", "finished");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void failureWithoutAHandlerReachesTheDefaultHandler() {
        IllegalStateException boom = new IllegalStateException("boom");

        BackgroundTask.of("Fails", progress -> { throw boom; }).runWith(runner);

        assertThat(unhandled).containsExactly(boom);
    }

    @Test
    void runningCountAndTitleFollowTheTask() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.of("Loading domains", progress -> {
            seen.add(runner.runningCountProperty().get() + " " + runner.currentTitleProperty().get());
            return null;
        }).runWith(runner);

        assertThat(seen).containsExactly("1 Loading domains");
        assertThat(runner.runningCountProperty().get()).isZero();
        assertThat(runner.currentTitleProperty().get()).isEmpty();
    }

    @Test
    void progressReachesTheUi() {
        List<Progress> updates = new ArrayList<>();
        BackgroundTask.of("Copying", progress -> {
            progress.update(1, 4, "Copied 1 of 4");
            return null;
        }).onProgress(updates::add).runWith(runner);

        assertThat(updates).containsExactly(new Progress(1, 4, "Copied 1 of 4"));
        assertThat(updates.getFirst().fraction()).isEqualTo(0.25);
    }

    @Test
    void cancellingInterruptsTheWorkAndSkipsSuccessButStillFinishes() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        ExecutorTaskRunner threaded = ExecutorTaskRunner.create(Executors.newVirtualThreadPerTaskExecutor(), ui,
                () -> Thread.currentThread().getName().equals("test-ui"), unhandled::add);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();

        TaskHandle handle = BackgroundTask.of("Slow", progress -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return "done";
                })
                .onSuccess(result -> events.add("success"))
                .onFailure(failure -> events.add("failure"))
                .onFinished(() -> {
                    events.add("finished");
                    finished.countDown();
                })
                .runWith(threaded);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("finished");
        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.isDone()).isTrue();
        assertThat(unhandled).isEmpty();
        threaded.close();
        ui.shutdown();
    }

    @Test
    void aClosedRunnerReportsRejectionAsAFailure() {
        runner.close();

        BackgroundTask.of("Late", progress -> "never").onFailure(failure -> calls.add("rejected"))
                .onFinished(() -> calls.add("finished")).runWith(runner);

        assertThat(calls).containsExactly("rejected", "finished");
        assertThat(runner.runningCountProperty().get()).isZero();
    }
}
