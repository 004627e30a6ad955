package dev.arca.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * For the start-up benchmark only: when {@code -Darca.benchmark.startupReport=FILE} is set, writes the
 * time from process start to the first shown window, the CPU time the process had used by then (all its threads; on a
 * shared machine less dependent on the other processes than the wall clock) and the process RSS to FILE, then closes
 * the window.
 */
final class StartupReport {

    static final String PROPERTY = "arca.benchmark.startupReport";
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Path file;

    private StartupReport(Path file) {
        this.file = file;
    }

    static Optional<StartupReport> fromSystemProperties() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of).map(StartupReport::new);
    }

    void armOn(Stage stage) {
        Runnable onShown = () -> {
            ProcessHandle.Info process = ProcessHandle.current().info();
            Instant processStart = process.startInstant()
                    .orElse(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
            long shownMillis = Duration.between(processStart, Instant.now()).toMillis();
            long cpuMillis = process.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            // Measure memory once the window has settled, the way a user would see it.
            PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(SETTLE.toMillis()));
            settle.setOnFinished(event -> {
                write(shownMillis, cpuMillis, residentKiB());
                stage.hide();
            });
            settle.play();
        };
        if (stage.isShowing()) {
            Platform.runLater(onShown);
        } else {
            stage.setOnShown(event -> Platform.runLater(onShown));
        }
    }

    private void write(long shownMillis, long cpuMillis, long rssKiB) {
        try {
            Files.writeString(file, "windowShownMillis=" + shownMillis + "\nwindowShownCpuMillis=" + cpuMillis
                    + "\nrssKiB=" + rssKiB + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long residentKiB() {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            return status.stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
