package dev.arca.core.policy;

import java.util.List;

/** An Action/NotAction or Resource/NotResource element: its patterns, and whether it is the {@code Not} form. */
public record PatternList(boolean negated, List<String> patterns) {
    public PatternList {
        patterns = List.copyOf(patterns);
    }
}
