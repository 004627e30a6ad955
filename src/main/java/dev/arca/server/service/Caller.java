package dev.arca.server.service;

import java.util.Objects;

/**
 * Who made a request, as established by its signature or token.
 *
 * @param accountId    the caller's 12-digit account
 * @param principalArn the IAM principal, e.g. {@code arn:aws:iam::123456789012:root}
 */
public record Caller(String accountId, String principalArn) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principalArn, "principalArn");
    }

    public static Caller root(String accountId) {
        return new Caller(accountId, "arn:aws:iam::" + accountId + ":root");
    }
}
