package dev.arca.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.core.Constraint;
import dev.arca.core.PackageFormat;
import dev.arca.core.ResourceNames;
import dev.arca.core.ServiceLimits;
import dev.arca.server.error.ApiException;
import dev.arca.server.iam.CodeArtifactAccess;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.service.DomainService;
import dev.arca.server.service.PackageGroupService;
import dev.arca.server.service.Packages;
import dev.arca.server.service.PageToken;
import dev.arca.server.service.PolicyService;
import dev.arca.server.service.RepositoryService;
import dev.arca.server.service.TagService;
import dev.arca.server.service.TokenService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CodeArtifact control plane as routes: method + path to a thin adapter that reads the request the way
 * the service model places each member (query, body), calls a service and shapes the answer.
 */
public final class ControlPlaneApi {

    /** One operation's adapter. */
    @FunctionalInterface
    public interface Operation {
        Object handle(ApiRequest request);
    }

    /** The one operation whose request body is raw content to stream rather than JSON. */
    public static final String STREAMING_UPLOAD = "POST /v1/package/version/publish";

    private static final Constraint FORMAT = Constraint.of(1, 20, "[a-z]+");
    private static final Constraint ENCRYPTION_KEY = ResourceNames.ARN;

    /** An operation as served: its name in the service model and its adapter behind the permission check. */
    private record Route(String name, Operation operation) {
    }

    /** Routes by method and path, e.g. {@code POST /v1/domain}. */
    private final Map<String, Route> routes = new HashMap<>();
    private final DomainService domains;
    private final RepositoryService repositories;
    private final PolicyService policies;
    private final TagService tags;
    private final TokenService tokens;
    private final ServiceLimits limits;
    private final Packages packages;
    private final OperationPermissions permissions;

    public ControlPlaneApi(DomainService domains, RepositoryService repositories, PolicyService policies,
                           TagService tags, TokenService tokens, Packages packages,
                           PackageGroupService groups, ServiceLimits limits, CodeArtifactAccess access) {
        this.permissions = new OperationPermissions(access);
        this.domains = Objects.requireNonNull(domains);
        this.repositories = Objects.requireNonNull(repositories);
        this.policies = Objects.requireNonNull(policies);
        this.tags = Objects.requireNonNull(tags);
        this.tokens = Objects.requireNonNull(tokens);
        this.limits = Objects.requireNonNull(limits);
        this.packages = Objects.requireNonNull(packages);

        route("CreateDomain", "POST", "/v1/domain", this::createDomain);
        route("DescribeDomain", "GET", "/v1/domain", this::describeDomain);
        route("ListDomains", "POST", "/v1/domains", this::listDomains);
        route("DeleteDomain", "DELETE", "/v1/domain", this::deleteDomain);
        route("PutDomainPermissionsPolicy", "PUT", "/v1/domain/permissions/policy", this::putDomainPolicy);
        route("GetDomainPermissionsPolicy", "GET", "/v1/domain/permissions/policy", this::getDomainPolicy);
        route("DeleteDomainPermissionsPolicy", "DELETE", "/v1/domain/permissions/policy", this::deleteDomainPolicy);
        route("CreateRepository", "POST", "/v1/repository", this::createRepository);
        route("DescribeRepository", "GET", "/v1/repository", this::describeRepository);
        route("UpdateRepository", "PUT", "/v1/repository", this::updateRepository);
        route("DeleteRepository", "DELETE", "/v1/repository", this::deleteRepository);
        route("ListRepositories", "POST", "/v1/repositories", this::listRepositories);
        route("ListRepositoriesInDomain", "POST", "/v1/domain/repositories", this::listRepositoriesInDomain);
        route("GetRepositoryEndpoint", "GET", "/v1/repository/endpoint", this::getRepositoryEndpoint);
        route("PutRepositoryPermissionsPolicy", "PUT", "/v1/repository/permissions/policy", this::putRepositoryPolicy);
        route("GetRepositoryPermissionsPolicy", "GET", "/v1/repository/permissions/policy", this::getRepositoryPolicy);
        route("DeleteRepositoryPermissionsPolicy", "DELETE", "/v1/repository/permissions/policies",
                this::deleteRepositoryPolicy);
        route("AssociateExternalConnection", "POST", "/v1/repository/external-connection",
                this::associateExternalConnection);
        route("DisassociateExternalConnection", "DELETE", "/v1/repository/external-connection",
                this::disassociateExternalConnection);
        route("GetAuthorizationToken", "POST", "/v1/authorization-token", this::getAuthorizationToken);
        route("TagResource", "POST", "/v1/tag", this::tagResource);
        route("UntagResource", "POST", "/v1/untag", this::untagResource);
        route("ListTagsForResource", "POST", "/v1/tags", this::listTagsForResource);
        new PackageApi(packages).registerInto(this::route);
        new PackageGroupApi(groups).registerInto(this::route);
    }

