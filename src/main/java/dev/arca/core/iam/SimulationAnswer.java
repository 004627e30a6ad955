package dev.arca.core.iam;

import dev.arca.core.policy.Decision;
import java.util.List;
import java.util.Objects;

/**
 * The simulator's answer to "may this principal do this action on this resource": IAM's EvalDecision, the statements
 * that decided it and the condition keys the policies need but the question did not give. For a principal of another
 * account it is {@code thisAccountOnly}: IAM answered for the resource's account, whose half of a cross-account request
 * it is; the principal's own account must allow it too (its root always does).
 */
public record SimulationAnswer(String action, String resource, Decision.Verdict verdict,
                               List<DecidingStatement> statements, List<String> missingContextValues,
                               boolean thisAccountOnly) {
    public SimulationAnswer {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(verdict, "verdict");
        statements = List.copyOf(statements);
        missingContextValues = List.copyOf(missingContextValues);
    }

    public boolean allowed() {
        return verdict == Decision.Verdict.ALLOWED;
    }

    /** The verdict as a sentence: "Allowed.", "Denied by an explicit Deny.", "Denied: no statement allows it." */
    public String sentence() {
        return switch (verdict) {
            case ALLOWED -> thisAccountOnly ? "Allowed here; the principal's own account must allow it too."
                    : "Allowed.";
            case EXPLICIT_DENY -> "Denied by an explicit Deny.";
            case IMPLICIT_DENY -> statements.isEmpty() ? "Denied: no statement allows it."
                    : "Denied: the statements that allow it are not enough (across accounts both sides must allow).";
        };
    }
}
