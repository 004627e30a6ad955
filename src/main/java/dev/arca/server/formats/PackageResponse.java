package dev.arca.server.formats;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** What a format endpoint answers; the HTTP layer writes it, with the headers every package response carries. */
public sealed interface PackageResponse {

    int status();

    /** A JSON document (npm packuments, acknowledgements), serialized by the server's JSON codec. */
    record Json(int status, String contentType, Object body) implements PackageResponse {
        public Json {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(body);
        }

        public static Json ok(Object body) {
            return new Json(200, "application/json", body);
        }
    }

    /**
     * A document the format renders itself, such as a PyPI simple-index page (HTML, or JSON of its own shape).
     * Served with {@code nosniff} and a sandboxing content security policy like every package response.
     */
    record Text(int status, String contentType, String body) implements PackageResponse {
        public Text {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(body);
        }
    }

    /**
     * A rendered document kept by the {@link DocumentCache}, served as it is with a strong validator: a client that
     * already has these bytes ({@code If-None-Match}) is told so with a 304.
     */
    record Document(DocumentCache.Cached document) implements PackageResponse {
        public Document {
            Objects.requireNonNull(document);
        }

        @Override
        public int status() {
            return 200;
        }
    }

    /**
     * A permanent redirect to where a resource properly lives (a PyPI project page under its normalized name).
     *
     * @param location a path on this server or a URL of the requested repository's endpoint
     */
    record Redirect(String location) implements PackageResponse {
        public Redirect {
            Objects.requireNonNull(location);
        }

        @Override
        public int status() {
            return 301;
        }
    }

    /**
     * A file — stored, or generated (Maven metadata, checksums) — streamed as an attachment and never rendered; the
     * stream is closed once written (or at once, for HEAD).
     *
     * @param etag a strong validator, e.g. the content's SHA-256
     */
    record Download(String fileName, String contentType, long size, InputStream content, Optional<String> etag)
            implements PackageResponse {
        public Download {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(content);
            Objects.requireNonNull(etag);
        }

        @Override
        public int status() {
            return 200;
        }
    }
}
