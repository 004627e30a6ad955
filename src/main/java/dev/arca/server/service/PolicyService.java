package dev.arca.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.server.http.ApiException;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StoreRecords.PolicyRow;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Domain and repository resource policies: syntax checked on the way in, replaced whole, guarded by an
 * optional revision so a writer never overwrites a newer policy it has not seen.
 */
public final class PolicyService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    /** Which resource a policy belongs to, found inside a transaction. */
    public record Target(String resourceType, String resourceName, String arn) {
    }

    private final MetadataStore store;
    private final SecureRandom random = new SecureRandom();

    public PolicyService(MetadataStore store) {
        this.store = Objects.requireNonNull(store);
    }

    public PolicyRow put(Function<MetadataStore.Transaction, Target> target, String document,
                         Optional<String> expectedRevision) {
        validate(document);
        return store.write(tx -> {
            Target resource = target.apply(tx);
            Optional<PolicyRow> current = tx.findPolicy(resource.arn());
            checkRevision(resource, current, expectedRevision);
            PolicyRow policy = new PolicyRow(resource.arn(), document, newRevision());
            tx.putPolicy(policy);
            return policy;
        });
    }

    public PolicyRow get(Function<MetadataStore.Transaction, Target> target) {
        return store.read(tx -> {
            Target resource = target.apply(tx);
            return tx.findPolicy(resource.arn()).orElseThrow(() -> noPolicy(resource));
        });
    }

    public PolicyRow delete(Function<MetadataStore.Transaction, Target> target,
                            Optional<String> expectedRevision) {
        return store.write(tx -> {
            Target resource = target.apply(tx);
            PolicyRow current = tx.findPolicy(resource.arn()).orElseThrow(() -> noPolicy(resource));
            checkRevision(resource, Optional.of(current), expectedRevision);
            tx.deletePolicy(resource.arn());
            return current;
        });
    }

    /** Checks that a document is an IAM resource policy in form: statements with an effect, actions and principals. */
    static void validate(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw invalid("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid("it must be a JSON object");
        }
        JsonNode version = root.path("Version");
        if (!version.isMissingNode() && !VERSIONS.contains(version.asText())) {
            throw invalid("Version must be 2012-10-17 or 2008-10-17");
        }
        JsonNode statements = root.path("Statement");
        if (statements.isObject()) {
            validateStatement(statements, 1);
        } else if (statements.isArray() && !statements.isEmpty()) {
            for (int i = 0; i < statements.size(); i++) {
                validateStatement(statements.get(i), i + 1);
            }
        } else {
            throw invalid("it needs a Statement: an object or a non-empty list");
        }
    }

    private static void validateStatement(JsonNode statement, int number) {
        String where = "statement " + number + ": ";
        if (!statement.isObject()) {
            throw invalid(where + "must be an object");
        }
        String effect = statement.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw invalid(where + "Effect must be Allow or Deny");
        }
        if (!stringOrStrings(statement.path("Action")) && !stringOrStrings(statement.path("NotAction"))) {
            throw invalid(where + "it needs an Action or NotAction (a string or a list of strings)");
        }
        JsonNode principal = statement.has("Principal") ? statement.get("Principal") : statement.path("NotPrincipal");
        if (!(principal.isTextual() && principal.asText().equals("*")) && !principal.isObject()) {
            throw invalid(where + "a resource policy needs a Principal (\"*\" or an object such as {\"AWS\": ...})");
        }
    }

    private static boolean stringOrStrings(JsonNode node) {
        if (node.isTextual()) {
            return !node.asText().isBlank();
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void checkRevision(Target resource, Optional<PolicyRow> current, Optional<String> expected) {
        if (expected.isEmpty()) {
            return;
        }
        String actual = current.map(PolicyRow::revision).orElse("none");
        if (!actual.equals(expected.get())) {
            throw ApiException.conflict(resource.resourceType(), resource.resourceName(), "The policy of "
                    + resource.resourceType() + " " + resource.resourceName() + " has revision " + actual
                    + ", not the expected " + expected.get() + "; read it again before changing it");
        }
    }

    private static ApiException noPolicy(Target resource) {
        return ApiException.notFound(resource.resourceType(), resource.resourceName(),
                "No resource policy is set on " + resource.resourceType() + " " + resource.resourceName());
    }

    private static ApiException invalid(String why) {
        return ApiException.validation("Policy document is not valid: " + why);
    }

    private String newRevision() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
