package dev.arca.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.core.Constraint;
import dev.arca.core.PackageFormat;
import dev.arca.core.ResourceNames;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.TagRow;
import dev.arca.server.service.PackageGroupService;
import dev.arca.server.service.PackageGroupService.GroupView;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.PageToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The package-group operations of the control plane. */
final class PackageGroupApi {

    static final Constraint PATTERN = Constraint.of(2, 520, "[^\\p{C}\\p{IsWhitespace}]+");
    private static final Constraint PATTERN_PREFIX = Constraint.of(0, 520, "\\P{C}*");
    private static final Constraint CONTACT = Constraint.of(0, 1000, "\\P{C}*");
    private static final Constraint TYPE = Constraint.of(1, 30, "[A-Z_]+");
    private static final Constraint FORMAT = Constraint.of(1, 20, "[a-z]+");

    private final PackageGroupService groups;

    PackageGroupApi(PackageGroupService groups) {
        this.groups = Objects.requireNonNull(groups);
    }

    void registerInto(PackageApi.RouteTable routes) {
        routes.add("CreatePackageGroup", "POST", "/v1/package-group", this::create);
        routes.add("DescribePackageGroup", "GET", "/v1/package-group", this::describe);
        routes.add("UpdatePackageGroup", "PUT", "/v1/package-group", this::update);
        routes.add("UpdatePackageGroupOriginConfiguration", "PUT", "/v1/package-group-origin-configuration",
                this::updateOrigin);
        routes.add("DeletePackageGroup", "DELETE", "/v1/package-group", this::delete);
        routes.add("ListPackageGroups", "POST", "/v1/package-groups", this::list);
        routes.add("ListSubPackageGroups", "POST", "/v1/package-groups/sub-groups", this::listSubGroups);
        routes.add("GetAssociatedPackageGroup", "GET", "/v1/get-associated-package-group", this::associated);
        routes.add("ListAssociatedPackages", "GET", "/v1/list-associated-packages", this::associatedPackages);
        routes.add("ListAllowedRepositoriesForGroup", "GET", "/v1/package-group-allowed-repositories",
                this::allowedRepositories);
    }

    private Object create(ApiRequest r) {
        List<TagRow> tags = r.bodyList("tags", node -> new TagRow(
                ApiRequest.requiredField(node, "tags.member", "key", ResourceNames.TAG_KEY),
                node.path("value").asText(""))).orElse(List.of());
        return Map.of("packageGroup", description(groups.create(r.caller(), owner(r), domain(r),
                r.requiredBodyString("packageGroup", PATTERN), r.bodyString("description", ResourceNames.DESCRIPTION),
                r.bodyString("contactInfo", CONTACT), tags)));
    }

    private Object describe(ApiRequest r) {
        return Map.of("packageGroup", description(groups.describe(r.caller(), owner(r), domain(r), queryPattern(r))));
    }

    private Object update(ApiRequest r) {
        return Map.of("packageGroup", description(groups.update(r.caller(), owner(r), domain(r),
                r.requiredBodyString("packageGroup", PATTERN), r.bodyString("description", ResourceNames.DESCRIPTION),
                r.bodyString("contactInfo", CONTACT))));
    }

