package dev.arca.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;

/** Posts a task to the FX thread every millisecond and records how late each one ran (GUI benchmarks). */
public final class FxProbe {
    private final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running;
    private Thread thread;

    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("fx-probe").start(() -> {
            while (running) {
                long posted = System.nanoTime();
                CompletableFuture<Void> ran = new CompletableFuture<>();
                Platform.runLater(() -> {
                    delays.add(System.nanoTime() - posted);
                    ran.complete(null);
                });
                ran.join();
                LockSupport.parkNanos(1_000_000);
            }
        });
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    public long[] delays() {
        synchronized (delays) {
            return delays.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
