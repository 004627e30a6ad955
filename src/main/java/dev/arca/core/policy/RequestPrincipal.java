package dev.arca.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who makes a request, as the evaluator needs to know it: type, ARN, account (none for services and anonymous
 * callers), unique id, user name (IAM users only), and for a role session its role ARN and session name.
 */
public record RequestPrincipal(Type type, String arn, Optional<String> account, String userId,
                               Optional<String> username, Optional<String> roleArn, Optional<String> sessionName) {

    /** The kinds of caller IAM distinguishes. */
    public enum Type { ROOT, USER, ROLE, ASSUMED_ROLE, FEDERATED_USER, SERVICE, ANONYMOUS }

    private static final Pattern IAM_ARN = Pattern.compile("arn:([a-z-]+):iam::([0-9]{12}):(user|role)/(.+)");

    public RequestPrincipal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
    }

    /** The account's root user: {@code arn:aws:iam::ACCT:root}, whose user id is the account id. */
    public static RequestPrincipal root(String account) {
        return new RequestPrincipal(Type.ROOT, "arn:aws:iam::" + account + ":root", Optional.of(account), account,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An IAM user {@code arn:aws:iam::ACCT:user/[path/]NAME}. */
    public static RequestPrincipal user(String userArn, String userId) {
        Matcher m = iamArn(userArn, "user");
        String name = m.group(4).substring(m.group(4).lastIndexOf('/') + 1);
        return new RequestPrincipal(Type.USER, userArn, Optional.of(m.group(2)), userId, Optional.of(name),
                Optional.empty(), Optional.empty());
    }

    /** A session of role {@code roleArn}: {@code arn:aws:sts::ACCT:assumed-role/NAME/SESSION}, user id {@code ROLEID:SESSION}. */
    public static RequestPrincipal assumedRole(String roleArn, String sessionName, String roleId) {
        Matcher m = iamArn(roleArn, "role");
        String name = m.group(4).substring(m.group(4).lastIndexOf('/') + 1);
        String arn = "arn:" + m.group(1) + ":sts::" + m.group(2) + ":assumed-role/" + name + "/" + sessionName;
        return new RequestPrincipal(Type.ASSUMED_ROLE, arn, Optional.of(m.group(2)), roleId + ":" + sessionName,
                Optional.empty(), Optional.of(roleArn), Optional.of(sessionName));
    }

    /** A role acting as itself (rare: most role requests come from a session). */
    public static RequestPrincipal role(String roleArn, String roleId) {
        Matcher m = iamArn(roleArn, "role");
        return new RequestPrincipal(Type.ROLE, roleArn, Optional.of(m.group(2)), roleId, Optional.empty(),
                Optional.of(roleArn), Optional.empty());
    }

    /** An AWS service principal such as {@code codeartifact.amazonaws.com}. */
    public static RequestPrincipal service(String serviceName) {
        return new RequestPrincipal(Type.SERVICE, serviceName, Optional.empty(), serviceName, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** An unsigned caller. */
    public static RequestPrincipal anonymous() {
        return new RequestPrincipal(Type.ANONYMOUS, "anonymous", Optional.empty(), "anonymous", Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The ARNs and account forms this caller is known by, widest first (account, role or user, session): NotPrincipal
     * leaves a caller out only when it lists every one of them (§1.6).
     */
    List<String> identityForms() {
        List<String> forms = new ArrayList<>();
        account.ifPresent(a -> forms.add("arn:aws:iam::" + a + ":root"));
        switch (type) {
            case USER, FEDERATED_USER, ROLE -> forms.add(arn);
            case ASSUMED_ROLE -> {
                forms.add(roleArn.orElseThrow());
                forms.add(arn);
            }
            case SERVICE -> forms.add(arn);
            case ROOT, ANONYMOUS -> { }
        }
        return forms;
    }

    private static Matcher iamArn(String arn, String kind) {
        Matcher m = IAM_ARN.matcher(arn);
        if (!m.matches() || !m.group(3).equals(kind)) {
            throw new IllegalArgumentException("Not an IAM " + kind + " ARN: " + arn);
        }
        return m;
    }
}
