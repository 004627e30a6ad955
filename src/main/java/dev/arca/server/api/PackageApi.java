package dev.arca.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.core.Constraint;
import dev.arca.core.PackageFormat;
import dev.arca.core.ResourceNames;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.GenericPublishing;
import dev.arca.server.service.GenericPublishing.PublishedAsset;
import dev.arca.server.service.PackageLifecycle;
import dev.arca.server.service.PackageLifecycle.BatchResult;
import dev.arca.server.service.PackageReads;
import dev.arca.server.service.PackageReads.AssetPage;
import dev.arca.server.service.PackageReads.OpenAsset;
import dev.arca.server.service.PackageReads.PackageView;
import dev.arca.server.service.PackageReads.VersionPage;
import dev.arca.server.service.PackageReads.VersionView;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.service.PageToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The package, package-version and asset operations of the control plane, as thin adapters. */
public final class PackageApi {

    private static final Constraint FORMAT = Constraint.of(1, 20, "[a-z]+");
    private static final Constraint ORIGIN = Constraint.of(5, 5, "ALLOW|BLOCK");
    private static final Constraint STATUS = Constraint.of(1, 20, "[A-Za-z]+");
    private static final Constraint ORIGIN_TYPE = Constraint.of(1, 20, "INTERNAL|EXTERNAL|UNKNOWN");
    private static final Constraint SORT = Constraint.of(1, 20, "PUBLISHED_TIME");

    private final PackageReads reads;
    private final GenericPublishing generic;
    private final PackageLifecycle lifecycle;

    public PackageApi(Packages packages) {
        this.reads = packages.reads();
        this.generic = packages.generic();
        this.lifecycle = packages.lifecycle();
    }

    /** Registers every route of this group: the model's operation name, method, path, adapter. */
    void registerInto(RouteTable routes) {
        routes.add("ListPackages", "POST", "/v1/packages", this::listPackages);
        routes.add("DescribePackage", "GET", "/v1/package", this::describePackage);
        routes.add("DeletePackage", "DELETE", "/v1/package", this::deletePackage);
        routes.add("PutPackageOriginConfiguration", "POST", "/v1/package", this::putPackageOriginConfiguration);
        routes.add("ListPackageVersions", "POST", "/v1/package/versions", this::listPackageVersions);
        routes.add("DescribePackageVersion", "GET", "/v1/package/version", this::describePackageVersion);
        routes.add("ListPackageVersionAssets", "POST", "/v1/package/version/assets", this::listPackageVersionAssets);
        routes.add("GetPackageVersionAsset", "GET", "/v1/package/version/asset", this::getPackageVersionAsset);
        routes.add("GetPackageVersionReadme", "GET", "/v1/package/version/readme", this::getPackageVersionReadme);
        routes.add("ListPackageVersionDependencies", "POST", "/v1/package/version/dependencies",
                this::listPackageVersionDependencies);
        routes.add("PublishPackageVersion", "POST", "/v1/package/version/publish", this::publishPackageVersion);
        routes.add("CopyPackageVersions", "POST", "/v1/package/versions/copy", this::copyPackageVersions);
        routes.add("UpdatePackageVersionsStatus", "POST", "/v1/package/versions/update_status",
                this::updatePackageVersionsStatus);
        routes.add("DisposePackageVersions", "POST", "/v1/package/versions/dispose", this::disposePackageVersions);
        routes.add("DeletePackageVersions", "POST", "/v1/package/versions/delete", this::deletePackageVersions);
    }

    /** Where routes are registered. */
    @FunctionalInterface
    interface RouteTable {
        void add(String name, String method, String path, ControlPlaneApi.Operation operation);
    }

    // Packages

