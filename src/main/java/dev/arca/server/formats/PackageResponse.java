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
