package dev.arca.gateway;

import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import java.nio.file.Path;

/** A real local server with the GUI's gateway connected to it, for ViewModel tests. */
public final class EmbeddedGateway implements AutoCloseable {

    private final LocalServer server;
    private final ClientFactory clients = new ClientFactory(AwsSharedConfig.standard());
    private final CodeArtifactGateway gateway;

    public EmbeddedGateway(Path dataDir) throws Exception {
        server = LocalServer.start(ServerConfig.embedded(dataDir));
        gateway = clients.open(new ConnectionProfile("Local server", ConnectionKind.EMBEDDED, server.endpoint(),
                "us-east-1"), server.credentials().accessKeyId(), server.credentials().secretAccessKey());
    }

    public CodeArtifactGateway gateway() {
        return gateway;
    }

    public LocalServer server() {
        return server;
    }

    @Override
    public void close() {
        gateway.close();
        clients.close();
        server.close();
    }
}
