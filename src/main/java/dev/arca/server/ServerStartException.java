package dev.arca.server;

/** The local server could not start for a reason the user can fix; the message is one plain sentence. */
public final class ServerStartException extends Exception {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
