package dev.arca.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks that a connection works: an Arca server must answer on its health route, and every service must accept the
 * credentials on the cheapest call there is (AWS has no health route). The HTTP client and JSON codec are built on
 * first use, off the UI thread: creating them costs start-up time the window should not wait for.
 */
public final class ConnectionCheck {

    static final String HEALTH_PATH = "/_arca/health";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HttpClient http;
    private ObjectMapper json;

    /** Checks the connection; blocks for a few seconds at most, so never call it on the UI thread. */
    public ConnectionHealth check(CodeArtifactGateway gateway) throws InterruptedException {
        ConnectionProfile profile = gateway.profile();
        boolean aws = profile.kind() == ConnectionKind.AWS;
        ConnectionHealth service = aws ? new ConnectionHealth.Reachable(profile.region()) : health(profile);
        if (!(service instanceof ConnectionHealth.Reachable reachable)) {
            return service;
        }
        try {
            Optional<String> account = gateway.checkAccess();
            return aws && account.isPresent()
                    ? new ConnectionHealth.Reachable("account " + account.get() + " · " + reachable.detail())
                    : reachable;
        } catch (GatewayException e) {
            return new ConnectionHealth.Unreachable(e.getMessage());
        }
    }

    /** Asks an Arca server's health route whether it is up and which version it runs. */
    ConnectionHealth health(ConnectionProfile profile) throws InterruptedException {
        URI health = profile.endpoint().resolve(HEALTH_PATH);
        HttpRequest request = HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new ConnectionHealth.Unreachable(
                        profile.address() + " answered with HTTP " + response.statusCode() + ", not as an Arca server.");
            }
            JsonNode body = codec().readTree(response.body());
            if (!"arca".equals(body.path("service").asText())) {
                return new ConnectionHealth.Unreachable(profile.address() + " is not an Arca server.");
            }
            return new ConnectionHealth.Reachable(profile.address() + " · Arca "
                    + body.path("version").asText("unknown"));
        } catch (ConnectException e) {
            return new ConnectionHealth.Unreachable("Nothing is listening on " + profile.address() + ".");
        } catch (HttpTimeoutException e) {
            return new ConnectionHealth.Unreachable(profile.address() + " did not answer within "
                    + TIMEOUT.toSeconds() + " seconds.");
        } catch (IOException e) {
            return new ConnectionHealth.Unreachable("Could not talk to " + profile.address() + ": " + e.getMessage());
        }
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    private synchronized ObjectMapper codec() {
        if (json == null) {
            json = new ObjectMapper();
        }
        return json;
    }
}