    /**
     * Registers the operation the service model calls {@code name} at a method and path, behind its permission
     * check: nothing runs that was not authorized first.
     */
    private void route(String name, String method, String path, Operation operation) {
        if (!permissions.covers(name)) {
            throw new IllegalStateException("No permission is known for " + name);
        }
        Route route = new Route(name, request -> {
            permissions.check(name, request);
            return operation.handle(request);
        });
        if (routes.putIfAbsent(method + " " + path, route) != null) {
            throw new IllegalStateException("Two operations at " + method + " " + path);
        }
    }

    /** The model's name for the operation at a method and path, e.g. {@code CreateDomain}. */
    public Optional<String> operationName(String method, String path) {
        return Optional.ofNullable(routes.get(method + " " + path)).map(Route::name);
    }

    /** The operation for a method and path; an unknown one is a ValidationException (UNKNOWN_OPERATION). */
    public Operation operation(String method, String path) {
        Route route = routes.get(method + " " + path);
        if (route == null) {
            throw ApiException.validation("UNKNOWN_OPERATION", "No operation is served at " + method + " " + path);
        }
        return route.operation();
    }

    // Domains

    private Object createDomain(ApiRequest r) {
        String name = domainName(r);
        Optional<String> key = r.bodyString("encryptionKey", ENCRYPTION_KEY);
        return Map.of("domain", domainDescription(domains.create(r.caller(), name, key, bodyTags(r))));
    }

    private Object describeDomain(ApiRequest r) {
        return Map.of("domain", domainDescription(domains.describe(r.caller(), owner(r), domainName(r))));
    }

    private Object listDomains(ApiRequest r) {
        PageToken.Page<DomainService.DomainView> page = domains.list(r.caller(),
                r.bodyInt("maxResults", 1, limits.maxPageSize()),
                r.bodyString("nextToken", ResourceNames.PAGINATION_TOKEN));
        return paged("domains", page.items().stream().map(Shapes::domainSummary).toList(), page.nextToken());
    }

    private Object deleteDomain(ApiRequest r) {
        Map<String, Object> description = domainDescription(domains.delete(r.caller(), owner(r), domainName(r)));
        description.put("status", "Deleted");
        return Map.of("domain", description);
    }

    // Domain policy: the only operation whose coordinates travel in the body.

    private Object putDomainPolicy(ApiRequest r) {
        String domain = r.requiredBodyString("domain", ResourceNames.DOMAIN);
        Optional<String> owner = r.bodyString("domainOwner", ResourceNames.ACCOUNT_ID);
        String document = r.requiredBodyString("policyDocument", ResourceNames.POLICY_DOCUMENT);
        Optional<String> revision = r.bodyString("policyRevision", ResourceNames.POLICY_REVISION);
        return Map.of("policy", Shapes.policy(policies.putDomainPolicy(r.caller(), owner, domain, document, revision)));
    }

    private Object getDomainPolicy(ApiRequest r) {
        String domain = domainName(r);
        return Map.of("policy", Shapes.policy(policies.getDomainPolicy(r.caller(), owner(r), domain)));
    }

    private Object deleteDomainPolicy(ApiRequest r) {
        String domain = domainName(r);
        Optional<String> revision = r.query("policy-revision", "policyRevision", ResourceNames.POLICY_REVISION);
        return Map.of("policy", Shapes.policy(policies.deleteDomainPolicy(r.caller(), owner(r), domain, revision)));
    }