    private Object updateOrigin(ApiRequest r) {
        Map<String, String> restrictions = new LinkedHashMap<>();
        JsonNode node = r.body().path("restrictions");
        if (node.isObject()) {
            node.properties().forEach(e -> restrictions.put(e.getKey(), e.getValue().asText()));
        }
        PackageGroupService.OriginUpdate update = groups.updateOrigin(r.caller(), owner(r), domain(r), queryPattern(r),
                restrictions, allowed(r, "addAllowedRepositories"), allowed(r, "removeAllowedRepositories"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packageGroup", description(update.group()));
        out.put("allowedRepositoryUpdates", update.allowedRepositoryUpdates());
        return out;
    }

    private Object delete(ApiRequest r) {
        return Map.of("packageGroup", description(groups.delete(r.caller(), owner(r), domain(r), queryPattern(r))));
    }

    private Object list(ApiRequest r) {
        return paged("packageGroups", groups.list(r.caller(), owner(r), domain(r),
                r.query("prefix", "prefix", PATTERN_PREFIX), maxResults(r), nextToken(r)));
    }

    private Object listSubGroups(ApiRequest r) {
        return paged("packageGroups", groups.listSubGroups(r.caller(), owner(r), domain(r), queryPattern(r),
                maxResults(r), nextToken(r)));
    }

    private Object associated(ApiRequest r) {
        PackageFormat format = PackageFormat.fromWire(r.requiredQuery("format", "format", FORMAT))
                .orElseThrow(() -> ApiException.validation("format must be one of " + PackageFormat.wireNames()));
        PackageRef ref = PackageRef.of(format, r.query("namespace", "namespace", ResourceNames.PACKAGE_NAME),
                r.requiredQuery("package", "package", ResourceNames.PACKAGE_NAME));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packageGroup", description(groups.associated(r.caller(), owner(r), domain(r), ref)));
        out.put("associationType", "STRONG");
        return out;
    }

    private Object associatedPackages(ApiRequest r) {
        PageToken.Page<PackageGroupService.Association> page = groups.associatedPackages(r.caller(), owner(r),
                domain(r), queryPattern(r), r.queryBoolean("preview", "preview"), maxResults(r), nextToken(r));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packages", page.items().stream().map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("format", a.key().format());
            if (!a.key().namespace().isEmpty()) {
                item.put("namespace", a.key().namespace());
            }
            item.put("package", a.key().name());
            item.put("associationType", a.associationType());
            return item;
        }).toList());
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private Object allowedRepositories(ApiRequest r) {
        PageToken.Page<String> page = groups.allowedRepositories(r.caller(), owner(r), domain(r), queryPattern(r),
                r.requiredQuery("originRestrictionType", "originRestrictionType", TYPE), maxResults(r), nextToken(r));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allowedRepositories", page.items());
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private static List<Map.Entry<String, String>> allowed(ApiRequest r, String member) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        r.bodyList(member, node -> Map.entry(
                ApiRequest.requiredField(node, member + ".member", "repositoryName", ResourceNames.REPOSITORY),
                ApiRequest.requiredField(node, member + ".member", "originRestrictionType", TYPE)))
                .ifPresent(out::addAll);
        return out;
    }

    private static Map<String, Object> description(GroupView view) {
        Map<String, Object> out = reference(view);
        out.put("domainName", view.domain().name());
        out.put("domainOwner", view.domain().owner());
        out.put("createdTime", Shapes.timestamp(view.row().createdTime()));
        view.row().contactInfo().ifPresent(c -> out.put("contactInfo", c));
        view.row().description().ifPresent(d -> out.put("description", d));
        Map<String, Object> restrictions = new LinkedHashMap<>();
        view.restrictions().forEach((type, restriction) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("mode", restriction.mode());
            item.put("effectiveMode", restriction.effectiveMode());
            restriction.inheritedFrom().ifPresent(g -> item.put("inheritedFrom",
                    Map.of("arn", g.arn(), "pattern", g.pattern())));
            item.put("repositoriesCount", restriction.repositoriesCount());
            restrictions.put(type, item);
        });
        out.put("originConfiguration", Map.of("restrictions", restrictions));
        view.parent().ifPresent(p -> out.put("parent", reference(p)));
        return out;
    }

    private static Map<String, Object> reference(GroupView view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arn", view.arn());
        out.put("pattern", view.row().pattern());
        return out;
    }

    private static Map<String, Object> paged(String member, PageToken.Page<GroupView> page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, page.items().stream().map(PackageGroupApi::description).toList());
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private static String queryPattern(ApiRequest r) {
        return r.requiredQuery("package-group", "packageGroup", PATTERN);
    }

    private static String domain(ApiRequest r) {
        return r.requiredQuery("domain", "domain", ResourceNames.DOMAIN);
    }

    private static Optional<String> owner(ApiRequest r) {
        return r.query("domain-owner", "domainOwner", ResourceNames.ACCOUNT_ID);
    }

    private static Optional<Integer> maxResults(ApiRequest r) {
        return r.queryInt("max-results", "maxResults", 1, 1000);
    }

    private static Optional<String> nextToken(ApiRequest r) {
        return r.query("next-token", "nextToken", ResourceNames.PAGINATION_TOKEN);
    }
}
