package dev.arca.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A KMS key a domain can be encrypted with, as a picker lists it.
 *
 * @param alias the key's alias, if it has one (e.g. {@code alias/team})
 */
public record KeyChoice(String keyArn, Optional<String> alias, String description, boolean awsManaged) {

    public KeyChoice {
        Objects.requireNonNull(keyArn);
        Objects.requireNonNull(alias);
        Objects.requireNonNull(description);
    }

    /** How the key reads in a list: its alias, or its id. */
    public String label() {
        return alias.orElse(keyArn.substring(keyArn.lastIndexOf('/') + 1));
    }
}
