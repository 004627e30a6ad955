package dev.arca.core.policy;

import static dev.arca.core.policy.FindingType.ERROR;
import static dev.arca.core.policy.FindingType.SECURITY_WARNING;
import static dev.arca.core.policy.FindingType.SUGGESTION;
import static dev.arca.core.policy.FindingType.WARNING;
import static dev.arca.core.policy.LintCase.identity;
import static dev.arca.core.policy.LintCase.resource;
import static dev.arca.core.policy.PolicyText.documents;
import static dev.arca.core.policy.PolicyText.identityStatement;
import static dev.arca.core.policy.PolicyText.resourceStatement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.Position;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CodeArtifact-specific lints of policies.md §4.5 and the action table they read (§3.2). */
class CodeArtifactLintTest {

    private static final PolicyText OK = resourceStatement();
    private static final PolicyText ID = identityStatement();
    private static final String ARN = "arn:aws:codeartifact:us-east-1:111122223333:";
    private static final String REPO_POLICY_TARGET = ARN + "repository/my-domain/my-repo";
    private static final String ORG = "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}";

    static Stream<LintCase> checks() {
        return Stream.of(
                // C1: reads are authorized on the repository only
                resource("RESOURCE_MISMATCH", ERROR, OK.resource("\"" + ARN + "package/my-domain/my-repo/npm//react\"")
                        .document(), OK.resource("\"" + ARN + "repository/my-domain/my-repo\"").document(),
                        "\"codeartifact:ReadFromRepository\"", "Statement[0].Action"),
                // C2: publishing is authorized on the package
                resource("RESOURCE_MISMATCH", ERROR, OK.action("\"codeartifact:PublishPackageVersion\"")
                        .resource("\"" + ARN + "repository/my-domain/my-repo\"").document(),
                        OK.action("\"codeartifact:PublishPackageVersion\"").resource("\"" + ARN
                                + "package/my-domain/my-repo/*\"").document(), "\"codeartifact:PublishPackageVersion\"",
                        "Statement[0].Action"),
                identity("RESOURCE_MISMATCH", ERROR, ID.action("\"codeartifact:ListDomains\"").resource("\"" + ARN
                        + "domain/my-domain\"").document(), ID.action("\"codeartifact:ListDomains\"").document(),
                        "\"codeartifact:ListDomains\"", "Statement[0].Action"),
                // C3: a domain action in a repository policy
                resource("UNSUPPORTED_ACTION_IN_POLICY", ERROR, OK.action("\"codeartifact:GetAuthorizationToken\"")
                        .document(), OK.document(), "\"codeartifact:GetAuthorizationToken\"", "Statement[0].Action")
                        .attachedTo(REPO_POLICY_TARGET),
                // C4: an ARN naming another repository
                resource("UNSUPPORTED_RESOURCE_ARN_IN_POLICY", ERROR, OK.resource("\"" + ARN
                        + "repository/my-domain/other-repo\"").document(), OK.resource("\"" + ARN
                        + "repository/my-domain/my-repo\"").document(), "\"" + ARN + "repository/my-domain/other",
                        "Statement[0].Resource").attachedTo(REPO_POLICY_TARGET),
                resource("UNSUPPORTED_RESOURCE_ARN_IN_POLICY", ERROR, OK.resource("\"arn:aws:codeartifact:eu-west-1:"
                        + "111122223333:repository/*\"").document(), OK.resource("\"" + ARN + "repository/*\"")
                        .document(), "\"arn:aws:codeartifact:eu-west-1", "Statement[0].Resource")
                        .attachedTo(ARN + "domain/my-domain"),
                // C5: a resource policy cannot grant its own replacement
                resource("PERMISSIONS_POLICY_GRANT_IGNORED", WARNING, OK.action("\"codeartifact:PutRepositoryPermissions"
                        + "Policy\"").document(), OK.action("\"codeartifact:GetRepositoryPermissionsPolicy\"").document(),
                        "\"codeartifact:PutRepositoryPermissionsPolicy\"", "Statement[0].Action"),
                // C6 is UNSUPPORTED_ACTION_IN_POLICY for sts:GetServiceBearerToken, in PolicyLinterTest
                // C7: packages carry no tags
                resource("UNSUPPORTED_ACTION_FOR_CONDITION_KEY", ERROR, OK.action("\"codeartifact:DescribePackage"
                        + "Version\"").condition("{\"StringEquals\": {\"aws:ResourceTag/team\": \"web\"}}").document(),
                        OK.action("\"codeartifact:DescribeRepository\"").condition("{\"StringEquals\": "
                                + "{\"aws:ResourceTag/team\": \"web\"}}").document(), "\"aws:ResourceTag/team\"",
                        "Statement[0].Condition.StringEquals.aws:ResourceTag/team"),
                resource("UNSUPPORTED_ACTION_FOR_CONDITION_KEY", ERROR, OK.action("\"codeartifact:ReadFromRepository\"")
                        .condition("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"}}").document(),
                        OK.action("\"codeartifact:TagResource\"").condition("{\"ForAnyValue:StringEquals\": "
                                + "{\"aws:TagKeys\": \"team\"}}").document(), "\"aws:TagKeys\"",
                        "Statement[0].Condition.ForAnyValue:StringEquals.aws:TagKeys"),
                identity("UNSUPPORTED_ACTION_FOR_CONDITION_KEY", ERROR, ID.action("\"codeartifact:DeleteRepository\"")
                        .condition("{\"StringEquals\": {\"aws:RequestTag/team\": \"web\"}}").document(),
                        ID.action("\"codeartifact:CreateRepository\"").condition("{\"StringEquals\": "
                                + "{\"aws:RequestTag/team\": \"web\"}}").document(), "\"aws:RequestTag/team\"",
                        "Statement[0].Condition.StringEquals.aws:RequestTag/team"),
                // C9: everyone, no condition
                resource("PUBLIC_ACCESS", SECURITY_WARNING, OK.principal("\"*\"").document(), OK.principal("\"*\"")
                        .condition(ORG).document(), "\"Principal\": |\"*\"", "Statement[0].Principal"),
                resource("PUBLIC_WRITE_ACCESS", SECURITY_WARNING, OK.principal("{\"AWS\": \"*\"}")
                        .action("\"codeartifact:PublishPackageVersion\"").document(), OK.principal("{\"AWS\": \"*\"}")
                        .action("\"codeartifact:PublishPackageVersion\"").condition(ORG).document(),
                        "\"Principal\": |{", "Statement[0].Principal"),
                // The bearer-token hint for identity policies
                identity("MISSING_SERVICE_BEARER_TOKEN_PERMISSION", SUGGESTION, ID.action(
                        "\"codeartifact:GetAuthorizationToken\"").document(), documents(ID.action(
                        "\"codeartifact:GetAuthorizationToken\""), ID.action("\"sts:GetServiceBearerToken\"")),
                        "\"codeartifact:GetAuthorizationToken\"", "Statement[0].Action"));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void eachCheckFiresOnItsPolicyAndNotOnTheCorrectedOne(LintCase check) {
        check.verify();
    }

