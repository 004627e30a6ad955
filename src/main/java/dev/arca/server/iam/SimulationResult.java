package dev.arca.server.iam;

import dev.arca.core.policy.Decision.Verdict;
import dev.arca.core.policy.MatchedStatement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** IAM's {@code EvaluationResult} for one action on one resource (policies.md §5.2). */
public record SimulationResult(String evalActionName, String evalResourceName, Verdict evalDecision,
                               List<MatchedStatement> matchedStatements, List<String> missingContextValues,
                               Optional<Map<String, Verdict>> evalDecisionDetails,
                               List<ResourceSpecificResult> resourceSpecificResults) {

    /** {@code EvalDecisionDetails} keys: the decision of the identity side and of the resource side alone. */
    public static final String IDENTITY_POLICY_DETAIL = "IAM Policy";
    public static final String RESOURCE_POLICY_DETAIL = "Resource Policy";

    public SimulationResult {
        Objects.requireNonNull(evalActionName, "evalActionName");
        Objects.requireNonNull(evalResourceName, "evalResourceName");
        Objects.requireNonNull(evalDecision, "evalDecision");
        matchedStatements = List.copyOf(matchedStatements);
        missingContextValues = List.copyOf(missingContextValues);
        evalDecisionDetails = evalDecisionDetails.map(Map::copyOf);
        resourceSpecificResults = List.copyOf(resourceSpecificResults);
    }

    /** IAM's {@code ResourceSpecificResult}: the same answer seen from one named resource. */
    public record ResourceSpecificResult(String evalResourceName, Verdict evalResourceDecision,
                                         List<MatchedStatement> matchedStatements, List<String> missingContextValues,
                                         Map<String, Verdict> evalDecisionDetails) {
        public ResourceSpecificResult {
            Objects.requireNonNull(evalResourceName, "evalResourceName");
            Objects.requireNonNull(evalResourceDecision, "evalResourceDecision");
            matchedStatements = List.copyOf(matchedStatements);
            missingContextValues = List.copyOf(missingContextValues);
            evalDecisionDetails = Map.copyOf(evalDecisionDetails);
        }
    }

    /**
     * IAM's {@code Statement} position of a matched statement: line from 1 and, as people count it in an editor,
     * column from 1 (the evaluator's spans count columns from 0; IAM's base is unverified, policies.md §5.3).
     */
    public record StatementPosition(int line, int column) {

        public static StatementPosition start(MatchedStatement statement) {
            return new StatementPosition(statement.span().start().line(), statement.span().start().column() + 1);
        }

        public static StatementPosition end(MatchedStatement statement) {
            return new StatementPosition(statement.span().end().line(), statement.span().end().column() + 1);
        }
    }
}
