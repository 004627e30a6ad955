package dev.arca.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element: {@code "*"} ({@link #anyone()}) or a map from kind to values, each a single
 * value or a list in the document.
 */
public record Principal(boolean anyone, Map<PrincipalKind, List<String>> values) {

    public Principal {
        Map<PrincipalKind, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code "Principal": "*"}: everyone, anonymous callers included. */
    public static Principal everyone() {
        return new Principal(true, Map.of());
    }

    public List<String> valuesOf(PrincipalKind kind) {
        return values.getOrDefault(kind, List.of());
    }
}
