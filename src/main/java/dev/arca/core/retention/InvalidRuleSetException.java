package dev.arca.core.retention;

import dev.arca.core.policy.json.Position;
import java.util.Objects;

/**
 * A rule set document that cannot be used: {@code detail} says what is wrong in one sentence, {@code position}
 * where (line from 1; column from 0, shown from 1 by {@link Position#describe()}), {@code path} in which field.
 */
public final class InvalidRuleSetException extends RuntimeException {

    private final String detail;
    private final Position position;
    private final String path;

    public InvalidRuleSetException(String detail, Position position, String path) {
        super(Objects.requireNonNull(detail, "detail") + " (" + Objects.requireNonNull(position, "position")
                .describe() + ")");
        this.detail = detail;
        this.position = position;
        this.path = Objects.requireNonNull(path, "path");
    }

    public String detail() {
        return detail;
    }

    public Position position() {
        return position;
    }

    /** The field, e.g. {@code rules[0].selection.versionRegex}; empty for the document itself. */
    public String path() {
        return path;
    }
}
