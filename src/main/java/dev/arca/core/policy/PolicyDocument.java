package dev.arca.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed IAM policy document (policies.md §1.1); read one with {@link PolicyParser}. Immutable; what the evaluator
 * asks of every request about the document as a whole (does any condition name a key?) is worked out once here.
 */
public final class PolicyDocument {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    private final Optional<String> version;
    private final Optional<String> id;
    private final List<Statement> statements;
    /** Every condition key the statements name, lower-cased (keys are case-insensitive). */
    private final Set<String> conditionKeys;

    public PolicyDocument(Optional<String> version, Optional<String> id, List<Statement> statements) {
        this.version = Objects.requireNonNull(version, "version");
        this.id = Objects.requireNonNull(id, "id");
        this.statements = List.copyOf(statements);
        this.conditionKeys = this.statements.stream().flatMap(s -> s.condition().values().stream())
                .flatMap(entries -> entries.keySet().stream()).map(key -> key.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<String> version() {
        return version;
    }

    public Optional<String> id() {
        return id;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** Policy variables work only under {@code 2012-10-17}; elsewhere {@code ${…}} is literal text (§1.9). */
    public boolean variablesEnabled() {
        return version.filter(VERSION_2012::equals).isPresent();
    }

    /** Whether a condition names a key starting with {@code prefix}, compared as IAM compares keys: ignoring case. */
    public boolean namesConditionKeyStartingWith(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        for (String key : conditionKeys) {
            if (key.startsWith(lower)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyDocument that && version.equals(that.version) && id.equals(that.id)
                && statements.equals(that.statements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, id, statements);
    }

    @Override
    public String toString() {
        return "PolicyDocument[version=" + version + ", id=" + id + ", statements=" + statements + "]";
    }
}
