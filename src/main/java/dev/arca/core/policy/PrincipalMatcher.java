package dev.arca.core.policy;

import dev.arca.core.policy.RequestPrincipal.Type;
import java.util.List;
import java.util.regex.Pattern;

/** Whether a Principal/NotPrincipal element names a caller, and how (§1.5, §1.6). */
final class PrincipalMatcher {

    /** How a Principal element reached the caller: not at all, only through its account, or by name (or "*"). */
    enum Match { NONE, ACCOUNT, DIRECT }

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ACCOUNT_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:root");

    private PrincipalMatcher() {
    }

    static Match match(PrincipalElement element, RequestPrincipal caller) {
        if (element.negated()) {
            // NotPrincipal: applies unless the caller is left out under every name it has.
            return excludes(element.principal(), caller) ? Match.NONE : Match.DIRECT;
        }
        Principal principal = element.principal();
        if (principal.anyone()) {
            return Match.DIRECT;
        }
        Match best = Match.NONE;
        for (String value : principal.valuesOf(PrincipalKind.AWS)) {
            Match m = matchAws(value, caller);
            if (m == Match.DIRECT) {
                return m;
            }
            if (m == Match.ACCOUNT) {
                best = m;
            }
        }
        for (PrincipalKind kind : List.of(PrincipalKind.SERVICE, PrincipalKind.FEDERATED, PrincipalKind.CANONICAL_USER)) {
            for (String value : principal.valuesOf(kind)) {
                if (kind == PrincipalKind.SERVICE && caller.type() == Type.SERVICE
                        && (value.equals("*") || value.equals(caller.arn()))) {
                    return Match.DIRECT;
                }
                if (kind != PrincipalKind.SERVICE && value.equals(caller.arn())) {
                    return Match.DIRECT;
                }
            }
        }
        return best;
    }

    private static Match matchAws(String value, RequestPrincipal caller) {
        if (value.equals("*")) {
            return Match.DIRECT;
        }
        if (isAccount(value)) {
            return caller.account().filter(a -> a.equals(accountOf(value))).isPresent()
                    && caller.type() != Type.SERVICE && caller.type() != Type.ANONYMOUS ? Match.ACCOUNT : Match.NONE;
        }
        boolean named = value.equals(caller.arn())
                // A role ARN covers that role's sessions (§1.5, derived).
                || caller.roleArn().filter(value::equals).isPresent()
                // Unique ids: a user's id, or a role's id that prefixes its sessions' ids.
                || value.equals(caller.userId()) || caller.userId().startsWith(value + ":");
        return named && caller.type() != Type.ANONYMOUS && caller.type() != Type.SERVICE ? Match.DIRECT : Match.NONE;
    }

    /** Decision (§1.6): a session is left out only if its account, its role and the session itself are all listed. */
    private static boolean excludes(Principal listed, RequestPrincipal caller) {
        if (listed.anyone() || listed.valuesOf(PrincipalKind.AWS).contains("*")) {
            return true;
        }
        List<String> forms = caller.identityForms();
        if (forms.isEmpty()) {
            return false;
        }
        List<String> aws = listed.valuesOf(PrincipalKind.AWS).stream()
                .map(v -> ACCOUNT_ID.matcher(v).matches() ? "arn:aws:iam::" + v + ":root" : v).toList();
        return forms.stream().allMatch(form -> caller.type() == Type.SERVICE
                ? listed.valuesOf(PrincipalKind.SERVICE).contains(form) : aws.contains(form));
    }

    static boolean isAccount(String value) {
        return ACCOUNT_ID.matcher(value).matches() || ACCOUNT_ARN.matcher(value).matches();
    }

    private static String accountOf(String value) {
        return value.length() == 12 ? value : value.split(":")[4];
    }
}
