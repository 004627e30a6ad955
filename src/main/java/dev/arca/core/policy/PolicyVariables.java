package dev.arca.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Policy variables (§1.9): {@code ${aws:username}}, defaults {@code ${key, 'value'}}, and the escapes {@code ${*}},
 * {@code ${?}}, {@code ${$}}. Splits a value into pieces so a wildcard an escape produced stays literal.
 */
final class PolicyVariables {

    /** A piece of a value after substitution: literal text, or a wildcard character written as such. */
    sealed interface Piece permits Literal, Wildcard { }

    record Literal(String text) implements Piece { }

    /** {@code *} or {@code ?} written in the policy (not produced by an escape or a variable's value). */
    record Wildcard(char symbol) implements Piece { }

    private PolicyVariables() {
    }

    /**
     * The pieces of {@code value} with variables replaced from {@code context} (case-insensitive keys); empty when a
     * variable has no single value and no default, after adding its key to {@code missing}.
     */
    static Optional<List<Piece>> substitute(String value, boolean variablesEnabled, Map<String, List<String>> context,
                                            Set<String> missing) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int close = variablesEnabled && value.startsWith("${", i) ? value.indexOf('}', i + 2) : -1;
            if (close > 0) {
                String inside = value.substring(i + 2, close);
                Optional<String> replacement = switch (inside) {
                    case "*", "?", "$" -> Optional.of(inside);
                    default -> lookUp(inside, context, missing);
                };
                if (replacement.isEmpty()) {
                    return Optional.empty();
                }
                literal.append(replacement.get());
                i = close + 1;
            } else if (c == '*' || c == '?') {
                flush(literal, pieces);
                pieces.add(new Wildcard(c));
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, pieces);
        return Optional.of(pieces);
    }

    /** {@code value} with variables replaced and no wildcard meaning kept (for condition values); empty if missing. */
    static Optional<String> substituteText(String value, boolean variablesEnabled, Map<String, List<String>> context,
                                           Set<String> missing) {
        return substitute(value, variablesEnabled, context, missing).map(pieces -> {
            StringBuilder out = new StringBuilder();
            pieces.forEach(p -> out.append(switch (p) {
                case Literal l -> l.text();
                case Wildcard w -> String.valueOf(w.symbol());
            }));
            return out.toString();
        });
    }

    private static Optional<String> lookUp(String inside, Map<String, List<String>> context, Set<String> missing) {
        int comma = inside.indexOf(',');
        String key = (comma < 0 ? inside : inside.substring(0, comma)).trim();
        Optional<String> fallback = Optional.empty();
        if (comma >= 0) {
            String d = inside.substring(comma + 1).trim();
            if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                fallback = Optional.of(d.substring(1, d.length() - 1));
            }
        }
        List<String> values = context.getOrDefault(key, List.of());
        if (values.size() == 1) {
            return Optional.of(values.getFirst());
        }
        if (fallback.isPresent()) {
            return fallback;
        }
        missing.add(key);
        return Optional.empty();
    }

    private static void flush(StringBuilder literal, List<Piece> pieces) {
        if (!literal.isEmpty()) {
            pieces.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
