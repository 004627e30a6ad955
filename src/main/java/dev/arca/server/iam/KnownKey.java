package dev.arca.server.iam;

import dev.arca.server.service.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret behind an access key and whom it identifies; for temporary credentials, the hex SHA-256 of the session
 * token every request made with them must carry (signed) in {@code X-Amz-Security-Token}.
 */
public record KnownKey(String secretAccessKey, Caller caller, Optional<String> sessionTokenSha256) {

    public KnownKey {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(sessionTokenSha256, "sessionTokenSha256");
    }

    /** Long-term credentials: no session token. */
    public KnownKey(String secretAccessKey, Caller caller) {
        this(secretAccessKey, caller, Optional.empty());
    }
}
