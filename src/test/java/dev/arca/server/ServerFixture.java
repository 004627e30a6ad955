package dev.arca.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** A real local server on 127.0.0.1, a free port and a temporary data directory, with real AWS SDK clients. */
public abstract class ServerFixture {

    @TempDir
    protected Path dataDir;

    protected LocalServer server;
    protected CodeartifactClient codeartifact;
    protected KmsClient kms;

    @BeforeEach
    void startServer() throws Exception {
        start();
    }

    @AfterEach
    void stopServer() {
        stop();
    }

    protected void start() throws ServerStartException {
        server = LocalServer.start(config(), clock());
        codeartifact = codeartifactClient(server.credentials());
        kms = KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials(server.credentials()))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** The configuration the fixture starts the server with; tests may add to it. */
    protected ServerConfig config() {
        return ServerConfig.embedded(dataDir);
    }

    /** The clock the server runs on; tests may move it (within SigV4's 15 minutes of the real one). */
    protected java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    protected void stop() {
        if (codeartifact != null) {
            codeartifact.close();
            kms.close();
        }
        if (server != null) {
            server.close();
        }
    }

    protected void restart() throws ServerStartException {
        stop();
        start();
    }

    protected CodeartifactClient codeartifactClient(RootCredentials keys) {
        return CodeartifactClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials(keys))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** A GET of one of Arca's own endpoints, signed with the server's credentials as any AWS client would. */
    protected java.net.http.HttpResponse<String> signedGet(String pathAndQuery) throws Exception {
        return signedGet(pathAndQuery, server.credentials());
    }

    /** A GET of one of Arca's own endpoints, signed with {@code keys}. */
    protected java.net.http.HttpResponse<String> signedGet(String pathAndQuery, RootCredentials keys)
            throws Exception {
        java.net.URI uri = java.net.URI.create(server.endpoint() + pathAndQuery);
        return java.net.http.HttpClient.newHttpClient().send(TestSigner.signed("GET", uri,
                        keys.accessKeyId(), keys.secretAccessKey(),
                        software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String("")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static StaticCredentialsProvider credentials(RootCredentials keys) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }
}
