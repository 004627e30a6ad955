package dev.arca.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.arca.core.ArcaVersion;
import dev.arca.server.api.ActivityApi;
import dev.arca.server.api.ApiRequest;
import dev.arca.server.api.ControlPlaneApi;
import dev.arca.server.api.KmsApi;
import dev.arca.server.api.StreamedBody;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.PackageEndpoints;
import dev.arca.server.formats.RepositoryPath;
import dev.arca.server.iam.IamApi;
import dev.arca.server.iam.PolicyValidationApi;
import dev.arca.server.iam.StsApi;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records;
import dev.arca.server.quota.RequestQuotas;
import dev.arca.server.service.AuditLog;
import dev.arca.server.service.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's single entry point: stamps every reply with a request id, authenticates, meters CodeArtifact's
 * request-rate quotas when they are emulated ({@link RequestQuotas}), and dispatches to
 * the health route, the CodeArtifact control plane ({@code /v1/...}, REST-JSON), the local KMS
 * ({@code POST /} with {@code X-Amz-Target: TrentService.*}, JSON 1.1), IAM and STS ({@code POST /} with a form body,
 * query protocol), Access Analyzer's ValidatePolicy ({@code POST /policy/validation}, REST-JSON) or the repository
 * endpoints package clients use ({@code /DOMAIN-OWNER/FORMAT/REPOSITORY/...}). Every failure is written here, in the
 * shape its client parses; internal exception text never reaches a client.
 */
public final class ArcaHttpHandler extends Handler.Abstract {

    public static final String HEALTH_PATH = "/_arca/health";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    static final int MAX_API_BODY = 1 << 20;
    /**
     * The largest declared body read to its end after a refusal so the client hears it (64 MiB: a too-large npm
     * document or upload over a small asset limit, not a client claiming a terabyte).
     */
    private static final long MAX_DRAINED = 64L << 20;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private static final Logger LOG = LoggerFactory.getLogger(ArcaHttpHandler.class);

    private final SigV4Verifier verifier;
    private final ControlPlaneApi controlPlane;
    private final KmsApi kms;
    private final ActivityApi activity;
    private final PackageHttp packages;
    private final IamHttp iam;
    private final AuditLog audit;
    private final AccessAnalyzerHttp accessAnalyzer;
    private final RequestQuotas quotas;
    /** The Host header most recently found well-formed. */
    private volatile String lastHost = "";

    public ArcaHttpHandler(SigV4Verifier verifier, ControlPlaneApi controlPlane, KmsApi kms, ActivityApi activity,
                           PackageEndpoints packages, IamApi iam, StsApi sts, AuditLog audit,
                           PolicyValidationApi policyValidation, RequestQuotas quotas) {
        this.verifier = Objects.requireNonNull(verifier);
        this.controlPlane = Objects.requireNonNull(controlPlane);
        this.kms = Objects.requireNonNull(kms);
        this.activity = Objects.requireNonNull(activity);
        this.packages = new PackageHttp(packages, quotas);
        this.iam = new IamHttp(verifier, iam, sts);
        this.audit = Objects.requireNonNull(audit);
        this.accessAnalyzer = new AccessAnalyzerHttp(verifier, policyValidation);
        this.quotas = Objects.requireNonNull(quotas);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String requestId = requestId();
        response.getHeaders().put(REQUEST_ID_HEADER, requestId);
        String path = request.getHttpURI().getPath();
        Exchange exchange = new Exchange();
        try {
            if (HEALTH_PATH.equals(path)) {
                health(request, response, callback);
                return true;
            } else if (path.startsWith("/v1/")) {
                exchange.operation = controlPlane.operationName(request.getMethod(), path)
                        .orElse(request.getMethod() + " " + path);
                controlPlane(request, response, callback, path, exchange);
            } else if (RepositoryPath.isRepositoryPath(path)) {
                packages.handle(request, response, callback, baseUrl(request), exchange);
            } else if ("/".equals(path) && request.getHeaders().get("X-Amz-Target") != null) {
                exchange.style = Exchange.Style.JSON_RPC;
                exchange.operation = "kms:" + request.getHeaders().get("X-Amz-Target").replace(KmsApi.TARGET_PREFIX, "");
                kms(request, response, callback, exchange);
            } else if ("/".equals(path) && IamHttp.isQueryCall(request)) {
                iam.handle(request, response, callback, exchange);
            } else if (PolicyValidationApi.PATH.equals(path)) {
                exchange.operation = "access-analyzer:ValidatePolicy";
                accessAnalyzer.validatePolicy(request, response, callback, exchange);
            } else if (ActivityApi.EVENTS_PATH.equals(path) || ActivityApi.AUDIT_PATH.equals(path)) {
                activity(request, response, callback, path, exchange);
                return true;
            } else {
                throw new ApiException(404, "ResourceNotFoundException",
                        "No such resource: " + request.getMethod() + " " + path, Map.of());
            }
        } catch (ApiException e) {
            exchange.status = e.status();
            exchange.errorType = e.type();
            drainRefusedBody(request);
            writeError(response, callback, e, exchange);
        } catch (RuntimeException | IOException e) {
            LOG.error("Request {} {} {} failed", requestId, request.getMethod(), path, e);
            exchange.status = 500;
            exchange.errorType = "InternalServerException";
            writeError(response, callback, ApiException.internal(requestId), exchange);
        }
        if (exchange.operation != null) {
            Optional<String> resource = exchange.resource != null ? Optional.of(exchange.resource)
                    : resource(request.getHttpURI().getQuery());
            audit.record(new Records.AuditRow(0, Instant.now(), requestId, Optional.ofNullable(exchange.principal),
                    exchange.operation, resource, exchange.status,
                    Optional.ofNullable(exchange.errorType), (System.nanoTime() - started) / 1_000_000));
        }
        return true;
    }

