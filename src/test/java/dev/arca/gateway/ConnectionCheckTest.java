package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionCheckTest {

    @TempDir
    Path dataDir;

    private final ConnectionCheck check = new ConnectionCheck();

    private static ConnectionProfile profile(URI endpoint) {
        return new ConnectionProfile("test", ConnectionKind.ARCA_SERVER, endpoint, "us-east-1");
    }

    @Test
    void aRunningArcaServerIsReachableWithItsAddressAndVersion() throws Exception {
        try (EmbeddedGateway embedded = new EmbeddedGateway(dataDir)) {
            ConnectionHealth health = check.check(embedded.gateway());

            assertThat(health).isInstanceOf(ConnectionHealth.Reachable.class);
            assertThat(((ConnectionHealth.Reachable) health).detail())
                    .startsWith("127.0.0.1:" + embedded.server().port() + " · Arca ");
        }
    }

    @Test
    void aClosedPortIsUnreachableWithAPlainReason() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ConnectionHealth health = check.health(profile(URI.create("http://127.0.0.1:" + port)));

        assertThat(health).isEqualTo(new ConnectionHealth.Unreachable("Nothing is listening on 127.0.0.1:" + port + "."));
    }

    @Test
    void anotherHttpServiceIsNotMistakenForArca() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            ConnectionHealth health = check.health(profile(URI.create("http://127.0.0.1:"
                    + other.getAddress().getPort())));

            assertThat(health).isInstanceOf(ConnectionHealth.Unreachable.class);
            assertThat(((ConnectionHealth.Unreachable) health).reason()).endsWith("is not an Arca server.");
        } finally {
            other.stop(0);
        }
    }
}
