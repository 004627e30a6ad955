package dev.arca.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed IAM policy document (policies.md §1.1); read one with {@link PolicyParser}. */
public record PolicyDocument(Optional<String> version, Optional<String> id, List<Statement> statements) {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        statements = List.copyOf(statements);
    }

    /** Policy variables work only under {@code 2012-10-17}; elsewhere {@code ${…}} is literal text (§1.9). */
    public boolean variablesEnabled() {
        return version.filter(VERSION_2012::equals).isPresent();
    }
}
