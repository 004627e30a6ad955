package dev.arca.ui.graph;

import dev.arca.bench.FxProbe;

import atlantafx.base.theme.PrimerLight;
import com.sun.javafx.perf.PerformanceTracker;
import dev.arca.bench.PackageBench;
import dev.arca.bench.TieredDomain;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.gateway.UpstreamGraphSource;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.FxDialogService;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.common.RecordingNavigation;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.shell.MainView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Upstream graph benchmark (bench/graph.sh), the GUI acceptance figures of issue 11, on a domain of 1,000
 * repositories (the quota) and 3,070 upstream edges shaped as {@link TieredDomain#QUOTA}:
 * <ol>
 *   <li>{@link GraphLayout#of} alone: the first call in this fresh JVM, after the domain's load through the gateway
 *   during which the layout warms up as the page makes it, and then warm;</li>
 *   <li>the real page (view, ViewModel, JavaFX task runner, SDK gateway) against {@code java -jar target/arca.jar
 *   server} in its own process: from the graph's picture being set to the first frame that shows it fitted;</li>
 *   <li>FX pulses while that graph is zoomed in and out and panned at three zoom levels.</li>
 * </ol>
 *
 * <p>Pulses are timed as in {@code PackagesPageBench}: from the start of a pulse (an {@link AnimationTimer}, which
 * also makes the move) to the first FX-thread task queued behind it, with the FX thread's CPU time for the same span.
 * JavaFX renders on its own thread after a pulse; a frame's end is taken from the scene's performance tracker, which
 * the renderer tells when it has presented a frame, so the renderer's pace and CPU time per frame are reported too.
 */
public final class UpstreamGraphBench {

    private static final String DOMAIN = "quota";
    private static final int LAYOUT_RUNS = 10;
    private static final int PAGE_RUNS = 5;
    private static final double ZOOM_STEP = 1.04;
    private static final double PAN_PIXELS_PER_FRAME = 24;
    private static final int PAN_FRAMES = 300;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** {@code -Dgraph.bench.profile=true}: samples the FX and render threads' stacks and prints where time went. */
    private static final boolean PROFILE = Boolean.getBoolean("graph.bench.profile");
    /**
     * {@code -Dgraph.bench.warmUp=false}: no layout warm-up during the page's first load, to measure the first layout
     * of a fresh JVM (ELK's classes loaded and run interpreted).
     */
    private static final boolean WARM_UP = Boolean.parseBoolean(System.getProperty("graph.bench.warmUp", "true"));
    /** {@code -Dgraph.bench.snapshots=DIR}: saves the window at each zoom the graph is panned at, to look at. */
    private static final String SNAPSHOTS = System.getProperty("graph.bench.snapshots", "");

    private final Supplier<UpstreamGraphViewModel> viewModels;
    private final StackPane root = new StackPane();
    private final Scene scene = new Scene(root, 1000, 700);
    private final FrameClock frames = new FrameClock();
    private UpstreamGraphView view;
    private final List<java.lang.ref.WeakReference<UpstreamGraphView>> pages = new ArrayList<>();

    private UpstreamGraphBench(Supplier<UpstreamGraphViewModel> viewModels) {
        this.viewModels = viewModels;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        root.setPadding(new Insets(24)); // the page gets what the main window leaves it: 1200 × 760 less navigation
        // As in the main window, the page sits below a parent holding the shell's stylesheet.
        PageParts.useSceneStylesheets(root, Objects.requireNonNull(MainView.class.getResource("shell.css"))
                .toExternalForm()); // as the main window does
        Stage stage = new Stage();
        stage.setScene(scene);
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(frames::rendered);
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
        Path data = Files.createTempDirectory("arca-graph-bench");
        PackageBench.Server server = PackageBench.Server.start(data);
        try {
            try (CodeartifactClient client = server.client()) {
                TieredDomain.QUOTA.create(client, DOMAIN);
            }
            AwsBasicCredentials keys = server.credentials();
            try (ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
                 CodeArtifactGateway gateway = clients.open(new ConnectionProfile("bench", ConnectionKind.ARCA_SERVER,
                         server.endpoint(), "us-east-1"), keys.accessKeyId(), keys.secretAccessKey());
                 ExecutorTaskRunner tasks = ExecutorTaskRunner.forJavaFx(Throwable::printStackTrace)) {
                layout(gateway);
                Platform.startup(() -> { });
                System.out.printf(Locale.ROOT, "JavaFX %s, prism %s, window 1000 × 700, load average %s%n",
                        System.getProperty("javafx.runtime.version"), System.getProperty("prism.order", "default"),
                        load());
                DomainMemory memory = new DomainMemory(UserSettings.load(data.resolve("bench-settings.properties")),
                        "bench");
                UpstreamGraphBench bench = onFx(() -> new UpstreamGraphBench(() -> new UpstreamGraphViewModel(
                        () -> gateway, tasks, new FxDialogService(() -> null), memory, new RecordingNavigation())));
                bench.run();
            }
        } finally {
            Platform.exit();
            server.stop();
        }
    }

    /**
     * Times the layout alone, first as the page's first load meets it: the page starts warming the layout up when it
     * is built and then loads the domain through the gateway, so the first real layout follows that load. Later
     * layouts run JIT-compiled.
     */
    private static void layout(CodeArtifactGateway gateway) throws InterruptedException {
        if (WARM_UP) {
            GraphLayout.warmUpInBackground();
        }
        long start = System.nanoTime();
        UpstreamGraph graph = new UpstreamGraphSource(gateway).load(DOMAIN, (done, all) -> { });
        report("UpstreamGraphSource.load, the page's first load" + (WARM_UP ? ", the layout warming up meanwhile" : ""),
                new long[] {System.nanoTime() - start});
        System.out.printf(Locale.ROOT, "Domain of %,d repositories, %,d upstream edges, %d external connections%n",
                graph.repositories().size(), graph.edges().size(), graph.externalConnections().size());
        start = System.nanoTime();
        GraphLayout.Result placed = GraphLayout.of(graph);
        long cold = System.nanoTime() - start;
        report(WARM_UP ? "GraphLayout.of, the page's first layout (warmed up during the load)"
                : "GraphLayout.of, first call in this JVM (cold: loads ELK)", new long[] {cold});
        long[] layouts = new long[LAYOUT_RUNS];
        long[] warnings = new long[LAYOUT_RUNS];
        for (int i = 0; i < LAYOUT_RUNS; i++) {
            start = System.nanoTime();
            placed = GraphLayout.of(graph);
            layouts[i] = System.nanoTime() - start;
            start = System.nanoTime();
            GraphWarning.of(graph);
            warnings[i] = System.nanoTime() - start;
        }
        report("GraphLayout.of, warm (" + LAYOUT_RUNS + " runs after the cold one)", layouts);
        report("GraphWarning.of (the rest of a picture), warm", warnings);
        System.out.printf(Locale.ROOT, "  laid out %,d boxes and %,d routes in %,.0f × %,.0f px%n",
                placed.boxes().size(), placed.routes().size(), placed.width(), placed.height());
    }

    private void run() throws Exception {
        Stages cold = openPage(null);
        cold.print("first page of this JVM (cold)");
        List<Stages> warm = new ArrayList<>();
        StackSampler pageSampler = StackSampler.fxAndRenderer();
        for (int i = 0; i < PAGE_RUNS; i++) {
            warm.add(openPage(pageSampler));
        }
        pageSampler.print("the warm pages, from the picture set to its first frame");
        report("picture set → first frame showing the fitted graph, new page, cold", new long[] {cold.firstPaint()});
        report("picture set → first frame showing the fitted graph, new page, warm (" + PAGE_RUNS + ")",
                warm.stream().mapToLong(Stages::firstPaint).toArray());
        report("page opened → picture set (load through the SDK, layout, warnings)",
                warm.stream().mapToLong(Stages::pictureSet).toArray());
        Stages.median(warm).print("medians of the warm pages");
        System.out.printf(Locale.ROOT, "  the drawing holds %,d nodes; fitted zoom %.3f%n", onFx(() -> count(
                view.drawing().root())), onFx(() -> view.canvas().zoom()));

        GraphCanvas canvas = onFx(() -> view.canvas());
        double fitted = onFx(canvas::zoom);
        double width = onFx(canvas::getWidth);
        double height = onFx(canvas::getHeight);
        System.out.printf(Locale.ROOT, "Canvas %.0f × %.0f px; names are shown from zoom %.2f%n", width, height,
                0.4);
        int[] cycle = {0};
        boolean[] in = {true};
        move("zoom in from fit to 100 % and out again at 4 % a frame, twice", frame -> {
            if (in[0] && canvas.zoom() >= 1.0) {
                in[0] = false;
            } else if (!in[0] && canvas.zoom() <= fitted) {
                in[0] = true;
                cycle[0]++;
            }
            if (cycle[0] == 2) {
                return false;
            }
            canvas.zoomAt(in[0] ? ZOOM_STEP : 1 / ZOOM_STEP, width / 2, height / 2);
            return true;
        });
        for (double zoom : new double[] {1.0, 0.4, fitted}) {
            onFx(() -> {
                canvas.zoomAt(zoom / canvas.zoom(), width / 2, height / 2);
                GraphLayout.Result placed = view.drawing().layout();
                canvas.centerOnPoint(placed.width() / 3, placed.height() / 2);
                return null;
            });
            Thread.sleep(500);
            snapshot(String.format(Locale.ROOT, "zoom-%.2f.png", zoom));
            move(String.format(Locale.ROOT, "pan at zoom %.2f, %d frames of %.0f px", zoom, PAN_FRAMES,
                    PAN_PIXELS_PER_FRAME), frame -> {
                        canvas.panBy(-PAN_PIXELS_PER_FRAME, frame % 100 < 50 ? 1 : -1);
                        return frame < PAN_FRAMES;
                    });
        }
        if (PROFILE) {
            diagnose(canvas, width, height);
        }
        memory();
        System.out.println("load average at the end: " + load());
    }

    private void snapshot(String name) throws Exception {
        if (SNAPSHOTS.isEmpty()) {
            return;
        }
        byte[] png = onFx(() -> {
            javafx.scene.image.WritableImage image = scene.snapshot(null);
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] pixels = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height,
                    javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, width);
            return PngEncoder.encode(pixels, width, height);
        });
        Files.createDirectories(Path.of(SNAPSHOTS));
        Files.write(Path.of(SNAPSHOTS, name), png);
    }

    /** Pans at 100 % with parts of the drawing hidden, to see what the renderer spends its frames on. */
    private void diagnose(GraphCanvas canvas, double width, double height) throws Exception {
        List<Node> layers = onFx(() -> List.copyOf(view.drawing().root().getChildren())); // edges, boxes, badges, overlay
        for (String hidden : List.of("edges", "boxes")) {
            Node layer = layers.get(hidden.equals("edges") ? 0 : 1);
            onFx(() -> {
                layer.setVisible(false);
                canvas.zoomAt(1.0 / canvas.zoom(), width / 2, height / 2);
                GraphLayout.Result placed = view.drawing().layout();
                canvas.centerOnPoint(placed.width() / 3, placed.height() / 2);
                return null;
            });
            Thread.sleep(500);
            move("diagnosis: pan at zoom 1.00 with the " + hidden + " hidden", frame -> {
                canvas.panBy(-PAN_PIXELS_PER_FRAME, frame % 100 < 50 ? 1 : -1);
                return frame < PAN_FRAMES;
            });
            onFx(() -> {
                layer.setVisible(true);
                return null;
            });
        }
    }

    /**
     * Puts a new page (view and ViewModel) in the window and times it until the first frame that shows the graph
     * fitted: the page lists the domains, loads the graph through the SDK, lays it out in the background, sets the
     * picture; the view draws it in the same turn and fits it in the next.
     */
    private Stages openPage(StackSampler sampler) throws Exception {
        CompletableFuture<Long> pictureSet = new CompletableFuture<>();
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        CompletableFuture<Long> pulseStarted = new CompletableFuture<>();
        CompletableFuture<Long> laidOut = new CompletableFuture<>();
        CompletableFuture<Long> pulseDone = new CompletableFuture<>();
        CompletableFuture<Integer> frameIndex = new CompletableFuture<>();
        int[] pictures = {0};
        long start = onFx(() -> {
            long now = System.nanoTime();
            UpstreamGraphViewModel viewModel = viewModels.get();
            // Subscribed before the view, so this runs first when the picture is set.
            viewModel.pictureProperty().subscribe(p -> {
                if (p.isPresent() && !frameIndex.isDone()) {
                    pictures[0]++;
                }
                if (p.isPresent() && !pictureSet.isDone()) {
                    if (sampler != null) {
                        sampler.resume();
                    }
                    pictureSet.complete(System.nanoTime());
                    Platform.runLater(() -> drawn.complete(System.nanoTime())); // the end of this turn
                    Runnable[] before = new Runnable[1];
                    before[0] = () -> {
                        pulseStarted.complete(System.nanoTime());
                        scene.removePreLayoutPulseListener(before[0]);
                    };
                    scene.addPreLayoutPulseListener(before[0]);
                }
            });
            view = new UpstreamGraphView(viewModel);
            pages.add(new java.lang.ref.WeakReference<>(view));
            Runnable[] after = new Runnable[1];
            after[0] = () -> {
                if (pictureSet.isDone() && fittedGraphShown()) {
                    laidOut.complete(System.nanoTime());
                    scene.removePostLayoutPulseListener(after[0]);
                    Platform.runLater(() -> { // runs once this pulse has finished and handed its frame over
                        pulseDone.complete(System.nanoTime());
                        frameIndex.complete(frames.count());
                    });
                }
            };
            scene.addPostLayoutPulseListener(after[0]);
            root.getChildren().setAll(view);
            Stage stage = (Stage) scene.getWindow();
            if (!stage.isShowing()) {
                stage.show();
            }
            return now;
        });
        long set = pictureSet.get(120, TimeUnit.SECONDS);
        long rendered = frames.await(frameIndex.get(60, TimeUnit.SECONDS), 60);
        if (sampler != null) {
            sampler.pause();
        }
        return new Stages(set - start, drawn.get() - set, pulseStarted.get() - set, laidOut.get() - set,
                pulseDone.get() - set, rendered - set, onFx(() -> pictures[0]));
    }

    /** Whether the drawing of the current page is on screen and fitted (a 1,000-repository graph fits below 100 %). */
    private boolean fittedGraphShown() {
        return view.drawing().boxNodes().values().stream().findFirst().map(box -> box.getScene() == scene)
                .orElse(false) && view.canvas().zoom() < 1.0;
    }

    /**
     * When each step after the picture was set was done, in nanoseconds after it: the drawing built (the end of the
     * FX turn that set it), the next pulse started, it was laid out, it finished (scene synchronised), and its frame
     * was rendered (the first paint); and how many pictures the page was given until then (one per load is right).
     */
    private record Stages(long pictureSet, long drawn, long pulseStarted, long laidOut, long pulseDone,
                          long firstPaint, int pictures) {

        static Stages median(List<Stages> runs) {
            return new Stages(median(runs, Stages::pictureSet), median(runs, Stages::drawn),
                    median(runs, Stages::pulseStarted), median(runs, Stages::laidOut), median(runs, Stages::pulseDone),
                    median(runs, Stages::firstPaint), (int) median(runs, Stages::pictures));
        }

        private static long median(List<Stages> runs, ToLongFunction<Stages> stage) {
            return runs.stream().mapToLong(stage).sorted().skip(runs.size() / 2).findFirst().orElseThrow();
        }

        void print(String which) {
            System.out.printf(Locale.ROOT, "  %s: picture set %d ms after the page opened; then, ms after it: drawing"
                            + " built %d, pulse started %d, CSS and layout done %d, pulse done %d, frame rendered %d;"
                            + " pictures set until then: %d%n", which, millis(pictureSet), millis(drawn),
                    millis(pulseStarted), millis(laidOut), millis(pulseDone), millis(firstPaint), pictures);
        }
    }

    /** Moves the graph once a frame with {@code step} (given the frame number) until it returns false; times pulses. */
    private void move(String name, IntPredicate step) throws Exception {
        PulseTimer pulses = onFx(() -> new PulseTimer(scene, step));
        FxProbe probe = new FxProbe();
        StackSampler sampler = StackSampler.fxAndRenderer();
        sampler.resume();
        long renderCpu = renderThreadCpu();
        int firstFrame = frames.count();
        long start = System.nanoTime();
        onFx(() -> {
            pulses.start();
            return null;
        });
        probe.start();
        while (!onFx(pulses::finished)) {
            Thread.sleep(100);
        }
        probe.stop();
        Thread.sleep(300); // the last frame's rendering
        sampler.pause();
        long elapsed = System.nanoTime() - start;
        long[] frameTimes = frames.since(firstFrame);
        long renderCpuUsed = renderThreadCpu() - renderCpu;
        System.out.printf(Locale.ROOT, "%s: %d pulses, %d frames rendered in %.1f s (%.0f frames/s)%n", name,
                pulses.count(), frameTimes.length, elapsed / 1e9, frameTimes.length / (elapsed / 1e9));
        report("  FX pulse, whole (incl. waiting for the renderer)", pulses.durations());
        report("  FX pulse, animation + CSS + layout", pulses.layoutDurations());
        report("  FX thread CPU time per pulse", pulses.cpuTimes());
        long[] intervals = new long[Math.max(0, frameTimes.length - 1)];
        for (int i = 1; i < frameTimes.length; i++) {
            intervals[i - 1] = frameTimes[i] - frameTimes[i - 1];
        }
        if (intervals.length > 0) {
            report("  time between rendered frames", intervals);
        }
        System.out.printf(Locale.ROOT, "  render thread CPU per frame: %.1f ms%n",
                renderCpuUsed / 1e6 / Math.max(1, frameTimes.length));
        report("  FX thread unavailable (1 ms probe)", probe.delays());
        sampler.print(name);
    }

    /** CPU time of JavaFX's render thread (Prism's software pipeline paints on it), or -1 if it is not found. */
    private static long renderThreadCpu() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().map(t -> THREADS.getThreadCpuTime(t.threadId())).orElse(-1L);
    }

    private void memory() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        long reachable = pages.stream().filter(page -> page.get() != null).count();
        System.out.printf(Locale.ROOT, "GUI heap with the graph shown: %d MiB used after GC, %d MiB committed, limit"
                        + " -Xmx %d MiB; %d of the %d pages opened are still reachable%n", used >> 20, committed >> 20,
                Runtime.getRuntime().maxMemory() >> 20, reachable, pages.size());
    }

    private static int count(Node node) {
        int n = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    /**
     * A poor man's profiler for {@code -Dgraph.bench.profile=true}: every 2 ms while resumed, the stacks of the FX
     * thread and the render thread; prints, per thread, the share of samples in each pulse phase or graph method and
     * the most frequent innermost frames. Off, it does nothing.
     */
    private static final class StackSampler {
        private static final List<String> MARKERS = List.of("Scene.doCSSPass", "Scene.doLayoutPass",
                "Parent.updateBounds", "waitForRenderingToComplete", "ScenePulseListener.synchronizeSceneNodes",
                "StyleManager$RefList.add", "StyleManager$RefList.remove", "StyleManager.forget",
                "GraphDrawing.draw", "GraphDrawing.highlight", "GraphDrawing.setDetailed", "GraphCanvas.fit",
                "GraphCanvas.zoomAt", "GraphCanvas.panBy", "GraphOverview.paint", "GraphOverview.show",
                "GraphSidePanel", "UpstreamGraphViewModel", "NGRegion", "NGText", "NGShape", "NGPolyline",
                "NGCanvas", "glyph", "Glyph", "Pisces", "Marlin", "sw.SW");
        private final List<Thread> threads;
        private final List<java.util.Map<String, Integer>> markers = new ArrayList<>();
        private final List<java.util.Map<String, Integer>> leaves = new ArrayList<>();
        private final int[] samples;
        private volatile boolean sampling;
        private volatile boolean done;

        private StackSampler(List<Thread> threads) {
            this.threads = threads;
            this.samples = new int[threads.size()];
            for (int i = 0; i < threads.size(); i++) {
                markers.add(new java.util.HashMap<>());
                leaves.add(new java.util.HashMap<>());
            }
            if (PROFILE) {
                Thread.ofPlatform().daemon().name("stack-sampler").start(this::sample);
            }
        }

        static StackSampler fxAndRenderer() throws Exception {
            Thread fx = onFx(Thread::currentThread);
            Thread renderer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow();
            return new StackSampler(List.of(fx, renderer));
        }

        void resume() {
            sampling = true;
        }

        void pause() {
            sampling = false;
        }

        private void sample() {
            while (!done) {
                if (sampling) {
                    for (int i = 0; i < threads.size(); i++) {
                        StackTraceElement[] stack = threads.get(i).getStackTrace();
                        if (stack.length == 0 || idle(stack[0])) {
                            continue;
                        }
                        synchronized (this) {
                            samples[i]++;
                            leaves.get(i).merge(stack[0].getClassName() + "." + stack[0].getMethodName(), 1,
                                    Integer::sum);
                            java.util.Set<String> seen = new java.util.HashSet<>();
                            for (StackTraceElement frame : stack) {
                                String name = frame.getClassName() + "." + frame.getMethodName();
                                for (String marker : MARKERS) {
                                    if (name.contains(marker) && seen.add(marker)) {
                                        markers.get(i).merge(marker, 1, Integer::sum);
                                    }
                                }
                            }
                        }
                    }
                }
                LockSupport.parkNanos(2_000_000);
            }
        }

        /** Waiting for work: the GTK loop, a parked or waiting render thread. */
        private static boolean idle(StackTraceElement top) {
            return top.getMethodName().equals("_runLoop") || top.getClassName().equals("jdk.internal.misc.Unsafe")
                    || top.getMethodName().equals("wait0") || top.getMethodName().equals("park");
        }

        synchronized void print(String what) {
            done = true;
            if (!PROFILE) {
                return;
            }
            for (int i = 0; i < threads.size(); i++) {
                System.out.printf(Locale.ROOT, "  profile of %s, %s: %d busy samples (2 ms apart)%n",
                        threads.get(i).getName(), what, samples[i]);
                int total = Math.max(1, samples[i]);
                markers.get(i).entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(
                        java.util.Comparator.reverseOrder())).forEach(e -> System.out.printf(Locale.ROOT,
                        "    %5.1f %%  within %s%n", 100.0 * e.getValue() / total, e.getKey()));
                leaves.get(i).entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(
                        java.util.Comparator.reverseOrder())).limit(12).forEach(e -> System.out.printf(Locale.ROOT,
                        "    %5.1f %%  at %s%n", 100.0 * e.getValue() / total, e.getKey()));
            }
        }
    }

    /** When the renderer finished each frame, as the scene's performance tracker tells it (on the render thread). */
    private static final class FrameClock {
        private long[] times = new long[1024];
        private int count;

        synchronized void rendered() {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = System.nanoTime();
            notifyAll();
        }

        synchronized int count() {
            return count;
        }

        /** The time frame {@code index} (counting from 0) was rendered, waiting for it. */
        synchronized long await(int index, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (count <= index) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no frame rendered");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return times[index];
        }

        synchronized long[] since(int index) {
            return Arrays.copyOfRange(times, index, count);
        }
    }

    /** Makes one move at the start of every pulse and times each pulse on the FX thread. */
    private static final class PulseTimer extends AnimationTimer {
        private final Scene scene;
        private final IntPredicate step;
        private final List<Long> durations = new ArrayList<>();
        private final List<Long> layoutDurations = new ArrayList<>();
        private final List<Long> cpuTimes = new ArrayList<>();
        private final Runnable afterLayout = this::afterLayout;
        private long pulseStart;
        private long pulseCpuStart;
        private boolean pending;
        private int frame;
        private boolean finished;

        PulseTimer(Scene scene, IntPredicate step) {
            this.scene = scene;
            this.step = step;
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
            finished = true;
        }

        @Override
        public void handle(long now) {
            if (!step.test(frame++)) {
                stop();
                return;
            }
            pulseStart = System.nanoTime();
            pulseCpuStart = THREADS.getCurrentThreadCpuTime();
            pending = true;
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

        boolean finished() {
            return finished;
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


    /** Median, 99th percentile and maximum of samples in nanoseconds (a single sample is printed alone). */
    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 1) {
            System.out.printf(Locale.ROOT, "%-74s %7.0f ms%n", what, sorted[0] / 1e6);
            return;
        }
        long p99 = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
        System.out.printf(Locale.ROOT, "%-74s median %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                sorted[sorted.length / 2] / 1e6, p99 / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String load() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
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
