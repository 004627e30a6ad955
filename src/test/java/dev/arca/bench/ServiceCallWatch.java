package dev.arca.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;

/**
 * Which threads of this process call services, for GUI benchmarks: JDK Flight Recorder records every socket read and
 * write, and every file write, with its thread and stack, from {@link #start} to {@link #stop}. A call through the
 * AWS SDK is named by the SDK client method on the stack (the operation) and the innermost Arca method that made it.
 * {@link #print} lists the SDK calls by thread and any socket I/O on the given thread (the FX thread), and the file
 * writes there (not service calls, but they block the thread too). Needs no hook in the code it watches.
 *
 * <p>Run with {@code -XX:FlightRecorderOptions:stackdepth=512}: the SDK's stack below a socket write is deeper than
 * JFR's default 64 frames, which would hide the operation and its caller.
 */
public final class ServiceCallWatch {

    private final RecordingStream stream = new RecordingStream();
    private final List<Seen> seen = new ArrayList<>();

    /**
     * One event: its kind, its thread, what the bottom of its stack says about the thread, and the SDK operation and
     * Arca method on its stack, if any.
     */
    private record Seen(String type, long threadId, String thread, Origin origin, Optional<String> operation,
                        Optional<String> caller) {
    }

    /**
     * What runs a stack, from its frames: a virtual thread, or JavaFX's event loop (glass's {@code _runLoop}, below
     * everything the FX thread runs), or other. JFR sometimes records an event of a virtual thread that has ended
     * without its thread; its stack still tells.
     */
    private enum Origin {
        VIRTUAL_THREAD, FX_EVENT_LOOP, OTHER;

        static Origin of(List<RecordedFrame> frames) {
            if (frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("com.sun.glass.ui.")
                    && f.getMethod().getName().equals("_runLoop"))) {
                return FX_EVENT_LOOP;
            }
            return frames.stream().anyMatch(f -> f.getMethod().getType().getName().equals("java.lang.VirtualThread"))
                    ? VIRTUAL_THREAD : OTHER;
        }
    }

    private ServiceCallWatch() {
        for (String event : List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileWrite")) {
            stream.enable(event).withThreshold(Duration.ZERO).withStackTrace();
        }
        stream.onEvent(this::record);
    }

    /** Starts recording; call before the code under watch makes its first call. */
    public static ServiceCallWatch start() {
        ServiceCallWatch watch = new ServiceCallWatch();
        watch.stream.startAsync();
        return watch;
    }

    /** Stops recording once every event recorded so far has been seen. */
    public void stop() {
        stream.stop();
        stream.close();
    }

    /** How many socket reads and writes {@code thread} made. */
    public synchronized long socketIoOn(Thread thread) {
        return seen.stream().filter(s -> s.type().startsWith("jdk.Socket"))
                .filter(s -> s.threadId() == thread.threadId() || s.origin() == Origin.FX_EVENT_LOOP).count();
    }

    /** Prints the SDK calls (socket writes) by operation, caller and thread, and what {@code fx} did. */
    public synchronized void print(Thread fx) {
        Map<String, Map<String, Integer>> calls = new TreeMap<>();
        Map<String, Integer> socketOnFx = new TreeMap<>();
        Map<String, Integer> filesOnFx = new TreeMap<>();
        for (Seen s : seen) {
            boolean onFx = s.threadId() == fx.threadId() || s.origin() == Origin.FX_EVENT_LOOP;
            String where = onFx ? "FX thread" : s.threadId() < 0 ? (s.origin() == Origin.VIRTUAL_THREAD
                    ? "(a virtual thread, ended)" : "(unknown)") : s.thread().isEmpty() ? "(unnamed)"
                    : s.thread().replaceAll("\\d+", "N");
            if (s.type().equals("jdk.FileWrite")) {
                if (onFx) {
                    filesOnFx.merge(s.caller().orElse("(no Arca frame)"), 1, Integer::sum);
                }
                continue;
            }
            if (onFx) {
                socketOnFx.merge(s.type() + " " + s.operation().orElse("") + " ← " + s.caller().orElse("?"), 1,
                        Integer::sum);
            }
            if (s.operation().isPresent() && s.type().equals("jdk.SocketWrite")) {
                calls.computeIfAbsent(s.operation().get() + " ← " + s.caller().orElse("(not Arca)"),
                        c -> new TreeMap<>()).merge(where, 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "Service calls, as socket writes of the SDK by thread (JFR, %,d socket reads and"
                + " writes in this process, the embedded server's included; the FX thread is %s):%n",
                seen.stream().filter(s -> s.type().startsWith("jdk.Socket")).count(), fx.getName());
        calls.forEach((call, threads) -> System.out.printf(Locale.ROOT, "  %-72s %s%n", call, threads));
        System.out.printf(Locale.ROOT, "  socket reads and writes on the FX thread: %s%n",
                socketOnFx.isEmpty() ? "none" : socketOnFx);
        System.out.printf(Locale.ROOT, "  file writes on the FX thread (not service calls): %s%n",
                filesOnFx.isEmpty() ? "none" : filesOnFx);
    }

    private synchronized void record(RecordedEvent event) {
        long threadId = event.getThread() == null ? -1 : event.getThread().getJavaThreadId();
        String thread = event.getThread() == null ? "(unknown)" : Optional.ofNullable(event.getThread()
                .getJavaName()).orElse("");
        List<RecordedFrame> frames = Optional.ofNullable(event.getStackTrace()).map(RecordedStackTrace::getFrames)
                .orElse(List.of());
        Optional<String> operation = frames.stream().filter(ServiceCallWatch::isSdkOperation)
                .map(f -> f.getMethod().getName()).reduce((inner, outer) -> outer);
        seen.add(new Seen(event.getEventType().getName(), threadId, thread, Origin.of(frames), operation,
                arcaCaller(frames)));
    }

    /** A generated SDK client's operation method, e.g. {@code DefaultAccessAnalyzerClient.validatePolicy}. */
    private static boolean isSdkOperation(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return type.startsWith("software.amazon.awssdk.services.") && simple.startsWith("Default")
                && simple.endsWith("Client") && !frame.getMethod().getName().startsWith("lambda$");
    }

    /** The innermost Arca method on the stack outside the benchmarks, lambdas named by their enclosing method. */
    private static Optional<String> arcaCaller(List<RecordedFrame> frames) {
        return frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("dev.arca."))
                .filter(f -> !f.getMethod().getType().getName().startsWith("dev.arca.bench.")).findFirst()
                .map(f -> {
                    String type = f.getMethod().getType().getName();
                    String method = f.getMethod().getName().replaceAll("^lambda\\$(.*)\\$\\d+$", "$1");
                    return type.substring(type.lastIndexOf('.') + 1) + "." + method;
                });
    }
}
