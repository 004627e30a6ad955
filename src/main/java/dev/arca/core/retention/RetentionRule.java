package dev.arca.core.retention;

import java.util.Objects;

/**
 * One rule of a rule set: the versions it selects and what it does to them. Rules run by ascending priority; the
 * first rule whose filters match a version decides it (keeps it or acts on it), as in ECR lifecycle policies.
 */
public record RetentionRule(int priority, String description, VersionSelection selection, RetentionAction action) {

    public RetentionRule {
        if (priority < 1) {
            throw new IllegalArgumentException("rulePriority is a whole number of 1 or more, not " + priority);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(action, "action");
    }
}
