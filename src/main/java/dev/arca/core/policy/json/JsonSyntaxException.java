package dev.arca.core.policy.json;

import java.util.Objects;

/** The text is not JSON: {@code detail} says what is wrong, {@code position} where; the message joins both. */
public final class JsonSyntaxException extends RuntimeException {

    private final String detail;
    private final Position position;

    public JsonSyntaxException(String detail, Position position) {
        super(Objects.requireNonNull(detail, "detail") + " at " + Objects.requireNonNull(position, "position").describe());
        this.detail = detail;
        this.position = position;
    }

    public String detail() {
        return detail;
    }

    public Position position() {
        return position;
    }
}
