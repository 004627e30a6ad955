package dev.arca.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a policy. {@code condition} maps operator → key → values in written order; numbers and booleans
 * are kept as their JSON text.
 */
public record Statement(int index, Optional<String> sid, Effect effect, Optional<PrincipalElement> principal,
                        PatternList actions, PatternList resources,
                        Map<String, Map<String, List<String>>> condition, SourceSpan span) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(span, "span");
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        condition.forEach((operator, entries) -> {
            Map<String, List<String>> inner = new LinkedHashMap<>();
            entries.forEach((key, values) -> inner.put(key, List.copyOf(values)));
            copy.put(operator, Collections.unmodifiableMap(inner));
        });
        condition = Collections.unmodifiableMap(copy);
    }

    /** The Sid, or {@code Statement[i]} when it has none: how people find it again. */
    public String label() {
        return sid.filter(s -> !s.isEmpty()).orElse("Statement[" + index + "]");
    }
}
