package dev.arca.server.store;

/** A failure of a store itself (the database or the disk), not of the caller's input. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
