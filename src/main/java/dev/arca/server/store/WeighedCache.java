package dev.arca.server.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Values kept up to a budget of bytes, each weighed by its owner; past the budget the least recently used go until a
 * quarter of it is free. A value heavier than a quarter of the budget is not kept at all, so one large value cannot
 * push out everything else. Safe for concurrent use; reads take no lock.
 */
public final class WeighedCache<K, V> {

    private static final class Entry<V> {
        final V value;
        final long weight;
        volatile long lastUsed;

        Entry(V value, long weight, long now) {
            this.value = value;
            this.weight = weight;
            this.lastUsed = now;
        }
    }

    private final long maxBytes;
    private final LongSupplier clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final ReentrantLock evicting = new ReentrantLock();

    /**
     * @param maxBytes how many bytes of values to keep
     * @param clock    orders uses ({@code System::nanoTime})
     */
    public WeighedCache(long maxBytes, LongSupplier clock) {
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The value kept for {@code key}, or null; a value found counts as used now. */
    public V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        entry.lastUsed = clock.getAsLong();
        return entry.value;
    }

    /** Keeps {@code value} for {@code key} in place of any other, unless it weighs over a quarter of the budget. */
    public void put(K key, V value, long weight) {
        if (weight > maxBytes / 4) {
            return;
        }
        Entry<V> previous = entries.put(key, new Entry<>(value, weight, clock.getAsLong()));
        if (bytes.addAndGet(weight - (previous == null ? 0 : previous.weight)) > maxBytes) {
            evict();
        }
    }

    /** Forgets the value for {@code key}, if one is kept. */
    public void remove(K key) {
        Entry<V> removed = entries.remove(key);
        if (removed != null) {
            bytes.addAndGet(-removed.weight);
        }
    }

    /** Bytes kept now, as weighed. */
    public long weight() {
        return bytes.get();
    }

    private void evict() {
        if (!evicting.tryLock()) {
            return;
        }
        try {
            List<Map.Entry<K, Entry<V>>> byAge = new ArrayList<>(entries.entrySet());
            byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
            for (Map.Entry<K, Entry<V>> oldest : byAge) {
                if (bytes.get() <= maxBytes - maxBytes / 4) {
                    break;
                }
                if (entries.remove(oldest.getKey(), oldest.getValue())) {
                    bytes.addAndGet(-oldest.getValue().weight);
                }
            }
        } finally {
            evicting.unlock();
        }
    }
}
