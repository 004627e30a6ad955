package dev.arca.core.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The single definition of CodeArtifact's IAM actions, their resource types and condition keys (policies.md §3.2, CA-SAR). */
public final class CodeArtifactActions {

    /** The service prefix of every action here. */
    public static final String SERVICE = "codeartifact";

    /** The resource types CodeArtifact ARNs name (§3.1). */
    public enum ResourceType {
        DOMAIN("domain"), REPOSITORY("repository"), PACKAGE("package"), PACKAGE_GROUP("package-group");

        private final String arnName;

        ResourceType(String arnName) {
            this.arnName = arnName;
        }

        /** The word in the ARN before the first slash, e.g. {@code package-group}. */
        public String arnName() {
            return arnName;
        }

        /** The type whose ARN word is {@code word} (exact, lowercase as AWS writes it). */
        public static Optional<ResourceType> byArnName(String word) {
            return Arrays.stream(values()).filter(t -> t.arnName.equals(word)).findFirst();
        }
    }

    /** The SAR's access levels. */
    public enum AccessLevel { READ, WRITE, LIST, PERMISSIONS_MANAGEMENT, TAGGING }

    /** The global condition keys the SAR lists for an action. */
    public enum ConditionKeySupport { RESOURCE_TAG, REQUEST_TAG, TAG_KEYS }

    /** One action: its name as AWS spells it, access level, resource types (empty: the action takes {@code "*"})
     *  and supported tag keys. Where the SAR lists several resource types, any one of them is enough. */
    public record Action(String name, AccessLevel accessLevel, Set<ResourceType> resourceTypes,
                         Set<ConditionKeySupport> conditionKeys) {
        public Action {
            Objects.requireNonNull(name);
            Objects.requireNonNull(accessLevel);
            resourceTypes = Set.copyOf(resourceTypes);
            conditionKeys = Set.copyOf(conditionKeys);
        }

        /** {@code codeartifact:Name}. */
        public String qualifiedName() {
            return SERVICE + ":" + name;
        }

        /** Whether the action only ever concerns packages, where {@code aws:ResourceTag} is never present. */
        public boolean packageOnly() {
            return resourceTypes.equals(Set.of(ResourceType.PACKAGE));
        }
    }

