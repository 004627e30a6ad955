package dev.arca.server.api;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * An operation result whose body is raw bytes streamed to the client (GetPackageVersionAsset), with its
 * headers; the HTTP layer closes the stream.
 */
public record StreamedBody(Map<String, String> headers, long length, InputStream content) {

    public StreamedBody {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(content);
    }
}
