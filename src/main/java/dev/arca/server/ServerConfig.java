package dev.arca.server;

import dev.arca.server.store.s3.S3Location;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the local server needs to start: where to listen, where its data lives, which accounts it
 * pretends to be, where external connections point, and optionally fixed root credentials.
 *
 * @param host       interface to bind, 127.0.0.1 unless told otherwise
 * @param port       TCP port, 0 for a free one
 * @param dataDir    directory holding metadata (unless in {@code metadataDatabase}), blobs and the credentials file
 * @param accountIds the local accounts, 12 digits each, no repeats; the first is the default one (the embedded
 *                   app's, and {@code [default]} in the credentials file)
 * @param organizationId the organization every local account belongs to, for {@code aws:PrincipalOrgID}
 * @param region     the region in ARNs and endpoints; clients may sign for any region
 * @param externals  external connection name (e.g. {@code public:npmjs}) to the registry URL it stands for
 * @param credentials root credentials to use instead of the stored or generated ones
 * @param eventWebhook where to post every package event, if anywhere
 * @param maxAssetBytes the largest asset a publish may upload
 * @param emulateQuotas whether CodeArtifact's request-rate quotas are enforced (ThrottlingException beyond them);
 *                      off by default
 * @param metadataDatabase the PostgreSQL database holding the metadata instead of SQLite in {@code dataDir}
 * @param blobs      the S3 bucket and prefix that keep asset bytes; empty keeps them in {@code dataDir}
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        List<String> accountIds,
        Optional<String> organizationId,
        String region,
        Map<String, URI> externals,
        Optional<RootCredentials> credentials,
        Optional<URI> eventWebhook,
        long maxAssetBytes,
        boolean emulateQuotas,
        Optional<MetadataDatabase> metadataDatabase,
        Optional<S3Location> blobs) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    /** CodeArtifact's quota: 1 GB per asset. */
    public static final long DEFAULT_MAX_ASSET_BYTES = 1L << 30;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    /** Organizations' id shape: {@code o-} and 10 to 32 lower-case letters or digits. */
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        accountIds = List.copyOf(accountIds);
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(eventWebhook, "eventWebhook");
        Objects.requireNonNull(metadataDatabase, "metadataDatabase");
        Objects.requireNonNull(blobs, "blobs");
        if (maxAssetBytes < 1) {
            throw new IllegalArgumentException("the asset size limit must be at least 1 byte");
        }
        externals = Map.copyOf(externals);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (accountIds.isEmpty()) {
            throw new IllegalArgumentException("at least one account id is needed");
        }
        for (String accountId : accountIds) {
            if (!ACCOUNT_ID.matcher(accountId).matches()) {
                throw new IllegalArgumentException("account id must be 12 digits, not '" + accountId + "'");
            }
        }
        if (new java.util.HashSet<>(accountIds).size() != accountIds.size()) {
            throw new IllegalArgumentException("each account id may be given once: " + String.join(", ", accountIds));
        }
        organizationId.ifPresent(o -> {
            if (!ORGANIZATION_ID.matcher(o).matches()) {
                throw new IllegalArgumentException("organization id must look like o-a1b2c3d4e5, not '" + o + "'");
            }
        });
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, not '" + region + "'");
        }
    }

    /** A loopback server on a free port with generated credentials: the embedded default. */
    public static ServerConfig embedded(Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, 0, dataDir, List.of(DEFAULT_ACCOUNT_ID), Optional.empty(),
                DEFAULT_REGION, Map.of(), Optional.empty(), Optional.empty(), DEFAULT_MAX_ASSET_BYTES, false,
                Optional.empty(), Optional.empty());
    }

    /** The default account: the first one given. */
    public String accountId() {
        return accountIds.getFirst();
    }

    public ServerConfig withAccounts(List<String> ids, Optional<String> organization) {
        return new ServerConfig(host, port, dataDir, ids, organization, region, externals, credentials, eventWebhook,
                maxAssetBytes, emulateQuotas, metadataDatabase, blobs);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, accountIds, organizationId, region, externals, credentials,
                eventWebhook, maxAssetBytes, emulateQuotas, metadataDatabase, blobs);
    }

    public ServerConfig withCredentials(RootCredentials fixed) {
        return new ServerConfig(host, port, dataDir, accountIds, organizationId, region, externals,
                Optional.of(fixed), eventWebhook, maxAssetBytes, emulateQuotas, metadataDatabase, blobs);
    }

    public ServerConfig withEventWebhook(URI url) {
        return new ServerConfig(host, port, dataDir, accountIds, organizationId, region, externals, credentials,
                Optional.of(url), maxAssetBytes, emulateQuotas, metadataDatabase, blobs);
    }

    public ServerConfig withExternals(Map<String, URI> urls) {
        return new ServerConfig(host, port, dataDir, accountIds, organizationId, region, urls, credentials,
                eventWebhook, maxAssetBytes, emulateQuotas, metadataDatabase, blobs);
    }

    /** The same server with CodeArtifact's request-rate quotas enforced ({@code on}) or not. */
    public ServerConfig withQuotaEmulation(boolean on) {
        return new ServerConfig(host, port, dataDir, accountIds, organizationId, region, externals, credentials,
                eventWebhook, maxAssetBytes, on, metadataDatabase, blobs);
    }

    public ServerConfig withMaxAssetBytes(long limit) {
        return new ServerConfig(host, port, dataDir, accountIds, organizationId, region, externals, credentials,
                eventWebhook, limit, emulateQuotas, metadataDatabase, blobs);
    }

    /** The same server with its metadata in {@code database} instead of SQLite in the data directory. */
    public ServerConfig withMetadataDatabase(MetadataDatabase database) {
        return new ServerConfig(host, port, dataDir, accountIds, organizationId, region, externals, credentials,
                eventWebhook, maxAssetBytes, emulateQuotas, Optional.of(database), blobs);
    }
}
