package dev.arca.server.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the client should see, shaped as the AWS SDKs parse it: an HTTP status, an error type sent in
 * {@code x-amzn-ErrorType} (JSON 1.1: {@code __type}), a message and the model's extra members. Services throw
 * it; the HTTP layer writes it in one place.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final Map<String, Object> members;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String message, Map<String, Object> members) {
        this(status, type, message, members, Map.of());
    }

    /** {@code headers} carries the members the model places in headers ({@code Retry-After}). */
    public ApiException(int status, String type, String message, Map<String, Object> members,
                        Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.members = Map.copyOf(members);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException validation(String message) {
        return validation("FIELD_VALIDATION_FAILED", message);
    }

    /** {@code reason} is one of CANNOT_PARSE, ENCRYPTION_KEY_ERROR, FIELD_VALIDATION_FAILED, UNKNOWN_OPERATION, OTHER. */
    public static ApiException validation(String reason, String message) {
        return new ApiException(400, "ValidationException", message, Map.of("reason", reason));
    }

    public static ApiException notFound(String resourceType, String resourceId, String message) {
        return new ApiException(404, "ResourceNotFoundException", message, resource(resourceType, resourceId));
    }

    public static ApiException conflict(String resourceType, String resourceId, String message) {
        return new ApiException(409, "ConflictException", message, resource(resourceType, resourceId));
    }

    public static ApiException quotaExceeded(String resourceType, String resourceId, String message) {
        return new ApiException(402, "ServiceQuotaExceededException", message, resource(resourceType, resourceId));
    }

    public static ApiException accessDenied(String message) {
        return new ApiException(403, "AccessDeniedException", message, Map.of());
    }

    /**
     * ThrottlingException: the model's only member besides the message, {@code retryAfterSeconds}, travels in the
     * {@code Retry-After} header, where the SDKs read it from.
     */
    public static ApiException throttled(String message, long retryAfterSeconds) {
        return new ApiException(429, "ThrottlingException", message, Map.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiException internal(String requestId) {
        return new ApiException(500, "InternalServerException",
                "The server failed to process the request (request id " + requestId + ")", Map.of());
    }

    private static Map<String, Object> resource(String resourceType, String resourceId) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("resourceId", resourceId);
        members.put("resourceType", resourceType);
        return members;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The members the model places in response headers, by header name. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body members besides {@code message}. */
    public Map<String, Object> members() {
        return members;
    }
}
