package dev.arca.ui.policies;

import com.sun.javafx.perf.PerformanceTracker;
import dev.arca.app.AppContext;
import dev.arca.app.BenchMainWindow;
import dev.arca.bench.FxProbe;
import dev.arca.bench.FxThreadSampler;
import dev.arca.bench.ServiceCallWatch;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.ui.shell.Page;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.robot.Robot;
import javafx.stage.Popup;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Policy editor benchmark (bench/policy-editor.sh), issue 13's acceptance: "no service call on the FX thread; the
 * editor stays responsive (FX pulses under 16 ms) with a 7,168-character policy". The real app — {@link AppContext},
 * the main window, the Policies page, the embedded server — under Xvfb with the Prism software pipeline. A repository
 * policy of just under 7,168 characters ({@link NearLimitPolicy}) is stored through the SDK and opened in the editor;
 * then, in each round (the first is this JVM's first use of the editor, the later ones warm):
 * <ol>
 *   <li><b>typing</b>: the statement in the middle of the policy is selected and a new one typed over it, 300
 *   characters, one key every 30–50 ms, until Access Analyzer's findings for the new text are drawn;</li>
 *   <li><b>Format</b>: the button pressed and released, until the findings for the formatted text are drawn;</li>
 *   <li><b>scrolling</b>: one mouse-wheel notch (40 px) a frame, top to bottom and back, twice;</li>
 *   <li><b>caret and findings</b>: the caret moved with the arrow keys from the top down to each finding and across
 *   its marked text; each finding chosen in the findings list (a click; the editor shows it); the mouse held over
 *   each marked span until its explanation pops up, then moved off it.</li>
 * </ol>
 * Input is what a user's produces: key events (pressed, typed, released) fired at the scene's focus owner, mouse and
 * wheel events at the node under the pointer, so they pass the scene's whole dispatch chain. Each is fired at the
 * start of a pulse, from an {@link AnimationTimer}, so that pulse holds all the FX thread does for it.
 *
 * <p>Pulses are timed as in UpstreamGraphBench: from the pulse's start to the first FX-thread task queued behind it
 * (whole pulse, incl. waiting for the renderer), with the FX thread's CPU time for the same span; and the FX thread's
 * CPU time from one pulse's start to the next, which adds the tasks run between pulses (background results such as
 * Access Analyzer's findings). {@link FxProbe} gives the longest time the FX thread was unavailable. A frame is
 * "drawn" when the scene's performance tracker says the renderer presented it. Every socket read and write of the
 * process is recorded with JFR ({@link ServiceCallWatch}) to show which thread made each service call.
 */
public final class PolicyEditorBench {

    private static final String DOMAIN = "acme";
    private static final String REPOSITORY = "libs";
    private static final int ROUNDS = Integer.getInteger("policy.bench.rounds", 2);
    /** {@code -Dpolicy.bench.profile=true}: samples the FX thread's stack and prints where its time went. */
    private static final boolean PROFILE = Boolean.getBoolean("policy.bench.profile");
    /** With the profile, how many of each scenario's pulses with the most FX-thread CPU time are listed. */
    private static final int SLOWEST = Integer.getInteger("policy.bench.slowest", 6);
    private static final long KEY_MIN_MS = 30;
    private static final long KEY_MAX_MS = 50;
    private static final double WHEEL_NOTCH = 40;
    private static final long CARET_KEY_MS = 40;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> MARKERS = List.of("PolicyRestyler.flush", "PolicyLineStyles.of",
            "GenericStyledArea.setStyleSpans", "GenericStyledArea.replace", "PolicyEditorViewModel.edited",
            "LocalPolicyCheck.problem", "PolicyFormatter.format", "PolicyEditorViewModel.updateDirty",
            "PolicyDrafts.keep", "PolicyEditorViewModel.rebuildMarks", "PolicyEditorViewModel.check",
            "PolicyCodeArea.setMarks", "PolicyCodeArea.markAt", "PopupWindow.show", "Scene.doCSSPass", "Scene.doLayoutPass",
            "ScenePulseListener.synchronizeSceneNodes", "Parent.updateBounds", "VirtualFlow.layoutChildren",
            "ParagraphBox", "ParagraphText", "LineNumbers", "TextFlow", "PrismTextLayout", "ListViewSkin",
            "ListCell", "FindingCell.updateItem", "ExecutorTaskRunner", "java.util.regex", "StyleSpans");

    private final AppContext context;
    private final Scene scene;
    private final FrameClock frames = new FrameClock();
    private final FxThreadSampler sampler;
    private String document;
    private CodeArea area;
    private ListView<PolicyMark> findings;

    private PolicyEditorBench(AppContext context, Stage stage) {
        this.context = context;
        BenchMainWindow.show(stage, context);
        this.scene = stage.getScene();
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(frames::rendered);
        // The screen's real pointer is moved off the window: over it, JavaFX would send the node under it enter and
        // exit events as the editor's content moves, which interrupt the bench's own mouse input (hovering a mark).
        Rectangle2D screen = Screen.getPrimary().getBounds();
        new Robot().mouseMove(screen.getMaxX() - 1, screen.getMaxY() - 1);
        sampler = new FxThreadSampler(Thread.currentThread(), MARKERS, List.of("dev.arca.", "org.fxmisc."), PROFILE);
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
        ServiceCallWatch calls = ServiceCallWatch.start();
        Path work = Files.createTempDirectory("arca-policy-editor-bench");
        AppContext context = AppContext.start(work.resolve("data"), work.resolve("config"));
        Thread fx;
        try {
            Platform.startup(() -> { });
            System.out.printf(Locale.ROOT, "JavaFX %s, prism %s, main window 1200 × 760%n",
                    System.getProperty("javafx.runtime.version"), System.getProperty("prism.order", "default"));
            PolicyEditorBench bench = onFx(() -> new PolicyEditorBench(context, new Stage()));
            fx = onFx(Thread::currentThread);
            bench.run();
        } finally {
            context.close();
            Platform.exit();
        }
        calls.stop();
        System.out.println();
        calls.print(fx);
        System.out.println("load average at the end: " + load());
        if (calls.socketIoOn(fx) > 0) {
            System.out.println("FAILED: a service was called on the FX thread");
            System.exit(1);
        }
    }

    private void run() throws Exception {
        LocalServer server = context.embeddedServer().get(60, TimeUnit.SECONDS);
        document = NearLimitPolicy.document();
        try (CodeartifactClient sdk = EmbeddedGateway.sdkFor(server)) {
            sdk.createDomain(r -> r.domain(DOMAIN));
            sdk.createRepository(r -> r.domain(DOMAIN).repository(REPOSITORY));
            sdk.putRepositoryPermissionsPolicy(r -> r.domain(DOMAIN).repository(REPOSITORY).policyDocument(document));
        }
        System.out.printf(Locale.ROOT, "Repository policy stored: %,d characters (limit %,d), %d lines, %d statements%n",
                document.length(), NearLimitPolicy.LIMIT, document.lines().count(),
                document.split("\"Sid\"", -1).length - 1);
        open();
        for (int round = 1; round <= ROUNDS; round++) {
            String which = round == 1 ? "round 1 (first use of the editor in this JVM)" : "round " + round + " (warm)";
            System.out.printf(Locale.ROOT, "%n== %s, load average %s%n", which, load());
            if (round > 1) {
                onFx(() -> {
                    area.replaceText(document); // as if every edit of the last round was undone
                    return null;
                });
                awaitFx(() -> findingsDrawn(document), 30);
                Thread.sleep(500);
            }
            typing();
            format();
            scrolling();
            caretAndFindings();
        }
    }

    /** Shows the Policies page, chooses the repository and waits until its policy and findings are drawn. */
    private void open() throws Exception {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<Page> navigation = (ListView<Page>) scene.lookup("#navigation");
            navigation.getSelectionModel().select(Page.POLICIES);
            return null;
        });
        awaitFx(() -> scene.lookup("#policy-row-" + DOMAIN + "-" + REPOSITORY) != null, 30);
        CompletableFuture<Long> shown = new CompletableFuture<>();
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        long start = onFx(() -> {
            Node row = scene.lookup("#policy-row-" + DOMAIN + "-" + REPOSITORY);
            afterLayout(shown, () -> codeArea() != null && codeArea().getText().equals(document));
            afterLayout(drawn, () -> codeArea() != null && findingsDrawn(document));
            long now = System.nanoTime();
            click(row);
            return now;
        });
        long text = frames.await(frameAfter(shown), 60) - start;
        long marks = frames.await(frameAfter(drawn), 60) - start;
        onFx(() -> {
            area = codeArea();
            @SuppressWarnings("unchecked")
            ListView<PolicyMark> list = (ListView<PolicyMark>) scene.lookup("#policy-findings");
            findings = list;
            return null;
        });
        System.out.printf(Locale.ROOT, "Repository chosen → policy drawn in the editor %d ms, → its %d findings drawn"
                + " %d ms (ValidatePolicy waits %d ms after a change)%n", millis(text), onFx(() -> serviceMarks()
                .size()), millis(marks), PolicyEditorViewModel.DEBOUNCE.toMillis());
        Thread.sleep(1000);
    }

    // Scenarios

    /** Selects the statement in the middle of the policy and types a new one over it, then waits for the findings. */
    private void typing() throws Exception {
        int[] span = NearLimitPolicy.statement(document, NearLimitPolicy.REPLACED_SID);
        String typed = NearLimitPolicy.typed();
        String expected = document.substring(0, span[0]) + typed + document.substring(span[1]);
        onFx(() -> {
            area.requestFocus();
            area.selectRange(span[0], span[1]);
            area.requestFollowCaret();
            return null;
        });
        Thread.sleep(500);
        Random random = new Random(13);
        long[] due = new long[typed.length()];
        long at = 0;
        for (int i = 0; i < due.length; i++) {
            due[i] = at;
            at += TimeUnit.MILLISECONDS.toNanos(KEY_MIN_MS + random.nextLong(KEY_MAX_MS - KEY_MIN_MS + 1));
        }
        int[] next = {0};
        long[] start = {0};
        long[] lastKey = {0};
        Measurement m = measure(String.format(Locale.ROOT, "typing %d characters over statement %s (line %d), a key"
                        + " every %d–%d ms, until the findings are drawn", typed.length(), NearLimitPolicy.REPLACED_SID,
                line(document, span[0]), KEY_MIN_MS, KEY_MAX_MS), () -> findingsDrawn(expected), (pulse, timer) -> {
                    long now = System.nanoTime();
                    if (start[0] == 0) {
                        start[0] = now;
                    }
                    while (next[0] < due.length && now - start[0] >= due[next[0]]) {
                        timer.input("key " + next[0] + " " + printable(typed.charAt(next[0])));
                        type(typed.charAt(next[0]++));
                        if (next[0] == due.length) {
                            lastKey[0] = System.nanoTime();
                        }
                    }
                    return next[0] < due.length || timer.pulsesSinceWatched() < 20;
                });
        String text = onFx(area::getText);
        if (!text.equals(expected)) {
            throw new IllegalStateException("the typed text is not what was meant to be typed");
        }
        m.print(lastKey[0], "last key → Access Analyzer's findings drawn");
    }

    /** Presses and releases Format, then waits for the findings of the formatted text. */
    private void format() throws Exception {
        Button button = onFx(() -> (Button) scene.lookup("#policy-format"));
        String expected = NearLimitPolicy.afterEditAndFormat(document);
        long[] released = {0};
        Measurement m = measure("Format pressed (the typed statement and all the rest rewritten), until the findings"
                + " are drawn", () -> findingsDrawn(expected), (pulse, timer) -> {
                    if (pulse == 0) {
                        mouse(MouseEvent.MOUSE_PRESSED, center(button));
                        timer.input("pressed");
                    } else if (pulse == 5) {
                        released[0] = System.nanoTime();
                        mouse(MouseEvent.MOUSE_RELEASED, center(button));
                        mouse(MouseEvent.MOUSE_CLICKED, center(button));
                        timer.input("released");
                    }
                    return pulse <= 5 || timer.pulsesSinceWatched() < 20;
                });
        if (!onFx(area::getText).equals(expected)) {
            throw new IllegalStateException("Format did not give the expected text");
        }
        m.print(released[0], "button released → findings of the formatted text drawn");
        System.out.printf(Locale.ROOT, "  %,d characters, %d lines after Format%n", expected.length(),
                expected.lines().count());
    }

    /** One wheel notch a frame over the editor, top to bottom and back, twice. */
    private void scrolling() throws Exception {
        onFx(() -> {
            area.scrollYToPixel(0);
            return null;
        });
        Thread.sleep(300);
        double[] last = {-1};
        int[] still = {0};
        int[] direction = {1};
        int[] turns = {0};
        Measurement m = measure("scrolling: one wheel notch (40 px) a frame, top to bottom and back, twice", null,
                (pulse, timer) -> {
                    double y = area.getEstimatedScrollY();
                    still[0] = y == last[0] ? still[0] + 1 : 0;
                    last[0] = y;
                    if (still[0] >= 3) { // at an end
                        direction[0] = -direction[0];
                        still[0] = 0;
                        if (++turns[0] == 4) {
                            return false;
                        }
                    }
                    wheel(center(area), -direction[0] * WHEEL_NOTCH);
                    timer.input(direction[0] > 0 ? "down" : "up");
                    return true;
                });
        m.print(0, null);
        System.out.printf(Locale.ROOT, "  content %.0f px high, viewport %.0f px%n",
                onFx(() -> area.getTotalHeightEstimate()), onFx(() -> area.getViewportHeight()));
    }

    /**
     * The caret moved down to each finding and across its marked text with the arrow keys; each finding chosen in
     * the list; the mouse held over each marked span until the explanation pops up, then moved off.
     */
    private void caretAndFindings() throws Exception {
        List<PolicyMark> marks = onFx(this::serviceMarks);
        onFx(() -> {
            area.requestFocus();
            area.moveTo(0);
            area.requestFollowCaret();
            return null;
        });
        Thread.sleep(300);
        List<Runnable> script = new ArrayList<>(); // one input every CARET_KEY_MS
        int line = 1;
        for (PolicyMark mark : marks) {
            int target = mark.start().orElseThrow().line();
            if (mark.end().orElseThrow().line() != target) {
                throw new IllegalStateException("a mark over several lines: " + mark);
            }
            for (; line < target; line++) {
                script.add(() -> press(KeyCode.DOWN));
            }
            script.add(() -> press(KeyCode.HOME));
            for (int column = 0; column <= mark.end().orElseThrow().column(); column++) {
                script.add(() -> press(KeyCode.RIGHT)); // across the marked text to just past its end
            }
            script.add(() -> press(KeyCode.HOME));
        }
        int keys = script.size();
        for (int i = 0; i < marks.size(); i++) {
            int index = i;
            PolicyMark mark = marks.get(i);
            script.add(() -> clickFinding(index));
            pause(script, 400);
            // the mouse moves onto the marked text in a few steps, rests, and moves off again
            for (int step = 0; step < 4; step++) {
                int s = step;
                script.add(() -> hoverOver(mark, s));
            }
            pause(script, 700);
            script.add(() -> mouseOff());
            pause(script, 200);
        }
        int[] shown = {0};
        boolean[] showing = {false};
        long interval = TimeUnit.MILLISECONDS.toNanos(CARET_KEY_MS);
        long[] start = {0};
        int[] next = {0};
        Measurement m = measure(String.format(Locale.ROOT, "caret: %d arrow keys, one every %d ms, down to the %d"
                + " findings and across their marked text; each finding clicked in the list and its text hovered"
                + " until the explanation pops up", keys, CARET_KEY_MS, marks.size()), null, (pulse, timer) -> {
                    long now = System.nanoTime();
                    if (start[0] == 0) {
                        start[0] = now;
                    }
                    while (next[0] < script.size() && now - start[0] >= next[0] * interval) {
                        timer.input("step " + next[0]);
                        script.get(next[0]++).run();
                    }
                    boolean popup = Window.getWindows().stream().anyMatch(w -> w instanceof Popup && w.isShowing());
                    if (popup && !showing[0]) {
                        shown[0]++;
                    }
                    showing[0] = popup;
                    return next[0] < script.size();
                });
        m.print(0, null);
        System.out.printf(Locale.ROOT, "  explanations popped up: %d of %d hovers%n", shown[0], marks.size());
    }

    // Input, as a user's arrives

    /** A character typed: key pressed, typed and released at the focus owner, as the scene delivers a real key. */
    private void type(char c) {
        Node target = scene.getFocusOwner();
        if (target != area) {
            throw new IllegalStateException("the code area does not have the focus: " + target);
        }
        boolean shift = Character.isUpperCase(c) || "\"{}:*_".indexOf(c) >= 0;
        KeyCode code = code(c);
        String text = c == '\n' ? "" : String.valueOf(c);
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, text, code, shift, false,
                false, false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, c == '\n' ? "\r" : text, "", KeyCode.UNDEFINED,
                shift, false, false, false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, text, code, shift, false,
                false, false));
    }

    /** A key with no character (arrows, Home), pressed and released at the focus owner. */
    private void press(KeyCode code) {
        Node target = scene.getFocusOwner();
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, false, false,
                false, false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", code, false, false,
                false, false));
    }

    private static KeyCode code(char c) {
        if (Character.isLetterOrDigit(c)) {
            return KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
        }
        return switch (c) {
            case ' ' -> KeyCode.SPACE;
            case '\n' -> KeyCode.ENTER;
            case '"' -> KeyCode.QUOTE;
            case ':' -> KeyCode.SEMICOLON;
            case ',' -> KeyCode.COMMA;
            case '.' -> KeyCode.PERIOD;
            case '/' -> KeyCode.SLASH;
            case '-', '_' -> KeyCode.MINUS;
            case '*' -> KeyCode.DIGIT8;
            case '{', '[' -> KeyCode.OPEN_BRACKET;
            case '}', ']' -> KeyCode.CLOSE_BRACKET;
            default -> KeyCode.UNDEFINED;
        };
    }

    /** A click (pressed, released, clicked) in the middle of {@code node}. */
    private void click(Node node) {
        Point2D at = center(node);
        mouse(MouseEvent.MOUSE_PRESSED, at);
        mouse(MouseEvent.MOUSE_RELEASED, at);
        mouse(MouseEvent.MOUSE_CLICKED, at);
    }

    /** A mouse event (primary button for presses and clicks) at scene point {@code at}, on the node under it. */
    private void mouse(EventType<MouseEvent> type, Point2D at) {
        Point2D screen = screen(at);
        boolean moved = type == MouseEvent.MOUSE_MOVED;
        Event.fireEvent(nodeAt(at), new MouseEvent(type, at.getX(), at.getY(), screen.getX(), screen.getY(),
                moved ? MouseButton.NONE : MouseButton.PRIMARY, moved ? 0 : 1, false, false, false, false,
                type == MouseEvent.MOUSE_PRESSED, false, false, false, false, true, null));
    }

    /** One wheel notch at scene point {@code at}, on the node under it; negative {@code deltaY} scrolls down. */
    private void wheel(Point2D at, double deltaY) {
        Point2D screen = screen(at);
        Event.fireEvent(nodeAt(at), new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), screen.getX(),
                screen.getY(), false, false, false, false, false, false, 0, deltaY, 0, deltaY,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES,
                deltaY / WHEEL_NOTCH * 3, 0, null));
    }

    /**
     * The node a real pointer event at scene point {@code at} goes to, picked as the scene picks: the topmost
     * visible, not mouse-transparent node containing the point, within its ancestors' clips. (Text in the editor is
     * picked inside its paragraph's box, where RichTextFX watches the mouse for hovering.)
     */
    private Node nodeAt(Point2D at) {
        Node picked = pick(scene.getRoot(), at);
        return picked != null ? picked : scene.getRoot();
    }

    private static Node pick(Node node, Point2D at) {
        if (!node.isVisible() || node.isMouseTransparent() || node.isDisabled()) {
            return null;
        }
        Point2D local = node.sceneToLocal(at);
        if (node.getClip() != null && !node.getClip().contains(node.getClip().parentToLocal(local))) {
            return null;
        }
        if (node instanceof Parent parent) {
            List<Node> children = parent.getChildrenUnmodifiable();
            for (int i = children.size() - 1; i >= 0; i--) {
                Node hit = pick(children.get(i), at);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return node.contains(local) ? node : null;
    }

    private Point2D screen(Point2D at) {
        return new Point2D(at.getX() + scene.getWindow().getX() + scene.getX(),
                at.getY() + scene.getWindow().getY() + scene.getY());
    }

    private static Point2D center(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    }

    /** Clicks the {@code index}th finding in the list: the editor puts the caret on it and shows it. */
    private void clickFinding(int index) {
        findings.lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> cell
                && cell.getIndex() == index && !cell.isEmpty()).findFirst().ifPresentOrElse(this::click,
                        () -> findings.getSelectionModel().select(index));
    }

    /** The mouse over {@code mark}'s text, {@code step} of four steps from its left towards its middle. */
    private void hoverOver(PolicyMark mark, int step) {
        int from = mark.start().orElseThrow().offset();
        int to = mark.end().orElseThrow().offset();
        area.getCharacterBoundsOnScreen(from, to).ifPresent(screen -> {
            Point2D local = area.screenToLocal(screen.getMinX() + (screen.getWidth() / 2) * (step + 1) / 4,
                    screen.getCenterY());
            mouse(MouseEvent.MOUSE_MOVED, area.localToScene(local));
        });
    }

    /** The mouse moved to the editor's top right corner, past the end of the first line shown: no text under it. */
    private void mouseOff() {
        Bounds bounds = area.localToScene(area.getLayoutBounds());
        mouse(MouseEvent.MOUSE_MOVED, new Point2D(bounds.getMaxX() - 20, bounds.getMinY() + 5));
    }

    private static void pause(List<Runnable> script, long millis) {
        for (long i = 0; i < millis / CARET_KEY_MS; i++) {
            script.add(() -> { });
        }
    }

    // What is on screen

    private CodeArea codeArea() {
        return scene.lookup("#page-policies") instanceof PoliciesView page
                ? page.openCodeArea().map(PolicyCodeArea::area).orElse(null) : null;
    }

    /** Access Analyzer's findings in the list (not the local syntax check's, nor a refusal), each with its place. */
    private List<PolicyMark> serviceMarks() {
        ListView<?> list = findings != null ? findings : (ListView<?>) scene.lookup("#policy-findings");
        return list.getItems().stream().map(PolicyMark.class::cast)
                .filter(m -> !m.code().equals(PolicyMark.LOCAL) && !m.code().equals(PolicyMark.REFUSED))
                .filter(m -> m.start().isPresent() && m.end().isPresent()).toList();
    }

    /**
     * Whether the editor shows {@code text} with Access Analyzer's findings for it: listed, and each one's text
     * underlined. (Every edit clears the findings, so findings listed while the text is {@code text} are for it.)
     */
    private boolean findingsDrawn(String text) {
        CodeArea shown = area != null ? area : codeArea();
        if (!shown.getText().equals(text)) {
            return false;
        }
        List<PolicyMark> marks = serviceMarks();
        return !marks.isEmpty() && marks.stream().allMatch(m -> shown.getStyleOfChar(m.start().orElseThrow().offset()
                + 1).stream().anyMatch(s -> s.startsWith("mark-")));
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : c == ' ' ? "space" : String.valueOf(c);
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    // Measuring

    /** Per pulse, given its number from 0 and the timer: makes the pulse's input; false ends the measurement. */
    @FunctionalInterface
    private interface Step {
        boolean next(int pulse, PulseTimer timer);
    }

    /** Runs {@code step} at the start of every pulse until it returns false; times every pulse meanwhile. */
    private Measurement measure(String name, BooleanSupplier watched, Step step) throws Exception {
        PulseTimer pulses = onFx(() -> new PulseTimer(scene, step, watched));
        FxProbe probe = new FxProbe();
        int firstFrame = frames.count();
        sampler.resume();
        long start = System.nanoTime();
        onFx(() -> {
            pulses.start();
            return null;
        });
        probe.start();
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!onFx(pulses::finished)) {
            if (System.nanoTime() > limit) {
                onFx(() -> {
                    pulses.stop();
                    return null;
                });
                throw new IllegalStateException(name + ": not done in 120 s");
            }
            Thread.sleep(50);
        }
        probe.stop();
        Thread.sleep(200); // the last frame's rendering
        sampler.pause();
        long elapsed = System.nanoTime() - start;
        long watchedFrame = pulses.watchedFrame() < 0 ? -1 : frames.await(pulses.watchedFrame(), 10);
        return new Measurement(name, pulses, probe.delays(), frames.since(firstFrame).length, elapsed,
                watchedFrame);
    }

    /** What one scenario measured. */
    private final class Measurement {
        private final String name;
        private final PulseTimer pulses;
        private final long[] probe;
        private final int frames;
        private final long elapsed;
        private final long watchedDrawn;

        Measurement(String name, PulseTimer pulses, long[] probe, int frames, long elapsed, long watchedDrawn) {
            this.name = name;
            this.pulses = pulses;
            this.probe = probe;
            this.frames = frames;
            this.elapsed = elapsed;
            this.watchedDrawn = watchedDrawn;
        }

        /** Prints the figures; {@code since} &gt; 0 also prints {@code what}: from then to the watched frame. */
        void print(long since, String what) {
            System.out.printf(Locale.ROOT, "%s:%n  %d pulses (%d with input), %d frames rendered in %.1f s%n", name,
                    pulses.count(), pulses.inputCount(), frames, elapsed / 1e9);
            report("  FX pulse, whole (incl. waiting for the renderer)", pulses.durations(false));
            report("  FX thread CPU per pulse", pulses.cpuTimes(false));
            report("  FX thread CPU from a pulse's start to the next (incl. tasks between)", pulses.frameCpu());
            report("  pulses with input: whole", pulses.durations(true));
            report("  pulses with input: FX thread CPU", pulses.cpuTimes(true));
            report("  FX thread unavailable (1 ms probe)", probe);
            if (pulses.watchedPulse() >= 0) {
                System.out.printf(Locale.ROOT, "  the pulse that drew the findings: whole %.1f ms, FX thread CPU %.1f"
                        + " ms%n", pulses.durations(false)[pulses.watchedPulse()] / 1e6,
                        pulses.cpuTimes(false)[pulses.watchedPulse()] / 1e6);
            }
            if (since > 0 && watchedDrawn > 0) {
                System.out.printf(Locale.ROOT, "  %s: %d ms%n", what, millis(watchedDrawn - since));
            }
            if (PROFILE) {
                pulses.printSlowest(SLOWEST);
            }
            sampler.print(name.replaceAll(":.*", ""));
        }
    }

    /**
     * Runs a step at the start of every pulse and times the pulse: whole (start to the first FX task queued behind
     * it) and the FX thread's CPU for that span, and the FX thread's CPU from one pulse's start to the next. Watches
     * for a condition after each layout and notes the pulse where it first held and that pulse's frame.
     */
    private final class PulseTimer extends AnimationTimer {
        private final Scene scene;
        private final Step step;
        private final BooleanSupplier watched;
        private final List<Long> durations = new ArrayList<>();
        private final List<Long> cpuTimes = new ArrayList<>();
        private final List<Boolean> inputs = new ArrayList<>();
        private final List<Long> frameCpu = new ArrayList<>();
        private final Runnable afterLayout = this::afterLayout;
        private long pulseStart;
        private long pulseCpuStart;
        private boolean pending;
        private final List<String> labels = new ArrayList<>();
        private String input;
        private int pulse;
        private int watchedPulse = -1;
        private int watchedFrame = -1;
        private boolean watchSeen;
        private boolean finished;

        PulseTimer(Scene scene, Step step, BooleanSupplier watched) {
            this.scene = scene;
            this.step = step;
            this.watched = watched;
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
            long start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (pulseCpuStart > 0) {
                frameCpu.add(cpu - pulseCpuStart);
            }
            pulseStart = start;
            pulseCpuStart = cpu;
            input = null;
            if (!step.next(pulse++, this)) {
                stop();
                return;
            }
            pending = true;
        }

        /** Tells that this pulse delivered input. */
        void input(String label) {
            input = input == null ? label : input + ", " + label;
        }

        /** Pulses since the watched condition first held; 0 until it has. */
        int pulsesSinceWatched() {
            return watchedPulse < 0 ? 0 : durations.size() - watchedPulse;
        }

        private void afterLayout() {
            if (!pending) {
                return;
            }
            pending = false;
            long start = pulseStart;
            long cpuStart = pulseCpuStart;
            String withInput = input;
            boolean seen = !watchSeen && watched != null && watched.getAsBoolean();
            watchSeen |= seen;
            Platform.runLater(() -> { // runs once this pulse has finished and handed its frame over
                durations.add(System.nanoTime() - start);
                cpuTimes.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
                inputs.add(withInput != null);
                labels.add(withInput);
                if (seen) {
                    watchedPulse = durations.size() - 1;
                    watchedFrame = frames.count();
                }
            });
        }

        boolean finished() {
            return finished;
        }

        /** The {@code count} pulses with the most FX-thread CPU time, with their input. */
        void printSlowest(int count) {
            java.util.stream.IntStream.range(0, cpuTimes.size()).boxed()
                    .sorted(java.util.Comparator.comparing(cpuTimes::get).reversed()).limit(count)
                    .forEach(i -> System.out.printf(Locale.ROOT, "  pulse %d: whole %.1f ms, FX thread CPU %.1f ms,"
                            + " input: %s%n", i, durations.get(i) / 1e6, cpuTimes.get(i) / 1e6,
                            Objects.requireNonNullElse(labels.get(i), "none")));
        }

        int count() {
            return durations.size();
        }

        long inputCount() {
            return inputs.stream().filter(b -> b).count();
        }

        int watchedPulse() {
            return watchedPulse;
        }

        int watchedFrame() {
            return watchedFrame;
        }

        long[] durations(boolean inputOnly) {
            return select(durations, inputOnly);
        }

        long[] cpuTimes(boolean inputOnly) {
            return select(cpuTimes, inputOnly);
        }

        long[] frameCpu() {
            return frameCpu.stream().mapToLong(Long::longValue).toArray();
        }

        private long[] select(List<Long> values, boolean inputOnly) {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (!inputOnly || inputs.get(i)) {
                    out.add(values.get(i));
                }
            }
            return out.stream().mapToLong(Long::longValue).toArray();
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

    /**
     * Completes {@code done} with the index of the frame of the first pulse after whose layout {@code condition}
     * holds. Called on the FX thread in the same turn as the change it waits for, so no pulse can come between.
     */
    private void afterLayout(CompletableFuture<Long> done, BooleanSupplier condition) {
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (condition.getAsBoolean()) {
                scene.removePostLayoutPulseListener(check[0]);
                Platform.runLater(() -> done.complete((long) frames.count())); // once the pulse handed its frame over
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static int frameAfter(CompletableFuture<Long> frame) throws Exception {
        return frame.get(60, TimeUnit.SECONDS).intValue();
    }

    /** Median, 99th percentile and maximum of samples in nanoseconds. */
    private static void report(String what, long[] nanos) {
        if (nanos.length == 0) {
            System.out.printf(Locale.ROOT, "%-74s none%n", what);
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
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

    private static void awaitFx(Callable<Boolean> condition, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not reached in " + seconds + " s");
            }
            Thread.sleep(50);
        }
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
