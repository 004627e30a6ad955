package dev.arca.core.policy.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where a value sits in a document: object keys and array indexes from the root, e.g. {@code Statement[0].Action[1]}. */
public record JsonPath(List<Step> steps) {

    /** One step down: into an object member or an array element. */
    public sealed interface Step permits Key, Index { }

    /** An object member by key. */
    public record Key(String name) implements Step {
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An array element by index, from 0. */
    public record Index(int index) implements Step { }

    public static final JsonPath ROOT = new JsonPath(List.of());

    public JsonPath {
        steps = List.copyOf(steps);
    }

    public JsonPath key(String name) {
        return append(new Key(name));
    }

    public JsonPath index(int index) {
        return append(new Index(index));
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    private JsonPath append(Step step) {
        List<Step> next = new ArrayList<>(steps.size() + 1);
        next.addAll(steps);
        next.add(step);
        return new JsonPath(next);
    }

    /** {@code Statement[0].Condition.StringEquals.aws:username}; keys that would be ambiguous are quoted ({@code ["a.b"]}). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            switch (step) {
                case Index i -> out.append('[').append(i.index()).append(']');
                case Key k when needsQuotes(k.name()) ->
                        out.append("[\"").append(k.name().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                case Key k -> out.append(out.isEmpty() ? "" : ".").append(k.name());
            }
        }
        return out.toString();
    }

    private static boolean needsQuotes(String name) {
        return name.isEmpty() || name.chars().anyMatch(c -> c == '.' || c == '[' || c == ']' || c == '"' || c < 0x20);
    }
}
