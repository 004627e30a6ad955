package dev.arca.server.api;

import dev.arca.core.Arns;
import dev.arca.core.PackageGroupPattern;
import dev.arca.core.ResourceNames;
import dev.arca.core.ServiceLimits;
import dev.arca.server.error.ApiException;
import dev.arca.server.iam.CodeArtifactAccess;
import dev.arca.server.service.PackageRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What each control-plane operation needs permission for (policies.md §3.2, the service authorization reference):
 * the action, the resource it is decided on and the request's own condition keys. Every operation is checked here
 * before it runs; an operation missing from this table is refused rather than left unchecked.
 */
final class OperationPermissions {

    /** How one operation is authorized. */
    @FunctionalInterface
    private interface Requirement {
        void check(ApiRequest request);
    }

    private final CodeArtifactAccess access;
    private final Map<String, Requirement> requirements = new HashMap<>();

    OperationPermissions(CodeArtifactAccess access) {
        this.access = Objects.requireNonNull(access, "access");
        for (String operation : List.of("CreateDomain")) {
            requirements.put(operation, r -> require(r, operation, CodeArtifactAccess.ANY_RESOURCE,
                    CodeArtifactAccess.requestTags(ControlPlaneApi.bodyTags(r))));
        }
        for (String operation : List.of("ListDomains", "ListRepositories")) {
            requirements.put(operation, r -> require(r, operation, CodeArtifactAccess.ANY_RESOURCE, Map.of()));
        }
        for (String operation : List.of("DescribeDomain", "DeleteDomain", "GetDomainPermissionsPolicy",
                "DeleteDomainPermissionsPolicy", "ListRepositoriesInDomain", "ListPackageGroups")) {
            requirements.put(operation, r -> require(r, operation, domainArn(r), Map.of()));
        }
        requirements.put("GetAuthorizationToken", r -> require(r, "GetAuthorizationToken", domainArn(r),
                r.queryLong("duration", "durationSeconds", 0, ServiceLimits.MAX_TOKEN_SECONDS)
                        .map(seconds -> Map.of("sts:DurationSeconds", List.of(Long.toString(seconds))))
                        .orElse(Map.of())));
        // Creating in a domain is decided on the domain (§3.2 Decision), new upstreams on each upstream.
        for (String operation : List.of("CreateRepository", "CreatePackageGroup")) {
            requirements.put(operation, r -> {
                require(r, operation, domainArn(r), CodeArtifactAccess.requestTags(ControlPlaneApi.bodyTags(r)));
                upstreamsOf(r, upstream -> require(r, "AssociateWithDownstreamRepository", upstream, Map.of()));
            });
        }
        requirements.put("PutDomainPermissionsPolicy", r -> access.requireIgnoringOwnPolicy(r.caller(),
                action("PutDomainPermissionsPolicy"), Arns.domain(access.region(), r.bodyString("domainOwner",
                        ResourceNames.ACCOUNT_ID).orElse(r.caller().accountId()), r.requiredBodyString("domain",
                        ResourceNames.DOMAIN))));
        for (String operation : List.of("DescribeRepository", "DeleteRepository", "GetRepositoryEndpoint",
                "GetRepositoryPermissionsPolicy", "DeleteRepositoryPermissionsPolicy", "AssociateExternalConnection",
                "DisassociateExternalConnection", "ListPackages")) {
            requirements.put(operation, r -> require(r, operation, repositoryArn(r), Map.of()));
        }
        requirements.put("UpdateRepository", r -> {
            require(r, "UpdateRepository", repositoryArn(r), Map.of());
            upstreamsOf(r, upstream -> require(r, "AssociateWithDownstreamRepository", upstream, Map.of()));
        });
        requirements.put("PutRepositoryPermissionsPolicy", r -> access.requireIgnoringOwnPolicy(r.caller(),
                action("PutRepositoryPermissionsPolicy"), repositoryArn(r)));
        for (String operation : List.of("DescribePackage", "DeletePackage", "PutPackageOriginConfiguration",
                "ListPackageVersions", "DescribePackageVersion", "ListPackageVersionAssets", "GetPackageVersionAsset",
                "GetPackageVersionReadme", "ListPackageVersionDependencies", "PublishPackageVersion",
                "UpdatePackageVersionsStatus", "DisposePackageVersions", "DeletePackageVersions")) {
            requirements.put(operation, r -> require(r, operation, packageArn(r), Map.of()));
        }
        requirements.put("CopyPackageVersions", r -> {
            for (String side : List.of("source-repository", "destination-repository")) {
                String repository = r.requiredQuery(side, side.equals("source-repository") ? "sourceRepository"
                        : "destinationRepository", ResourceNames.REPOSITORY);
                require(r, "CopyPackageVersions", Arns.repository(access.region(), owner(r), domain(r), repository),
                        Map.of());
            }
        });
        for (String operation : List.of("DescribePackageGroup", "DeletePackageGroup", "UpdatePackageGroup",
                "UpdatePackageGroupOriginConfiguration", "ListAllowedRepositoriesForGroup", "ListAssociatedPackages",
                "ListSubPackageGroups")) {
            requirements.put(operation, r -> require(r, operation, packageGroupArn(r, groupPattern(r)), Map.of()));
        }
        // The group a package belongs to is what the operation finds out: decided on the domain's root group.
        requirements.put("GetAssociatedPackageGroup", r -> require(r, "GetAssociatedPackageGroup",
                packageGroupArn(r, "/*"), Map.of()));
        requirements.put("TagResource", r -> require(r, "TagResource", taggedArn(r),
                CodeArtifactAccess.requestTags(r.bodyList("tags", ControlPlaneApi::tag).orElse(List.of()))));
        requirements.put("UntagResource", r -> require(r, "UntagResource", taggedArn(r),
                r.bodyList("tagKeys", node -> node.asText()).map(keys -> Map.of("aws:TagKeys", keys))
                        .orElse(Map.of())));
        requirements.put("ListTagsForResource", r -> require(r, "ListTagsForResource", taggedArn(r), Map.of()));
    }

