package dev.arca.gateway;

import java.util.Objects;
import java.util.Optional;

/** A service call that failed, with the plain sentence a user reads and the service's error code. */
public final class GatewayException extends RuntimeException {

    private final Optional<String> errorCode;

    public GatewayException(String sentence, Optional<String> errorCode, Throwable cause) {
        super(Objects.requireNonNull(sentence), cause);
        this.errorCode = Objects.requireNonNull(errorCode);
    }

    /** The AWS error code, e.g. {@code ConflictException}, when the service gave one. */
    public Optional<String> errorCode() {
        return errorCode;
    }
}
