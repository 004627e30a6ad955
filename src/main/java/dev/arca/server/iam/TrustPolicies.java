package dev.arca.server.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyDocument;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Role trust policies, read as the resource policy of the role they belong to. IAM's grammar differs from other
 * resource policies in one point: a trust statement names no resource (IAM refuses {@code Resource} with "Has
 * prohibited field Resource"), since it always means its own role. The parser wants one, so a trust policy is read
 * with {@code "Resource": "*"} added to each statement; problems the parser finds in the original text keep their
 * place, those found only in the completed copy are reported without one.
 */
final class TrustPolicies {

    private static final String NEEDS_RESOURCES = "Policy statement must contain resources.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustPolicies() {
    }

    /** Parses a trust policy, or throws MalformedPolicyDocument as IAM words it. */
    static PolicyDocument parse(String document) {
        try {
            PolicyParser.parse(document, PolicyType.RESOURCE_POLICY);
        } catch (MalformedPolicyException e) {
            if (!e.problem().reason().equals(NEEDS_RESOURCES)) {
                throw IamException.malformedPolicy(e.getMessage());
            }
            try {
                return PolicyParser.parse(completed(document), PolicyType.RESOURCE_POLICY);
            } catch (MalformedPolicyException inCopy) {
                throw IamException.malformedPolicy(inCopy.problem().reason());
            }
        }
        throw IamException.malformedPolicy("Has prohibited field Resource");
    }

    /** {@code document} with {@code "Resource": "*"} in each statement; refused if one has a resource already. */
    private static String completed(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            JsonNode statement = root.get("Statement");
            List<JsonNode> statements = new ArrayList<>();
            if (statement.isArray()) {
                statement.forEach(statements::add);
            } else {
                statements.add(statement);
            }
            for (JsonNode each : statements) {
                if (each.has("Resource") || each.has("NotResource")) {
                    throw IamException.malformedPolicy("Has prohibited field Resource");
                }
                if (each instanceof ObjectNode object) {
                    object.put("Resource", "*"); // anything else the parser refuses in the copy
                }
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // The parser read it as JSON already; the two readers cannot disagree on a valid document.
            throw IamException.malformedPolicy("Syntax errors in policy.");
        }
    }
}
