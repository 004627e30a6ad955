package dev.arca.server.formats;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A package client's request to a repository endpoint, as format endpoints see it.
 *
 * @param headers       header names lower-cased, first value of each
 * @param body          the request body, read at most once and only by the operation that expects one
 * @param contentLength the declared body length, -1 when not declared
 * @param endpoint      the repository endpoint as this client reached it, ending with {@code /}, for URLs in
 *                      responses (npm tarball links)
 * @param sourceIp      the client's address, for {@code aws:SourceIp} conditions
 */
public record PackageRequest(String method, RepositoryPath path, Map<String, List<String>> query,
                             Map<String, String> headers, InputStream body, long contentLength, String endpoint,
                             String sourceIp) {

    public PackageRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body);
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(sourceIp);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
