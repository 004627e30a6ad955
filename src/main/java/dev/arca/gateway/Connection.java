package dev.arca.gateway;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A service the user can switch to, as saved: no secrets, only where the credentials come from. An Arca server is
 * reached at its URL; an AWS account through its profile, so the endpoint follows the AWS conventions
 * ({@code AWS_ENDPOINT_URL*}, the profile's {@code endpoint_url}) or is the service's own.
 *
 * @param id          stable identifier, the key of what is remembered about the connection
 * @param name        what the user calls it
 * @param kind        the kind of service
 * @param url         the Arca server's base URL; empty for the local server (known once it runs) and for AWS
 * @param region      the signing region
 * @param credentials where the credentials come from
 */
public record Connection(String id, String name, ConnectionKind kind, Optional<URI> url, String region,
                         CredentialSource credentials) {

    /** The identifier of the embedded local server's connection, which always exists. */
    public static final String EMBEDDED_ID = "local";

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (url.isPresent() != (kind == ConnectionKind.ARCA_SERVER)) {
            throw new IllegalArgumentException("an Arca server connection, and only one, has a URL");
        }
        if (kind == ConnectionKind.AWS && !(credentials instanceof CredentialSource.SharedProfile)) {
            throw new IllegalArgumentException("an AWS connection uses a profile of the AWS configuration");
        }
    }

    /** The embedded local server's connection. */
    public static Connection embedded(String region) {
        return new Connection(EMBEDDED_ID, ConnectionKind.EMBEDDED.label(), ConnectionKind.EMBEDDED, Optional.empty(),
                region, new CredentialSource.EmbeddedServerKeys());
    }

    public boolean isEmbedded() {
        return kind == ConnectionKind.EMBEDDED;
    }
}
