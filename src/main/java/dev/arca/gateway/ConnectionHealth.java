package dev.arca.gateway;

import java.util.Objects;

/** The outcome of checking a connection: reachable, with what it is, or unreachable with a plain reason. */
public sealed interface ConnectionHealth {

    /**
     * The service answered and accepted the credentials.
     *
     * @param detail what is connected, e.g. {@code 127.0.0.1:8080 · Arca 0.1.0} or
     *               {@code account 123456789012 · eu-west-1}
     */
    record Reachable(String detail) implements ConnectionHealth {
        public Reachable {
            Objects.requireNonNull(detail, "detail");
        }
    }

    record Unreachable(String reason) implements ConnectionHealth {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
