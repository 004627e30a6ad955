package dev.arca.core.policy;

/**
 * Accounts, callers, ARNs and policies for the evaluator table. Policies marked "seed" are copied from the CodeArtifact
 * User Guide (shared/seeds/004, with {@code region-id} read as us-east-1) or the cross-account guide (seeds/001).
 */
final class EvaluatorFixtures {

    static final String OWNER = "111122223333";
    static final String OTHER = "123456789012";
    static final String THIRD = "444455556666";

    static final String DOMAIN = "arn:aws:codeartifact:us-east-1:111122223333:domain/my_domain";
    static final String OTHER_DOMAIN = "arn:aws:codeartifact:us-east-1:111122223333:domain/other_domain";
    static final String REPO = "arn:aws:codeartifact:us-east-1:111122223333:repository/my_domain/example-repo";
    static final String OTHER_REPO = "arn:aws:codeartifact:us-east-1:111122223333:repository/my_domain/other-repo";
    static final String PKG_UI = "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/parity/ui";
    static final String PKG_REACT = "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm//react";

    static final RequestPrincipal OWNER_ROOT = RequestPrincipal.root(OWNER);
    static final RequestPrincipal OTHER_ROOT = RequestPrincipal.root(OTHER);
    static final RequestPrincipal ALICE = RequestPrincipal.user("arn:aws:iam::111122223333:user/alice", "AIDAALICE00000000001");
    static final RequestPrincipal DAVE = RequestPrincipal.user("arn:aws:iam::111122223333:user/dave", "AIDADAVE000000000001");
    static final RequestPrincipal BOB = RequestPrincipal.user("arn:aws:iam::123456789012:user/bob", "AIDABOB0000000000001");
    static final RequestPrincipal CAROL = RequestPrincipal.user("arn:aws:iam::123456789012:user/carol", "AIDACAROL00000000001");
    static final RequestPrincipal MALLORY = RequestPrincipal.user("arn:aws:iam::444455556666:user/mallory", "AIDAMALLORY000000001");
    static final RequestPrincipal DEPLOYER = RequestPrincipal.assumedRole("arn:aws:iam::111122223333:role/Deployer",
            "deploy-1", "AROADEPLOYER00000001");
    static final RequestPrincipal BUILDER = RequestPrincipal.assumedRole("arn:aws:iam::123456789012:role/Builder",
            "ci-1", "AROABUILDER000000001");
    static final RequestPrincipal DEV = RequestPrincipal.user("arn:aws:iam::111111111111:user/dev", "AIDADEV0000000000001");
    static final RequestPrincipal STAGING = RequestPrincipal.user("arn:aws:iam::222222222222:user/stage", "AIDASTAGE00000000001");
    static final RequestPrincipal CI_PUBLISHER = RequestPrincipal.assumedRole(
            "arn:aws:iam::333333333333:role/ci-publisher-role", "build-9", "AROACIPUB00000000001");
    static final RequestPrincipal CI_OTHER_ROLE = RequestPrincipal.assumedRole(
            "arn:aws:iam::333333333333:role/ci-reader-role", "build-9", "AROACIREAD0000000001");
    static final RequestPrincipal CODEBUILD = RequestPrincipal.service("codebuild.amazonaws.com");
    static final RequestPrincipal ANONYMOUS = RequestPrincipal.anonymous();

    // ---- seed resource policies (004: repo-policies, domain-policies, copy-package; 001: cross-account)

