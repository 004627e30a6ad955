package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import java.util.List;
import java.util.Optional;

/** A statement's elements as the lint checks read them; values of the wrong JSON type are already reported and left out. */
record StatementElements(JsonObject statement, Optional<JsonString> effect, Optional<JsonValue> principal,
                         Optional<JsonValue> notPrincipal, List<JsonString> actions, boolean notAction,
                         List<JsonString> resources, boolean notResource, Optional<JsonObject> condition) {

    StatementElements {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    boolean allows() {
        return effect.map(e -> e.value().equals("Allow")).orElse(false);
    }

    /** Whether {@code Principal} is {@code "*"} or {@code {"AWS":"*"}} (possibly among others): everyone, anonymous too. */
    boolean principalIsEveryone() {
        return principal.map(p -> switch (p) {
            case JsonString s -> s.value().equals("*");
            case JsonObject o -> o.get("AWS").map(aws -> switch (aws) {
                case JsonString s -> s.value().equals("*");
                case JsonValue.JsonArray a -> a.elements().stream()
                        .anyMatch(e -> e instanceof JsonString s && s.value().equals("*"));
                default -> false;
            }).orElse(false);
            default -> false;
        }).orElse(false);
    }

    boolean hasConditions() {
        return condition.map(c -> !c.members().isEmpty()).orElse(false);
    }
}
