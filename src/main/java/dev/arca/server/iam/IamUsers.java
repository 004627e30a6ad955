package dev.arca.server.iam;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.IamStore.AccessKeyRow;
import dev.arca.server.store.IamStore.UserRow;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM users of the local accounts, their access keys and inline policies, with IAM's rules: names unique per account
 * regardless of case, at most two access keys per user (IAM-QUOTAS), no deleting a user that still has keys or
 * policies (DeleteConflict). Cached credentials and policies notice every change by
 * the store's {@linkplain IamStore#changeStamp change stamp}, whichever instance made it.
 */
public final class IamUsers {

    /** IAM-QUOTAS: "Access keys assigned to an IAM user: 2". */
    static final int MAX_ACCESS_KEYS = 2;

    /** A new access key with its secret, which is shown this once. */
    public record NewAccessKey(AccessKeyRow key, String userName, String secretAccessKey) {
    }

    private final IamStore store;
    private final SecretSealer sealer;
    private final InlinePolicies policies;
    private final IamIds ids = new IamIds();
    private final Clock clock;

    public IamUsers(IamStore store, SecretSealer sealer, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.policies = new InlinePolicies(store);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code arn:aws:iam::ACCT:user/PATH/NAME}. */
    public static String arn(UserRow user) {
        return arn(user.account(), user.path(), user.name());
    }

    public static String arn(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":user" + path + name;
    }

    public UserRow create(String account, String name, String path) {
        UserRow user = new UserRow(ids.userId(), account, IamNames.userName(name), IamNames.path(path),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (!store.createUser(user)) {
            throw IamException.alreadyExists("User with name " + name + " already exists.");
        }
        return user;
    }

    public UserRow get(String account, String name) {
        return find(account, name)
                .orElseThrow(() -> IamException.noSuchEntity("The user with name " + name + " cannot be found."));
    }

    public Optional<UserRow> find(String account, String name) {
        return store.user(account, IamNames.existingUserName(name));
    }

    /** The account's users whose path starts with {@code pathPrefix}, by name. */
    public List<UserRow> list(String account, String pathPrefix) {
        return store.users(account).stream().filter(u -> u.path().startsWith(pathPrefix)).toList();
    }

    public void delete(String account, String name) {
        UserRow user = get(account, name);
        if (!store.accessKeys(user.id()).isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        if (!store.inlinePolicies(user.id()).isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        store.deleteUser(user.id());
    }

    public NewAccessKey createAccessKey(String account, String userName) {
        UserRow user = get(account, userName);
        if (store.accessKeys(user.id()).size() >= MAX_ACCESS_KEYS) {
            throw IamException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_ACCESS_KEYS);
        }
        String id = ids.accessKeyId();
        String secret = ids.secretAccessKey();
        AccessKeyRow key = new AccessKeyRow(id, user.id(), true, sealer.seal(secret, id),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        store.createAccessKey(key);
        return new NewAccessKey(key, user.name(), secret);
    }

    public List<AccessKeyRow> accessKeys(String account, String userName) {
        return store.accessKeys(get(account, userName).id());
    }

    public void updateAccessKey(String account, String userName, String accessKeyId, String status) {
        boolean active = switch (status) {
            case "Active" -> true;
            case "Inactive" -> false;
            default -> throw IamException.validation("1 validation error detected: Value '" + status
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        };
        store.setAccessKeyActive(ownKey(account, userName, accessKeyId).id(), active);
    }

    public void deleteAccessKey(String account, String userName, String accessKeyId) {
        store.deleteAccessKey(ownKey(account, userName, accessKeyId).id());
    }

    public void putPolicy(String account, String userName, String policyName, String document) {
        UserRow user = get(account, userName);
        policies.put(user.id(), "user " + user.name(), policyName, document, InlinePolicies.USER_AGGREGATE);
    }

    public String policy(String account, String userName, String policyName) {
        UserRow user = get(account, userName);
        return policies.get(user.id(), "user " + user.name(), policyName);
    }

    public List<String> policyNames(String account, String userName) {
        return List.copyOf(store.inlinePolicies(get(account, userName).id()).keySet());
    }

    public void deletePolicy(String account, String userName, String policyName) {
        UserRow user = get(account, userName);
        policies.delete(user.id(), "user " + user.name(), policyName);
    }

    private AccessKeyRow ownKey(String account, String userName, String accessKeyId) {
        UserRow user = get(account, userName);
        return store.accessKey(accessKeyId).filter(k -> k.userId().equals(user.id()))
                .orElseThrow(() -> IamException.noSuchEntity("The Access Key with id " + accessKeyId
                        + " cannot be found."));
    }
}
