package dev.arca.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.arca.core.Constraint;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.Caller;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One control-plane request after authentication: query parameters, the JSON body and the caller, with
 * accessors that validate against the service model and fail with its ValidationException wording.
 */
public final class ApiRequest {

    private final Caller caller;
    private final Map<String, List<String>> query;
    private final JsonNode body;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final InputStream content;

    public ApiRequest(Caller caller, Map<String, List<String>> query, JsonNode body, String baseUrl) {
        this(caller, query, body, baseUrl, Map.of(), InputStream.nullInputStream());
    }

    /** A request whose body is raw content (PublishPackageVersion), read as a stream by the operation. */
    public ApiRequest(Caller caller, Map<String, List<String>> query, JsonNode body, String baseUrl,
                      Map<String, String> headers, InputStream content) {
        this.caller = Objects.requireNonNull(caller);
        this.query = Map.copyOf(query);
        this.body = body == null ? MissingNode.getInstance() : body;
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.headers = Map.copyOf(headers);
        this.content = Objects.requireNonNull(content);
    }

    /** The raw request body, for operations whose payload is not JSON. */
    public InputStream content() {
        return content;
    }

    /** A request header by lower-case name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public boolean queryBoolean(String wireName, String member) {
        List<String> values = query.get(wireName);
        if (values == null || values.isEmpty()) {
            return false;
        }
        return switch (values.getFirst()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.validation("CANNOT_PARSE", "Value '" + values.getFirst() + "' at '" + member
                    + "' is not true or false");
        };
    }

    public Caller caller() {
        return caller;
    }

    /** The server's base URL as this client reaches it, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode body() {
        return body;
    }

    public Optional<String> query(String wireName, String member, Constraint constraint) {
        List<String> values = query.get(wireName);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(check(member, values.getFirst(), constraint));
    }

    public String requiredQuery(String wireName, String member, Constraint constraint) {
        return query(wireName, member, constraint).orElseThrow(() -> missing(member));
    }

    public Optional<Integer> queryInt(String wireName, String member, int min, int max) {
        List<String> values = query.get(wireName);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checkRange(member, parseLong(member, values.getFirst()), min, max)).map(Long::intValue);
    }

    public Optional<Long> queryLong(String wireName, String member, long min, long max) {
        List<String> values = query.get(wireName);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checkRange(member, parseLong(member, values.getFirst()), min, max));
    }

    public Optional<String> bodyString(String member, Constraint constraint) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.validation("CANNOT_PARSE", "Field '" + member + "' must be a string");
        }
        return Optional.of(check(member, node.asText(), constraint));
    }

    public String requiredBodyString(String member, Constraint constraint) {
        return bodyString(member, constraint).orElseThrow(() -> missing(member));
    }

    public Optional<Integer> bodyInt(String member, int min, int max) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw ApiException.validation("CANNOT_PARSE", "Field '" + member + "' must be an integer");
        }
        return Optional.of((int) checkRange(member, node.asLong(), min, max));
    }

    /** A list member of the body, each element mapped; empty when absent. */
    public <T> Optional<List<T>> bodyList(String member, Function<JsonNode, T> element) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw ApiException.validation("CANNOT_PARSE", "Field '" + member + "' must be a list");
        }
        List<T> out = new ArrayList<>();
        node.forEach(item -> out.add(element.apply(item)));
        return Optional.of(out);
    }

    /** A string field of a structure inside the body, validated like a top-level member. */
    public static String requiredField(JsonNode structure, String path, String field, Constraint constraint) {
        JsonNode node = structure.path(field);
        if (!node.isTextual()) {
            throw missing(path + "." + field);
        }
        return check(path + "." + field, node.asText(), constraint);
    }

    static String check(String member, String value, Constraint constraint) {
        constraint.violation(member, value).ifPresent(violation -> {
            throw ApiException.validation("1 validation error detected: " + violation);
        });
        return value;
    }

    private static long parseLong(String member, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.validation("CANNOT_PARSE", "Value '" + value + "' at '" + member + "' is not a number");
        }
    }

    private static long checkRange(String member, long value, long min, long max) {
        if (value < min) {
            throw ApiException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw ApiException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return value;
    }

    static ApiException missing(String member) {
        return ApiException.validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }
}
