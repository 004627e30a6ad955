package dev.arca.server.service;

import dev.arca.core.policy.RequestPrincipal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who made a request, as established by its signature or token, and what the request itself tells about the caller
 * for condition keys.
 *
 * @param principal     the IAM principal: an account root, a user, a role session
 * @param sourceIp      the address the request came from ({@code aws:SourceIp}); empty when not made over HTTP
 * @param sessionExpiry when the caller's temporary credentials expire (a role session); empty for long-term keys
 */
public record Caller(RequestPrincipal principal, Optional<String> sourceIp, Optional<Instant> sessionExpiry) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (principal.account().isEmpty()) {
            throw new IllegalArgumentException("a signed caller belongs to an account: " + principal.arn());
        }
    }

    /** The root user of {@code accountId}. */
    public static Caller root(String accountId) {
        return of(RequestPrincipal.root(accountId));
    }

    /** {@code principal} with long-term credentials, source unknown. */
    public static Caller of(RequestPrincipal principal) {
        return new Caller(principal, Optional.empty(), Optional.empty());
    }

    /** The caller's 12-digit account. */
    public String accountId() {
        return principal.account().orElseThrow();
    }

    /** The caller's ARN, e.g. {@code arn:aws:iam::123456789012:root}. */
    public String principalArn() {
        return principal.arn();
    }

    /** The same caller, seen on a request from {@code ip}. */
    public Caller from(String ip) {
        return new Caller(principal, Optional.of(ip), sessionExpiry);
    }
}