    /**
     * A fresh request id in UUID form (version 4). Ids tell requests apart in logs and the audit record; they are not
     * secrets, so the thread's own generator does: SecureRandom cost about 1% of a small download.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The coordinates a request names, for the audit log: domain/repository/format/namespace/package@version. */
    static Optional<String> resource(String rawQuery) {
        Map<String, List<String>> query = queryParameters(rawQuery);
        StringBuilder out = new StringBuilder();
        for (String key : List.of("domain", "repository", "source-repository", "format", "namespace", "package")) {
            List<String> values = query.get(key);
            if (values != null && !values.isEmpty()) {
                out.append(out.isEmpty() ? "" : "/").append(values.getFirst());
            }
        }
        List<String> version = query.get("version");
        if (version != null && !version.isEmpty()) {
            out.append('@').append(version.getFirst());
        }
        List<String> arn = query.get("resourceArn");
        if (out.isEmpty() && arn != null && !arn.isEmpty()) {
            out.append(arn.getFirst());
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }

    private void activity(Request request, Response response, Callback callback, String path, Exchange exchange)
            throws IOException {
        if (!HttpMethod.GET.is(request.getMethod())) {
            throw new ApiException(405, "ValidationException", "Only GET is supported on " + path, Map.of());
        }
        Caller caller = verifier.verify(signed(request), readBody(request), "codeartifact")
                .from(Request.getRemoteAddr(request));
        exchange.principal = caller.principalArn();
        ApiRequest apiRequest = new ApiRequest(caller, queryParameters(request.getHttpURI().getQuery()),
                MissingNode.getInstance(), baseUrl(request));
        Object body = ActivityApi.EVENTS_PATH.equals(path) ? activity.events(apiRequest) : activity.audit(apiRequest);
        writeJson(response, callback, HttpStatus.OK_200, "application/json", body);
    }

    private void health(Request request, Response response, Callback callback) throws IOException {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            throw new ApiException(405, "ValidationException", "Only GET is supported on " + HEALTH_PATH, Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("service", "arca");
        body.put("version", ArcaVersion.current());
        writeJson(response, callback, HttpStatus.OK_200, "application/json", body);
    }

    private void controlPlane(Request request, Response response, Callback callback, String path, Exchange exchange)
            throws IOException {
        ControlPlaneApi.Operation operation = controlPlane.operation(request.getMethod(), path);
        ApiRequest apiRequest;
        Caller caller;
        if (ControlPlaneApi.STREAMING_UPLOAD.equals(request.getMethod() + " " + path)) {
            // The body is the asset itself, up to a gigabyte: the signature covers its declared SHA-256, which the
            // operation checks against the bytes as it streams them to disk.
            caller = verifier.verifyDeclaredPayload(signed(request), "codeartifact")
                    .from(Request.getRemoteAddr(request));
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().forEach(f -> headers.put(f.getName().toLowerCase(Locale.ROOT), f.getValue()));
            apiRequest = new ApiRequest(caller, queryParameters(request.getHttpURI().getQuery()),
                    MissingNode.getInstance(), baseUrl(request), headers, Content.Source.asInputStream(request));
        } else {
            byte[] body = readBody(request);
            caller = verifier.verify(signed(request), body, "codeartifact").from(Request.getRemoteAddr(request));
            apiRequest = new ApiRequest(caller, queryParameters(request.getHttpURI().getQuery()), parseJson(body),
                    baseUrl(request));
        }
        exchange.principal = caller.principalArn();
        // Metered once the caller's account is known (a request that fails its signature costs nothing), before
        // the operation runs, so a refused request changes nothing.
        admit(quotas.admitOperation(exchange.operation, caller.accountId()));
        Object result = operation.handle(apiRequest);
        if (result instanceof StreamedBody streamed) {
            writeStream(response, callback, streamed);
        } else {
            writeJson(response, callback, HttpStatus.OK_200, "application/json", result);
        }
    }

    /** Goes on when a quota admitted the request; a refusal is a ThrottlingException (429, Retry-After). */
    static void admit(Optional<RequestQuotas.Refusal> refusal) {
        if (refusal.isPresent()) {
            throw ApiException.throttled(refusal.get().message(), refusal.get().retryAfterSeconds());
        }
    }

    private static void writeStream(Response response, Callback callback, StreamedBody body) throws IOException {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length());
        body.headers().forEach(response.getHeaders()::put);
        try (InputStream content = body.content(); OutputStream out = Content.Sink.asOutputStream(response)) {
            content.transferTo(out);
        } catch (IOException | RuntimeException e) {
            // Headers are gone: the only honest signal left is a connection cut short of Content-Length.
            LOG.warn("Streaming a response failed: {}", e.getMessage());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private void kms(Request request, Response response, Callback callback, Exchange exchange) throws IOException {
        String target = request.getHeaders().get("X-Amz-Target");
        if (!HttpMethod.POST.is(request.getMethod()) || !target.startsWith(KmsApi.TARGET_PREFIX)) {
            throw new ApiException(400, "UnknownOperationException", "Unknown operation " + target, Map.of());
        }
        byte[] body = readBody(request);
        Caller caller = verifier.verify(signed(request), body, "kms").from(Request.getRemoteAddr(request));
        exchange.principal = caller.principalArn();
        JsonNode json = parseJson(body);
        writeJson(response, callback, HttpStatus.OK_200, JSON_11, kms.handle(target, caller, json));
    }

    static byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_API_BODY) {
            throw tooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_API_BODY + 1);
            if (bytes.length > MAX_API_BODY) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    /**
     * Reads and drops what is left of a refused request's body when there is not much of it, so a client still
     * sending (an upload refused for its declared size, say) finishes and reads the answer, instead of having its
     * connection reset under it. A body declared larger than {@link #MAX_DRAINED} is left: the connection closes.
     */
    private static void drainRefusedBody(Request request) {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        // A client that asked to continue has not sent its body: reading it would ask for it.
        boolean waiting = request.getHeaders().contains(HttpHeader.EXPECT, "100-continue");
        if (declared > MAX_DRAINED || (declared <= 0 && !chunked) || waiting) {
            return;
        }
        try {
            InputStream rest = Content.Source.asInputStream(request);
            byte[] sink = new byte[16 * 1024];
            long left = MAX_DRAINED;
            int n;
            while (left > 0 && (n = rest.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent something broken: there is no one left to answer.
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "ValidationException", "The request body is larger than "
                + (MAX_API_BODY >> 20) + " MiB", Map.of("reason", "OTHER"));
    }

    private static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.validation("CANNOT_PARSE", "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.validation("CANNOT_PARSE", "The request body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.validation("CANNOT_PARSE", "The request body could not be read");
        }
    }

    static SigV4Verifier.SignedRequest signed(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
        }
        return new SigV4Verifier.SignedRequest(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), headers);
    }

    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("CANNOT_PARSE", "The query string is not correctly percent-encoded");
        }
    }

    /** The server's address as this client reached it, so endpoints work through whatever host name it used. */
    private String baseUrl(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && (host.equals(lastHost) || HOST.matcher(host).matches())) {
            lastHost = host; // clients repeat the same one: checked once
            return "http://" + host;
        }
        String server = Request.getServerName(request);
        return "http://" + (server.contains(":") ? "[" + server + "]" : server) + ":" + Request.getServerPort(request);
    }

    private static void writeError(Response response, Callback callback, ApiException error, Exchange exchange) {
        error.headers().forEach(response.getHeaders()::put);
        if (exchange.style == Exchange.Style.PACKAGE) {
            PackageHttp.writeError(response, callback, error, exchange.realm);
            return;
        }
        if (exchange.style == Exchange.Style.QUERY) {
            IamHttp.writeError(response, callback, error, exchange.xmlNamespace);
            return;
        }
        boolean jsonRpc = exchange.style == Exchange.Style.JSON_RPC;
        Map<String, Object> body = new LinkedHashMap<>();
        if (jsonRpc) {
            body.put("__type", error.type());
        }
        body.put("message", error.getMessage());
        body.putAll(error.members());
        response.getHeaders().put(ERROR_TYPE_HEADER, error.type());
        try {
            writeJson(response, callback, error.status(), jsonRpc ? JSON_11 : "application/json", body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }

    static void writeJson(Response response, Callback callback, int status, String contentType, Object body)
            throws JsonProcessingException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
