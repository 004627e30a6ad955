package dev.arca.server.formats;

import dev.arca.core.PackageFormat;
import dev.arca.core.ResourceNames;
import dev.arca.server.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path under a repository endpoint, {@code /{domain}-{owner}/{format}/{repository}/{segments...}},
 * parsed once at the HTTP boundary from the path exactly as the client sent it. Nothing that could name a file
 * outside what the path means survives parsing: {@code .} and {@code ..} segments, encoded dots, percent signs
 * (double encoding), backslashes, semicolons, control characters, CR/LF, non-ASCII and empty segments are all
 * refused with a 400. An encoded slash is accepted in one place only: an npm scoped name sent as
 * {@code @scope%2fname}, which stays one segment.
 *
 * @param segments  the decoded segments after the repository
 * @param directory whether the path ends with {@code /}
 */
public record RepositoryPath(String domain, String domainOwner, PackageFormat format, String repository,
                             List<String> segments, boolean directory) {

    private static final Pattern PREFIX = Pattern.compile("/([a-z][a-z0-9-]{0,48}[a-z0-9])-([0-9]{12})/.*");
    /** RFC 3986 path characters without ';' (path parameters) and with '%' only as an escape. */
    private static final Pattern RAW = Pattern.compile("[A-Za-z0-9._~!$&'()*+,=:@%/-]*");
    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final Pattern SCOPED_NAME = Pattern.compile("@[^/@.][^/@]*/[^/@.][^/@]*");
    private static final Pattern SAFE_DECODED = Pattern.compile("[\\x21-\\x7e&&[^\\\\;%]]+");
    private static final int MAX_LENGTH = 2048;

    public RepositoryPath {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(domainOwner);
        Objects.requireNonNull(format);
        Objects.requireNonNull(repository);
        segments = List.copyOf(segments);
    }

    /** Whether a raw path is addressed to a repository endpoint at all (its first segment is domain-owner). */
    public static boolean isRepositoryPath(String rawPath) {
        return rawPath != null && PREFIX.matcher(rawPath).matches();
    }

    /** Parses the raw (still percent-encoded) path; a 400 ValidationException names what is wrong. */
    public static RepositoryPath parse(String rawPath) {
        if (rawPath.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        if (!RAW.matcher(rawPath).matches()) {
            throw invalid("contains characters a package path cannot have");
        }
        Matcher prefix = PREFIX.matcher(rawPath);
        if (!prefix.matches()) {
            throw invalid("does not start with /DOMAIN-OWNER/FORMAT/REPOSITORY/");
        }
        String[] raw = rawPath.split("/", -1);
        if (raw.length < 4) {
            throw invalid("does not name a format and a repository");
        }
        PackageFormat format = PackageFormat.fromWire(raw[2]).orElseThrow(() ->
                invalid("names the format '" + raw[2] + "', which is not one of " + PackageFormat.wireNames()));
        String repository = raw[3];
        if (!ResourceNames.REPOSITORY.accepts(repository)) {
            throw invalid("names the repository '" + repository + "', which is not a valid repository name");
        }
        boolean directory = raw.length == 4 || raw[raw.length - 1].isEmpty();
        int end = directory ? raw.length - 1 : raw.length;
        List<String> segments = new ArrayList<>();
        for (int i = 4; i < end; i++) {
            segments.add(segment(raw[i], format));
        }
        return new RepositoryPath(prefix.group(1), prefix.group(2), format, repository, segments, directory);
    }

    private static String segment(String raw, PackageFormat format) {
        if (raw.isEmpty()) {
            throw invalid("has an empty segment");
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        int at = 0;
        Matcher escape = ESCAPE.matcher(raw);
        while (at < raw.length()) {
            char c = raw.charAt(at);
            if (c != '%') {
                decoded.append(c);
                at++;
                continue;
            }
            if (!escape.find(at) || escape.start() != at) {
                throw invalid("has a malformed percent escape");
            }
            char value = (char) Integer.parseInt(escape.group(1), 16);
            if (value == '.') {
                throw invalid("encodes a dot");
            }
            decoded.append(value);
            at += 3;
        }
        String text = decoded.toString();
        if (text.equals(".") || text.equals("..")) {
            throw invalid("has a '" + text + "' segment");
        }
        if (text.contains("/") && !(format == PackageFormat.NPM && SCOPED_NAME.matcher(text).matches())) {
            throw invalid("encodes a '/' inside a segment");
        }
        if (!SAFE_DECODED.matcher(text.replace("/", "")).matches()) {
            throw invalid("has a segment with a control, non-ASCII, '%', '\\' or ';' character");
        }
        return text;
    }

    private static ApiException invalid(String what) {
        return new ApiException(400, "ValidationException", "The request path " + what, Map.of("reason", "OTHER"));
    }
}
