package dev.arca.server.service;

import dev.arca.core.policy.Finding;
import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyLinter;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import dev.arca.server.error.ApiException;
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


    /** The Access Analyzer error codes that mean a document is not a well-formed resource policy. */
    private static final Set<String> MALFORMED = Set.of("JSON_SYNTAX_ERROR",
            "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA", "MISSING_STATEMENT", "MISSING_EFFECT", "INVALID_EFFECT",
            "MISSING_ACTION", "MISSING_PRINCIPAL", "MISSING_RESOURCE", "INVALID_VERSION", "INVALID_POLICY_ELEMENT",
            "DUPLICATE_ELEMENT", "INVALID_ACTION", "INVALID_SERVICE_IN_ACTION", "INVALID_PRINCIPAL_FORMAT",
            "INVALID_PRINCIPAL_KEY", "INVALID_ARN_ACCOUNT", "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
            "INVALID_SERVICE_PRINCIPAL_FORMAT", "INVALID_CONDITION_OPERATOR");

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
            Optional<PolicyRow> current = tx.policies().find(resource.arn());
            checkRevision(resource, current, expectedRevision);
            PolicyRow policy = new PolicyRow(resource.arn(), document, newRevision());
            tx.policies().put(policy);
            return policy;
        });
    }

    public PolicyRow get(Function<MetadataStore.Transaction, Target> target) {
        return store.read(tx -> {
            Target resource = target.apply(tx);
            return tx.policies().find(resource.arn()).orElseThrow(() -> noPolicy(resource));
        });
    }

    public PolicyRow delete(Function<MetadataStore.Transaction, Target> target,
                            Optional<String> expectedRevision) {
        return store.write(tx -> {
            Target resource = target.apply(tx);
            PolicyRow current = tx.policies().find(resource.arn()).orElseThrow(() -> noPolicy(resource));
            checkRevision(resource, Optional.of(current), expectedRevision);
            tx.policies().delete(resource.arn());
            return current;
        });
    }

    /**
     * Checks a document as the service checks a resource policy before storing it: the Access Analyzer errors that make
     * a document malformed (JSON, size, elements, actions no service has, principals that are neither ARNs nor
     * accounts, unknown condition operators) refuse it with the first one's words and place, and it must parse for the
     * evaluator. Access Analyzer's other findings, such as a private range in aws:SourceIp, are advice that
     * ValidatePolicy gives; the service stores such policies.
     */
    static void validate(String document) {
        Optional<Finding> error = PolicyLinter.lint(document, PolicyType.RESOURCE_POLICY).stream()
                .filter(f -> f.type() == FindingType.ERROR && MALFORMED.contains(f.issueCode())).findFirst();
        if (error.isPresent()) {
            Finding finding = error.get();
            String where = finding.locations().stream().findFirst()
                    .map(l -> " (" + l.start().describe() + (l.path().isRoot() ? "" : ", at " + l.path()) + ")")
                    .orElse("");
            throw invalid(finding.findingDetails() + where);
        }
        try {
            PolicyParser.parse(document, PolicyType.RESOURCE_POLICY);
        } catch (MalformedPolicyException e) {
            throw invalid(e.getMessage());
        }
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
