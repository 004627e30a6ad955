package dev.arca.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the one plain sentence a user reads; the stack trace stays in the log. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return switch (cause) {
            case ConnectException e -> "The service could not be reached. Check that it is running and the address is right.";
            case HttpTimeoutException e -> "The service did not answer in time.";
            case OutOfMemoryError e -> "Arca ran out of memory. Close some windows or raise the heap limit.";
            case IOException e -> sentence(e.getMessage(), "A file or network operation failed.");
            default -> sentence(cause.getMessage(), "Something went wrong (" + cause.getClass().getSimpleName() + ").");
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof UncheckedIOException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String sentence(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String trimmed = message.strip();
        String capitalized = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capitalized.endsWith(".") || capitalized.endsWith("?") || capitalized.endsWith("!")
                ? capitalized : capitalized + ".";
    }
}
