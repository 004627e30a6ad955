package dev.arca.core.iam;

import java.util.List;
import java.util.Objects;

/**
 * A condition key's value that a simulated request carries (IAM's {@code ContextEntry}): the key, its type as IAM
 * names it ({@code string}, {@code ip}, {@code date}, {@code stringList}, …) and its values.
 */
public record ContextValue(String key, String type, List<String> values) {
    public ContextValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    /** The IAM type a key of this name takes, from the global keys a live request brings by itself. */
    public static String typeOf(String key) {
        return switch (key.toLowerCase(java.util.Locale.ROOT)) {
            case "aws:sourceip" -> "ip";
            case "aws:currenttime" -> "date";
            case "aws:securetransport", "aws:multifactorauthpresent", "aws:viaawsservice" -> "boolean";
            case "aws:epochtime", "aws:multifactorauthage" -> "numeric";
            default -> "string";
        };
    }
}