    // Repositories

    private Object createRepository(ApiRequest r) {
        Optional<String> description = r.bodyString("description", ResourceNames.DESCRIPTION);
        List<String> upstreams = upstreams(r).orElse(List.of());
        return Map.of("repository", Shapes.repositoryDescription(repositories.create(r.caller(), owner(r),
                domainName(r), repositoryName(r), description, upstreams, bodyTags(r))));
    }

    private Object describeRepository(ApiRequest r) {
        return Map.of("repository", Shapes.repositoryDescription(
                repositories.describe(r.caller(), owner(r), domainName(r), repositoryName(r))));
    }

    private Object updateRepository(ApiRequest r) {
        Optional<String> description = r.bodyString("description", ResourceNames.DESCRIPTION);
        return Map.of("repository", Shapes.repositoryDescription(repositories.update(r.caller(), owner(r),
                domainName(r), repositoryName(r), description, upstreams(r))));
    }

    private Object deleteRepository(ApiRequest r) {
        Map<String, Object> deleted = Shapes.repositoryDescription(
                repositories.delete(r.caller(), owner(r), domainName(r), repositoryName(r)));
        // Its packages went with it; blobs no other repository holds go now.
        packages.lifecycle().collectGarbage();
        return Map.of("repository", deleted);
    }

    private Object listRepositories(ApiRequest r) {
        PageToken.Page<RepositoryService.RepositoryView> page = repositories.listAdministered(r.caller(),
                r.query("repository-prefix", "repositoryPrefix", ResourceNames.REPOSITORY_PREFIX),
                maxResults(r), nextToken(r));
        return paged("repositories", page.items().stream().map(Shapes::repositorySummary).toList(), page.nextToken());
    }

    private Object listRepositoriesInDomain(ApiRequest r) {
        PageToken.Page<RepositoryService.RepositoryView> page = repositories.listInDomain(r.caller(), owner(r),
                domainName(r), r.query("administrator-account", "administratorAccount", ResourceNames.ACCOUNT_ID),
                r.query("repository-prefix", "repositoryPrefix", ResourceNames.REPOSITORY_PREFIX),
                maxResults(r), nextToken(r));
        return paged("repositories", page.items().stream().map(Shapes::repositorySummary).toList(), page.nextToken());
    }

    private Object getRepositoryEndpoint(ApiRequest r) {
        String formatName = r.requiredQuery("format", "format", FORMAT);
        PackageFormat format = PackageFormat.fromWire(formatName).orElseThrow(() -> ApiException.validation(
                "1 validation error detected: Value '" + formatName + "' at 'format' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: " + PackageFormat.wireNames()));
        r.query("endpointType", "endpointType", ResourceNames.ENDPOINT_TYPE);
        return Map.of("repositoryEndpoint", repositories.endpoint(r.caller(), owner(r), domainName(r),
                repositoryName(r), format, r.baseUrl()));
    }

    private Object putRepositoryPolicy(ApiRequest r) {
        String document = r.requiredBodyString("policyDocument", ResourceNames.POLICY_DOCUMENT);
        Optional<String> revision = r.bodyString("policyRevision", ResourceNames.POLICY_REVISION);
        return Map.of("policy", Shapes.policy(policies.putRepositoryPolicy(r.caller(), owner(r), domainName(r),
                repositoryName(r), document, revision)));
    }

    private Object getRepositoryPolicy(ApiRequest r) {
        return Map.of("policy", Shapes.policy(policies.getRepositoryPolicy(r.caller(), owner(r), domainName(r),
                repositoryName(r))));
    }

    private Object deleteRepositoryPolicy(ApiRequest r) {
        Optional<String> revision = r.query("policy-revision", "policyRevision", ResourceNames.POLICY_REVISION);
        return Map.of("policy", Shapes.policy(policies.deleteRepositoryPolicy(r.caller(), owner(r), domainName(r),
                repositoryName(r), revision)));
    }

