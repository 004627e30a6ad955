package dev.arca.server.formats;

import dev.arca.core.PackageFormat;
import dev.arca.core.ResourceNames;
import dev.arca.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** RFC 3986 path characters without ';' (path parameters) and with '%' only as an escape. */
    private static final boolean[] RAW = ascii("A-Za-z0-9", "._~!$&'()*+,=:@%/-");
    /** What a decoded segment may hold: visible ASCII but '\\', ';' and '%' ('/' is checked on its own). */
    private static final boolean[] SAFE_DECODED = ascii("!-~", "");
    private static final Pattern SCOPED_NAME = Pattern.compile("@[^/@.][^/@]*/[^/@.][^/@]*");
    private static final int OWNER_LENGTH = 12;
    private static final int MAX_DOMAIN_LENGTH = 50;

    static {
        SAFE_DECODED['\\'] = false;
        SAFE_DECODED[';'] = false;
        SAFE_DECODED['%'] = false;
    }

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
        return rawPath != null && prefixEnd(rawPath) > 0;
    }

    /**
     * Where the first segment ends if it is {@code DOMAIN-OWNER/} — a domain name ({@code [a-z][a-z0-9-]*[a-z0-9]},
     * 2 to 50 characters), a dash, a 12-digit account — and the path goes on after it; -1 otherwise. By hand
     * rather than by regular expression: every package request asks this twice.
     */
    private static int prefixEnd(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return -1;
        }
        int end = rawPath.indexOf('/', 1);
        int dash = end - OWNER_LENGTH - 1;
        int domainLength = dash - 1;
        if (end < 0 || domainLength < 2 || domainLength > MAX_DOMAIN_LENGTH || rawPath.charAt(dash) != '-') {
            return -1;
        }
        for (int i = dash + 1; i < end; i++) {
            if (!isDigit(rawPath.charAt(i))) {
                return -1;
            }
        }
        if (!isLower(rawPath.charAt(1)) || rawPath.charAt(dash - 1) == '-') {
            return -1;
        }
        for (int i = 2; i < dash; i++) {
            char c = rawPath.charAt(i);
            if (!isLower(c) && !isDigit(c) && c != '-') {
                return -1;
            }
        }
        return end;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Which ASCII characters are allowed: {@code ranges} as "a-z…" pairs, plus each of {@code singles}. */
    private static boolean[] ascii(String ranges, String singles) {
        boolean[] allowed = new boolean[128];
        for (int i = 0; i + 2 < ranges.length(); i += 3) {
            for (char c = ranges.charAt(i); c <= ranges.charAt(i + 2); c++) {
                allowed[c] = true;
            }
        }
        singles.chars().forEach(c -> allowed[c] = true);
        return allowed;
    }

    private static boolean only(boolean[] allowed, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= allowed.length || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** Parses the raw (still percent-encoded) path; a 400 ValidationException names what is wrong. */
    public static RepositoryPath parse(String rawPath) {
        if (rawPath.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        if (!only(RAW, rawPath)) {
            throw invalid("contains characters a package path cannot have");
        }
        int prefixEnd = prefixEnd(rawPath);
        if (prefixEnd < 0) {
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
        int dash = prefixEnd - OWNER_LENGTH - 1;
        return new RepositoryPath(rawPath.substring(1, dash), rawPath.substring(dash + 1, prefixEnd), format,
                repository, segments, directory);
    }

    private static String segment(String raw, PackageFormat format) {
        if (raw.isEmpty()) {
            throw invalid("has an empty segment");
        }
        if (raw.indexOf('%') < 0) {
            return checked(raw, format);
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        int at = 0;
        while (at < raw.length()) {
            char c = raw.charAt(at);
            if (c != '%') {
                decoded.append(c);
                at++;
                continue;
            }
            int high = at + 2 < raw.length() ? Character.digit(raw.charAt(at + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(at + 2), 16) : -1;
            if (low < 0) {
                throw invalid("has a malformed percent escape");
            }
            char value = (char) (high * 16 + low);
            if (value == '.') {
                throw invalid("encodes a dot");
            }
            decoded.append(value);
            at += 3;
        }
        return checked(decoded.toString(), format);
    }

    /** A decoded segment, refused if it could name something outside its place. */
    private static String checked(String text, PackageFormat format) {
        if (text.equals(".") || text.equals("..")) {
            throw invalid("has a '" + text + "' segment");
        }
        if (text.contains("/") && !(format == PackageFormat.NPM && SCOPED_NAME.matcher(text).matches())) {
            throw invalid("encodes a '/' inside a segment");
        }
        if (!only(SAFE_DECODED, text.replace("/", ""))) {
            throw invalid("has a segment with a control, non-ASCII, '%', '\\' or ';' character");
        }
        return text;
    }

    private static ApiException invalid(String what) {
        return new ApiException(400, "ValidationException", "The request path " + what, Map.of("reason", "OTHER"));
    }
}
