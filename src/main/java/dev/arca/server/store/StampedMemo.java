package dev.arca.server.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values read from the store, remembered while the {@linkplain MetadataStore#changeStamp change stamp} they were
 * read under stays the same — for look-ups every package request repeats (its repository, its version, its
 * file). Only found values are remembered; past {@code capacity} entries the memory starts again.
 */
public final class StampedMemo<K, V> {

    private record Entry<V>(V value, long stamp) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;

    /** A memory of as many entries as this JVM's {@link CacheBudget} gives a look-up. */
    public StampedMemo() {
        this(CacheBudget.ofThisJvm().lookups());
    }

    public StampedMemo(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The value for {@code key}: remembered if it was read under {@code stamp}, else read by {@code load} now.
     *
     * @param stamp the change stamp taken before anything is read, so a write racing the read is never hidden
     */
    public Optional<V> get(K key, long stamp, Supplier<Optional<V>> load) {
        Entry<V> known = entries.get(key);
        if (known != null && known.stamp() == stamp) {
            return Optional.of(known.value());
        }
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> {
            if (entries.size() >= capacity) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, stamp));
        });
        return loaded;
    }
}
