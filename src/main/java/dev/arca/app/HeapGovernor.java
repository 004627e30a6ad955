package dev.arca.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.NotificationEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a heap run by the serial collector (installers/jvm-options) near what is live. That collector moves what
 * survives the young generation into the old one and, rather than collect the old generation, grows it until the
 * heap bound is reached: under a steady load of requests the heap would creep up to {@code -Xmx} over minutes, full
 * of garbage. The governor asks for a full collection as soon as the old generation holds twice what was live after
 * the previous one (and at least {@link #FLOOR}), which then gives the freed memory back; a GUI holding a large
 * result keeps its data, since the threshold follows what is live. Under any other collector it does nothing.
 */
final class HeapGovernor {

    private static final Logger LOG = LoggerFactory.getLogger(HeapGovernor.class);
    /** The serial collector's old generation, as the JVM names its memory pool. */
    static final String OLD_GENERATION = "Tenured Gen";
    /** The old generation may hold this much before anything is asked: a few seconds of a busy server's promotions. */
    static final long FLOOR = 32L << 20;

    private HeapGovernor() {
    }

    /** The old-generation occupancy at which the next full collection is asked for, after {@code live} bytes. */
    static long threshold(long live, long max) {
        long wanted = Math.max(FLOOR, 2 * live);
        return max > 0 ? Math.min(wanted, max) : wanted;
    }

    /** Starts governing the serial collector's old generation; returns whether this JVM runs that collector. */
    static boolean start() {
        Optional<MemoryPoolMXBean> found = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && OLD_GENERATION.equals(p.getName()))
                .filter(MemoryPoolMXBean::isUsageThresholdSupported)
                .findFirst();
        if (found.isEmpty()) {
            return false;
        }
        MemoryPoolMXBean old = found.get();
        old.setUsageThreshold(threshold(0, old.getUsage().getMax()));
        ThreadFactory daemon = Thread.ofPlatform().daemon().name("arca-heap-governor").factory();
        var collector = Executors.newSingleThreadExecutor(daemon);
        AtomicBoolean queued = new AtomicBoolean();
        NotificationEmitter memory = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        memory.addNotificationListener((notification, handback) -> {
            if (!MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(notification.getType())
                    || !queued.compareAndSet(false, true)) {
                return;
            }
            collector.execute(() -> {
                try {
                    System.gc();
                    long live = old.getCollectionUsage().getUsed();
                    old.setUsageThreshold(threshold(live, old.getUsage().getMax()));
                    LOG.debug("Old generation collected: {} MiB live", live >> 20);
                } finally {
                    queued.set(false);
                }
            });
        }, null, null);
        return true;
    }
}
