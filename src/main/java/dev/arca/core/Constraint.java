package dev.arca.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A field constraint from the CodeArtifact service model: a length range and an optional pattern. It reports a
 * violation in the service's own words, so the server and the GUI's live validation say the same thing.
 */
public record Constraint(int minLength, int maxLength, Optional<Pattern> pattern) {

    public Constraint {
        Objects.requireNonNull(pattern, "pattern");
    }

    public static Constraint of(int minLength, int maxLength, String regex) {
        return new Constraint(minLength, maxLength, Optional.of(Pattern.compile(regex)));
    }

    public static Constraint length(int minLength, int maxLength) {
        return new Constraint(minLength, maxLength, Optional.empty());
    }

    /** Why {@code value} breaks this constraint, as CodeArtifact phrases it; empty when it does not. */
    public Optional<String> violation(String field, String value) {
        if (value.length() < minLength) {
            return Optional.of(describe(field, value, "Member must have length greater than or equal to " + minLength));
        }
        if (value.length() > maxLength) {
            return Optional.of(describe(field, value, "Member must have length less than or equal to " + maxLength));
        }
        if (pattern.isPresent() && !pattern.get().matcher(value).matches()) {
            return Optional.of(describe(field, value,
                    "Member must satisfy regular expression pattern: " + pattern.get().pattern()));
        }
        return Optional.empty();
    }

    public boolean accepts(String value) {
        return violation("value", value).isEmpty();
    }

    private static String describe(String field, String value, String rule) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return "Value '" + shown + "' at '" + field + "' failed to satisfy constraint: " + rule;
    }
}
