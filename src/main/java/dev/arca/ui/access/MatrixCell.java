package dev.arca.ui.access;

import dev.arca.core.iam.PrincipalArn;
import dev.arca.core.iam.SimulationAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cell of the access matrix: may this principal do this ability — the simulator's answer for each action it needs,
 * and, in a "what changes" run, whether the stored policies allowed it; or why the simulator could not answer
 * ({@code problem}, e.g. IAM on AWS refusing to simulate a role with a resource policy).
 */
public record MatrixCell(PrincipalArn principal, Ability ability, List<SimulationAnswer> answers,
                         Optional<Boolean> allowedBefore, Optional<String> problem) {

    public MatrixCell {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(ability, "ability");
        answers = List.copyOf(answers);
        Objects.requireNonNull(allowedBefore, "allowedBefore");
        Objects.requireNonNull(problem, "problem");
    }

    /** Allowed when the simulator answered and allowed every action it needs. */
    public boolean allowed() {
        return problem.isEmpty() && answers.stream().allMatch(SimulationAnswer::allowed);
    }

    /** Whether the draft changes this cell's answer (only in a "what changes" run). */
    public boolean flipped() {
        return allowedBefore.map(before -> before != allowed()).orElse(false);
    }

    /** Why, in sentences: per action its verdict, the statements that decided it and the keys it lacked. */
    public String explanation() {
        if (problem.isPresent()) {
            return principal.describe() + " — " + ability.label() + ": the simulator could not answer.\n"
                    + problem.get();
        }
        String head = principal.describe() + " — " + ability.label() + ": " + (allowed() ? "allowed" : "denied")
                + allowedBefore.filter(before -> before != allowed())
                        .map(before -> before ? " (allowed by the stored policies)" : " (denied by the stored policies)")
                        .orElse("") + ".";
        String body = answers.stream().map(answer -> answer.action() + " on " + answer.resource() + ": "
                + answer.sentence()
                + (answer.statements().isEmpty() ? "" : " Deciding: " + answer.statements().stream()
                        .map(s -> s.describe()).collect(Collectors.joining("; ")) + ".")
                + (answer.missingContextValues().isEmpty() ? "" : " Needs context values: "
                        + String.join(", ", answer.missingContextValues()) + "."))
                .collect(Collectors.joining("\n"));
        return head + "\n" + body;
    }
}
