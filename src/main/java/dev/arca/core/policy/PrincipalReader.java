package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks a Principal/NotPrincipal value (policies.md §1.1, §1.5): no partial wildcards, well-formed ARNs. */
final class PrincipalReader {

    private static final String PARTITION = "aws(?:-[a-z]+)*";
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            "\\*|[0-9]{12}"
            + "|arn:" + PARTITION + ":iam::[0-9]{12}:(?:root|(?:user|role)(?:/[\\w+=,.@-]+)*/[\\w+=,.@-]+)"
            + "|arn:" + PARTITION + ":sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+"
            + "|federated-user/[\\w+=,.@-]+)"
            // Unique IDs of users (AIDA) and roles (AROA), as IAM stores them for deleted principals.
            + "|A(?:ID|RO)A[A-Z0-9]{12,}");
    private static final Pattern SERVICE = Pattern.compile("\\*|[a-z0-9][a-z0-9.-]*[a-z0-9]");
    private static final Pattern FEDERATED = Pattern.compile("[^*?\\s]+");
    private static final Pattern CANONICAL_USER = Pattern.compile("\\*|[0-9a-f]{64}");

    private PrincipalReader() {
    }

    static Principal read(JsonValue value) {
        if (value instanceof JsonString s) {
            if (s.value().equals("*")) {
                return Principal.everyone();
            }
            throw PolicyParser.problem("Invalid principal in policy: \"" + s.value() + "\"", value);
        }
        JsonObject map = PolicyParser.object(value, "Principal");
        PolicyParser.checkNoDuplicateKeys(map);
        Map<PrincipalKind, List<String>> values = new LinkedHashMap<>();
        for (Member member : map.members()) {
            PrincipalKind kind = PrincipalKind.fromJson(member.key()).orElseThrow(() -> PolicyParser.problem(
                    "Invalid principal in policy: unknown principal type \"" + member.key() + "\"", member.value()));
            List<String> given = PolicyParser.strings(member.value(), member.key());
            List<String> checked = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String v = given.get(i);
                if (!pattern(kind).matcher(v).matches()) {
                    JsonValue where = member.value() instanceof JsonValue.JsonArray a ? a.elements().get(i)
                            : member.value();
                    throw PolicyParser.problem("Invalid principal in policy: \"" + member.key() + "\":\"" + v + "\"",
                            where);
                }
                checked.add(v);
            }
            values.put(kind, checked);
        }
        return new Principal(false, values);
    }

    private static Pattern pattern(PrincipalKind kind) {
        return switch (kind) {
            case AWS -> AWS_PRINCIPAL;
            case SERVICE -> SERVICE;
            case FEDERATED -> FEDERATED;
            case CANONICAL_USER -> CANONICAL_USER;
        };
    }
}
