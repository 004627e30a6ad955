package dev.arca.server.iam;

import dev.arca.server.service.Caller;
import java.util.ArrayList;
import java.util.List;
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

    /** A list member as the query protocol sends it: {@code NAME.member.1}, {@code NAME.member.2}, … in order. */
    public List<String> members(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.containsKey(name + ".member." + i); i++) {
            values.add(parameters.get(name + ".member." + i));
        }
        return values;
    }

    /** The caller's account: IAM calls act there. */
    public String account() {
        return caller.accountId();
    }
}
