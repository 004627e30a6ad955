package dev.arca.ui.access;

import dev.arca.core.iam.PrincipalArn;
import dev.arca.core.iam.SimulationAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cell of the access matrix: may this principal do this ability — the simulator's answer for each action it needs,
 * and, in a "what changes" run, whether the stored policies allowed it.
 */
public record MatrixCell(PrincipalArn principal, Ability ability, List<SimulationAnswer> answers,
                         Optional<Boolean> allowedBefore) {

    public MatrixCell {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(ability, "ability");
        answers = List.copyOf(answers);
        Objects.requireNonNull(allowedBefore, "allowedBefore");
    }

    /** Allowed when every action it needs is. */
    public boolean allowed() {
        return answers.stream().allMatch(SimulationAnswer::allowed);
    }

    /** Whether the draft changes this cell's answer (only in a "what changes" run). */
    public boolean flipped() {
        return allowedBefore.map(before -> before != allowed()).orElse(false);
    }

    /** Why, in sentences: per action its verdict, the statements that decided it and the keys it lacked. */
    public String explanation() {
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
