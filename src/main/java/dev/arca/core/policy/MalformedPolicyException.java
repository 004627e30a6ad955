package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * A document IAM would refuse with MalformedPolicyDocument (or CodeArtifact with ValidationException for its size and
 * character rules): {@code problem} says what and where. Without a stack trace, like {@link
 * dev.arca.core.policy.json.JsonSyntaxException}: it describes the input, thrown on every key of an unfinished policy.
 */
public final class MalformedPolicyException extends RuntimeException {

    private final PolicyProblem problem;

    public MalformedPolicyException(PolicyProblem problem) {
        super(Objects.requireNonNull(problem, "problem").describe(), null, false, false);
        this.problem = problem;
    }

    public PolicyProblem problem() {
        return problem;
    }

    /** What is wrong with a policy and where: {@code reason} alone is the service's wording, without the place. */
    public record PolicyProblem(Kind kind, String reason, Optional<JsonPath> path, Optional<Position> position) {

        /** Which service error the problem maps to. */
        public enum Kind {
            /** IAM MalformedPolicyDocument (and CodeArtifact ValidationException with the same text). */
            MALFORMED,
            /** A CodeArtifact length or character-pattern constraint: ValidationException. */
            CONSTRAINT
        }

        public PolicyProblem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(position, "position");
        }

        /** {@code reason (at Statement[0].Effect, line 4, column 17)}, or the reason alone when it has no place. */
        public String describe() {
            if (position.isEmpty()) {
                return reason;
            }
            String where = path.filter(p -> !p.isRoot()).map(p -> p + ", ").orElse("");
            return reason + " (at " + where + position.get().describe() + ")";
        }
    }
}