    /** Checks {@code request} for the operation it names; throws AccessDeniedException when it is not allowed. */
    void check(String operation, ApiRequest request) {
        Requirement requirement = requirements.get(operation);
        if (requirement == null) {
            throw new IllegalStateException("No permission is defined for " + operation);
        }
        requirement.check(request);
    }

    /** Whether {@code operation} has a requirement: every routed operation must. */
    boolean covers(String operation) {
        return requirements.containsKey(operation);
    }

    private void require(ApiRequest r, String operation, String resourceArn, Map<String, List<String>> keys) {
        access.require(r.caller(), action(operation), resourceArn, keys);
    }

    private static String action(String operation) {
        return "codeartifact:" + operation;
    }

    private String domainArn(ApiRequest r) {
        return Arns.domain(access.region(), owner(r), domain(r));
    }

    private String repositoryArn(ApiRequest r) {
        return Arns.repository(access.region(), owner(r), domain(r),
                r.requiredQuery("repository", "repository", ResourceNames.REPOSITORY));
    }

    private String packageArn(ApiRequest r) {
        PackageRef ref = PackageApi.ref(r);
        return Arns.pkg(access.region(), owner(r), domain(r), r.requiredQuery("repository", "repository",
                ResourceNames.REPOSITORY), ref.format(), ref.namespace(), ref.name());
    }

    private String packageGroupArn(ApiRequest r, String pattern) {
        String canonical;
        try {
            canonical = PackageGroupPattern.parse(pattern).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
        return "arn:aws:codeartifact:" + access.region() + ":" + owner(r) + ":package-group/" + domain(r) + canonical;
    }

    /** The group an operation names: in the query, or for UpdatePackageGroup in the body. */
    private static String groupPattern(ApiRequest r) {
        return r.query("package-group", "packageGroup", PackageGroupApi.PATTERN)
                .orElseGet(() -> r.requiredBodyString("packageGroup", PackageGroupApi.PATTERN));
    }

    private void upstreamsOf(ApiRequest r, Consumer<String> check) {
        r.bodyList("upstreams", node -> ApiRequest.requiredField(node, "upstreams.member", "repositoryName",
                ResourceNames.REPOSITORY)).orElse(List.of()).forEach(upstream -> check.accept(
                Arns.repository(access.region(), owner(r), domain(r), upstream)));
    }

    private static String taggedArn(ApiRequest r) {
        String arn = r.requiredQuery("resourceArn", "resourceArn", ResourceNames.ARN);
        if (Arns.parse(arn).filter(a -> !"package".equals(a.type())).isEmpty()) {
            throw ApiException.validation("Resource ARN " + arn
                    + " is not a CodeArtifact domain, repository or package group ARN");
        }
        return arn;
    }

    private static String owner(ApiRequest r) {
        return r.query("domain-owner", "domainOwner", ResourceNames.ACCOUNT_ID).orElse(r.caller().accountId());
    }

    private static String domain(ApiRequest r) {
        return r.requiredQuery("domain", "domain", ResourceNames.DOMAIN);
    }
}
