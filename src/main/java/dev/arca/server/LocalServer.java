package dev.arca.server;

import dev.arca.core.ExternalConnections;
import dev.arca.core.PackageFormat;
import dev.arca.core.ServiceLimits;
import dev.arca.server.api.ActivityApi;
import dev.arca.server.api.ControlPlaneApi;
import dev.arca.server.api.KmsApi;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.PackageEndpoints;
import dev.arca.server.formats.maven.MavenEndpoint;
import dev.arca.server.formats.maven.MavenRepositorySource;
import dev.arca.server.formats.npm.NpmEndpoint;
import dev.arca.server.formats.npm.NpmRegistrySource;
import dev.arca.server.formats.pypi.PypiEndpoint;
import dev.arca.server.formats.pypi.PypiIndexSource;
import dev.arca.server.http.ArcaHttpHandler;
import dev.arca.server.http.JsonErrorHandler;
import dev.arca.server.http.SigV4Verifier;
import dev.arca.server.iam.CodeArtifactAccess;
import dev.arca.server.iam.KnownKey;
import dev.arca.server.iam.LocalAccounts;
import dev.arca.server.iam.LocalIam;
import dev.arca.server.iam.PackageAuthorizer;
import dev.arca.server.iam.PolicyValidationApi;
import dev.arca.server.iam.ResourcePolicies;
import dev.arca.server.kms.KeyService;
import dev.arca.server.kms.LocalKms;
import dev.arca.server.quota.RequestQuotas;
import dev.arca.server.service.AssetStorage;
import dev.arca.server.service.AuditLog;
import dev.arca.server.service.Caller;
import dev.arca.server.service.DomainService;
import dev.arca.server.service.EventWebhook;
import dev.arca.server.service.PackageEvents;
import dev.arca.server.service.PackageGroupService;
import dev.arca.server.service.Packages;
import dev.arca.server.service.PolicyService;
import dev.arca.server.service.RepositoryService;
import dev.arca.server.service.TagService;
import dev.arca.server.service.TokenService;
import dev.arca.server.store.AuditStore;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.CacheBudget;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.upstream.ExternalRegistries;
import dev.arca.server.upstream.ExternalSource;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arca's local CodeArtifact-compatible server: the facade the launcher starts and stops. It owns the
 * data directory (locked against a second server), the root credentials and the HTTP listener.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
    private static final String LOCK_FILE = ".lock";
    static final String METADATA_FILE = "metadata.db";
    static final String BLOBS_DIR = "blobs";
    static final String AUDIT_FILE = "audit.db";
    private static final Duration EXTERNAL_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** npm's public versions show up within about ten minutes on CodeArtifact; Arca asks again after five. */
    private static final Duration EXTERNAL_METADATA_FRESH_FOR = Duration.ofMinutes(5);
    /** How long a rendered package document showing a public registry's answer lives (DocumentCache). */
    private static final Duration EXTERNAL_DOCUMENT_LIFETIME = Duration.ofSeconds(30);
    /** CodeArtifact's 40-second rule: a client waits this long for an ingestion, then is told to try again. */
    private static final Duration INGESTION_WAIT = Duration.ofSeconds(40);

    private final ServerConfig config;
    private final Map<String, RootCredentials> credentials;
    private final Server jetty;
    private final FileChannel lockChannel;
    private final MetadataStore store;
    private final TokenService tokens;
    private final List<AutoCloseable> background;
    private final URI endpoint;

    private LocalServer(ServerConfig config, Map<String, RootCredentials> credentials, Server jetty, FileChannel lockChannel,
                        MetadataStore store, TokenService tokens, List<AutoCloseable> background,
                        URI endpoint) {
        this.config = config;
        this.credentials = credentials;
        this.jetty = jetty;
        this.lockChannel = lockChannel;
        this.store = store;
        this.tokens = tokens;
        this.background = background;
        this.endpoint = endpoint;
    }

    /**
     * Prepares the data directory, loads or creates the root credentials and starts listening.
     *
     * @throws ServerStartException with a one-sentence reason when the directory, the credentials or the
     *                              port cannot be used
     */
    public static LocalServer start(ServerConfig config) throws ServerStartException {
        return start(config, Clock.systemUTC());
    }

    /**
     * {@link #start(ServerConfig)} on {@code clock}: tests move it to expire sessions without waiting. Signatures
     * are still checked against it, so it must stay within SigV4's 15 minutes of the clients' clocks.
     */
    static LocalServer start(ServerConfig config, Clock clock) throws ServerStartException {
        Objects.requireNonNull(config, "config");
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        FileChannel lock = lockDataDirectory(dataDir);
        MetadataStore store = null;
        List<AutoCloseable> background = new ArrayList<>();
        try {
            Map<String, RootCredentials> credentials = resolveCredentials(config, dataDir);
            MetadataStores stores = MetadataStores.open(config, dataDir);
            store = stores.metadata();
            TokenService tokens = new TokenService(store, clock);
            LocalIam iam = LocalIam.create(rootKeys(credentials), stores.iam(), store,
                    new LocalAccounts(config.accountIds(), config.organizationId()), clock);
            BlobStore blobs = ServerBlobs.open(config, dataDir, background);
            Server jetty = newJetty(config, new CatchUpHandler(store,
                    handler(config, store, blobs, tokens, iam, clock, background)));
            ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
            startJetty(jetty, config);
            URI endpoint = URI.create("http://" + hostForUri(config.host()) + ":" + connector.getLocalPort());
            LOG.info("Local server on {} with data in {}{}", endpoint, dataDir,
                    config.metadataDatabase().map(d -> " and metadata in " + d).orElse(""));
            return new LocalServer(config, credentials, jetty, lock, store, tokens, background, endpoint);
        } catch (ServerStartException | RuntimeException e) {
            closeAll(background);
            if (store != null) {
                store.close();
            }
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Creates the data directory if needed and checks that it can be written, so that a bad path is reported
     * before anything else (logging, the GUI) starts using it.
     *
     * @return the absolute, normalized directory
     */
    public static Path prepareDataDirectory(Path dir) throws ServerStartException {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new ServerStartException("cannot use data directory " + absolute + ": " + reason(e), e);
        }
        if (!Files.isWritable(absolute)) {
            throw new ServerStartException("cannot use data directory " + absolute + ": it is not writable", null);
        }
        return absolute;
    }

    /** Base URL of the server, e.g. {@code http://127.0.0.1:8080}, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** The first (default) account's root credentials. */
    public RootCredentials credentials() {
        return credentials.get(config.accountId());
    }

    /** The root credentials of one of the server's accounts. */
    public RootCredentials credentials(String accountId) {
        RootCredentials known = credentials.get(accountId);
        if (known == null) {
            throw new IllegalArgumentException("not an account of this server: " + accountId);
        }
        return known;
    }

    public ServerConfig config() {
        return config;
    }

    /** Replaces the token-signing secret: every authorization token issued before stops working. */
    public void rotateTokenSecret() {
        tokens.rotateSecret();
    }

    TokenService tokens() {
        return tokens;
    }

    /** Stops accepting requests, lets in-flight ones finish and releases the data directory. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Local server did not stop cleanly", e);
        } finally {
            closeAll(background);
            store.close();
            closeQuietly(lockChannel);
        }
    }

    private static void closeAll(List<AutoCloseable> tasks) {
        for (AutoCloseable task : tasks) {
            try {
                task.close();
            } catch (Exception e) {
                LOG.warn("Background task did not stop cleanly", e);
            }
        }
    }

    private static FileChannel lockDataDirectory(Path dataDir) throws ServerStartException {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new ServerStartException("data directory " + dataDir + " is in use by another Arca server", null);
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new ServerStartException("data directory " + dataDir + " is in use by another Arca server", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ServerStartException("cannot use data directory " + dataDir + ": " + reason(e), e);
        } catch (ServerStartException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Map<String, RootCredentials> resolveCredentials(ServerConfig config, Path dataDir)
            throws ServerStartException {
        CredentialsFile file = new CredentialsFile(dataDir);
        try {
            return file.loadOrCreate(config.accountIds(), config.credentials(), new SecureRandom());
        } catch (IOException e) {
            throw new ServerStartException("cannot use credentials file " + file.path() + ": " + reason(e), e);
        }
    }

    /** Wires the services behind the HTTP entry point. */
    private static ArcaHttpHandler handler(ServerConfig config, MetadataStore store, BlobStore blobs,
                                           TokenService tokens, LocalIam iam, Clock clock,
                                           List<AutoCloseable> background) {
        ServiceLimits limits = ServiceLimits.DEFAULT;
        SigV4Verifier verifier = new SigV4Verifier(iam.keys(), clock);
        LocalKms kms = new LocalKms(config.region(), clock);
        TagService tags = new TagService(store, limits, config.region());
        DomainService domains = new DomainService(store, kms, tags, limits, clock);
        RepositoryService repositories = new RepositoryService(store, domains, tags, limits, config.region(), clock);
        PackageGroupService groups = new PackageGroupService(store, domains, tags, config.region(), clock);
        PackageEvents events = new PackageEvents(store, config.region(), clock);
        AssetStorage assets = new AssetStorage(blobs, kms, new AssetStorage.AssetLimits(
                config.maxAssetBytes(), AssetStorage.AssetLimits.DEFAULT.maxAssetsPerVersion()), clock);
        Packages packages = new Packages(store, assets, repositories, groups, events, clock);
        int swept = assets.sweepUnrecordedFiles(store, ServerBlobs.sweepCutoff(config));
        if (swept > 0) {
            LOG.info("Removed {} blob files left by an interrupted publish", swept);
        }
        AuditLog audit = new AuditLog(AuditStore.open(config.dataDir().toAbsolutePath().normalize()
                .resolve(AUDIT_FILE)));
        background.add(audit);
        config.eventWebhook().ifPresent(url -> background.add(new EventWebhook(store, events, url)));
        CodeArtifactAccess codeartifactAccess = new CodeArtifactAccess(iam.access(), new ResourcePolicies(store), store,
                config.region());
        PolicyService policies = new PolicyService(store, domains, repositories);
        ControlPlaneApi controlPlane = new ControlPlaneApi(domains, repositories, policies, tags,
                tokens, packages, groups, limits, codeartifactAccess);
        return new ArcaHttpHandler(verifier, controlPlane, new KmsApi(new KeyService(store, kms, clock), iam.access()),
                new ActivityApi(events, audit, config.accountId()), packageEndpoints(config, store, tokens,
                repositories, packages, limits, codeartifactAccess, clock, background), iam.iam(), iam.sts(), audit,
                new PolicyValidationApi(), config.emulateQuotas()
                        ? RequestQuotas.codeArtifact(RequestQuotas.Ticker.of(clock)) : RequestQuotas.off());
    }

    /** Each account root's access key, for the SigV4 verifier. */
    private static Map<String, KnownKey> rootKeys(Map<String, RootCredentials> credentials) {
        Map<String, KnownKey> roots = new LinkedHashMap<>();
        credentials.forEach((account, pair) -> roots.put(pair.accessKeyId(),
                new KnownKey(pair.secretAccessKey(), Caller.root(account))));
        return roots;
    }

    /**
     * The repository endpoints package clients use, and the machinery behind them: upstream resolution, and the
     * public registries external connections point at (only where configuration says; never a built-in host).
     */
    private static PackageEndpoints packageEndpoints(ServerConfig config, MetadataStore store, TokenService tokens,
                                                     RepositoryService repositories, Packages packages,
                                                     ServiceLimits limits, CodeArtifactAccess access, Clock clock,
                                                     List<AutoCloseable> background) {
        ExecutorService upstreamWork = Executors.newVirtualThreadPerTaskExecutor();
        background.add(upstreamWork::shutdownNow);
        HttpClient http = HttpClient.newBuilder().connectTimeout(EXTERNAL_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).executor(upstreamWork).build();
        background.add(http::shutdownNow);
        Map<PackageFormat, Function<URI, ExternalSource>> protocols = Map.of(
                PackageFormat.NPM, url -> new NpmRegistrySource(url, http),
                PackageFormat.PYPI, url -> new PypiIndexSource(url, http),
                PackageFormat.MAVEN, url -> new MavenRepositorySource(url, http));
        Map<String, ExternalSource> sources = new LinkedHashMap<>();
        config.externals().forEach((connection, url) -> {
            PackageFormat format = ExternalConnections.formatOf(connection).orElseThrow();
            Function<URI, ExternalSource> protocol = protocols.get(format);
            if (protocol == null) {
                LOG.warn("{} points at {}, but this server cannot fetch {} packages yet", connection, url,
                        format.wireName());
            } else {
                sources.put(connection, protocol.apply(url));
            }
        });
        CacheBudget budget = CacheBudget.ofThisJvm();
        ExternalRegistries externals = new ExternalRegistries(sources, EXTERNAL_METADATA_FRESH_FOR,
                budget.externalBytes(), clock, upstreamWork);
        UpstreamResolver resolver = new UpstreamResolver(store, packages, externals, limits.upstreamSearchBudget(),
                INGESTION_WAIT, upstreamWork);
        DocumentCache documents = new DocumentCache(store, budget.documentBytes(), EXTERNAL_DOCUMENT_LIFETIME,
                System::nanoTime);
        return new PackageEndpoints(tokens, new PackageAuthorizer(access), store, repositories, config.region(),
                config.maxAssetBytes(), List.of(new NpmEndpoint(packages, resolver, documents),
                new PypiEndpoint(store, packages, resolver, documents),
                new MavenEndpoint(packages, resolver, documents)));
    }

    private static Server newJetty(ServerConfig config, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("arca-http");
        // Handlers block on storage; virtual threads keep that cheap.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // npm sends scoped names as @scope%2fname; RepositoryPath admits an encoded slash there and nowhere else.
        http.setUriCompliance(UriCompliance.DEFAULT.with("ARCA", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(5_000);
        return jetty;
    }

    private static void startJetty(Server jetty, ServerConfig config) throws ServerStartException {
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            if (hasCause(e, BindException.class)) {
                throw new ServerStartException(config.port() == 0
                        ? "cannot listen on " + config.host() + ": " + rootMessage(e)
                        : "port " + config.port() + " on " + config.host() + " is already in use", e);
            }
            throw new ServerStartException("cannot listen on " + config.host() + ":" + config.port()
                    + ": " + rootMessage(e), e);
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            case FileAlreadyExistsException exists -> exists.getFile() + " exists and is not a directory";
            case NoSuchFileException missing -> missing.getFile() + " does not exist";
            case FileSystemException fse when fse.getReason() != null ->
                    fse.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // Already failing to start; the start error is what the user needs to see.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; nothing more can be done if it fails.
            }
        }
    }
}
