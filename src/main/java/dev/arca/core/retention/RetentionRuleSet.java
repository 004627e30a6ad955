package dev.arca.core.retention;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An ordered set of retention rules with the guards that hold whatever the rules select (docs/retention-rules.md). */
public record RetentionRuleSet(List<RetentionRule> rules, RetentionGuards guards) {

    public RetentionRuleSet {
        Objects.requireNonNull(guards, "guards");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("A rule set has at least one rule");
        }
        Set<Integer> seen = new HashSet<>();
        for (RetentionRule rule : rules) {
            if (!seen.add(rule.priority())) {
                throw new IllegalArgumentException("Two rules have rulePriority " + rule.priority()
                        + "; each rule needs its own");
            }
        }
        rules = rules.stream().sorted(Comparator.comparingInt(RetentionRule::priority)).toList();
    }
}
