package dev.arca.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * The evaluator's answer: the verdict, why (in the terms AWS's AccessDenied messages use), the statements that
 * decided it (only the denying ones for an explicit deny; for an implicit deny, the allows that matched but were not
 * enough, e.g. one side of a cross-account request), and the condition keys the policies needed but the request
 * lacked (the simulator's MissingContextValues).
 */
public record Decision(Verdict verdict, Reason reason, List<MatchedStatement> statements,
                       List<String> missingContextValues) {

    /** IAM's EvalDecision. */
    public enum Verdict {
        ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

        private final String wireName;

        Verdict(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** What settled it. */
    public enum Reason {
        ACCOUNT_ROOT, IDENTITY_POLICY_ALLOWS, RESOURCE_POLICY_ALLOWS, BOTH_POLICIES_ALLOW,
        EXPLICIT_DENY_IN_IDENTITY_POLICY, EXPLICIT_DENY_IN_RESOURCE_POLICY,
        NO_IDENTITY_POLICY_ALLOWS, NO_RESOURCE_POLICY_ALLOWS, NO_POLICY_ALLOWS
    }

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        statements = List.copyOf(statements);
        missingContextValues = List.copyOf(missingContextValues);
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }
}
