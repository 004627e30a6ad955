package dev.arca.bench;

import atlantafx.base.theme.PrimerLight;
import dev.arca.core.PackageInfo;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.FxDialogService;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.packages.PackagesView;
import dev.arca.ui.packages.PackagesViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Packages page benchmark (bench/packages-page.sh), the GUI acceptance figures of issue 5: the real Packages page
 * (view, ViewModel, JavaFX task runner, SDK gateway) in a window, against {@code java -jar target/arca.jar server}
 * in its own process holding 100,000 packages in one repository and 10,000 versions of one package. Measures the
 * time until the first rows are on screen, how long the FX thread is busy per pulse while the tables are scrolled
 * from top to bottom (every page loaded on the way), and the heap of this GUI process.
 *
 * <p>A pulse is timed from its start (an {@link AnimationTimer}, which runs first in a pulse and also does the
 * scrolling) to the first FX-thread task queued behind it (posted from the scene's post-layout pulse listener), so
 * it covers animation, CSS, layout, the scene-graph sync and whatever page results ran in the same turn. A second
 * probe posts a task to the FX thread every millisecond and records how late each one runs: the longest time the
 * FX thread was unavailable for anything.
 */
public final class PackagesPageBench {

    private static final int RUNS = 10;
    private static final double SCROLL_PIXELS_PER_FRAME = 600;
    private static final long SCROLL_TIME_LIMIT_SECONDS = 240;
    private static final String PACKAGES = "#packages-table";
    private static final String VERSIONS = "#versions-table";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Supplier<PackagesViewModel> viewModels;
    private final StackPane root = new StackPane();
    private final Scene scene = new Scene(root, 1000, 700);
    private PackagesViewModel viewModel;

    private PackagesPageBench(Supplier<PackagesViewModel> viewModels) {
        this.viewModels = viewModels;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        root.setPadding(new Insets(24)); // the page gets what the main window leaves it: 1200 × 760 less navigation
        Stage stage = new Stage();
        stage.setScene(scene);
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("arca-packages-page-bench");
        PackageBench.Server server = PackageBench.Server.start(data);
        try (CodeartifactClient client = server.client()) {
            client.createDomain(r -> r.domain("bench"));
            client.createRepository(r -> r.domain("bench").repository("big"));
            client.createRepository(r -> r.domain("bench").repository("small"));
            byte[] sample = new byte[10 * 1024];
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sample));
            client.publishPackageVersion(r -> r.domain("bench").repository("big").format("generic").namespace("pub")
                    .packageValue("size-10240").packageVersion("1.0").assetName("a.bin").assetSHA256(sha),
                    RequestBody.fromBytes(sample));
        } finally {
            server.stop();
        }
        PackageBench.bulkLoad(data.resolve("metadata.db"));
        server = PackageBench.Server.start(data);
        AwsBasicCredentials keys = server.credentials();
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
             CodeArtifactGateway gateway = clients.open(new ConnectionProfile("bench", ConnectionKind.ARCA_SERVER,
                     server.endpoint(), "us-east-1"), keys.accessKeyId(), keys.secretAccessKey());
             ExecutorTaskRunner tasks = ExecutorTaskRunner.forJavaFx(Throwable::printStackTrace)) {
            Platform.startup(() -> { });
            System.out.printf(Locale.ROOT, "JavaFX %s, prism %s, %d cores, max heap %d MiB, load average %s%n",
                    System.getProperty("javafx.runtime.version"), System.getProperty("prism.order", "default"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
            DomainMemory memory = new DomainMemory(UserSettings.load(data.resolve("bench-settings.properties")), "bench");
            PackagesPageBench bench = onFx(() -> new PackagesPageBench(() -> new PackagesViewModel(() -> gateway,
                    tasks, new FxDialogService(() -> null), memory, data.resolve("journals"),
                    java.time.Clock.systemUTC())));
            bench.run();
        } finally {
            Platform.exit();
            server.stop();
        }
    }

    private void run() throws Exception {
        Stages cold = openPage();
        report("Page opened → first package rows shown, first time in this JVM (cold)", millis(cold.rowsShown()));
        cold.print("cold run");
        long[] pageRuns = new long[RUNS];
        List<Stages> stages = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            stages.add(openPage());
            pageRuns[i] = stages.getLast().rowsShown();
        }
        report("Page opened → first package rows shown (domains, repositories, first page)", pageRuns);
        Stages.median(stages).print("medians");

        long[] packageRuns = new long[RUNS]; // nanoseconds, like every sample below
        for (int i = 0; i < RUNS; i++) {
            switchAndWait(() -> viewModel.repositoryProperty().set("small"), () -> !rowsShown(PACKAGES));
            packageRuns[i] = switchAndWait(() -> viewModel.repositoryProperty().set("big"), () -> rowsShown(PACKAGES));
        }
        report("Repository chosen → first package rows shown, 100,000 packages", packageRuns);

        PackageInfo many = onFx(() -> viewModel.packages().items().stream()
                .filter(p -> p.name().equals("many")).findFirst().orElseThrow());
        PackageInfo other = onFx(() -> viewModel.packages().items().stream()
                .filter(p -> p.name().startsWith("pkg-")).findFirst().orElseThrow());
        long[] versionRuns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            switchAndWait(() -> viewModel.selectedPackageProperty().set(other), () -> !rowsShown(VERSIONS));
            versionRuns[i] = switchAndWait(() -> viewModel.selectedPackageProperty().set(many),
                    () -> rowsShown(VERSIONS));
        }
        report("Package chosen → first version rows shown, 10,000 versions", versionRuns);

        scroll("packages", PACKAGES, () -> !viewModel.packages().hasMoreProperty().get());
        scroll("versions", VERSIONS, () -> !viewModel.versions().hasMoreProperty().get());
        memory();
        System.out.println("load average at the end: " + load());
    }

    /** The machine's 1, 5 and 15 minute load averages: other work on these cores disturbs the figures. */
    private static String load() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /**
     * Puts a new Packages page (view and ViewModel) in the window and times it until its first package rows are
     * drawn: the page lists the domains, then the repositories, then the first packages.
     */
    private Stages openPage() throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        CompletableFuture<Long> built = new CompletableFuture<>();
        CompletableFuture<Long> laidOut = new CompletableFuture<>();
        CompletableFuture<Long> domainChosen = new CompletableFuture<>();
        CompletableFuture<Long> repositoryChosen = new CompletableFuture<>();
        CompletableFuture<Long> pageArrived = new CompletableFuture<>();
        long start = onFx(() -> {
            long now = System.nanoTime();
            whenShown(shown, () -> rowsShown(PACKAGES));
            whenShown(laidOut, () -> true);
            viewModel = viewModels.get();
            viewModel.domainProperty().subscribe(d -> completeWhen(domainChosen, d != null));
            viewModel.repositoryProperty().subscribe(r -> completeWhen(repositoryChosen, "big".equals(r)));
            viewModel.packages().items().subscribe(() -> completeWhen(pageArrived,
                    !viewModel.packages().items().isEmpty()));
            root.getChildren().setAll(new PackagesView(viewModel));
            Stage stage = (Stage) scene.getWindow();
            if (!stage.isShowing()) {
                stage.show();
            }
            built.complete(System.nanoTime());
            return now;
        });
        long[] at = new long[4];
        int i = 0;
        for (CompletableFuture<Long> stage : List.of(laidOut, domainChosen, repositoryChosen, pageArrived)) {
            at[i++] = stage.get(60, TimeUnit.SECONDS) - start;
        }
        return new Stages(built.get() - start, at[0], at[1], at[2], at[3], shown.get(60, TimeUnit.SECONDS) - start);
    }

    private static void completeWhen(CompletableFuture<Long> stage, boolean reached) {
        if (reached) {
            stage.complete(System.nanoTime());
        }
    }

    /** When, after a page was opened, each step of showing its first packages was done (nanoseconds). */
    private record Stages(long built, long laidOut, long domainChosen, long repositoryChosen, long firstPage,
                          long rowsShown) {

        static Stages median(List<Stages> runs) {
            return new Stages(median(runs, Stages::built), median(runs, Stages::laidOut),
                    median(runs, Stages::domainChosen),
                    median(runs, Stages::repositoryChosen), median(runs, Stages::firstPage),
                    median(runs, Stages::rowsShown));
        }

        private static long median(List<Stages> runs, ToLongFunction<Stages> stage) {
            return runs.stream().mapToLong(stage).sorted().skip(runs.size() / 2).findFirst().orElseThrow();
        }

        void print(String which) {
            System.out.printf(Locale.ROOT, "  %s, ms after opening: page built %d, first layout %d, domain chosen %d,"
                            + " repository chosen %d, first page arrived %d, rows drawn %d%n", which, millis(built),
                    millis(laidOut), millis(domainChosen), millis(repositoryChosen), millis(firstPage),
                    millis(rowsShown));
        }
    }

    /** Scrolls a table from top to bottom at a fixed speed, loading every page on the way, and times pulses. */
    private void scroll(String name, String tableId, BooleanSupplier allLoaded) throws Exception {
        PulseTimer pulses = onFx(() -> new PulseTimer(scene, table(tableId)));
        FxProbe probe = new FxProbe();
        long start = System.nanoTime();
        onFx(() -> {
            pulses.start();
            return null;
        });
        probe.start();
        boolean done = false;
        while (!done && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(SCROLL_TIME_LIMIT_SECONDS)) {
            Thread.sleep(200);
            done = onFx(() -> allLoaded.getAsBoolean() && pulses.atEnd());
        }
        probe.stop();
        onFx(() -> {
            pulses.stop();
            return null;
        });
        int loaded = onFx(() -> table(tableId).getItems().size());
        System.out.printf(Locale.ROOT, "Scrolling the %s table top to bottom: %,d rows loaded in %.1f s%s%n", name,
                loaded, (System.nanoTime() - start) / 1e9, done ? "" : " (time limit reached)");
        report("  FX pulse, whole (incl. waiting for the renderer), " + pulses.count() + " pulses",
                pulses.durations());
        report("  FX pulse, animation + CSS + layout", pulses.layoutDurations());
        report("  FX thread CPU time per pulse (what other processes cannot inflate)", pulses.cpuTimes());
        report("  FX thread unavailable (1 ms probe) while scrolling " + name, probe.delays());
    }

    private void memory() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
        int rows = onFx(() -> table(PACKAGES).getItems().size() + table(VERSIONS).getItems().size());
        System.out.printf(Locale.ROOT, "GUI heap with %,d rows loaded: %d MiB used after GC, %d MiB committed,"
                        + " peak %d MiB (sum of pool peaks), limit -Xmx %d MiB; RSS %d MiB%n", rows, used >> 20,
                committed >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, residentMiB());
    }

    /** Runs {@code change} on the FX thread and returns the nanoseconds until {@code shown} holds after a pulse. */
    private long switchAndWait(Runnable change, BooleanSupplier shown) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long start = onFx(() -> {
            long now = System.nanoTime();
            whenShown(done, shown);
            change.run();
            return now;
        });
        return done.get(60, TimeUnit.SECONDS) - start;
    }

    /**
     * Completes {@code shown} with the time of the next pulse, after layout, at which {@code condition} holds. Called
     * on the FX thread in the same turn as the change it waits for, so no pulse can come between.
     */
    private void whenShown(CompletableFuture<Long> shown, BooleanSupplier condition) {
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (condition.getAsBoolean()) {
                shown.complete(System.nanoTime());
                scene.removePostLayoutPulseListener(check[0]);
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    /** Whether the table is on screen with at least one row drawn with an item. */
    private boolean rowsShown(String tableId) {
        TableView<?> table = table(tableId);
        return table != null && table.isVisible() && table.lookupAll(".table-row-cell").stream()
                .anyMatch(node -> node instanceof TableRow<?> row && !row.isEmpty() && row.getItem() != null);
    }

    /** A table of the current page; found only once laid out, as a split pane's items join the scene with its skin. */
    private TableView<?> table(String id) {
        return (TableView<?>) scene.lookup(id);
    }

    /** Scrolls a table by a fixed amount every frame and times each pulse on the FX thread. */
    private static final class PulseTimer extends AnimationTimer {
        private final Scene scene;
        private final VirtualFlow<?> flow;
        private final List<Long> durations = new ArrayList<>();
        private final List<Long> layoutDurations = new ArrayList<>();
        private final List<Long> cpuTimes = new ArrayList<>();
        private long pulseCpuStart;
        private final Runnable afterLayout = this::afterLayout;
        private long pulseStart;
        private boolean pending;

        PulseTimer(Scene scene, TableView<?> table) {
            this.scene = scene;
            this.flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        }

        @Override
        public void start() {
            scene.addPostLayoutPulseListener(afterLayout);
            super.start();
        }

        @Override
        public void stop() {
            super.stop();
            scene.removePostLayoutPulseListener(afterLayout);
        }

        @Override
        public void handle(long now) {
            pulseStart = System.nanoTime();
            pulseCpuStart = THREADS.getCurrentThreadCpuTime();
            pending = true;
            flow.scrollPixels(SCROLL_PIXELS_PER_FRAME);
        }

        private void afterLayout() {
            if (!pending) {
                return;
            }
            pending = false;
            long start = pulseStart;
            long cpuStart = pulseCpuStart;
            layoutDurations.add(System.nanoTime() - start);
            Platform.runLater(() -> { // runs once this pulse has finished
                durations.add(System.nanoTime() - start);
                cpuTimes.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
            });
        }

        boolean atEnd() {
            return flow.getPosition() >= 1.0;
        }

        int count() {
            return durations.size();
        }

        long[] durations() {
            return durations.stream().mapToLong(Long::longValue).toArray();
        }

        long[] layoutDurations() {
            return layoutDurations.stream().mapToLong(Long::longValue).toArray();
        }

        long[] cpuTimes() {
            return cpuTimes.stream().mapToLong(Long::longValue).toArray();
        }
    }


    private static void report(String what, long millis) {
        System.out.printf(Locale.ROOT, "%-78s %7d ms%n", what, millis);
    }

    /** Median, 99th percentile and maximum of samples in nanoseconds. */
    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long p99 = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
        System.out.printf(Locale.ROOT, "%-78s median %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                sorted[sorted.length / 2] / 1e6, p99 / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static long residentMiB() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10).findFirst().orElse(-1L);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
