package dev.arca.server.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * GETs against one public registry as every external source makes them: a timeout, the thread's interrupt kept,
 * and one sentence naming the registry for an answer other than 200.
 */
public final class RegistryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI registry;

    /** @param registry the registry's root, which error sentences name */
    public RegistryClient(HttpClient http, URI registry) {
        this.http = Objects.requireNonNull(http);
        this.registry = Objects.requireNonNull(registry);
    }

    /** A configured registry URL as a root relative paths resolve under: with its trailing slash added if missing. */
    public static URI root(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? url : URI.create(text + "/");
    }

    /** Streams {@code uri}, asking for {@code accept}; the caller closes the body. */
    public HttpResponse<InputStream> get(URI uri, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + registry, e);
        }
    }

    /** Fails with a sentence naming the registry and {@code what} unless the answer is 200. */
    public void expectOk(HttpResponse<?> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(registry + " answered " + response.statusCode() + " for " + what);
        }
    }
}
