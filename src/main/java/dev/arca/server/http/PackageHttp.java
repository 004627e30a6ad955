package dev.arca.server.http;

import dev.arca.server.error.ApiException;
import dev.arca.server.formats.PackageEndpoints;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.formats.RepositoryPath;
import dev.arca.server.json.Json;
import dev.arca.server.quota.RequestQuotas;
import dev.arca.server.store.BlobStore;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Package-client requests over Jetty: the path is parsed once into a {@link RepositoryPath} (a bad one is a 400
 * before anything else happens), the request handed to {@link PackageEndpoints}, and the answer written with
 * the headers every package response carries — {@code X-Content-Type-Options: nosniff} and a sandboxing content
 * security policy, so nothing served is ever rendered; files go out as attachments.
 */
final class PackageHttp {

    private static final Logger LOG = LoggerFactory.getLogger(PackageHttp.class);
    /** Downloads up to this size are read whole and then sent in one write (BlobStore keeps them decrypted). */
    private static final long SMALL_DOWNLOAD = BlobStore.SMALL;

    private final PackageEndpoints endpoints;
    private final RequestQuotas quotas;

    PackageHttp(PackageEndpoints endpoints, RequestQuotas quotas) {
        this.endpoints = Objects.requireNonNull(endpoints);
        this.quotas = Objects.requireNonNull(quotas);
    }

