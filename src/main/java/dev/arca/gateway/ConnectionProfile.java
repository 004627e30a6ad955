package dev.arca.gateway;

import java.net.URI;
import java.util.Objects;

/**
 * A service the GUI can talk to. Holds no secrets: credentials are resolved when a client is built.
 *
 * @param name     what the user calls it
 * @param kind     the kind of service
 * @param endpoint base URL of the service
 * @param region   signing region
 */
public record ConnectionProfile(String name, ConnectionKind kind, URI endpoint, String region) {

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
    }

    /** The endpoint as people say it: {@code host:port}. */
    public String address() {
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }
}
