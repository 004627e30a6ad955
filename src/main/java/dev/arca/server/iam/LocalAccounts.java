package dev.arca.server.iam;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts a local server plays, the first being the default one, and the organization they all belong to, if
 * any ({@code aws:PrincipalOrgID}).
 */
public record LocalAccounts(List<String> ids, Optional<String> organizationId) {

    public LocalAccounts {
        ids = List.copyOf(ids);
        Objects.requireNonNull(organizationId, "organizationId");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a server plays at least one account");
        }
    }

    public boolean contains(String accountId) {
        return ids.contains(accountId);
    }

    /** The organization of a local account; empty for accounts this server does not play. */
    public Optional<String> organizationOf(String accountId) {
        return contains(accountId) ? organizationId : Optional.empty();
    }
}
