package dev.arca.server.iam;

import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.service.Caller;
import dev.arca.server.store.IamStore;
import dev.arca.server.store.IamStore.AccessKeyRow;
import dev.arca.server.store.IamStore.SessionRow;
import dev.arca.server.store.StampedMemo;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every access key the server accepts, for the SigV4 verifier: the accounts' roots, IAM users' Active keys and role
 * sessions' temporary keys (which also need their session token). Found keys are remembered — every signed request
 * asks — while the IAM store's {@linkplain IamStore#changeStamp change stamp} stays the same, so a key deactivated or
 * deleted through any instance stops working at once. Unknown keys are not remembered: anyone can make up as many as
 * they like.
 */
public final class CredentialDirectory implements KeyLookup {

    private final Map<String, KnownKey> roots;
    private final IamStore store;
    private final SecretSealer sealer;
    private final StampedMemo<String, KnownKey> found = new StampedMemo<>();

    /** @param roots each account root's access key id and what it stands for */
    public CredentialDirectory(Map<String, KnownKey> roots, IamStore store, SecretSealer sealer) {
        this.roots = Map.copyOf(roots);
        this.store = Objects.requireNonNull(store, "store");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    public Optional<KnownKey> find(String accessKeyId) {
        KnownKey root = roots.get(accessKeyId);
        if (root != null) {
            return Optional.of(root);
        }
        return found.get(accessKeyId, store.changeStamp(),
                () -> accessKeyId.startsWith("ASIA") ? session(accessKeyId) : userKey(accessKeyId));
    }

    private Optional<KnownKey> userKey(String accessKeyId) {
        return store.accessKey(accessKeyId).filter(AccessKeyRow::active).flatMap(key -> store.userById(key.userId())
                .map(user -> new KnownKey(sealer.open(key.sealedSecret(), key.id()),
                        Caller.of(RequestPrincipal.user(IamUsers.arn(user), user.id())))));
    }

    private Optional<KnownKey> session(String accessKeyId) {
        return store.session(accessKeyId).flatMap((SessionRow session) -> store.roleById(session.roleId())
                .map(role -> new KnownKey(sealer.open(session.sealedSecret(), session.accessKeyId()),
                        new Caller(RequestPrincipal.assumedRole(IamRoles.arn(role), session.sessionName(), role.id()),
                                Optional.empty(), Optional.of(session.expiresAt())),
                        Optional.of(HexFormat.of().formatHex(session.tokenHash())))));
    }
}
