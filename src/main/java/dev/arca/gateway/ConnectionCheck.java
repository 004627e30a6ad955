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

/**
 * Asks an Arca server whether it is up, through its health route. The HTTP client and JSON codec are
 * built on first use, off the UI thread: creating them costs start-up time the window should not wait for.
 */
public final class ConnectionCheck {

    static final String HEALTH_PATH = "/_arca/health";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HttpClient http;
    private ObjectMapper json;

    /** Checks the connection; blocks for up to a few seconds, so never call it on the UI thread. */
    public ConnectionHealth check(ConnectionProfile profile) throws InterruptedException {
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
            return new ConnectionHealth.Reachable(body.path("version").asText("unknown"));
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
