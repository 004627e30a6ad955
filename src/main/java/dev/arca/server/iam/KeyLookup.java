package dev.arca.server.iam;

import java.util.Optional;

/** Finds the key a request claims to be signed with: what SigV4 verification asks of the server's principals. */
@FunctionalInterface
public interface KeyLookup {
    Optional<KnownKey> find(String accessKeyId);
}
