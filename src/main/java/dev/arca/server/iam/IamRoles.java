package dev.arca.server.iam;

import dev.arca.server.store.IamStore;
import dev.arca.server.store.IamStore.RoleRow;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM roles of the local accounts: their trust policies (who may assume them, {@link TrustPolicies}), session
 * length limits and inline policies, with IAM's rules and quotas. Caches of keys and policies notice every change by
 * the store's {@linkplain IamStore#changeStamp change stamp}.
 */
public final class IamRoles {

    /** IAM-QUOTAS: "Role trust policy length: 2,048 characters" (white space not counted). */
    static final int TRUST_POLICY_QUOTA = 2_048;
    /** IAM API (CreateRole MaxSessionDuration): 3,600 to 43,200 seconds, one hour when not given. */
    static final int DEFAULT_MAX_SESSION = 3_600;
    static final int LONGEST_MAX_SESSION = 43_200;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::([0-9]{12}):role(/|/.*/)([^/]+)");

    private final IamStore store;
    private final InlinePolicies policies;
    private final IamIds ids = new IamIds();
    private final Clock clock;

    public IamRoles(IamStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policies = new InlinePolicies(store);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code arn:aws:iam::ACCT:role/PATH/NAME}. */
    public static String arn(RoleRow role) {
        return arn(role.account(), role.path(), role.name());
    }

    public static String arn(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    public RoleRow create(String account, String name, String path, String trustPolicy, Optional<String> description,
                          Optional<Integer> maxSessionSeconds) {
        int maxSession = maxSessionSeconds.orElse(DEFAULT_MAX_SESSION);
        if (maxSession < DEFAULT_MAX_SESSION || maxSession > LONGEST_MAX_SESSION) {
            throw IamException.validation("1 validation error detected: Value '" + maxSession
                    + "' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between "
                    + DEFAULT_MAX_SESSION + " and " + LONGEST_MAX_SESSION);
        }
        description.ifPresent(IamNames::description);
        checkTrustPolicy(trustPolicy);
        RoleRow role = new RoleRow(ids.roleId(), account, IamNames.roleName(name), IamNames.path(path), description,
                maxSession, trustPolicy, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (!store.createRole(role)) {
            throw IamException.alreadyExists("Role with name " + name + " already exists.");
        }
        return role;
    }

    public RoleRow get(String account, String name) {
        return find(account, name)
                .orElseThrow(() -> IamException.noSuchEntity("The role with name " + name + " cannot be found."));
    }

    public Optional<RoleRow> find(String account, String name) {
        return store.role(account, IamNames.roleName(name));
    }

    /** The role {@code roleArn} names, in whichever local account. */
    public RoleRow byArn(String roleArn) {
        Matcher m = ROLE_ARN.matcher(roleArn);
        Optional<RoleRow> role = m.matches() ? store.role(m.group(1), m.group(3))
                .filter(r -> r.path().equals(m.group(2)) && r.name().equals(m.group(3))) : Optional.empty();
        return role.orElseThrow(() -> IamException.noSuchEntity("The role with ARN " + roleArn
                + " cannot be found."));
    }

    /** The account's roles whose path starts with {@code pathPrefix}, by name. */
    public List<RoleRow> list(String account, String pathPrefix) {
        return store.roles(account).stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    public void delete(String account, String name) {
        RoleRow role = get(account, name);
        if (!store.inlinePolicies(role.id()).isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        store.deleteRole(role.id());
    }

    public void updateTrustPolicy(String account, String name, String trustPolicy) {
        RoleRow role = get(account, name);
        checkTrustPolicy(trustPolicy);
        store.setTrustPolicy(role.id(), trustPolicy);
    }

    public void putPolicy(String account, String roleName, String policyName, String document) {
        RoleRow role = get(account, roleName);
        policies.put(role.id(), "role " + role.name(), policyName, document, InlinePolicies.ROLE_AGGREGATE);
    }

    public String policy(String account, String roleName, String policyName) {
        RoleRow role = get(account, roleName);
        return policies.get(role.id(), "role " + role.name(), policyName);
    }

    public List<String> policyNames(String account, String roleName) {
        return List.copyOf(store.inlinePolicies(get(account, roleName).id()).keySet());
    }

    public void deletePolicy(String account, String roleName, String policyName) {
        RoleRow role = get(account, roleName);
        policies.delete(role.id(), "role " + role.name(), policyName);
    }

    private static void checkTrustPolicy(String document) {
        IamNames.policyDocument(document, "assumeRolePolicyDocument");
        // The quota first: the parser's own limit for resource policies is CodeArtifact's, not IAM's.
        if (InlinePolicies.countedSize(document) > TRUST_POLICY_QUOTA) {
            throw IamException.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
        }
        TrustPolicies.parse(document);
    }
}
