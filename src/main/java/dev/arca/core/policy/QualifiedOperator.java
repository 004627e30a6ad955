package dev.arca.core.policy;

import java.util.Objects;
import java.util.Optional;

/** A condition operator as written in a policy: optional set qualifier, base operator and IfExists suffix. */
public record QualifiedOperator(Optional<SetQualifier> qualifier, ConditionOperator operator, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";

    /** The set-operator prefixes of §2.4. */
    public enum SetQualifier {
        FOR_ANY_VALUE("ForAnyValue:"), FOR_ALL_VALUES("ForAllValues:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public QualifiedOperator {
        Objects.requireNonNull(qualifier);
        Objects.requireNonNull(operator);
    }

    /** Parses e.g. {@code ForAllValues:StringLikeIfExists}; empty when the name is not an operator.
     *  {@code NullIfExists} parses (the linter reports it) though no evaluator accepts it. */
    public static Optional<QualifiedOperator> parse(String text) {
        String rest = text;
        Optional<SetQualifier> qualifier = Optional.empty();
        for (SetQualifier q : SetQualifier.values()) {
            if (rest.startsWith(q.prefix())) {
                qualifier = Optional.of(q);
                rest = rest.substring(q.prefix().length());
                break;
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS) && rest.length() > IF_EXISTS.length();
        String base = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        Optional<SetQualifier> chosen = qualifier;
        return ConditionOperator.byPolicyName(base).map(op -> new QualifiedOperator(chosen, op, ifExists));
    }

    @Override
    public String toString() {
        return qualifier.map(SetQualifier::prefix).orElse("") + operator.policyName() + (ifExists ? IF_EXISTS : "");
    }
}
