package dev.arca.gateway;

import java.util.Objects;

/** The outcome of checking a connection: reachable with a version, or unreachable with a plain reason. */
public sealed interface ConnectionHealth {

    record Reachable(String serviceVersion) implements ConnectionHealth {
        public Reachable {
            Objects.requireNonNull(serviceVersion, "serviceVersion");
        }
    }

    record Unreachable(String reason) implements ConnectionHealth {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
