package dev.arca.server.iam;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.MetadataStore;
import java.time.Clock;
import java.util.Map;

/**
 * The IAM side of a local server, wired once: the keys the SigV4 verifier accepts, the decision point with the
 * stored identity policies, and the IAM and STS APIs. Cached keys and policies follow the IAM store's change stamp.
 *
 * @param keys   every accepted access key: roots, IAM users' active keys, role sessions
 * @param access the one decision point, reading users' and roles' inline policies
 */
public record LocalIam(CredentialDirectory keys, AccessControl access, IamApi iam, StsApi sts) {

    /**
     * @param roots    each account root's access key id and what it stands for
     * @param settings where the key sealing IAM secrets is kept
     */
    public static LocalIam create(Map<String, KnownKey> roots, IamStore store, MetadataStore settings,
                                  LocalAccounts accounts, Clock clock) {
        SecretSealer sealer = new SecretSealer(settings);
        CredentialDirectory keys = new CredentialDirectory(roots, store, sealer);
        StoredIdentityPolicies identities = new StoredIdentityPolicies(store);
        AccessControl access = new AccessControl(accounts, identities, clock);
        IamRoles roles = new IamRoles(store, clock);
        return new LocalIam(keys, access, new IamApi(new IamUsers(store, sealer, clock), roles, access),
                new StsApi(new RoleSessions(store, roles, sealer, access, clock)));
    }
}
