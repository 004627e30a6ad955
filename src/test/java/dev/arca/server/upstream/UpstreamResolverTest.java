package dev.arca.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.ServiceLimits;
import dev.arca.server.NpmTarballs;
import dev.arca.server.StandInNpmRegistry;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.npm.NpmRegistrySource;
import dev.arca.server.kms.LocalKms;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.AssetStorage;
import dev.arca.server.service.Caller;
import dev.arca.server.service.DomainService;
import dev.arca.server.service.PackageEvents;
import dev.arca.server.service.PackageGroupService;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.service.RepositoryService;
import dev.arca.server.service.TagService;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.sql.SqliteMetadataStore;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CodeArtifact's 40-second rule, with the wait made short: a client that waits longer than the ingestion wait is
 * told to try again while the ingestion goes on, and the retry finds the version — fetched once. Real parts
 * throughout: SQLite metadata, the blob store, the npm registry protocol against a stand-in registry.
 */
class UpstreamResolverTest {

    private static final String REGION = "us-east-1";
    private static final Caller ROOT = Caller.root("123456789012");

    @TempDir
    Path dir;

    private MetadataStore store;
    private ExecutorService executor;
    private HttpClient http;
    private StandInNpmRegistry registry;
    private UpstreamResolver resolver;
    private RepositoryRow repository;

    @BeforeEach
    void compose() throws Exception {
        registry = StandInNpmRegistry.start();
        store = SqliteMetadataStore.open(dir.resolve("metadata.db"));
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http = HttpClient.newHttpClient();
        Clock clock = Clock.systemUTC();
        LocalKms kms = new LocalKms(REGION, clock);
        TagService tags = new TagService(store, ServiceLimits.DEFAULT, REGION);
        DomainService domains = new DomainService(store, kms, tags, ServiceLimits.DEFAULT, clock);
        RepositoryService repositories = new RepositoryService(store, domains, tags, ServiceLimits.DEFAULT, REGION,
                clock);
        Packages packages = new Packages(store, new AssetStorage(new BlobStore(dir.resolve("blobs")), kms,
                AssetStorage.AssetLimits.DEFAULT, clock), repositories,
                new PackageGroupService(store, domains, tags, REGION, clock), new PackageEvents(store, REGION, clock),
                clock);
        ExternalRegistries externals = new ExternalRegistries(Map.of("public:npmjs",
                new NpmRegistrySource(registry.url(), http)), Duration.ofMinutes(5), 1 << 20, clock, executor);
        resolver = new UpstreamResolver(store, packages, externals, 25, Duration.ofMillis(200), executor);
        domains.create(ROOT, "acme", Optional.empty(), List.of());
        repositories.create(ROOT, Optional.empty(), "acme", "npm-store", Optional.empty(), List.of(), List.of());
        repositories.associateExternalConnection(ROOT, Optional.empty(), "acme", "npm-store", "public:npmjs");
        repository = store.read(tx -> repositories.find(tx, ROOT, Optional.empty(), "acme", "npm-store"));
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        http.shutdownNow();
        registry.close();
        store.close();
    }

    @Test
    void aSlowIngestionTellsTheClientToRetryAndGoesOnUntilTheVersionIsStored() throws Exception {
        registry.add("left-pad", "1.3.0", NpmTarballs.pack("left-pad", "1.3.0", Map.of(), "'pad'"), Map.of());
        registry.delayTarballs(1_500);
        PackageRef ref = PackageRef.of(PackageFormat.NPM, Optional.empty(), "left-pad");

        assertThatThrownBy(() -> resolver.resolve(repository, ref, "1.3.0"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Ingestion is in progress. Please try again later.");
                });

        Instant deadline = Instant.now().plusSeconds(30);
        while (stored(ref).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(stored(ref)).as("the ingestion went on after the client stopped waiting").isPresent();
        assertThat(resolver.resolve(repository, ref, "1.3.0").version()).isEqualTo("1.3.0");
        assertThat(registry.tarballRequests("left-pad")).isEqualTo(1);
    }

    private Optional<VersionRow> stored(PackageRef ref) {
        return store.read(tx -> tx.packages().find(repository.id(), "npm", "", ref.name())
                .flatMap(p -> tx.versions().find(p.id(), "1.3.0")));
    }
}