    /** seed 004 "grants the account 123456789012 permission to download packages from the repository". */
    static final String REPO_READ_ACCOUNT = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:ReadFromRepository"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"}]}""";

    /** seed 004 get-repository-permissions-policy sample output: the read bundle. */
    static final String REPO_READ_BUNDLE = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
             "Action": ["codeartifact:DescribePackageVersion", "codeartifact:DescribeRepository",
               "codeartifact:GetPackageVersionReadme", "codeartifact:GetRepositoryEndpoint", "codeartifact:ListPackages",
               "codeartifact:ListPackageVersions", "codeartifact:ListPackageVersionAssets",
               "codeartifact:ListPackageVersionDependencies", "codeartifact:ReadFromRepository"],
             "Resource": "*"}]}""";

    /** seed 004 "grant read access to the IAM user bob in account 123456789012". */
    static final String REPO_READ_BOB = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:ReadFromRepository"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:user/bob"}, "Resource": "*"}]}""";

    /** seed 004 "permission to publish versions of @parity/ui in the example-repo repository". */
    static final String REPO_PUBLISH_UI = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:PublishPackageVersion"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
             "Resource": "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/parity/ui"}]}""";

    /** seed 004 "write to all packages in the example-repo repository". */
    static final String REPO_PUBLISH_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:PublishPackageVersion"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"}]}""";

    /** seed 004 copy-package-versions: the source repository's policy, naming the owner account itself. */
    static final String COPY_SOURCE = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:ReadFromRepository"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Resource": "*"}]}""";

    /** seed 004 "permission to create a repository in the domain". */
    static final String DOMAIN_CREATE_REPO = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:CreateRepository"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"}]}""";

    /** seed 004 "permission to retrieve an auth token for any repository in the domain". */
    static final String DOMAIN_TOKEN = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:GetAuthorizationToken"], "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"}]}""";

    /** seed 004 "Domain policy example": full use of the domain. */
    static final String DOMAIN_BASIC = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "BasicDomainPolicy",
             "Action": ["codeartifact:GetDomainPermissionsPolicy", "codeartifact:ListRepositoriesInDomain",
               "codeartifact:GetAuthorizationToken", "codeartifact:DescribeDomain", "codeartifact:CreateRepository"],
             "Effect": "Allow", "Resource": "*", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}}]}""";

    /** seed 004 "Domain policy example with AWS Organizations" (a single statement object). */
    static final String DOMAIN_ORG = """
            {"Version": "2012-10-17", "Statement": {"Sid": "DomainPolicyForOrganization", "Effect": "Allow",
             "Principal": "*",
             "Action": ["codeartifact:GetDomainPermissionsPolicy", "codeartifact:ListRepositoriesInDomain",
               "codeartifact:GetAuthorizationToken", "codeartifact:DescribeDomain", "codeartifact:CreateRepository"],
             "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-xxxxxxxxxx"]}}}}""";

    /** seed 001 "Domain Policy — Share with Entire Organisation". */
    static final String DOMAIN_ORG_READ = """
            {"Version": "2012-10-17", "Statement": [
             {"Sid": "AllowOrgReadAccess", "Effect": "Allow", "Principal": "*",
              "Action": ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint",
                "codeartifact:ReadFromRepository"],
              "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid111"}}},
             {"Sid": "AllowStsForOrg", "Effect": "Allow", "Principal": "*", "Action": "sts:GetServiceBearerToken",
              "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid111"},
                "Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}""";

    /** seed 001 "Repository Policy — Specific Accounts Only". */
    static final String REPO_ACCOUNTS = """
            {"Version": "2012-10-17", "Statement": [
             {"Sid": "AllowDevAndStagingAccounts", "Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]},
              "Action": ["codeartifact:ReadFromRepository", "codeartifact:GetRepositoryEndpoint",
                "codeartifact:ListPackages", "codeartifact:ListPackageVersions", "codeartifact:DescribePackageVersion"],
              "Resource": "*"},
             {"Sid": "AllowPublishFromCIAccount", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::333333333333:role/ci-publisher-role"},
              "Action": ["codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata"], "Resource": "*"}]}""";

    // ---- seed identity policies

    /** seed 004 AWSCodeArtifactAdminAccess-like "access to all CodeArtifact APIs" (the seed's trailing comma removed). */
    static final String ADMIN = """
            {"Version": "2012-10-17", "Statement": [{"Action": ["codeartifact:*"], "Effect": "Allow", "Resource": "*"},
             {"Effect": "Allow", "Action": "sts:GetServiceBearerToken", "Resource": "*",
              "Condition": {"StringEquals": {"sts:AWSServiceName": "codeartifact.amazonaws.com"}}}]}""";

    /** seed 004 CodeBuild role policy: token, endpoint, read, and the scoped bearer token. */
    static final String CODEBUILD_ROLE = """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint",
               "codeartifact:ReadFromRepository"], "Resource": "*"},
             {"Effect": "Allow", "Action": "sts:GetServiceBearerToken", "Resource": "*",
              "Condition": {"StringEquals": {"sts:AWSServiceName": "codeartifact.amazonaws.com"}}}]}""";

    /** seed 004 tag Example 2: deny actions on resources tagged Key1 = Value1 or Value2. */
    static final String DENY_TAGGED = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
             "Action": ["codeartifact:TagResource", "codeartifact:UntagResource", "codeartifact:DescribeDomain",
               "codeartifact:DescribeRepository", "codeartifact:PutDomainPermissionsPolicy",
               "codeartifact:PutRepositoryPermissionsPolicy", "codeartifact:ListRepositoriesInDomain",
               "codeartifact:UpdateRepository", "codeartifact:ReadFromRepository", "codeartifact:ListPackages",
               "codeartifact:ListTagsForResource"],
             "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Key1": ["Value1", "Value2"]}}}]}""";

    private EvaluatorFixtures() {
    }

    /** A one-statement policy from its parts; {@code principal} is empty for identity policies. */
    static String statement(String sid, String effect, String principal, String action, String resource,
                            String condition) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"" + sid + "\", \"Effect\": \"" + effect + "\""
                + (principal.isEmpty() ? "" : ", " + principal) + ", " + action + ", " + resource
                + (condition.isEmpty() ? "" : ", \"Condition\": " + condition) + "}]}";
    }
}
