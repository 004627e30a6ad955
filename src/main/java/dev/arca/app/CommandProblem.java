package dev.arca.app;

import java.util.Objects;

/**
 * Why a headless command stopped, as one plain sentence for stderr, with the exit code it ends with: usage for input
 * the user can fix, failure for work the service did not finish.
 */
final class CommandProblem extends Exception {

    private final int exitCode;

    CommandProblem(String sentence, int exitCode) {
        super(Objects.requireNonNull(sentence));
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