    private Object associateExternalConnection(ApiRequest r) {
        return Map.of("repository", Shapes.repositoryDescription(repositories.associateExternalConnection(r.caller(),
                owner(r), domainName(r), repositoryName(r), externalConnection(r))));
    }

    private Object disassociateExternalConnection(ApiRequest r) {
        return Map.of("repository", Shapes.repositoryDescription(repositories.disassociateExternalConnection(
                r.caller(), owner(r), domainName(r), repositoryName(r), externalConnection(r))));
    }

    // Authorization

    private Object getAuthorizationToken(ApiRequest r) {
        Optional<Long> duration = r.queryLong("duration", "durationSeconds", 0, ServiceLimits.MAX_TOKEN_SECONDS);
        DomainRow row = domains.find(r.caller(), owner(r), domainName(r));
        TokenService.IssuedToken token = tokens.issue(r.caller(), row, duration);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("authorizationToken", token.token());
        out.put("expiration", Shapes.timestamp(token.expiration()));
        return out;
    }

    // Tags

    private Object tagResource(ApiRequest r) {
        List<TagRow> tagList = r.bodyList("tags", ControlPlaneApi::tag).orElseThrow(() -> ApiRequest.missing("tags"));
        tags.tag(resourceArn(r), tagList);
        return Map.of();
    }

    private Object untagResource(ApiRequest r) {
        List<String> keys = r.bodyList("tagKeys", node -> {
            if (!node.isTextual()) {
                throw ApiException.validation("CANNOT_PARSE", "tagKeys must be a list of strings");
            }
            return ApiRequest.check("tagKeys.member", node.asText(), ResourceNames.TAG_KEY);
        }).orElseThrow(() -> ApiRequest.missing("tagKeys"));
        tags.untag(resourceArn(r), keys);
        return Map.of();
    }

    private Object listTagsForResource(ApiRequest r) {
        return Map.of("tags", Shapes.tags(tags.list(resourceArn(r))));
    }

    // Members shared by many operations

    private static String domainName(ApiRequest r) {
        return r.requiredQuery("domain", "domain", ResourceNames.DOMAIN);
    }

    private static Optional<String> owner(ApiRequest r) {
        return r.query("domain-owner", "domainOwner", ResourceNames.ACCOUNT_ID);
    }

    private static String repositoryName(ApiRequest r) {
        return r.requiredQuery("repository", "repository", ResourceNames.REPOSITORY);
    }

    private static String externalConnection(ApiRequest r) {
        return r.requiredQuery("external-connection", "externalConnection", ResourceNames.EXTERNAL_CONNECTION);
    }

    private static String resourceArn(ApiRequest r) {
        return r.requiredQuery("resourceArn", "resourceArn", ResourceNames.ARN);
    }

    private Optional<Integer> maxResults(ApiRequest r) {
        return r.queryInt("max-results", "maxResults", 1, limits.maxPageSize());
    }

    private static Optional<String> nextToken(ApiRequest r) {
        return r.query("next-token", "nextToken", ResourceNames.PAGINATION_TOKEN);
    }

    private static Optional<List<String>> upstreams(ApiRequest r) {
        return r.bodyList("upstreams",
                node -> ApiRequest.requiredField(node, "upstreams.member", "repositoryName", ResourceNames.REPOSITORY));
    }

    static List<TagRow> bodyTags(ApiRequest r) {
        return r.bodyList("tags", ControlPlaneApi::tag).orElse(List.of());
    }

    static TagRow tag(JsonNode node) {
        String key = ApiRequest.requiredField(node, "tags.member", "key", ResourceNames.TAG_KEY);
        JsonNode value = node.path("value");
        return new TagRow(key, value.isTextual() ? value.asText() : "");
    }

    private Map<String, Object> domainDescription(DomainService.DomainView view) {
        return Shapes.domainDescription(view, domains.s3BucketArn(view.row()));
    }

    private static Map<String, Object> paged(String member, List<?> items, Optional<String> nextToken) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, items);
        nextToken.ifPresent(token -> out.put("nextToken", token));
        return out;
    }
}