    private static final List<Action> ALL = List.of(
            action("AssociateExternalConnection", AccessLevel.WRITE, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("AssociateWithDownstreamRepository", AccessLevel.WRITE, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("CopyPackageVersions", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE, ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("CreateDomain", AccessLevel.WRITE, Set.of(), Set.of(ConditionKeySupport.REQUEST_TAG, ConditionKeySupport.TAG_KEYS)),
            action("CreatePackageGroup", AccessLevel.WRITE, Set.of(), Set.of(ConditionKeySupport.REQUEST_TAG, ConditionKeySupport.TAG_KEYS)),
            action("CreateRepository", AccessLevel.WRITE, Set.of(), Set.of(ConditionKeySupport.REQUEST_TAG, ConditionKeySupport.TAG_KEYS)),
            action("DeleteDomain", AccessLevel.WRITE, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DeleteDomainPermissionsPolicy", AccessLevel.PERMISSIONS_MANAGEMENT, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DeletePackage", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("DeletePackageGroup", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DeletePackageVersions", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("DeleteRepository", AccessLevel.WRITE, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DeleteRepositoryPermissionsPolicy", AccessLevel.PERMISSIONS_MANAGEMENT, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DescribeDomain", AccessLevel.READ, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DescribePackage", AccessLevel.READ, Set.of(ResourceType.PACKAGE), Set.of()),
            action("DescribePackageGroup", AccessLevel.READ, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DescribePackageVersion", AccessLevel.READ, Set.of(ResourceType.PACKAGE), Set.of()),
            action("DescribeRepository", AccessLevel.READ, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DisassociateExternalConnection", AccessLevel.WRITE, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("DisposePackageVersions", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("GetAssociatedPackageGroup", AccessLevel.READ, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("GetAuthorizationToken", AccessLevel.READ, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("GetDomainPermissionsPolicy", AccessLevel.READ, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("GetPackageVersionAsset", AccessLevel.READ, Set.of(ResourceType.PACKAGE), Set.of()),
            action("GetPackageVersionReadme", AccessLevel.READ, Set.of(ResourceType.PACKAGE), Set.of()),
            action("GetRepositoryEndpoint", AccessLevel.READ, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("GetRepositoryPermissionsPolicy", AccessLevel.READ, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListAllowedRepositoriesForGroup", AccessLevel.LIST, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListAssociatedPackages", AccessLevel.LIST, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListDomains", AccessLevel.LIST, Set.of(), Set.of()),
            action("ListPackageGroups", AccessLevel.LIST, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListPackageVersionAssets", AccessLevel.LIST, Set.of(ResourceType.PACKAGE), Set.of()),
            action("ListPackageVersionDependencies", AccessLevel.LIST, Set.of(ResourceType.PACKAGE), Set.of()),
            action("ListPackageVersions", AccessLevel.LIST, Set.of(ResourceType.PACKAGE), Set.of()),
            action("ListPackages", AccessLevel.LIST, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListRepositories", AccessLevel.LIST, Set.of(), Set.of()),
            action("ListRepositoriesInDomain", AccessLevel.LIST, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListSubPackageGroups", AccessLevel.LIST, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ListTagsForResource", AccessLevel.LIST, Set.of(ResourceType.DOMAIN, ResourceType.PACKAGE_GROUP, ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("PublishPackageVersion", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("PutDomainPermissionsPolicy", AccessLevel.WRITE, Set.of(ResourceType.DOMAIN), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("PutPackageMetadata", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("PutPackageOriginConfiguration", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("PutRepositoryPermissionsPolicy", AccessLevel.WRITE, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("ReadFromRepository", AccessLevel.READ, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("TagResource", AccessLevel.TAGGING, Set.of(ResourceType.DOMAIN, ResourceType.PACKAGE_GROUP, ResourceType.REPOSITORY), Set.of(ConditionKeySupport.REQUEST_TAG, ConditionKeySupport.RESOURCE_TAG, ConditionKeySupport.TAG_KEYS)),
            action("UntagResource", AccessLevel.TAGGING, Set.of(ResourceType.DOMAIN, ResourceType.PACKAGE_GROUP, ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG, ConditionKeySupport.TAG_KEYS)),
            action("UpdatePackageGroup", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("UpdatePackageGroupOriginConfiguration", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE_GROUP), Set.of(ConditionKeySupport.RESOURCE_TAG)),
            action("UpdatePackageVersionsStatus", AccessLevel.WRITE, Set.of(ResourceType.PACKAGE), Set.of()),
            action("UpdateRepository", AccessLevel.WRITE, Set.of(ResourceType.REPOSITORY), Set.of(ConditionKeySupport.RESOURCE_TAG)));

    private static final Map<String, Action> BY_LOWER_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(a -> a.name().toLowerCase(Locale.ROOT), Function.identity()));

    private CodeArtifactActions() {
    }

    private static Action action(String name, AccessLevel level, Set<ResourceType> types, Set<ConditionKeySupport> keys) {
        return new Action(name, level, types, keys);
    }

    /** Every action, in the SAR's order. */
    public static List<Action> all() {
        return ALL;
    }

    /** The action named {@code name} (without the service prefix; case-insensitive like IAM, §1.7). */
    public static Optional<Action> byName(String name) {
        return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The actions an action pattern such as {@code codeartifact:Get*} or {@code *} covers (case-insensitive glob). */
    public static List<Action> matching(String actionPattern) {
        int colon = actionPattern.indexOf(':');
        String service = colon < 0 ? actionPattern : actionPattern.substring(0, colon);
        String name = colon < 0 ? "*" : actionPattern.substring(colon + 1);
        if (!WildcardPattern.matches(service, SERVICE, true) || colon < 0 && !actionPattern.equals("*")) {
            return List.of();
        }
        return ALL.stream().filter(a -> WildcardPattern.matches(name, a.name(), true)).toList();
    }
}
