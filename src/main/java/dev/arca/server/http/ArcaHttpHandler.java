package dev.arca.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arca.core.ArcaVersion;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's single entry point: stamps every reply with a request id and dispatches by path.
 * Errors are written in the shape the AWS SDKs parse ({@code x-amzn-ErrorType} + JSON {@code message}).
 */
public final class ArcaHttpHandler extends Handler.Abstract {

    public static final String HEALTH_PATH = "/_arca/health";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private static final Logger LOG = LoggerFactory.getLogger(ArcaHttpHandler.class);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put(REQUEST_ID_HEADER, requestId);
        try {
            String path = Request.getPathInContext(request);
            if (HEALTH_PATH.equals(path)) {
                if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
                    writeError(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                            "ValidationException", "Only GET is supported on " + HEALTH_PATH);
                    return true;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("service", "arca");
                body.put("version", ArcaVersion.current());
                writeJson(response, callback, HttpStatus.OK_200, body);
                return true;
            }
            writeError(response, callback, HttpStatus.NOT_FOUND_404,
                    "ResourceNotFoundException", "No such resource: " + request.getMethod() + " " + path);
        } catch (RuntimeException | JsonProcessingException e) {
            // Internal detail stays in the log; the client gets the request id to quote.
            LOG.error("Request {} failed", requestId, e);
            writeError(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "InternalServerException", "The server failed to process the request (request id " + requestId + ")");
        }
        return true;
    }

    static void writeError(Response response, Callback callback, int status, String errorType, String message) {
        response.getHeaders().put(ERROR_TYPE_HEADER, errorType);
        try {
            writeJson(response, callback, status, Map.of("message", message));
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }

    static void writeJson(Response response, Callback callback, int status, Object body)
            throws JsonProcessingException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

}
