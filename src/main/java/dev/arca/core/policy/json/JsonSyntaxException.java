package dev.arca.core.policy.json;

import java.util.Objects;

/**
 * The text is not JSON: {@code detail} says what is wrong, {@code position} where; the message joins both. Without a
 * stack trace: the policy editor parses on every key and an unfinished policy throws each time; filling in the trace of
 * the recursive reader was 4 % of the FX thread's time while typing, and the position says all there is to say.
 */
public final class JsonSyntaxException extends RuntimeException {

    private final String detail;
    private final Position position;

    public JsonSyntaxException(String detail, Position position) {
        super(Objects.requireNonNull(detail, "detail") + " at " + Objects.requireNonNull(position, "position").describe(),
                null, false, false);
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
