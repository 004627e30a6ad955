package dev.arca.server.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.MetadataStore;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered package documents (npm package documents, PyPI project pages, {@code maven-metadata.xml}) kept until
 * what they were rendered from changes, so a client asking again costs a lookup instead of a merge across the
 * search order. An entry is valid while the store's {@linkplain MetadataStore#changeStamp change stamp} of its
 * package is the one taken before rendering; one that used what a public registry said — which the store does not
 * follow — lives at most {@code externalLifetime} on top of the registry cache's own freshness. The cache holds at
 * most {@code maxBytes} of documents; the least recently used go first.
 */
public final class DocumentCache {

    /**
     * A document as a format renders it.
     *
     * @param external whether it includes what a public registry said through an external connection
     */
    public record Rendered(String contentType, byte[] body, boolean external) {
        public Rendered {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(body);
        }

        /** A JSON document, serialized by the server's JSON codec. */
        public static Rendered json(String contentType, Object document, boolean external) {
            try {
                return new Rendered(contentType, Json.mapper().writeValueAsBytes(document), external);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A text document (HTML, XML), as UTF-8. */
        public static Rendered text(String contentType, String document, boolean external) {
            return new Rendered(contentType, document.getBytes(StandardCharsets.UTF_8), external);
        }
    }

    /** A document ready to serve, with a strong validator of its bytes. */
    public record Cached(String contentType, byte[] body, String etag) {
    }

    private record Key(long repositoryId, String format, String namespace, String name, String variant) {
    }

    private static final class Entry {
        final Cached document;
        final long stamp;
        final long expiresAt;
        final long weight;
        volatile long lastUsed;

        Entry(Cached document, long stamp, long expiresAt, long weight, long now) {
            this.document = document;
            this.stamp = stamp;
            this.expiresAt = expiresAt;
            this.weight = weight;
            this.lastUsed = now;
        }
    }

    /** What an entry costs beyond its bytes: key, strings, object headers. */
    private static final int OVERHEAD = 256;

    private final MetadataStore store;
    private final long maxBytes;
    private final long externalLifetimeNanos;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final ReentrantLock evicting = new ReentrantLock();

    /**
     * @param maxBytes         how many bytes of documents to keep
     * @param externalLifetime how long a document using a public registry's answer is served before it is rendered
     *                         again
     * @param nanoTime         the clock for that ({@code System::nanoTime})
     */
    public DocumentCache(MetadataStore store, long maxBytes, Duration externalLifetime, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store);
        this.maxBytes = maxBytes;
        this.externalLifetimeNanos = externalLifetime.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /**
     * The document {@code variant} of a package as the repository serves it, rendered by {@code render} unless a
     * still valid rendering is kept. The variant names everything else the rendering depends on (the form asked
     * for, the endpoint URL written into links). A failure of {@code render} is thrown and nothing is kept.
     */
    public Cached get(RepositoryRow repository, PackageRef ref, String variant, Supplier<Rendered> render) {
        Key key = new Key(repository.id(), ref.format().wireName(), ref.namespace(), ref.name(), variant);
        long stamp = store.changeStamp(key.format(), key.namespace(), key.name());
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.stamp == stamp && now - entry.expiresAt < 0) {
            entry.lastUsed = now;
            return entry.document;
        }
        Rendered rendered = render.get();
        Cached document = new Cached(rendered.contentType(), rendered.body(), etag(rendered.body()));
        long expiresAt = now + (rendered.external() ? externalLifetimeNanos : Long.MAX_VALUE / 2);
        long weight = rendered.body().length + OVERHEAD + variant.length() * 2L;
        if (weight <= maxBytes / 4) {
            Entry previous = entries.put(key, new Entry(document, stamp, expiresAt, weight, now));
            if (bytes.addAndGet(weight - (previous == null ? 0 : previous.weight)) > maxBytes) {
                evict();
            }
        }
        return document;
    }

    /** Bytes held now, as weighed for the budget. */
    long weight() {
        return bytes.get();
    }

    /** Drops the least recently used entries until a quarter of the budget is free. */
    private void evict() {
        if (!evicting.tryLock()) {
            return;
        }
        try {
            List<Map.Entry<Key, Entry>> byAge = new ArrayList<>(entries.entrySet());
            byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
            for (Map.Entry<Key, Entry> oldest : byAge) {
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

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
