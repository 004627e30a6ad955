package dev.arca.ui.common;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * An action a page offers to the command palette, e.g. "Create repository": what it is called, whether it can run
 * now and what running it does. Pages make them from their own buttons ({@link PageParts#offer}), so the palette
 * runs exactly what the button would.
 */
public record PageCommand(String title, BooleanSupplier enabled, Runnable action) {

    public PageCommand {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(action, "action");
    }
}
