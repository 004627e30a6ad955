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
        server = LocalServer.start(ServerConfig.embedded(dataDir));
        codeartifact = codeartifactClient(server.credentials());
        kms = KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials(server.credentials()))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
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

    private static StaticCredentialsProvider credentials(RootCredentials keys) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }
}
