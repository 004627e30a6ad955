package dev.arca.server.formats;

import dev.arca.server.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) read one part at a time as it streams, so a file part goes straight
 * to wherever its reader sends it and is never held in memory. Part headers are bounded; a part's bytes are not —
 * the caller reads them under its own budget ({@link #text} for fields, a staging limit for files), and the
 * whole body is best read through a {@link BoundedBody}. Malformed input is a 400.
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)multipart/form-data\\s*;(?:.*;)?\\s*boundary=(?:\"([^\"]{1,70})\"|([^\\s;\"]{1,70}))\\s*(?:;.*)?");
    private static final int MAX_HEADER_BYTES = 8192;
    private static final int BUFFER = 64 * 1024;

    /**
     * One part: its field name, the file name when it is a file, and its bytes, readable until the next part is
     * asked for.
     */
    public record Part(String name, Optional<String> fileName, InputStream content) {
        public Part {
            Objects.requireNonNull(name);
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(content);
        }
    }

    private final InputStream in;
    /** CR LF "--" boundary: what ends every part. */
    private final byte[] delimiter;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    private boolean finished;
    /** No delimiter starts in the buffer before this index. */
    private int scanFrom;
    private PartContent current;

    private MultipartForm(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER + delimiter.length];
        // The first boundary has no line break before it; pretend it has, so every boundary looks the same.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** A form read from {@code body}, whose boundary comes from the request's Content-Type. */
    public static MultipartForm of(InputStream body, Optional<String> contentType) {
        Matcher matcher = BOUNDARY.matcher(contentType.orElse("").strip());
        if (!matcher.matches()) {
            throw ApiException.validation("The body must be multipart/form-data with a boundary");
        }
        return new MultipartForm(Objects.requireNonNull(body),
                matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /** Whether a Content-Type names a multipart form at all. */
    public static boolean isForm(Optional<String> contentType) {
        return contentType.map(t -> t.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
                .orElse(false);
    }

    /** The next part, after skipping what is left of the current one; empty after the closing boundary. */
    public Optional<Part> next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        } else if (!finished) {
            // Before the first part: skip the preamble up to the first boundary.
            new PartContent().skipRest();
        }
        if (finished) {
            return Optional.empty();
        }
        Map<String, String> headers = headers();
        Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
        String name = disposition.get("name");
        if (!disposition.containsKey("form-data") || name == null) {
            throw ApiException.validation("A form part has no Content-Disposition: form-data with a name");
        }
        current = new PartContent();
        return Optional.of(new Part(name, Optional.ofNullable(disposition.get("filename")), current));
    }

    /** A field's value as UTF-8 text, refused past {@code maxBytes}. */
    public static String text(Part part, int maxBytes) throws IOException {
        byte[] bytes = part.content().readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw ApiException.validation("The form field " + part.name() + " is longer than " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads what follows a boundary: "--" ends the form, otherwise the part's header lines. */
    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int budget = MAX_HEADER_BYTES;
        String line;
        while (!(line = line(budget)).isEmpty()) {
            budget -= line.length() + 2;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw ApiException.validation("A form part has a malformed header line");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** One CRLF-terminated line, as ISO-8859-1, within {@code budget} bytes. */
    private String line(int budget) throws IOException {
        StringBuilder out = new StringBuilder();
        while (true) {
            if (!fill(1)) {
                throw ApiException.validation("The form ends inside a part's headers");
            }
            byte b = buffer[position++];
            if (b == '\n' && !out.isEmpty() && out.charAt(out.length() - 1) == '\r') {
                out.setLength(out.length() - 1);
                return out.toString();
            }
            out.append((char) (b & 0xff));
            if (out.length() > budget) {
                throw ApiException.validation("A form part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    /** Makes at least {@code wanted} bytes available after {@code position}, unless the body ends first. */
    private boolean fill(int wanted) throws IOException {
        if (limit - position >= wanted) {
            return true;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            scanFrom = Math.max(0, scanFrom - position);
            position = 0;
        }
        while (limit < wanted && !eof) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return limit - position >= wanted;
    }

    /** Where the delimiter starts in the buffered bytes, or -1. */
    private int delimiterAt() {
        int from = Math.max(position, scanFrom);
        outer:
        for (int i = from; i <= limit - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        scanFrom = Math.max(from, limit - delimiter.length + 1);
        return -1;
    }

    /** A part's bytes: everything up to the next delimiter. */
    private final class PartContent extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            boolean enough = fill(delimiter.length + 2);
            int at = delimiterAt();
            if (at < 0 && !enough) {
                throw ApiException.validation("The form ends without its closing boundary");
            }
            if (at == position) {
                endOfPart();
                return -1;
            }
            // Without a delimiter in sight, hold back what could be the start of one.
            int n = Math.min(length, at >= 0 ? at - position : limit - position - delimiter.length + 1);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // Skipping.
            }
        }

        /** Consumes the delimiter and what follows it: "--" (the end) or a line break (another part). */
        private void endOfPart() throws IOException {
            done = true;
            position += delimiter.length;
            if (!fill(2)) {
                throw ApiException.validation("The form ends right after a boundary");
            }
            if (buffer[position] == '-' && buffer[position + 1] == '-') {
                finished = true;
                position += 2;
                return;
            }
            while (fill(1) && (buffer[position] == ' ' || buffer[position] == '\t')) {
                position++;
            }
            if (!fill(2) || buffer[position] != '\r' || buffer[position + 1] != '\n') {
                throw ApiException.validation("A form boundary is not followed by a line break");
            }
            position += 2;
        }
    }

    /** {@code form-data; name="x"; filename="y"} as a map; the bare first token maps to itself. */
    static Map<String, String> parameters(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        int at = 0;
        boolean first = true;
        while (at < header.length()) {
            int end = at;
            StringBuilder value = new StringBuilder();
            String key = null;
            boolean quoted = false;
            for (; end < header.length(); end++) {
                char c = header.charAt(end);
                if (quoted) {
                    if (c == '\\' && end + 1 < header.length()) {
                        value.append(header.charAt(++end));
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        value.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ';') {
                    break;
                } else if (c == '=' && key == null) {
                    key = value.toString().strip().toLowerCase(Locale.ROOT);
                    value.setLength(0);
                } else {
                    value.append(c);
                }
            }
            if (quoted) {
                throw ApiException.validation("A form part's header has an unterminated quoted string");
            }
            if (key == null) {
                String token = value.toString().strip().toLowerCase(Locale.ROOT);
                if (first && !token.isEmpty()) {
                    out.put(token, token);
                }
            } else {
                out.putIfAbsent(key, key.equals("filename") || key.equals("name") ? value.toString()
                        : value.toString().strip());
            }
            first = false;
            at = end + 1;
        }
        return out;
    }
}
