package dev.arca.core.policy;

import java.util.Objects;
import java.util.Optional;

/** A statement that took part in a decision: its policy, its Sid or index, and where it is written (for the GUI). */
public record MatchedStatement(String policyId, PolicySourceType sourceType, Effect effect, int statementIndex,
                               Optional<String> sid, SourceSpan span) {
    public MatchedStatement {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(span, "span");
    }

    static MatchedStatement of(AttachedPolicy policy, Statement statement) {
        return new MatchedStatement(policy.id(), policy.sourceType(), statement.effect(), statement.index(),
                statement.sid(), statement.span());
    }

    /** {@code policyId/Sid}, or {@code policyId/Statement[i]}. */
    public String label() {
        return policyId + "/" + sid.filter(s -> !s.isEmpty()).orElse("Statement[" + statementIndex + "]");
    }
}
