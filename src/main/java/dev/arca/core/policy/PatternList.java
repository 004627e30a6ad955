package dev.arca.core.policy;

import java.util.List;

/** An Action/NotAction or Resource/NotResource element: its patterns, and whether it is the {@code Not} form. */
public record PatternList(boolean negated, List<String> patterns) {
    public PatternList {
        patterns = List.copyOf(patterns);
    }

    /** Whether this Action/NotAction element covers {@code action}: wildcards, case-insensitive (§1.7). */
    public boolean coversAction(String action) {
        for (String pattern : patterns) {
            if (WildcardPattern.matches(pattern, action, true)) {
                return !negated;
            }
        }
        return negated;
    }
}
