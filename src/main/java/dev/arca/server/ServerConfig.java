package dev.arca.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the local server needs to start: where to listen, where its data lives, which account it
 * pretends to be, where external connections point, and optionally fixed root credentials.
 *
 * @param host       interface to bind, 127.0.0.1 unless told otherwise
 * @param port       TCP port, 0 for a free one
 * @param dataDir    directory holding metadata, blobs and the credentials file
 * @param accountId  12-digit account that owns everything created through the root credentials
 * @param region     the region in ARNs and endpoints; clients may sign for any region
 * @param externals  external connection name (e.g. {@code public:npmjs}) to the registry URL it stands for
 * @param credentials root credentials to use instead of the stored or generated ones
 * @param eventWebhook where to post every package event, if anywhere
 * @param maxAssetBytes the largest asset a publish may upload
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        String accountId,
        String region,
        Map<String, URI> externals,
        Optional<RootCredentials> credentials,
        Optional<URI> eventWebhook,
        long maxAssetBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    /** CodeArtifact's quota: 1 GB per asset. */
    public static final long DEFAULT_MAX_ASSET_BYTES = 1L << 30;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(eventWebhook, "eventWebhook");
        if (maxAssetBytes < 1) {
            throw new IllegalArgumentException("the asset size limit must be at least 1 byte");
        }
        externals = Map.copyOf(externals);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits, not '" + accountId + "'");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, not '" + region + "'");
        }
    }

    /** A loopback server on a free port with generated credentials: the embedded default. */
    public static ServerConfig embedded(Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, 0, dataDir, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, Map.of(),
                Optional.empty(), Optional.empty(), DEFAULT_MAX_ASSET_BYTES);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, accountId, region, externals, credentials, eventWebhook, maxAssetBytes);
    }

    public ServerConfig withCredentials(RootCredentials fixed) {
        return new ServerConfig(host, port, dataDir, accountId, region, externals, Optional.of(fixed), eventWebhook, maxAssetBytes);
    }

    public ServerConfig withEventWebhook(URI url) {
        return new ServerConfig(host, port, dataDir, accountId, region, externals, credentials, Optional.of(url), maxAssetBytes);
    }

    public ServerConfig withExternals(Map<String, URI> urls) {
        return new ServerConfig(host, port, dataDir, accountId, region, urls, credentials, eventWebhook, maxAssetBytes);
    }

    public ServerConfig withMaxAssetBytes(long limit) {
        return new ServerConfig(host, port, dataDir, accountId, region, externals, credentials, eventWebhook, limit);
    }
}
