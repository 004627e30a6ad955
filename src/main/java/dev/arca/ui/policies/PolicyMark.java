package dev.arca.ui.policies;

import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.json.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the editor marks in a policy: a local syntax problem, an Access Analyzer finding or the service's
 * refusal, with its place when it has one (end exclusive).
 *
 * @param code the finding's issue code, or a fixed word for the local parse and the service
 */
public record PolicyMark(FindingType type, String code, String message, Optional<Position> start,
                         Optional<Position> end, Optional<String> learnMoreLink) {

    /** The code of a problem the local parser found while typing. */
    public static final String LOCAL = "SYNTAX";
    /** The code of the service's refusal of a save. */
    public static final String REFUSED = "REFUSED";

    public PolicyMark {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(learnMoreLink, "learnMoreLink");
    }

    /** {@code Line 4, column 17: message}, or the message alone when it has no place: what the findings list shows. */
    public String describe() {
        return start.map(p -> "Line " + p.line() + ", column " + (p.column() + 1) + ": ").orElse("") + message;
    }
}
