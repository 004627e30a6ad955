package dev.arca.server.upstream;

import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public registries behind external connections, by connection name, as configured ({@code --external
 * NAME=URL}; never a built-in host). What they say about a package is cached: fresh for a few minutes, then
 * asked again — once, however many requests want it — and served stale when the registry cannot be reached.
 * The cache is bounded by the size of the registries' answers; the least recently used go first.
 */
public final class ExternalRegistries {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalRegistries.class);

    private record Key(String connection, PackageRef ref) {
    }

    private record Entry(Optional<ExternalPackage> pkg, Instant fetched, long weight) {
    }

    private final Map<String, ExternalSource> sources;
    private final Duration freshFor;
    private final long cacheBytes;
    private final Clock clock;
    private final SingleFlight<Key, Optional<ExternalPackage>> refreshes;
    private final LinkedHashMap<Key, Entry> cache = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<String> unconfigured = ConcurrentHashMap.newKeySet();
    private long cachedBytes;

    /**
     * @param sources    each configured connection's registry
     * @param freshFor   how long an answer is used before the registry is asked again
     * @param cacheBytes how many bytes of answers to keep
     */
    public ExternalRegistries(Map<String, ExternalSource> sources, Duration freshFor, long cacheBytes, Clock clock,
                              Executor executor) {
        this.sources = Map.copyOf(sources);
        this.freshFor = Objects.requireNonNull(freshFor);
        this.cacheBytes = cacheBytes;
        this.clock = Objects.requireNonNull(clock);
        this.refreshes = new SingleFlight<>(executor);
    }

    /**
     * What the connection's registry offers of a package, from the cache while fresh; empty when the registry does
     * not have it, or cannot be reached and nothing is cached.
     */
    public Optional<ExternalPackage> describe(String connection, PackageRef ref) {
        ExternalSource source = sources.get(connection);
        if (source == null) {
            if (unconfigured.add(connection)) {
                LOG.warn("Repositories use {}, but no URL is configured for it (--external {}=URL): they serve only"
                        + " what they already store", connection, connection);
            }
            return Optional.empty();
        }
        Key key = new Key(connection, ref);
        Entry cached = cached(key);
        if (cached != null && cached.fetched().plus(freshFor).isAfter(clock.instant())) {
            return cached.pkg();
        }
        try {
            Optional<ExternalPackage> fresh = refreshes.run(key, () -> source.describe(ref)).get();
            remember(key, new Entry(fresh, clock.instant(), fresh.map(ExternalPackage::sizeBytes).orElse(1L)));
            return fresh;
        } catch (ExecutionException e) {
            LOG.warn("{} could not be asked about {}: {}{}", connection, ref.display(), reason(e.getCause()),
                    cached == null ? "" : "; serving what it said before");
            return cached == null ? Optional.empty() : cached.pkg();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached == null ? Optional.empty() : cached.pkg();
        }
    }

    /**
     * Fetches one version through the connection's registry; empty when the registry does not have the version.
     *
     * @throws IOException when the registry cannot be reached, or no URL is configured for the connection
     */
    public Optional<PackagePublishing.NewVersion> fetch(String connection, PackageRef ref, String version,
                                                    ExternalSource.Stager stager) throws IOException {
        return source(connection).fetch(ref, version, stager);
    }

    /**
     * Fetches one more file of a version through the connection's registry; empty when the registry does not have
     * it.
     *
     * @throws IOException when the registry cannot be reached, or no URL is configured for the connection
     */
    public Optional<BlobStore.StagedBlob> fetchAsset(String connection, PackageRef ref, String version,
                                                     String assetName, ExternalSource.Stager stager)
            throws IOException {
        return source(connection).fetchAsset(ref, version, assetName, stager);
    }

    /** What to fetch through the connection after {@code fetched}, as its registry's clients will want it next. */
    public List<ExternalSource.Wanted> companions(String connection, PackagePublishing.NewVersion fetched) {
        ExternalSource source = sources.get(connection);
        return source == null ? List.of() : source.companions(fetched, ref -> describe(connection, ref));
    }

    private ExternalSource source(String connection) throws IOException {
        ExternalSource source = sources.get(connection);
        if (source == null) {
            throw new IOException("no URL is configured for " + connection + " (--external " + connection + "=URL)");
        }
        return source;
    }

    /** A failure in a few words for the log: its message, or its kind when it has none (a refused connection). */
    static String reason(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private Entry cached(Key key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private void remember(Key key, Entry entry) {
        synchronized (cache) {
            Entry previous = cache.put(key, entry);
            cachedBytes += entry.weight() - (previous == null ? 0 : previous.weight());
            Iterator<Map.Entry<Key, Entry>> eldest = cache.entrySet().iterator();
            while (cachedBytes > cacheBytes && eldest.hasNext()) {
                Map.Entry<Key, Entry> next = eldest.next();
                if (next.getKey().equals(key)) {
                    continue;
                }
                cachedBytes -= next.getValue().weight();
                eldest.remove();
            }
        }
    }
}
