package dev.arca.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A poor man's profiler for GUI benchmarks, as UpstreamGraphBench's: while resumed, the stack of one thread (the FX
 * thread) every 2 ms when it is not waiting for work; prints the share of busy samples within each marker (a
 * substring of {@code package.Class.method}), at each innermost frame, and at each innermost frame of the given packages (the
 * code that asked for the work). Disabled, it samples nothing and prints nothing.
 */
public final class FxThreadSampler {

    private final Thread thread;
    private final List<String> markers;
    private final List<String> packages;
    private final boolean enabled;
    private final Map<String, Integer> withinMarker = new HashMap<>();
    private final Map<String, Integer> leaves = new HashMap<>();
    private final Map<String, Integer> callers = new HashMap<>();
    private int samples;
    private volatile boolean sampling;

    /**
     * @param markers  substrings of {@code package.Class.method} whose share of samples is reported
     * @param packages prefixes of the classes whose innermost frame is reported as the caller
     */
    public FxThreadSampler(Thread thread, List<String> markers, List<String> packages, boolean enabled) {
        this.thread = thread;
        this.markers = List.copyOf(markers);
        this.packages = List.copyOf(packages);
        this.enabled = enabled;
        if (enabled) {
            Thread.ofPlatform().daemon().name("fx-sampler").start(this::sample);
        }
    }

    public void resume() {
        sampling = true;
    }

    public void pause() {
        sampling = false;
    }

    /** Prints and forgets what was sampled so far. */
    public synchronized void print(String what) {
        if (!enabled) {
            return;
        }
        System.out.printf(Locale.ROOT, "  profile of the FX thread, %s: %d busy samples (2 ms apart)%n", what, samples);
        int total = Math.max(1, samples);
        print(withinMarker, total, "within", 40);
        print(callers, total, "in", 12);
        print(leaves, total, "at", 12);
        withinMarker.clear();
        callers.clear();
        leaves.clear();
        samples = 0;
    }

    private static void print(Map<String, Integer> counts, int total, String word, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s %s%n", 100.0 * e.getValue() / total,
                        word, e.getKey()));
    }

    private void sample() {
        while (true) {
            if (sampling) {
                StackTraceElement[] stack = thread.getStackTrace();
                if (stack.length > 0 && !idle(stack[0])) {
                    synchronized (this) {
                        count(stack);
                    }
                }
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    private void count(StackTraceElement[] stack) {
        samples++;
        leaves.merge(name(stack[0]), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        boolean callerFound = false;
        for (StackTraceElement frame : stack) {
            if (!callerFound && packages.stream().anyMatch(frame.getClassName()::startsWith)) {
                callers.merge(name(frame), 1, Integer::sum);
                callerFound = true;
            }
            String fullName = frame.getClassName() + "." + frame.getMethodName();
            for (String marker : markers) {
                if (fullName.contains(marker) && seen.add(marker)) {
                    withinMarker.merge(marker, 1, Integer::sum);
                }
            }
        }
    }

    private static String name(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    /** Waiting for work: the GTK loop, parked or waiting. */
    private static boolean idle(StackTraceElement top) {
        return top.getMethodName().equals("_runLoop") || top.getClassName().equals("jdk.internal.misc.Unsafe")
                || top.getMethodName().equals("wait0") || top.getMethodName().equals("park");
    }
}