    void handle(Request request, Response response, Callback callback, String baseUrl, Exchange exchange)
            throws IOException {
        exchange.style = Exchange.Style.PACKAGE;
        // Named more precisely as the request is understood: a path refused outright is still on record.
        exchange.operation = "package:" + request.getMethod();
        RepositoryPath path = RepositoryPath.parse(request.getHttpURI().getPath());
        exchange.realm = path.domain() + "-" + path.domainOwner();
        exchange.operation = path.format().wireName() + ":" + request.getMethod();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
        }
        String endpoint = baseUrl + "/" + exchange.realm + "/" + path.format().wireName() + "/" + path.repository()
                + "/";
        PackageRequest packageRequest = new PackageRequest(request.getMethod(), path,
                ArcaHttpHandler.queryParameters(request.getHttpURI().getQuery()), headers,
                Content.Source.asInputStream(request), request.getLength(), endpoint, Request.getRemoteAddr(request));
        if (quotas.enabled()) { // off, not even the header is looked at
            Optional<String> token = packageRequest.header("authorization").flatMap(PackageEndpoints::tokenIn);
            ArcaHttpHandler.admit(quotas.admitPackageRequest(token, packageRequest.sourceIp()));
        }
        PackageEndpoints.Audit audit = new PackageEndpoints.Audit();
        try {
            PackageResponse answer = endpoints.dispatch(packageRequest, audit);
            boolean notModified = notModified(packageRequest, answer);
            exchange.status = notModified ? 304 : answer.status();
            write(response, callback, answer, HttpMethod.HEAD.is(request.getMethod()), notModified);
        } finally {
            audit.principal().ifPresent(p -> exchange.principal = p);
            audit.operation().ifPresent(o -> exchange.operation = o);
            audit.resource().ifPresent(r -> exchange.resource = r);
        }
    }

    /** Whether the client already has what it would be sent: one of its If-None-Match tags is the answer's. */
    static boolean notModified(PackageRequest request, PackageResponse answer) {
        Optional<String> etag = etag(answer);
        Optional<String> ifNoneMatch = request.header("if-none-match");
        if (etag.isEmpty() || ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String tag : ifNoneMatch.get().split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) { // If-None-Match compares weakly
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals("\"" + etag.get() + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The strong validator of what an answer sends, if it has one. */
    private static Optional<String> etag(PackageResponse answer) {
        return switch (answer) {
            case PackageResponse.Document document -> Optional.of(document.document().etag());
            case PackageResponse.Download download -> download.etag();
            default -> Optional.empty();
        };
    }

    private static void write(Response response, Callback callback, PackageResponse answer, boolean head,
                              boolean notModified) throws IOException {
        safetyHeaders(response);
        if (notModified) {
            try (Closeable ignored = answer instanceof PackageResponse.Download d ? d.content() : () -> { }) {
                response.setStatus(304);
                response.getHeaders().put(HttpHeader.ETAG, "\"" + etag(answer).orElseThrow() + "\"");
                response.write(true, ByteBuffer.allocate(0), callback);
            }
            return;
        }
        switch (answer) {
            case PackageResponse.Document document -> {
                response.getHeaders().put(HttpHeader.ETAG, "\"" + document.document().etag() + "\"");
                document(response, callback, 200, document.document().contentType(), document.document().body(),
                        head);
            }
            case PackageResponse.Json json -> document(response, callback, json.status(), json.contentType(),
                    Json.mapper().writeValueAsBytes(json.body()), head);
            case PackageResponse.Text text -> document(response, callback, text.status(), text.contentType(),
                    text.body().getBytes(StandardCharsets.UTF_8), head);
            case PackageResponse.Redirect redirect -> {
                response.setStatus(redirect.status());
                response.getHeaders().put(HttpHeader.LOCATION, redirect.location());
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                response.write(true, ByteBuffer.allocate(0), callback);
            }
            case PackageResponse.Download download -> download(response, callback, download, head);
        }
    }

    private static void document(Response response, Callback callback, int status, String contentType, byte[] bytes,
                                 boolean head) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    private static void download(Response response, Callback callback, PackageResponse.Download download,
                                 boolean head) throws IOException {
        if (download.size() <= SMALL_DOWNLOAD) {
            // Read whole before anything is sent, then written like a document: no wait for the socket, and a blob
            // that cannot be read is still an error answer rather than a cut connection.
            byte[] bytes;
            try (InputStream content = download.content()) {
                bytes = head ? new byte[0] : content.readAllBytes();
            }
            downloadHeaders(response, download);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return;
        }
        downloadHeaders(response, download);
        try (InputStream content = download.content()) {
            if (head) {
                response.write(true, ByteBuffer.allocate(0), callback);
                return;
            }
            try (OutputStream out = new AttachmentBody(response, download.size())) {
                content.transferTo(out);
            }
        } catch (IOException | RuntimeException e) {
            // Headers are gone: the only honest signal left is a connection cut short of Content-Length.
            LOG.warn("Streaming {} failed: {}", download.fileName(), e.getMessage());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static void downloadHeaders(Response response, PackageResponse.Download download) {
        response.setStatus(download.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, download.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, download.size());
        response.getHeaders().put("Content-Disposition", "attachment; filename=\"" + safeFileName(download.fileName())
                + "\"");
        download.etag().ifPresent(tag -> response.getHeaders().put(HttpHeader.ETAG, "\"" + tag + "\""));
    }

    /** An error for a package client: {@code {"error": message}} (npm shows it), with a challenge on 401. */
    static void writeError(Response response, Callback callback, ApiException error, String realm) {
        safetyHeaders(response);
        if (error.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        }
        response.getHeaders().put(ArcaHttpHandler.ERROR_TYPE_HEADER, error.type());
        // A quota a package client can break is the asset size: tell it the way HTTP says "too large".
        int status = error.status() == 402 ? 413 : error.status();
        try {
            ArcaHttpHandler.writeJson(response, callback, status, "application/json",
                    Map.of("error", error.getMessage()));
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    private static void safetyHeaders(Response response) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    /** A file name safe inside a quoted header parameter: ASCII letters, digits, '.', '-' and '_'. */
    static String safeFileName(String name) {
        if (name.isEmpty()) {
            return "download";
        }
        char[] safe = name.toCharArray();
        for (int i = 0; i < safe.length; i++) {
            char c = safe[i];
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '_';
            if (!allowed) {
                safe[i] = '_';
            }
        }
        return new String(safe);
    }
}
