package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.AssociatedPackage;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionMode;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionType;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupSummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** Package groups through the real AWS SDK: tree, association, inherited origin restrictions, enforcement. */
class PackageGroupApiTest extends ServerFixture {

    private static final String DOMAIN = "groups";

    @BeforeEach
    void domain() {
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("internal"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("releases"));
    }

    private PackageGroupDescription create(String pattern) {
        return codeartifact.createPackageGroup(r -> r.domain(DOMAIN).packageGroup(pattern)).packageGroup();
    }

    private void publish(String repo, String namespace, String pkg) throws Exception {
        byte[] content = {1};
        String sha = PackagePublishTest.hash("SHA-256", content);
        codeartifact.publishPackageVersion(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.GENERIC)
                .namespace(namespace).packageValue(pkg).packageVersion("1.0").assetName("a.bin").assetSHA256(sha),
                RequestBody.fromBytes(content));
    }

    @Test
    void everyDomainHasARootGroupThatAllowsEverythingAndCannotBeDeleted() {
        PackageGroupDescription root = codeartifact.describePackageGroup(r -> r.domain(DOMAIN).packageGroup("/*"))
                .packageGroup();

        assertThat(root.parent()).isNull();
        assertThat(root.originConfiguration().restrictions()).hasSize(3).allSatisfy((type, restriction) ->
                assertThat(restriction.effectiveMode()).isEqualTo(PackageGroupOriginRestrictionMode.ALLOW));
        assertThatThrownBy(() -> codeartifact.deletePackageGroup(r -> r.domain(DOMAIN).packageGroup("/*")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void groupsFormATreeByContainment() {
        create("/generic/*");
        create("/generic/team/*");
        PackageGroupDescription tools = create("/generic/team/tool~");

        assertThat(tools.parent().pattern()).isEqualTo("/generic/team/*");
        assertThat(codeartifact.listSubPackageGroups(r -> r.domain(DOMAIN).packageGroup("/generic/*")).packageGroups())
                .extracting(PackageGroupSummary::pattern).containsExactly("/generic/team/*");
        assertThat(codeartifact.listPackageGroupsPaginator(r -> r.domain(DOMAIN).maxResults(1)).packageGroups())
                .extracting(PackageGroupSummary::pattern)
                .containsExactly("/*", "/generic/*", "/generic/team/*", "/generic/team/tool~");

        codeartifact.deletePackageGroup(r -> r.domain(DOMAIN).packageGroup("/generic/team/*"));
        assertThat(codeartifact.describePackageGroup(r -> r.domain(DOMAIN).packageGroup("/generic/team/tool~"))
                .packageGroup().parent().pattern()).as("children move up").isEqualTo("/generic/*");
    }

    @Test
    void aPackageBelongsToTheMostSpecificGroupWhetherOrNotItExists() {
        create("/generic/*");
        create("/generic/team/tool~");

        assertThat(codeartifact.getAssociatedPackageGroup(r -> r.domain(DOMAIN).format(PackageFormat.GENERIC)
                .namespace("team").packageValue("toolbox")).packageGroup().pattern()).isEqualTo("/generic/team/tool~");
        assertThat(codeartifact.getAssociatedPackageGroup(r -> r.domain(DOMAIN).format(PackageFormat.NPM)
                .packageValue("left-pad")).packageGroup().pattern()).isEqualTo("/*");
    }

    @Test
    void associatedPackagesListMembersAndPreviewShowsAHypotheticalGroup() throws Exception {
        create("/generic/team/*");
        publish("internal", "team", "tool");
        publish("releases", "team", "tool");
        publish("internal", "team", "other");
        publish("internal", "elsewhere", "thing");

        assertThat(codeartifact.listAssociatedPackages(r -> r.domain(DOMAIN).packageGroup("/generic/team/*")).packages())
                .extracting(AssociatedPackage::packageValue).containsExactly("other", "tool");
        assertThat(codeartifact.listAssociatedPackages(r -> r.domain(DOMAIN).packageGroup("/generic/team/t~")
                .preview(true)).packages()).extracting(AssociatedPackage::packageValue).containsExactly("tool");
        assertThatThrownBy(() -> codeartifact.listAssociatedPackages(r -> r.domain(DOMAIN)
                .packageGroup("/generic/team/t~"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void restrictionsInheritUntilAGroupSetsItsOwn() {
        create("/generic/*");
        create("/generic/team/*");
        codeartifact.updatePackageGroupOriginConfiguration(r -> r.domain(DOMAIN).packageGroup("/generic/*")
                .restrictionsWithStrings(java.util.Map.of("PUBLISH", "BLOCK")));

        var publish = codeartifact.describePackageGroup(r -> r.domain(DOMAIN).packageGroup("/generic/team/*"))
                .packageGroup().originConfiguration().restrictions().get(PackageGroupOriginRestrictionType.PUBLISH);

        assertThat(publish.mode()).isEqualTo(PackageGroupOriginRestrictionMode.INHERIT);
        assertThat(publish.effectiveMode()).isEqualTo(PackageGroupOriginRestrictionMode.BLOCK);
        assertThat(publish.inheritedFrom().pattern()).isEqualTo("/generic/*");
    }

    @Test
    void aBlockingGroupRefusesPublishesAndSpecificRepositoriesAreHonoured() throws Exception {
        create("/generic/team/*");
        codeartifact.updatePackageGroupOriginConfiguration(r -> r.domain(DOMAIN).packageGroup("/generic/team/*")
                .restrictionsWithStrings(java.util.Map.of("PUBLISH", "ALLOW_SPECIFIC_REPOSITORIES"))
                .addAllowedRepositories(a -> a.repositoryName("releases").originRestrictionType("PUBLISH")));

        publish("releases", "team", "tool");
        assertThatThrownBy(() -> publish("internal", "team", "tool")).isInstanceOf(AccessDeniedException.class);
        publish("internal", "elsewhere", "tool");
        assertThat(codeartifact.listAllowedRepositoriesForGroup(r -> r.domain(DOMAIN).packageGroup("/generic/team/*")
                .originRestrictionType("PUBLISH")).allowedRepositories()).containsExactly("releases");
    }

    @Test
    void duplicatesAndMalformedPatternsAreRefused() {
        create("/npm/space/*");

        assertThatThrownBy(() -> create("/npm/space/*")).isInstanceOf(ConflictException.class);
        for (String bad : List.of("npm", "/npm/space", "/cobol/*")) {
            assertThatThrownBy(() -> create(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void descriptionAndContactInfoCanBeChanged() {
        create("/npm/space/*");

        PackageGroupDescription updated = codeartifact.updatePackageGroup(r -> r.domain(DOMAIN)
                .packageGroup("/npm/space/*").description("UI libraries").contactInfo("ui@example.com")).packageGroup();

        assertThat(updated.description()).isEqualTo("UI libraries");
        assertThat(updated.contactInfo()).isEqualTo("ui@example.com");
        assertThat(updated.arn()).endsWith(":package-group/groups/npm/space/*");
    }
}