    @Test
    void aDocumentOverCodeArtifactsLimitIsAnError() {
        String padded = OK.sid("\"" + "A".repeat(7200) + "\"").document();
        Finding finding = PolicyLinter.lint(padded, PolicyType.RESOURCE_POLICY).stream()
                .filter(f -> f.issueCode().equals("POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA")).findFirst().orElseThrow();
        assertThat(finding.type()).isEqualTo(ERROR);
        assertThat(finding.locations().get(0)).isEqualTo(new Finding.Location(JsonPath.ROOT, new Position(1, 0, 0),
                new Position(12, 1, padded.length())));
        assertThat(PolicyLinter.lint(OK.document(), PolicyType.RESOURCE_POLICY)).isEmpty();
    }

    @Test
    void theActionTableHasEveryActionOfTheServiceAuthorizationReference() {
        assertThat(CodeArtifactActions.all()).hasSize(51);
        assertThat(CodeArtifactActions.byName("readfromrepository")).get()
                .satisfies(a -> assertThat(a.resourceTypes()).containsExactly(CodeArtifactActions.ResourceType.REPOSITORY));
        assertThat(CodeArtifactActions.byName("CopyPackageVersions").orElseThrow().resourceTypes()).hasSize(2);
        assertThat(CodeArtifactActions.byName("CreateRepository").orElseThrow().resourceTypes()).isEmpty();
        assertThat(CodeArtifactActions.matching("codeartifact:Put*PermissionsPolicy")).extracting(a -> a.name())
                .containsExactly("PutDomainPermissionsPolicy", "PutRepositoryPermissionsPolicy");
        assertThat(CodeArtifactActions.matching("*")).hasSize(51);
        assertThat(CodeArtifactActions.matching("s3:*")).isEmpty();
        assertThat(CodeArtifactActions.byName("PublishPackageVersion").orElseThrow().packageOnly()).isTrue();
    }

    @Test
    void theDocumentedCrossAccountPoliciesAreClean() {
        // CA-DOMAIN's organization example and CA-REPO's read example, as they are written in the user guide.
        String domain = documents(OK.sid("\"BasicDomainPolicy\"").principal("\"*\"").action("[\"codeartifact:"
                + "GetDomainPermissionsPolicy\", \"codeartifact:ListRepositoriesInDomain\", \"codeartifact:"
                + "GetAuthorizationToken\", \"codeartifact:DescribeDomain\", \"codeartifact:CreateRepository\"]")
                .condition(ORG));
        String repository = documents(OK.action("[\"codeartifact:DescribePackageVersion\", \"codeartifact:"
                + "DescribeRepository\", \"codeartifact:GetPackageVersionReadme\", \"codeartifact:GetRepositoryEndpoint\", "
                + "\"codeartifact:ListPackages\", \"codeartifact:ListPackageVersions\", \"codeartifact:"
                + "ListPackageVersionAssets\", \"codeartifact:ListPackageVersionDependencies\", \"codeartifact:"
                + "ReadFromRepository\"]"));
        assertThat(PolicyLinter.lint(domain, PolicyType.RESOURCE_POLICY, ARN + "domain/my-domain")).isEmpty();
        assertThat(PolicyLinter.lint(repository, PolicyType.RESOURCE_POLICY, REPO_POLICY_TARGET)).isEmpty();
        assertThat(List.of(domain, repository)).allMatch(t -> t.length() < PolicyLinter.RESOURCE_POLICY_MAX_LENGTH);
    }
}
