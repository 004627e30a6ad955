package dev.arca.app;

import dev.arca.core.ExternalConnections;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.SampleDomainLoader;
import dev.arca.server.LocalServer;
import dev.arca.server.MetadataDatabase;
import dev.arca.server.RootCredentials;
import dev.arca.server.ServerConfig;
import dev.arca.server.store.s3.S3Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arca server}: the local server alone, headless, until SIGTERM or Ctrl+C. */
@Command(name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = Arca.VersionProvider.class,
        description = {
            "Runs the Arca local server without the GUI and prints one line:",
            "  Arca local server listening on http://HOST:PORT",
            "Root credentials come from ARCA_ACCESS_KEY_ID and ARCA_SECRET_ACCESS_KEY, or are generated",
            "on first start and kept in DIR/credentials (AWS shared-credentials format, mode 600).",
            "With --metadata, the PostgreSQL login comes from ARCA_DB_USER and ARCA_DB_PASSWORD, or the URL."
        })
final class ServerCommand implements Callable<Integer> {

    static final String LISTENING = "Arca local server listening on ";
    /** Environment variables with the PostgreSQL login for --metadata. */
    static final String DB_USER = "ARCA_DB_USER";
    static final String DB_PASSWORD = "ARCA_DB_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: the per-user data directory).")
    private Path data;

    @Option(names = "--metadata", paramLabel = "JDBC_URL",
            description = "Keep the metadata in PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/arca, instead of"
                    + " SQLite in DIR (blobs stay in DIR).")
    private String metadata;

    @Option(names = "--host", paramLabel = "H", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--account-id", paramLabel = "ID",
            description = "A 12-digit local account (repeatable; default: " + ServerConfig.DEFAULT_ACCOUNT_ID
                    + "). Each has its own root credentials; the first's are [default] in DIR/credentials.")
    private List<String> accountIds = new ArrayList<>();

    @Option(names = "--organization-id", paramLabel = "o-ID",
            description = "Puts every local account in this organization (for aws:PrincipalOrgID conditions).")
    private String organizationId;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = ServerConfig.DEFAULT_REGION,
            description = "Region in ARNs; clients may sign requests for any region (default: ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--external", paramLabel = "NAME=URL",
            description = "Where an external connection points, e.g. public:npmjs=http://127.0.0.1:4873/ (repeatable).")
    private Map<String, String> externals = new LinkedHashMap<>();

    @Option(names = "--max-asset-size", paramLabel = "BYTES", defaultValue = "1073741824",
            description = "Largest asset a publish may upload, in bytes (default: ${DEFAULT-VALUE}, CodeArtifact's quota).")
    private long maxAssetSize;

    @Option(names = "--blobs", paramLabel = "s3://BUCKET[/PREFIX]",
            description = "Keep asset bytes in S3-compatible storage instead of DIR/blobs, still encrypted; region,"
                    + " credentials and endpoint (AWS_ENDPOINT_URL_S3) come from the standard AWS settings.")
    private String blobs;

    @Option(names = "--event-webhook", paramLabel = "URL",
            description = "POST every package event (EventBridge JSON, in order, at least once) to this URL.")
    private String eventWebhook;

    @Option(names = "--rotate-token-secret",
            description = "Replace the secret that signs authorization tokens before serving: every token issued"
                    + " earlier stops working.")
    private boolean rotateTokenSecret;

    @Option(names = "--emulate-quotas",
            description = "Enforce CodeArtifact's per-operation request rates (e.g. CopyPackageVersions 5/s per"
                    + " account): requests beyond them get ThrottlingException (HTTP 429, Retry-After).")
    private boolean emulateQuotas;

    @Option(names = "--sample-data",
            description = "Before serving, load the sample domain 'demo' (team, shared and store repositories, a few"
                    + " hundred package versions in every status, package groups, policies, tags) through the API;"
                    + " refused when the server already has a domain.")
    private boolean sampleData;

    private final Map<String, String> env;
    private final CountDownLatch stop = new CountDownLatch(1);

    ServerCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        Path dataDir = LocalServer.prepareDataDirectory(config.dataDir());
        LoggingSetup.attachFile(dataDir);
        TerminationSignals.onTermination(stop::countDown);
        try (LocalServer server = LocalServer.start(config)) {
            if (rotateTokenSecret) {
                server.rotateTokenSecret();
                spec.commandLine().getErr().println("Token secret rotated: earlier authorization tokens no longer work");
            }
            if (sampleData) {
                loadSampleData(server, config.region());
            }
            // A kill that bypasses the signal handlers (or System.exit elsewhere) still stops Jetty and unlocks.
            Thread hook = new Thread(server::close, "arca-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().println(LISTENING + server.endpoint());
            spec.commandLine().getOut().flush();
            stop.await();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        spec.commandLine().getErr().println("Arca local server stopped");
        return Arca.EXIT_OK;
    }

    /** Stops a running server as SIGTERM does. */
    void stop() {
        stop.countDown();
    }

    /**
     * Loads the sample domain through the server's own API, as any client would, before the listening line is
     * printed (so a script that waits for it finds the sample there); a server with domains is a usage error.
     */
    private void loadSampleData(LocalServer server, String region) throws CommandProblem, InterruptedException {
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
             CodeArtifactGateway gateway = clients.open(new ConnectionProfile(ConnectionKind.ARCA_SERVER.label(),
                     ConnectionKind.ARCA_SERVER, server.endpoint(), region), server.credentials().accessKeyId(),
                     server.credentials().secretAccessKey())) {
            SampleDomainLoader.Summary summary = new SampleDomainLoader(gateway).load((done, total, message) -> { });
            spec.commandLine().getErr().println(summary.describe());
        } catch (SampleDomainLoader.Refused e) {
            throw new CommandProblem(e.getMessage(), Arca.EXIT_USAGE);
        } catch (GatewayException e) {
            throw new CommandProblem("The sample domain was not completely loaded: " + e.getMessage(),
                    Arca.EXIT_FAILURE);
        }
    }

    /** The configuration the parsed options describe; bad values are usage errors. */
    ServerConfig config() {
        Map<String, URI> urls = new LinkedHashMap<>();
        externals.forEach((name, url) -> urls.put(externalName(name), externalUrl(name, url)));
        Optional<RootCredentials> credentials;
        try {
            credentials = RootCredentials.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Path dataDir = data != null ? data : PlatformDirectories.current().data();
        try {
            return new ServerConfig(host, port, dataDir,
                    accountIds.isEmpty() ? List.of(ServerConfig.DEFAULT_ACCOUNT_ID) : accountIds,
                    Optional.ofNullable(organizationId), region, urls, credentials,
                    Optional.ofNullable(eventWebhook).map(url -> externalUrl("--event-webhook", url)), maxAssetSize,
                    emulateQuotas, Optional.ofNullable(metadata)
                            .map(url -> new MetadataDatabase(url, envValue(DB_USER), envValue(DB_PASSWORD))),
                    blobLocation());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Optional<S3Location> blobLocation() {
        try {
            return Optional.ofNullable(blobs).map(S3Location::parse);
        } catch (IllegalArgumentException e) {
            throw usage("--blobs: " + e.getMessage());
        }
    }

    private Optional<String> envValue(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isEmpty());
    }

    private String externalName(String name) {
        if (ExternalConnections.formatOf(name).isEmpty()) {
            throw usage("external connection '" + name + "' is not one CodeArtifact offers; use one of "
                    + String.join(", ", new java.util.TreeSet<>(ExternalConnections.supported().keySet())));
        }
        return name;
    }

    private URI externalUrl(String name, String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw usage("URL for " + name + " must be an absolute http or https URL, not '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw usage("URL for " + name + " is not a valid URL: '" + url + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
