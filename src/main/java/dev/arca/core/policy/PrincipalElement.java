package dev.arca.core.policy;

import java.util.Objects;

/** A statement's Principal ({@code negated} false) or NotPrincipal ({@code negated} true). */
public record PrincipalElement(boolean negated, Principal principal) {
    public PrincipalElement {
        Objects.requireNonNull(principal, "principal");
    }
}
