package dev.arca.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/**
 * Churns the heap the way a busy server does — a live set of 16 MiB whose objects are replaced, so each survives a
 * young collection or two and is promoted before it dies — and prints the old generation's largest committed size.
 * Argument: whether to start the {@link HeapGovernor} first.
 */
public final class HeapGovernorProbe {

    private HeapGovernorProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.parseBoolean(args[0]) && !HeapGovernor.start()) {
            throw new IllegalStateException("not the serial collector");
        }
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals(HeapGovernor.OLD_GENERATION)).findFirst().orElseThrow();
        byte[][] live = new byte[4096][];
        long peak = 0;
        for (int i = 0; i < 150_000; i++) {
            live[i % live.length] = new byte[4096];
            if (i % 1000 == 0) {
                peak = Math.max(peak, old.getUsage().getCommitted());
                Thread.sleep(1); // lets the governor's thread run, as request threads would
            }
        }
        System.out.println(Math.max(peak, old.getUsage().getCommitted()));
    }
}
