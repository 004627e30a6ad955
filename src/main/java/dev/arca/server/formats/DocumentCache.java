package dev.arca.server.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.WeighedCache;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
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

    private record Entry(Cached document, long stamp, long expiresAt) {
    }

    /** What an entry costs beyond its bytes: key, strings, object headers. */
    private static final int OVERHEAD = 256;

    private final MetadataStore store;
    private final long externalLifetimeNanos;
    private final LongSupplier nanoTime;
    private final WeighedCache<Key, Entry> entries;

    /**
     * @param maxBytes         how many bytes of documents to keep
     * @param externalLifetime how long a document using a public registry's answer is served before it is rendered
     *                         again
     * @param nanoTime         the clock for that ({@code System::nanoTime})
     */
    public DocumentCache(MetadataStore store, long maxBytes, Duration externalLifetime, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store);
        this.externalLifetimeNanos = externalLifetime.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime);
        this.entries = new WeighedCache<>(maxBytes, nanoTime);
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
        if (entry != null && entry.stamp() == stamp && now - entry.expiresAt() < 0) {
            return entry.document();
        }
        Rendered rendered = render.get();
        Cached document = new Cached(rendered.contentType(), rendered.body(), etag(rendered.body()));
        long expiresAt = now + (rendered.external() ? externalLifetimeNanos : Long.MAX_VALUE / 2);
        long weight = rendered.body().length + OVERHEAD + variant.length() * 2L;
        entries.put(key, new Entry(document, stamp, expiresAt), weight);
        return document;
    }

    /** Bytes held now, as weighed for the budget. */
    long weight() {
        return entries.weight();
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
