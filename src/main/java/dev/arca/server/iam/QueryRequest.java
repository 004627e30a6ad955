package dev.arca.server.iam;

import dev.arca.server.service.Caller;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One IAM or STS query-protocol call: who signed it and its form parameters ({@code Action} among them). */
public record QueryRequest(Caller caller, Map<String, String> parameters) {

    public QueryRequest {
        Objects.requireNonNull(caller, "caller");
        parameters = Map.copyOf(parameters);
    }

    public String action() {
        return parameters.getOrDefault("Action", "");
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** A required parameter, refused as IAM refuses a missing one. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> IamException.validation("1 validation error detected: Value null at '"
                + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                + "' failed to satisfy constraint: Member must not be null"));
    }

    public Optional<Integer> integer(String name) {
        return optional(name).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw IamException.validation("Invalid value for " + name + ": " + value);
            }
        });
    }

    /** The caller's account: IAM calls act there. */
    public String account() {
        return caller.accountId();
    }
}
