package dev.arca.server.http;

import dev.arca.server.error.ApiException;
import dev.arca.server.iam.KeyLookup;
import dev.arca.server.iam.KnownKey;
import dev.arca.server.service.Caller;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on incoming requests, the way AWS does: rebuilds the canonical request
 * from what arrived, derives the signing key from the caller's secret, and compares signatures in constant
 * time. Accepts both the Java SDK style (signed {@code x-amz-content-sha256}, checked against the body) and
 * the AWS CLI style (payload hash computed here). Any region; the service name must match.
 */
public final class SigV4Verifier {

    /** What the verifier needs of a request; header names lower-case, values as received. */
    public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {
        public SignedRequest {
            Objects.requireNonNull(method);
            Objects.requireNonNull(rawPath);
            Objects.requireNonNull(headers);
        }

        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
        }
    }

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/([0-9]{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,"
                    + "\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final KeyLookup keys;
    private final Clock clock;

    public SigV4Verifier(KeyLookup keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the caller of a correctly signed request.
     *
     * @throws ApiException 403 with the error code AWS clients expect when the request is unsigned, signed
     *                      with an unknown key, badly signed, for another service, or outside the clock-skew window
     */
    public Caller verify(SignedRequest request, byte[] body, String service) {
        return verify(request, service, signedHeaders -> payloadHash(request, body, signedHeaders));
    }

    /**
     * Verifies a request whose body is not read yet, taking the payload hash from its (signed)
     * {@code x-amz-content-sha256} header; the caller must check the body against that hash as it reads it.
     */
    public Caller verifyDeclaredPayload(SignedRequest request, String service) {
        return verify(request, service, signedHeaders -> {
            String declared = request.header("x-amz-content-sha256").orElseThrow(() -> incomplete(
                    "A request with a streamed body must declare its SHA-256 in x-amz-content-sha256."));
            if (!signedHeaders.contains("x-amz-content-sha256")) {
                throw incomplete("x-amz-content-sha256 must be a signed header.");
            }
            return declared.strip();
        });
    }

    private Caller verify(SignedRequest request, String service,
                          java.util.function.Function<List<String>, String> payloadHash) {
        String authorization = request.header("authorization").orElseThrow(() -> new ApiException(403,
                "MissingAuthenticationTokenException", "Missing Authentication Token", Map.of()));
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters"
                    + " for the AWS4-HMAC-SHA256 algorithm.");
        }
        String accessKeyId = m.group(1);
        String scopeDate = m.group(2);
        String region = m.group(3);
        String scopeService = m.group(4);
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        String signature = m.group(6);

        KnownKey key = keys.find(accessKeyId).orElseThrow(SigV4Verifier::unrecognized);
        if (!scopeService.equals(service)) {
            throw invalidSignature("Credential should be scoped to correct service: '" + service + "'.");
        }
        String amzDate = request.header("x-amz-date").orElseThrow(() -> incomplete(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date '" + amzDate + "' is not in the form yyyyMMddTHHmmssZ.");
        }
        if (!amzDate.startsWith(scopeDate)) {
            throw invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (!signedHeaders.contains("host")) {
            throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        String bodyHash = payloadHash.apply(signedHeaders);
        String canonicalRequest = request.method() + "\n"
                + canonicalUri(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + canonicalHeaders(request, signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + bodyHash;
        String scope = scopeDate + "/" + region + "/" + scopeService + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(utf8(canonicalRequest)));
        byte[] signingKey = hmac(hmac(hmac(hmac(utf8("AWS4" + key.secretAccessKey()), scopeDate), region), scopeService),
                "aws4_request");
        byte[] expected = utf8(hex(hmac(signingKey, stringToSign)));
        if (!MessageDigest.isEqual(expected, utf8(signature))) {
            throw invalidSignature("The request signature we calculated does not match the signature you provided."
                    + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        if (key.sessionTokenSha256().isPresent()) {
            checkSession(request, signedHeaders, key, now);
        }
        return key.caller();
    }

    /** Temporary credentials work only with their session token, signed, and only until they expire. */
    private static void checkSession(SignedRequest request, List<String> signedHeaders, KnownKey key, Instant now) {
        Optional<String> token = request.header("x-amz-security-token");
        if (token.isEmpty() || !signedHeaders.contains("x-amz-security-token")
                || !MessageDigest.isEqual(utf8(key.sessionTokenSha256().orElseThrow()),
                utf8(hex(sha256(utf8(token.get().strip())))))) {
            throw unrecognized();
        }
        if (key.caller().sessionExpiry().filter(now::isAfter).isPresent()) {
            throw new ApiException(403, "ExpiredTokenException", "The security token included in the request is expired",
                    Map.of());
        }
    }

    private static ApiException unrecognized() {
        return new ApiException(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.", Map.of());
    }

    private static String payloadHash(SignedRequest request, byte[] body, List<String> signedHeaders) {
        String actual = hex(sha256(body));
        Optional<String> declared = request.header("x-amz-content-sha256");
        if (declared.isEmpty()) {
            return actual;
        }
        String value = declared.get().strip();
        if (UNSIGNED_PAYLOAD.equals(value) && signedHeaders.contains("x-amz-content-sha256")) {
            return value;
        }
        if (!value.equals(actual)) {
            throw new ApiException(400, "InvalidSignatureException",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.", Map.of());
        }
        return value;
    }

    /** The path as received, URI-encoded once more (non-S3 services double-encode), '/' kept. */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return encode(rawPath, false);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            sorted.computeIfAbsent(encode(decode(name), true), k -> new ArrayList<>()).add(encode(decode(value), true));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
        return String.join("&", parts);
    }

    private static String canonicalHeaders(SignedRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw invalidSignature("Signed header '" + name + "' is missing from the request.");
            }
            List<String> trimmed = values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).toList();
            out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (and '/' when {@code encodeSlash} is false). */
    static String encode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(value)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static ApiException invalidSignature(String message) {
        return new ApiException(403, "InvalidSignatureException", message, Map.of());
    }

    private static ApiException incomplete(String message) {
        return new ApiException(403, "IncompleteSignatureException", message, Map.of());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
