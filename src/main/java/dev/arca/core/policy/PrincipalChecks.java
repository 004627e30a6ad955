package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The Principal and NotPrincipal checks of policies.md §4.2 (formats from §1.5). */
final class PrincipalChecks {

    private static final Set<String> KEYS = Set.of("AWS", "Federated", "Service", "CanonicalUser");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern AWS_PRINCIPAL_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:(iam::[0-9]{12}:(root|user/.+|role/.+)"
                    + "|sts::[0-9]{12}:(assumed-role/[^/]+/.+|federated-user/.+))");
    /** IAM unique ids (AIDA… users, AROA… roles) instead of ARNs: what IAM stores when the principal was deleted. */
    private static final Pattern UNIQUE_ID = Pattern.compile("(AIDA|AROA)[A-Z0-9]{12,}");
    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?");

    private final PolicyType type;
    private final LintFindings findings;

    PrincipalChecks(PolicyType type, LintFindings findings) {
        this.type = type;
        this.findings = findings;
    }

    void statement(JsonObject statement, Optional<JsonString> effect, Optional<JsonValue> principal,
                   Optional<JsonValue> notPrincipal) {
        if (type == PolicyType.IDENTITY_POLICY) {
            for (String element : new String[] {"Principal", "NotPrincipal"}) {
                statement.member(element).ifPresent(m -> findings.addAtKey(FindingType.ERROR, "UNSUPPORTED_PRINCIPAL",
                        "An identity policy applies to the identity it is attached to; remove " + element + ".",
                        statement, m));
            }
            return;
        }
        if (principal.isEmpty() && notPrincipal.isEmpty()) {
            findings.add(FindingType.ERROR, "MISSING_PRINCIPAL", "A resource policy statement needs a Principal.",
                    statement);
        }
        principal.ifPresent(p -> value(p, effect, statement));
        notPrincipal.ifPresent(p -> {
            value(p, effect, statement);
            if (effect.map(e -> e.value().equals("Allow")).orElse(false)) {
                findings.add(FindingType.SECURITY_WARNING, "ALLOW_WITH_NOT_PRINCIPAL", "Allow with NotPrincipal grants "
                        + "everyone else, anonymous callers included; name the principals in Principal instead.", p);
            }
        });
    }

    private void value(JsonValue principal, Optional<JsonString> effect, JsonObject statement) {
        if (principal instanceof JsonString s) {
            if (!s.value().equals("*")) {
                findings.add(FindingType.ERROR, "INVALID_PRINCIPAL_FORMAT", "Principal must be \"*\" or a map such as "
                        + "{\"AWS\": \"arn:aws:iam::111122223333:root\"}.", s);
            }
            return;
        }
        if (!(principal instanceof JsonObject map)) {
            findings.add(FindingType.ERROR, "INVALID_PRINCIPAL_FORMAT", "Principal must be \"*\" or a key/value map.",
                    principal);
            return;
        }
        if (map.members().isEmpty()) {
            findings.add(FindingType.SUGGESTION, "EMPTY_OBJECT_PRINCIPAL", "The Principal map is empty, so the "
                    + "statement applies to no one.", map);
        }
        for (Member m : map.members()) {
            if (!KEYS.contains(m.key())) {
                findings.addAtKey(FindingType.ERROR, "INVALID_PRINCIPAL_KEY", "\"" + m.key() + "\" is not a principal "
                        + "type; use AWS, Service, Federated or CanonicalUser.", map, m);
                continue;
            }
            for (JsonString v : findings.strings(m.value(), "Principal " + m.key(), "EMPTY_ARRAY_PRINCIPAL")) {
                switch (m.key()) {
                    case "AWS" -> awsPrincipal(v);
                    case "Service" -> servicePrincipal(v, effect, statement);
                    case "Federated" -> findings.add(FindingType.ERROR, "FEDERATED_PRINCIPAL_NOT_SUPPORTED",
                            "CodeArtifact resource policies cannot name federated principals; name the role they "
                                    + "assume.", v);
                    default -> { }
                }
            }
        }
    }

    private void awsPrincipal(JsonString principal) {
        String value = principal.value();
        if (value.equals("*") || ACCOUNT.matcher(value).matches()) {
            return;
        }
        if (value.contains("*") || value.contains("?")) {
            findings.add(FindingType.ERROR, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", "A principal cannot match part of a "
                    + "name with * or ?; use \"*\" with an aws:PrincipalArn condition (ArnLike) instead.", principal);
        } else if (UNIQUE_ID.matcher(value).matches()) {
            String code = value.startsWith("AROA") ? "INVALID_ROLE_REFERENCE" : "INVALID_USER_REFERENCE";
            findings.add(FindingType.WARNING, code, "This is a unique id, not an ARN: the user or role it named was "
                    + "probably deleted. Name the current ARN.", principal);
        } else if (!AWS_PRINCIPAL_ARN.matcher(value).matches()) {
            findings.add(FindingType.ERROR, "INVALID_PRINCIPAL_FORMAT", "\"" + value + "\" is not an account id or the "
                    + "ARN of an account (…:root), user, role or session.", principal);
        }
    }

    private void servicePrincipal(JsonString principal, Optional<JsonString> effect, JsonObject statement) {
        if (!SERVICE_PRINCIPAL.matcher(principal.value()).matches()) {
            findings.add(FindingType.ERROR, "INVALID_SERVICE_PRINCIPAL_FORMAT", "A service principal looks like "
                    + "service.amazonaws.com.", principal);
            return;
        }
        boolean scoped = statement.get("Condition").filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .map(c -> c.members().stream().anyMatch(op -> op.value() instanceof JsonObject keys
                        && keys.members().stream().anyMatch(k -> k.key().equalsIgnoreCase("aws:SourceArn")
                        || k.key().equalsIgnoreCase("aws:SourceAccount")))).orElse(false);
        if (effect.map(e -> e.value().equals("Allow")).orElse(false) && !scoped) {
            findings.add(FindingType.SECURITY_WARNING, "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", "Restrict the service "
                    + "principal with aws:SourceArn or aws:SourceAccount, or it acts for any account's resources.",
                    principal);
        }
    }
}
