package dev.arca.core.policy;

import dev.arca.core.policy.RequestPrincipal.Type;
import java.util.List;

/** Whether a Principal/NotPrincipal element names a caller, and how (§1.5, §1.6). */
final class PrincipalMatcher {

    /** How a Principal element reached the caller: not at all, only through its account, or by name (or "*"). */
    enum Match { NONE, ACCOUNT, DIRECT }

    private static final String ROOT_SUFFIX = ":root";
    private static final String IAM = ":iam::";

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
        String account = accountOf(value);
        if (account != null) {
            return caller.account().filter(account::equals).isPresent()
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
                .map(v -> isAccountId(v) ? "arn:aws:iam::" + v + ROOT_SUFFIX : v).toList();
        return forms.stream().allMatch(form -> caller.type() == Type.SERVICE
                ? listed.valuesOf(PrincipalKind.SERVICE).contains(form) : aws.contains(form));
    }

    /**
     * The account a Principal value names as a whole — {@code 123456789012} or {@code arn:aws:iam::123456789012:root}
     * (any aws partition) — or null. Plain string work: this runs for every statement of every request.
     */
    private static String accountOf(String value) {
        if (isAccountId(value)) {
            return value;
        }
        if (!value.startsWith("arn:aws") || !value.endsWith(ROOT_SUFFIX)) {
            return null;
        }
        int iam = value.indexOf(IAM);
        if (iam < 0) {
            return null;
        }
        for (int i = "arn:aws".length(); i < iam; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return null;
            }
        }
        String account = value.substring(iam + IAM.length(), value.length() - ROOT_SUFFIX.length());
        return isAccountId(account) ? account : null;
    }

    private static boolean isAccountId(String value) {
        if (value.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
