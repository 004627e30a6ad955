package dev.arca.server.service;

import dev.arca.core.policy.Finding;
import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyLinter;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.PolicyRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.store.MetadataStore;
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
    private record Target(String resourceType, String resourceName, String arn) {
    }

    private final MetadataStore store;
    private final DomainService domains;
    private final RepositoryService repositories;
    private final SecureRandom random = new SecureRandom();

    public PolicyService(MetadataStore store, DomainService domains, RepositoryService repositories) {
        this.store = Objects.requireNonNull(store);
        this.domains = Objects.requireNonNull(domains);
        this.repositories = Objects.requireNonNull(repositories);
    }

    /** PutDomainPermissionsPolicy: replaces the domain's policy when {@code expectedRevision}, if given, is current. */
    public PolicyRow putDomainPolicy(Caller caller, Optional<String> owner, String domain, String document,
                                     Optional<String> expectedRevision) {
        return put(domain(caller, owner, domain), document, expectedRevision);
    }

    public PolicyRow getDomainPolicy(Caller caller, Optional<String> owner, String domain) {
        return get(domain(caller, owner, domain));
    }

    public PolicyRow deleteDomainPolicy(Caller caller, Optional<String> owner, String domain,
                                        Optional<String> expectedRevision) {
        return delete(domain(caller, owner, domain), expectedRevision);
    }

    /** PutRepositoryPermissionsPolicy, as {@link #putDomainPolicy} for a repository. */
    public PolicyRow putRepositoryPolicy(Caller caller, Optional<String> owner, String domain, String repository,
                                         String document, Optional<String> expectedRevision) {
        return put(repository(caller, owner, domain, repository), document, expectedRevision);
    }

    public PolicyRow getRepositoryPolicy(Caller caller, Optional<String> owner, String domain, String repository) {
        return get(repository(caller, owner, domain, repository));
    }

    public PolicyRow deleteRepositoryPolicy(Caller caller, Optional<String> owner, String domain, String repository,
                                            Optional<String> expectedRevision) {
        return delete(repository(caller, owner, domain, repository), expectedRevision);
    }

    private Function<MetadataStore.Transaction, Target> domain(Caller caller, Optional<String> owner, String name) {
        return tx -> {
            DomainRow row = domains.find(tx, caller, owner, name);
            return new Target("domain", row.name(), domains.arn(row));
        };
    }

    private Function<MetadataStore.Transaction, Target> repository(Caller caller, Optional<String> owner,
                                                                   String domain, String name) {
        return tx -> {
            RepositoryRow row = repositories.find(tx, caller, owner, domain, name);
            return new Target("repository", row.name(), repositories.arn(row));
        };
    }

    private PolicyRow put(Function<MetadataStore.Transaction, Target> target, String document,
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

    private PolicyRow get(Function<MetadataStore.Transaction, Target> target) {
        return store.read(tx -> {
            Target resource = target.apply(tx);
            return tx.policies().find(resource.arn()).orElseThrow(() -> noPolicy(resource));
        });
    }

    private PolicyRow delete(Function<MetadataStore.Transaction, Target> target, Optional<String> expectedRevision) {
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