    private Object listPackages(ApiRequest r) {
        Optional<PackageFormat> format = r.query("format", "format", FORMAT).map(PackageApi::format);
        PageToken.Page<PackageView> page = reads.listPackages(r.caller(), owner(r), domain(r),
                repository(r), format, r.query("namespace", "namespace", ResourceNames.PACKAGE_NAME),
                r.query("package-prefix", "packagePrefix", ResourceNames.PACKAGE_NAME),
                r.query("publish", "publish", ORIGIN), r.query("upstream", "upstream", ORIGIN),
                r.queryInt("max-results", "maxResults", 1, 1000), nextToken(r));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packages", page.items().stream().map(PackageApi::packageSummary).toList());
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private Object describePackage(ApiRequest r) {
        PackageView view = reads.describePackage(r.caller(), owner(r), domain(r), repository(r), ref(r));
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("format", view.ref().format().wireName());
        view.ref().namespaceIfAny().ifPresent(ns -> description.put("namespace", ns));
        description.put("name", view.ref().name());
        description.put("originConfiguration", origin(view));
        return Map.of("package", description);
    }

    private Object deletePackage(ApiRequest r) {
        return Map.of("deletedPackage", packageSummary(lifecycle.deletePackage(r.caller(), owner(r), domain(r),
                repository(r), ref(r))));
    }

    private Object putPackageOriginConfiguration(ApiRequest r) {
        JsonNode restrictions = r.body().path("restrictions");
        if (!restrictions.isObject()) {
            throw ApiRequest.missing("restrictions");
        }
        String publish = ApiRequest.requiredField(restrictions, "restrictions", "publish", ORIGIN);
        String upstream = ApiRequest.requiredField(restrictions, "restrictions", "upstream", ORIGIN);
        PackageView view = lifecycle.putOriginConfiguration(r.caller(), owner(r), domain(r),
                repository(r), ref(r), publish, upstream);
        return Map.of("originConfiguration", origin(view));
    }

    // Versions

    private Object listPackageVersions(ApiRequest r) {
        boolean newestFirst = r.query("sortBy", "sortBy", SORT).isPresent();
        PackageRef ref = ref(r);
        VersionPage page = reads.listVersions(r.caller(), owner(r), domain(r), repository(r), ref,
                r.query("status", "status", STATUS).map(PackageLifecycle::status),
                r.query("originType", "originType", ORIGIN_TYPE), newestFirst,
                r.queryInt("max-results", "maxResults", 1, 1000), nextToken(r));
        Map<String, Object> out = coordinates(ref);
        page.defaultDisplayVersion().ifPresent(v -> out.put("defaultDisplayVersion", v));
        out.put("versions", page.versions().stream().map(v -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("version", v.version());
            summary.put("revision", v.revision());
            summary.put("status", v.status().wireName());
            summary.put("origin", origin(v));
            return summary;
        }).toList());
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private Object describePackageVersion(ApiRequest r) {
        VersionView view = reads.describeVersion(r.caller(), owner(r), domain(r), repository(r),
                ref(r), version(r));
        VersionRow v = view.row();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", view.ref().format().wireName());
        view.ref().namespaceIfAny().ifPresent(ns -> out.put("namespace", ns));
        out.put("packageName", view.ref().name());
        out.put("displayName", v.metadata().displayName().orElse(view.ref().name()));
        out.put("version", v.version());
        v.metadata().summary().ifPresent(s -> out.put("summary", s));
        v.metadata().homePage().ifPresent(s -> out.put("homePage", s));
        v.metadata().sourceCodeRepository().ifPresent(s -> out.put("sourceCodeRepository", s));
        out.put("publishedTime", Shapes.timestamp(v.publishedTime()));
        out.put("licenses", v.metadata().licensesJson().map(PackageApi::licenses).orElse(List.of()));
        out.put("revision", v.revision());
        out.put("status", v.status().wireName());
        out.put("origin", origin(v));
        return Map.of("packageVersion", out);
    }

    private Object listPackageVersionAssets(ApiRequest r) {
        AssetPage page = reads.listAssets(r.caller(), owner(r), domain(r), repository(r), ref(r),
                version(r), r.queryInt("max-results", "maxResults", 1, 1000), nextToken(r));
        Map<String, Object> out = versionCoordinates(page.version());
        out.put("assets", page.assets().stream().map(PackageApi::assetSummary).toList());
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private Object getPackageVersionAsset(ApiRequest r) {
        OpenAsset asset = reads.openAsset(r.caller(), owner(r), domain(r), repository(r), ref(r),
                version(r), r.requiredQuery("asset", "assetName", ResourceNames.ASSET_NAME),
                r.query("revision", "packageVersionRevision", ResourceNames.REVISION));
        return new StreamedBody(Map.of("X-AssetName", asset.name(), "X-PackageVersion", asset.version(),
                "X-PackageVersionRevision", asset.revision()), asset.size(), asset.content());
    }

    private Object getPackageVersionReadme(ApiRequest r) {
        VersionView view = reads.describeVersion(r.caller(), owner(r), domain(r), repository(r),
                ref(r), version(r));
        Map<String, Object> out = versionCoordinates(view);
        view.row().metadata().readme().ifPresent(readme -> out.put("readme", readme));
        return out;
    }

    private Object listPackageVersionDependencies(ApiRequest r) {
        PackageRef ref = ref(r);
        String version = version(r);
        VersionView view = reads.describeVersion(r.caller(), owner(r), domain(r), repository(r),
                ref, version);
        Map<String, Object> out = versionCoordinates(view);
        out.put("dependencies", reads.dependencies(r.caller(), owner(r), domain(r), repository(r), ref, version)
                .stream().map(d -> {
                    Map<String, Object> dependency = new LinkedHashMap<>();
                    d.namespace().ifPresent(ns -> dependency.put("namespace", ns));
                    dependency.put("package", d.packageName());
                    d.dependencyType().ifPresent(t -> dependency.put("dependencyType", t));
                    d.versionRequirement().ifPresent(v -> dependency.put("versionRequirement", v));
                    return dependency;
                }).toList());
        return out;
    }

    private Object publishPackageVersion(ApiRequest r) {
        String declared = r.header("x-amz-content-sha256").orElseThrow(() -> ApiRequest.missing("assetSHA256"));
        ApiRequest.check("assetSHA256", declared, ResourceNames.SHA256);
        PublishedAsset published = generic.publish(r.caller(), owner(r), domain(r), repository(r), ref(r),
                version(r), r.requiredQuery("asset", "assetName", ResourceNames.ASSET_NAME), declared,
                r.queryBoolean("unfinished", "unfinished"), r.content());
        Map<String, Object> out = versionCoordinates(published.version());
        out.put("status", published.version().row().status().wireName());
        out.put("asset", assetSummary(published.asset()));
        return out;
    }

    // Batches

    private Object copyPackageVersions(ApiRequest r) {
        BatchResult result = lifecycle.copy(r.caller(), owner(r), domain(r),
                r.requiredQuery("source-repository", "sourceRepository", ResourceNames.REPOSITORY),
                r.requiredQuery("destination-repository", "destinationRepository", ResourceNames.REPOSITORY), ref(r),
                versions(r).orElse(List.of()), revisions(r), r.body().path("allowOverwrite").asBoolean(false),
                r.body().path("includeFromUpstream").asBoolean(false));
        return batch(result);
    }

    private Object updatePackageVersionsStatus(ApiRequest r) {
        return batch(lifecycle.updateStatus(r.caller(), owner(r), domain(r), repository(r), ref(r),
                versions(r).orElseThrow(() -> ApiRequest.missing("versions")), revisions(r),
                expectedStatus(r), PackageLifecycle.status(r.requiredBodyString("targetStatus", STATUS))));
    }

    private Object disposePackageVersions(ApiRequest r) {
        return batch(lifecycle.dispose(r.caller(), owner(r), domain(r), repository(r), ref(r),
                versions(r).orElseThrow(() -> ApiRequest.missing("versions")), revisions(r),
                expectedStatus(r)));
    }

    private Object deletePackageVersions(ApiRequest r) {
        return batch(lifecycle.delete(r.caller(), owner(r), domain(r), repository(r), ref(r),
                versions(r).orElseThrow(() -> ApiRequest.missing("versions")), expectedStatus(r)));
    }

    private static Map<String, Object> batch(BatchResult result) {
        Map<String, Object> successful = new LinkedHashMap<>();
        result.successful().forEach((version, row) -> successful.put(version,
                Map.of("revision", row.revision(), "status", row.status().wireName())));
        Map<String, Object> failed = new LinkedHashMap<>();
        result.failed().forEach((version, error) -> failed.put(version,
                Map.of("errorCode", error.errorCode(), "errorMessage", error.errorMessage())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("successfulVersions", successful);
        out.put("failedVersions", failed);
        return out;
    }

    // Members

    private static Optional<List<String>> versions(ApiRequest r) {
        return r.bodyList("versions", node -> {
            if (!node.isTextual()) {
                throw ApiException.validation("CANNOT_PARSE", "versions must be a list of strings");
            }
            return ApiRequest.check("versions.member", node.asText(), ResourceNames.PACKAGE_NAME);
        });
    }

    private static Map<String, String> revisions(ApiRequest r) {
        JsonNode node = r.body().path("versionRevisions");
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.validation("CANNOT_PARSE", "versionRevisions must be a map of version to revision");
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(ApiRequest.check("versionRevisions.key", e.getKey(),
                ResourceNames.PACKAGE_NAME), ApiRequest.check("versionRevisions.value", e.getValue().asText(),
                ResourceNames.REVISION)));
        return out;
    }

    static PackageRef ref(ApiRequest r) {
        PackageFormat format = format(r.requiredQuery("format", "format", FORMAT));
        return PackageRef.of(format, r.query("namespace", "namespace", ResourceNames.PACKAGE_NAME),
                r.requiredQuery("package", "package", ResourceNames.PACKAGE_NAME));
    }

    private static PackageFormat format(String name) {
        return PackageFormat.fromWire(name).orElseThrow(() -> ApiException.validation("1 validation error detected:"
                + " Value '" + name + "' at 'format' failed to satisfy constraint: Member must satisfy enum value set: "
                + PackageFormat.wireNames()));
    }

    private static String version(ApiRequest r) {
        return r.requiredQuery("version", "packageVersion", ResourceNames.PACKAGE_NAME);
    }

    private static String domain(ApiRequest r) {
        return r.requiredQuery("domain", "domain", ResourceNames.DOMAIN);
    }

    private static Optional<String> owner(ApiRequest r) {
        return r.query("domain-owner", "domainOwner", ResourceNames.ACCOUNT_ID);
    }

    private static String repository(ApiRequest r) {
        return r.requiredQuery("repository", "repository", ResourceNames.REPOSITORY);
    }

    private static Optional<String> nextToken(ApiRequest r) {
        return r.query("next-token", "nextToken", ResourceNames.PAGINATION_TOKEN);
    }

    // Shapes

    private static Map<String, Object> packageSummary(PackageView view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", view.ref().format().wireName());
        view.ref().namespaceIfAny().ifPresent(ns -> out.put("namespace", ns));
        out.put("package", view.ref().name());
        out.put("originConfiguration", origin(view));
        return out;
    }

    private static Map<String, Object> origin(PackageView view) {
        return Map.of("restrictions", Map.of("publish", view.row().publish(), "upstream", view.row().upstream()));
    }

    private static Map<String, Object> origin(VersionRow v) {
        Map<String, Object> entryPoint = new LinkedHashMap<>();
        v.originRepository().ifPresent(repo -> entryPoint.put("repositoryName", repo));
        v.originExternal().ifPresent(ext -> entryPoint.put("externalConnectionName", ext));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domainEntryPoint", entryPoint);
        out.put("originType", v.originType());
        return out;
    }

    private static Map<String, Object> coordinates(PackageRef ref) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", ref.format().wireName());
        ref.namespaceIfAny().ifPresent(ns -> out.put("namespace", ns));
        out.put("package", ref.name());
        return out;
    }

    private static Map<String, Object> versionCoordinates(VersionView view) {
        Map<String, Object> out = coordinates(view.ref());
        out.put("version", view.row().version());
        out.put("versionRevision", view.row().revision());
        return out;
    }

    private static Map<String, Object> assetSummary(AssetRow asset) {
        Map<String, Object> hashes = new LinkedHashMap<>();
        hashes.put("MD5", asset.blob().md5());
        hashes.put("SHA-1", asset.blob().sha1());
        hashes.put("SHA-256", asset.blob().sha256());
        hashes.put("SHA-512", asset.blob().sha512());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", asset.name());
        out.put("size", asset.blob().size());
        out.put("hashes", hashes);
        return out;
    }

    private static List<Object> licenses(String json) {
        try {
            return dev.arca.server.json.Json.mapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    private static Optional<VersionStatus> expectedStatus(ApiRequest r) {
        return r.bodyString("expectedStatus", STATUS).map(PackageLifecycle::status);
    }
}
