package dev.arca.server.upstream;

import dev.arca.core.ExternalConnections;
import dev.arca.core.UpstreamSearchOrder;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StampedMemo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds package versions for a repository the way CodeArtifact does (spec/behavior.md §6–§8), for every format:
 * the repository itself, then its upstreams depth-first in priority order (25 repositories at most, each once),
 * consulting an external connection where the search reaches the repository that holds it. Package origin
 * controls and package groups decide, per repository, whether the search may continue past it. A version found
 * upstream is retained in the requested repository; one fetched from a public registry is stored in the
 * repository holding the connection and retained in the requested one — never in the repositories between.
 */
public final class UpstreamResolver {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamResolver.class);
    private static final Set<VersionStatus> SERVABLE = Set.of(VersionStatus.PUBLISHED, VersionStatus.UNLISTED);
    private static final int PREFETCH_CONCURRENCY = 4;
    private static final int MAX_PREFETCHES_PENDING = 1_000;

    /** One repository of a package's search order, as a listing sees it. */
    public record Layer<T>(RepositoryRow repository, int depth, Optional<T> stored, Optional<String> connection,
                           Optional<ExternalPackage> external) {
    }

    /** Reads what a format needs of a package one repository stores, inside the listing's transaction. */
    @FunctionalInterface
    public interface StoredReader<T> {
        T read(MetadataStore.Transaction tx, PackageRow pkg);
    }

    /** A repository the search visits, with the external connection it may ingest through, if any. */
    private record Stop(RepositoryRow repository, int depth, Optional<String> connection) {
    }

    /** Where a version may come from, in search order: a copy stored upstream, or an external connection. */
    private record Candidate(Stop stop, Optional<VersionRow> stored) {
    }

    private record IngestionKey(long repositoryId, PackageRef ref, String version) {
    }

    private record AssetKey(long repositoryId, PackageRef ref, String version, String assetName) {
    }

    private record OwnVersion(long repositoryId, PackageRef ref, String version) {
    }

    private final MetadataStore store;
    private final Packages packages;
    private final ExternalRegistries externals;
    private final int searchBudget;
    private final Duration ingestionWait;
    private final SingleFlight<IngestionKey, Optional<VersionRow>> ingestions;
    private final SingleFlight<AssetKey, Boolean> assetFetches;
    private final StampedMemo<OwnVersion, VersionRow> ownVersions = new StampedMemo<>();
    private final Executor executor;
    /** Fetches ahead run a few at a time, and only so many wait: the rest is fetched when clients ask. */
    private final Semaphore prefetchSlots = new Semaphore(PREFETCH_CONCURRENCY);
    private final AtomicInteger prefetchesPending = new AtomicInteger();

    /**
     * @param searchBudget  the most repositories one request visits (25)
     * @param ingestionWait how long a client waits for an ingestion before it is told to try again (40 s); the
     *                      ingestion goes on
     */
    public UpstreamResolver(MetadataStore store, Packages packages, ExternalRegistries externals, int searchBudget,
                            Duration ingestionWait, Executor executor) {
        this.store = Objects.requireNonNull(store);
        this.packages = Objects.requireNonNull(packages);
        this.externals = Objects.requireNonNull(externals);
        this.searchBudget = searchBudget;
        this.ingestionWait = Objects.requireNonNull(ingestionWait);
        this.ingestions = new SingleFlight<>(executor);
        this.assetFetches = new SingleFlight<>(executor);
        this.executor = executor;
    }

    /**
     * Every repository of the search order with what it stores of the package (read by {@code reader}) and, where
     * an external connection is reached, what the public registry offers (cached; absent when unreachable).
     */
    public <T> List<Layer<T>> layers(RepositoryRow requested, PackageRef ref, StoredReader<T> reader) {
        List<Layer<T>> stored = store.read(tx -> plan(tx, requested, ref).stream()
                .map(stop -> new Layer<>(stop.repository(), stop.depth(), pkg(tx, stop.repository(), ref)
                        .map(p -> reader.read(tx, p)), stop.connection(), Optional.<ExternalPackage>empty()))
                .toList());
        return stored.stream().map(layer -> layer.connection().isEmpty() ? layer
                : new Layer<>(layer.repository(), layer.depth(), layer.stored(), layer.connection(),
                        externals.describe(layer.connection().get(), ref))).toList();
    }

    /**
     * Whether a listing includes what a public registry said (through an external connection): the store's change
     * stamps do not follow that, so a rendering of it goes stale with the registry cache.
     */
    public static boolean usesExternal(List<? extends Layer<?>> layers) {
        return layers.stream().anyMatch(layer -> layer.connection().isPresent());
    }

    /**
     * The version as the requested repository stores it — already there (in whatever status), or found upstream
     * and retained, or fetched through an external connection.
     *
     * @throws ApiException a 404 when nothing on the search path has it, or when fetching it takes longer than
     *                      the ingestion wait (it goes on; a retry finds it)
     */
    public VersionRow resolve(RepositoryRow requested, PackageRef ref, String version) {
        // The version the repository stores is what almost every request wants: remembered until the package changes.
        Optional<VersionRow> own = ownVersions.get(new OwnVersion(requested.id(), ref, version),
                store.changeStamp(ref.format().wireName(), ref.namespace(), ref.name()),
                () -> store.read(tx -> version(tx, requested, ref, version)));
        if (own.isPresent()) {
            return own.get();
        }
        List<Candidate> candidates = store.read(tx -> candidates(tx, requested, ref, version));
        Set<String> unreachable = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            Optional<VersionRow> found = candidate.stored().isPresent()
                    ? packages.upstreams().retain(requested, ref, candidate.stored().get())
                    : ingestThrough(candidate.stop(), requested, ref, version, unreachable);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw ApiException.notFound("package-version", version, "Version " + version + " of " + ref.display()
                + " is not in repository " + requested.name() + " or the repositories it reads from"
                + (unreachable.isEmpty() ? "" : "; fetching it through " + String.join(", ", unreachable)
                + " failed (the server log says why)"));
    }

    /**
     * Fetches a file that a version which came through an external connection was stored without (a Maven
     * artifact with a classifier: a registry lists no directory, so only the standard files come with the
     * version) from the public registry it came from, if the connection is still on the search path, and adds it
     * to the version there and in the requested repository. Whether the requested repository's version now has
     * the file; a registry that cannot be reached counts as not having it (the server log says why).
     *
     * @throws ApiException a 404 when fetching takes longer than the ingestion wait (it goes on; a retry finds it)
     */
    public boolean fetchAsset(RepositoryRow requested, PackageRef ref, VersionRow version, String assetName) {
        Optional<String> connection = version.originExternal().filter(c -> version.originType().equals("EXTERNAL"));
        if (connection.isEmpty()) {
            return false;
        }
        Optional<RepositoryRow> holder = store.read(tx -> plan(tx, requested, ref).stream()
                .filter(stop -> stop.connection().equals(connection)).map(Stop::repository).findFirst());
        if (holder.isEmpty()) {
            return false;
        }
        List<RepositoryRow> into = holder.get().id() == requested.id() ? List.of(requested)
                : List.of(holder.get(), requested);
        CompletableFuture<Boolean> flight = assetFetches.run(new AssetKey(requested.id(), ref, version.version(),
                assetName), () -> {
            byte[] key = packages.reads().domainKey(holder.get());
            Optional<BlobStore.StagedBlob> staged = externals.fetchAsset(connection.get(), ref, version.version(),
                    assetName, content -> packages.publishing().assets().stage(content, key));
            if (staged.isEmpty()) {
                return false;
            }
            try (BlobStore.StagedBlob blob = staged.get()) {
                return packages.upstreams().addFetchedAsset(into, ref, version.version(), assetName, blob);
            }
        });
        return await(flight, connection.get(), "asset", assetName, assetName + " of " + ref.display() + " "
                + version.version()).orElse(false);
    }

    /**
     * The outcome of a fetch through an external connection, waited for at most the ingestion wait; empty when the
     * registry could not be reached (logged).
     *
     * @throws ApiException a 404 saying to try again when the wait is over (the fetch goes on)
     */
    private <T> Optional<T> await(CompletableFuture<T> flight, String connection, String resourceType,
                                  String resourceId, String what) {
        try {
            return Optional.of(flight.get(ingestionWait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw ApiException.notFound(resourceType, resourceId, "Ingestion is in progress. Please try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + connection, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            LOG.warn("Could not fetch {} through {}: {}", what, connection, ExternalRegistries.reason(e.getCause()));
            return Optional.empty();
        }
    }

    /**
     * The version as the first repository of the search order that stores it has it (in whatever status), without
     * retaining it anywhere or asking a public registry: for versions whose content is replaced in place upstream
     * (Maven SNAPSHOTs), which a retained copy would stop following.
     */
    public Optional<VersionRow> findStored(RepositoryRow requested, PackageRef ref, String version) {
        return store.read(tx -> plan(tx, requested, ref).stream()
                .flatMap(stop -> version(tx, stop.repository(), ref, version).stream())
                .findFirst());
    }

    /**
     * Where the requested repository could get this version from besides itself — an upstream repository that
     * stores it or a public registry that offers it — for refusing publishes that would shadow it. Registries that
     * cannot be reached count as not having it (spec/behavior.md §7, outages).
     */
    public Optional<String> availableUpstream(RepositoryRow requested, PackageRef ref, String version) {
        record Lookup(Optional<String> stored, List<Stop> stops) {
        }
        Lookup lookup = store.read(tx -> {
            List<Stop> stops = plan(tx, requested, ref);
            return new Lookup(stops.stream()
                    .filter(stop -> stop.depth() > 0 && version(tx, stop.repository(), ref, version).isPresent())
                    .findFirst().map(stop -> "upstream repository " + stop.repository().name()), stops);
        });
        if (lookup.stored().isPresent()) {
            return lookup.stored();
        }
        return lookup.stops().stream().flatMap(stop -> stop.connection().stream())
                .filter(connection -> externals.describe(connection, ref)
                        .map(p -> p.versions().containsKey(version)).orElse(false))
                .findFirst().map(connection -> "external connection " + connection);
    }

    /** The repositories a request to {@code requested} reads from, in search order, whatever the package. */
    public List<RepositoryRow> searchOrder(MetadataStore.Transaction tx, RepositoryRow requested) {
        return UpstreamSearchOrder.of(requested, repo -> upstreams(tx, repo), searchBudget).stream()
                .map(UpstreamSearchOrder.Stop::repository).toList();
    }

    /** The search order with, per repository, whether origin rules let the search use its connection. */
    private List<Stop> plan(MetadataStore.Transaction tx, RepositoryRow requested, PackageRef ref) {
        List<UpstreamSearchOrder.Stop<RepositoryRow>> order = UpstreamSearchOrder.of(requested,
                repo -> packages.upstreams().acceptsUpstream(tx, repo, ref) ? upstreams(tx, repo) : List.of(),
                searchBudget);
        return order.stream().map(stop -> new Stop(stop.repository(), stop.depth(),
                tx.repositories().externalConnection(stop.repository().id())
                        .filter(c -> ExternalConnections.formatOf(c).equals(Optional.of(ref.format())))
                        .filter(c -> packages.upstreams().acceptsExternal(tx, stop.repository(), ref)))).toList();
    }

    private List<Candidate> candidates(MetadataStore.Transaction tx, RepositoryRow requested, PackageRef ref,
                                       String version) {
        List<Candidate> out = new ArrayList<>();
        for (Stop stop : plan(tx, requested, ref)) {
            Optional<VersionRow> held = version(tx, stop.repository(), ref, version);
            if (stop.depth() > 0 && held.filter(v -> SERVABLE.contains(v.status())).isPresent()) {
                out.add(new Candidate(stop, held));
                return out;
            }
            // A connection brings nothing new for a version its repository holds already (Archived, say): skip it.
            if (held.isEmpty()) {
                stop.connection().ifPresent(c -> out.add(new Candidate(stop, Optional.empty())));
            }
        }
        return out;
    }

    private Optional<VersionRow> ingestThrough(Stop stop, RepositoryRow requested, PackageRef ref, String version,
                                               Set<String> unreachable) {
        String connection = stop.connection().orElseThrow();
        RepositoryRow holder = stop.repository();
        CompletableFuture<Optional<VersionRow>> flight = ingestions.run(new IngestionKey(holder.id(), ref, version),
                () -> ingest(holder, connection, ref, version));
        Optional<Optional<VersionRow>> fetched = await(flight, connection, "package-version", version,
                ref.display() + " " + version);
        if (fetched.isEmpty()) {
            unreachable.add(connection);
            return Optional.empty();
        }
        Optional<VersionRow> stored = fetched.get();
        if (stored.isEmpty() || holder.id() == requested.id()) {
            return stored;
        }
        return packages.upstreams().retain(requested, ref, stored.get());
    }

    /**
     * Fetches, in the background and a few at a time, the versions the registry's clients will ask for after this
     * one (npm: each dependency's newest version in range and its latest, as CodeArtifact ingests them), each once;
     * they bring their own in turn. A version fetched this way is stored where the connection is, under the same
     * origin rules as any other; a failure is only logged, and the client that asks for it later fetches it then.
     */
    private void prefetchCompanions(RepositoryRow holder, String connection, PackagePublishing.NewVersion fetched) {
        executor.execute(() -> {
            for (ExternalSource.Wanted wanted : externals.companions(connection, fetched)) {
                if (prefetchesPending.incrementAndGet() > MAX_PREFETCHES_PENDING) {
                    prefetchesPending.decrementAndGet();
                    LOG.info("Not fetching {} {} ahead through {}: {} fetches are waiting already",
                            wanted.ref().display(), wanted.version(), connection, MAX_PREFETCHES_PENDING);
                    continue;
                }
                executor.execute(() -> prefetch(holder, connection, wanted));
            }
        });
    }

    private void prefetch(RepositoryRow holder, String connection, ExternalSource.Wanted wanted) {
        try {
            prefetchSlots.acquire();
            try {
                ingestions.run(new IngestionKey(holder.id(), wanted.ref(), wanted.version()),
                        () -> ingest(holder, connection, wanted.ref(), wanted.version())).join();
            } finally {
                prefetchSlots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Fetching {} {} ahead through {} failed: {}", wanted.ref().display(), wanted.version(),
                    connection, ExternalRegistries.reason(e.getCause() != null ? e.getCause() : e));
        } finally {
            prefetchesPending.decrementAndGet();
        }
    }

    /** Fetches a version from the public registry and stores it where the connection is. */
    private Optional<VersionRow> ingest(RepositoryRow holder, String connection, PackageRef ref, String version)
            throws IOException {
        Optional<VersionRow> already = store.read(tx -> version(tx, holder, ref, version));
        if (already.isPresent()) {
            return already;
        }
        byte[] key = packages.reads().domainKey(holder);
        Optional<PackagePublishing.NewVersion> fetched = externals.fetch(connection, ref, version,
                content -> packages.publishing().assets().stage(content, key));
        if (fetched.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<VersionRow> stored = packages.upstreams().ingest(holder, ref, connection, fetched.get());
            stored.ifPresent(row -> {
                LOG.info("Ingested {} {} through {} into {}", ref.display(), version, connection, holder.name());
                prefetchCompanions(holder, connection, fetched.get());
            });
            return stored;
        } finally {
            for (PackagePublishing.NewAsset asset : fetched.get().assets()) {
                asset.staged().close();
            }
        }
    }

    private static List<RepositoryRow> upstreams(MetadataStore.Transaction tx, RepositoryRow repository) {
        return tx.repositories().upstreams(repository.id()).stream()
                .map(id -> tx.repositories().findById(id).orElseThrow()).toList();
    }

    private static Optional<PackageRow> pkg(MetadataStore.Transaction tx, RepositoryRow repository, PackageRef ref) {
        return ref.findIn(tx, repository.id());
    }

    private static Optional<VersionRow> version(MetadataStore.Transaction tx, RepositoryRow repository,
                                                PackageRef ref, String version) {
        return pkg(tx, repository, ref).flatMap(p -> tx.versions().find(p.id(), version));
    }
}
