package dev.arca.gateway;

import dev.arca.core.policy.Finding;
import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.PolicyFindingReport;
import dev.arca.core.policy.PolicySummary;
import dev.arca.core.policy.PolicyTarget;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.StoredPolicy;
import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ResourcePolicy;

/**
 * The resource policies of a domain and its repositories (Get/Put/Delete Domain- and RepositoryPermissionsPolicy) and
 * Access Analyzer ValidatePolicy for any policy document. A stale revision comes back as a {@link GatewayException}
 * whose {@link GatewayException#errorCode()} is {@value #CONFLICT}.
 */
public final class ResourcePolicyGateway {

    /** The error code CodeArtifact answers when the policy changed since the revision a save named. */
    public static final String CONFLICT = "ConflictException";

    private static final int CONCURRENCY = 8;

    private final CodeArtifactGateway gateway;

    public ResourcePolicyGateway(CodeArtifactGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /** The domain itself, then each repository in the service's order, with the revision of its policy, if any. */
    public List<PolicySummary> list(String domain) throws InterruptedException {
        String owner = owner(domain);
        String domainArn = gateway.call("open domain " + domain, () -> gateway.sdk()
                .describeDomain(r -> r.domain(domain).domainOwner(owner)).domain().arn());
        var repositories = gateway.call("list the repositories of " + domain, () -> gateway.sdk()
                .listRepositoriesInDomainPaginator(r -> r.domain(domain).domainOwner(owner)).repositories()
                .stream().toList());
        List<PolicySummary> out = new ArrayList<>();
        out.add(new PolicySummary(PolicyTarget.domain(domain), domainArn,
                read(PolicyTarget.domain(domain)).map(StoredPolicy::revision)));
        out.addAll(BoundedCalls.map(repositories, CONCURRENCY, summary -> {
            PolicyTarget target = PolicyTarget.repository(domain, summary.name());
            return new PolicySummary(target, summary.arn(), read(target).map(StoredPolicy::revision));
        }, (done, total) -> { }));
        return out;
    }

    /** The policy of {@code target} as stored now; empty when it has none. */
    public Optional<StoredPolicy> read(PolicyTarget target) {
        String owner = owner(target.domain());
        return gateway.call("read the policy of " + target.describe(), () -> {
            try {
                ResourcePolicy policy = target.repository().isPresent()
                        ? gateway.sdk().getRepositoryPermissionsPolicy(r -> r.domain(target.domain())
                                .domainOwner(owner).repository(target.repository().get())).policy()
                        : gateway.sdk().getDomainPermissionsPolicy(r -> r.domain(target.domain())
                                .domainOwner(owner)).policy();
                return Optional.of(stored(target, policy));
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Stores {@code document} as the policy of {@code target}.
     *
     * @param revision the revision the edit started from; empty when the resource had no policy then (the service
     *                 then refuses with {@value #CONFLICT} if one was created meanwhile)
     */
    public StoredPolicy write(PolicyTarget target, String document, Optional<String> revision) {
        String owner = owner(target.domain());
        return gateway.call("save the policy of " + target.describe(), () -> stored(target,
                target.repository().isPresent()
                        ? gateway.sdk().putRepositoryPermissionsPolicy(r -> r.domain(target.domain())
                                .domainOwner(owner).repository(target.repository().get())
                                .policyDocument(document).policyRevision(revision.orElse(null))).policy()
                        : gateway.sdk().putDomainPermissionsPolicy(r -> r.domain(target.domain())
                                .domainOwner(owner).policyDocument(document)
                                .policyRevision(revision.orElse(null))).policy()));
    }

    /** Deletes the policy of {@code target}, refused with {@value #CONFLICT} when it is no longer {@code revision}. */
    public void delete(PolicyTarget target, String revision) {
        String owner = owner(target.domain());
        gateway.call("delete the policy of " + target.describe(), () -> target.repository().isPresent()
                ? gateway.sdk().deleteRepositoryPermissionsPolicy(r -> r.domain(target.domain())
                        .domainOwner(owner).repository(target.repository().get()).policyRevision(revision))
                : gateway.sdk().deleteDomainPermissionsPolicy(r -> r.domain(target.domain())
                        .domainOwner(owner).policyRevision(revision)));
    }

    /** Access Analyzer's findings for {@code document}, every page of them, in its order. */
    public List<PolicyFindingReport> validate(String document, PolicyType type) {
        return gateway.call("validate the policy", () -> gateway.accessAnalyzer()
                .validatePolicyPaginator(r -> r.policyDocument(document).policyType(type.name()))
                .findings().stream().map(ResourcePolicyGateway::report).toList());
    }

    /** The account that owns {@code domain} when it was opened by owner; null (the caller's) otherwise. */
    private String owner(String domain) {
        return gateway.owner(domain);
    }

    private static StoredPolicy stored(PolicyTarget target, ResourcePolicy policy) {
        return new StoredPolicy(target.domain(), target.repository(), policy.resourceArn(),
                Optional.ofNullable(policy.document()).orElse(""), Optional.ofNullable(policy.revision()).orElse(""));
    }

    private static PolicyFindingReport report(ValidatePolicyFinding finding) {
        FindingType type = switch (finding.findingTypeAsString()) {
            case "ERROR" -> FindingType.ERROR;
            case "SECURITY_WARNING" -> FindingType.SECURITY_WARNING;
            case "SUGGESTION" -> FindingType.SUGGESTION;
            default -> FindingType.WARNING;
        };
        List<Finding.Location> locations = finding.locations().stream().map(ResourcePolicyGateway::location)
                .toList();
        return new PolicyFindingReport(new Finding(type, Optional.ofNullable(finding.issueCode()).orElse(""),
                Optional.ofNullable(finding.findingDetails()).orElse(""), locations),
                Optional.ofNullable(finding.learnMoreLink()));
    }

    private static Finding.Location location(Location location) {
        JsonPath path = JsonPath.ROOT;
        for (PathElement element : location.path()) {
            if (element.key() != null) {
                path = path.key(element.key());
            } else if (element.index() != null) {
                path = path.index(element.index());
            }
        }
        var span = location.span();
        return new Finding.Location(path,
                new Position(span.start().line(), span.start().column(), span.start().offset()),
                new Position(span.end().line(), span.end().column(), span.end().offset()));
    }
}
