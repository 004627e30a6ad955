package dev.arca.core.policy;

import static dev.arca.core.policy.Decision.Verdict.ALLOWED;
import static dev.arca.core.policy.Decision.Verdict.EXPLICIT_DENY;
import static dev.arca.core.policy.Decision.Verdict.IMPLICIT_DENY;
import static dev.arca.core.policy.EvaluatorFixtures.*;

import dev.arca.core.policy.PolicyEvaluatorTest.Case;
import java.util.List;

/** The rows of {@link PolicyEvaluatorTest}, grouped by the rule of policies.md they exercise. */
final class CaseTable {

    private static final String READ = "codeartifact:ReadFromRepository";
    private static final String PUBLISH = "codeartifact:PublishPackageVersion";
    private static final String TOKEN = "codeartifact:GetAuthorizationToken";
    private static final String BEARER = "sts:GetServiceBearerToken";
    private static final String ORG = "aws:PrincipalOrgID";
    private static final String ANY = "\"Action\": \"*\"";
    private static final String ALL = "\"Resource\": \"*\"";

    private CaseTable() {
    }

    private static Case c(String name) {
        return Case.named(name);
    }

    private static String aws(String... values) {
        return "\"Principal\": {\"AWS\": [\"" + String.join("\", \"", values) + "\"]}";
    }

    private static String notAws(String... values) {
        return "\"NotPrincipal\": {\"AWS\": [\"" + String.join("\", \"", values) + "\"]}";
    }

    private static String action(String... values) {
        return "\"Action\": [\"" + String.join("\", \"", values) + "\"]";
    }

    private static String resource(String... values) {
        return "\"Resource\": [\"" + String.join("\", \"", values) + "\"]";
    }

    static List<Case> all() {
        return List.of(
                // ---- §1.2 / §1.3: same account
                c("owner root may do anything in its own account").by(OWNER_ROOT).does(READ).on(REPO).expect(ALLOWED),
                c("owner root is still denied explicitly").by(OWNER_ROOT).on(REPO)
                        .repoPolicy(statement("LockRoot", "Deny", aws(OWNER), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "repository policy/LockRoot"),
                c("a user without policies is implicitly denied").by(ALICE).expect(IMPLICIT_DENY),
                c("seed admin identity policy allows a same-account read").by(ALICE).identity("admin", ADMIN)
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("seed CodeBuild role policy allows reading").by(DEPLOYER).identity("codebuild", CODEBUILD_ROLE)
                        .expect(ALLOWED, "codebuild/Statement[0]"),
                c("seed CodeBuild role policy does not allow publishing").by(DEPLOYER).does(PUBLISH).on(PKG_UI)
                        .identity("codebuild", CODEBUILD_ROLE).expect(IMPLICIT_DENY),
                c("same account: a resource policy naming the user suffices").by(ALICE)
                        .repoPolicy(statement("Alice", "Allow", aws("arn:aws:iam::111122223333:user/alice"),
                                action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Alice"),
                c("same account: naming only the account delegates to identity policies (§1.3 Decision)").by(ALICE)
                        .repoPolicy(COPY_SOURCE).expect(IMPLICIT_DENY, "repository policy/Statement[0]"),
                c("seed copy source policy plus an identity allow").by(ALICE).identity("admin", ADMIN)
                        .repoPolicy(COPY_SOURCE).expect(ALLOWED, "admin/Statement[0]", "repository policy/Statement[0]"),
                c("same account: a role ARN in the resource policy reaches its sessions").by(DEPLOYER)
                        .repoPolicy(statement("Role", "Allow", aws("arn:aws:iam::111122223333:role/Deployer"),
                                action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Role"),
                c("same account: a session ARN reaches that session").by(DEPLOYER)
                        .repoPolicy(statement("Session", "Allow",
                                aws("arn:aws:sts::111122223333:assumed-role/Deployer/deploy-1"), action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Session"),
                c("same account: another session's ARN does not").by(DEPLOYER)
                        .repoPolicy(statement("Session", "Allow",
                                aws("arn:aws:sts::111122223333:assumed-role/Deployer/deploy-2"), action(READ), ALL, ""))
                        .expect(IMPLICIT_DENY),
                c("same account: Principal * needs nothing more").by(DAVE)
                        .repoPolicy(statement("Everyone", "Allow", "\"Principal\": \"*\"", action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Everyone"),
                c("identity deny overrides identity allow, only the deny is reported").by(ALICE).identity("admin", ADMIN)
                        .identity("no-read", statement("NoRead", "Deny", "", action(READ), ALL, ""))
                        .expect(EXPLICIT_DENY, "no-read/NoRead"),
                c("resource deny overrides identity allow").by(ALICE).identity("admin", ADMIN)
                        .repoPolicy(statement("NoAlice", "Deny", aws("arn:aws:iam::111122223333:user/alice"), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "repository policy/NoAlice"),
                c("a deny for someone else does not apply").by(DAVE).identity("admin", ADMIN)
                        .repoPolicy(statement("NoAlice", "Deny", aws("arn:aws:iam::111122223333:user/alice"), ANY, ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("every matching deny is reported").by(ALICE)
                        .identity("no-read", statement("NoRead", "Deny", "", action(READ), ALL, ""))
                        .repoPolicy(statement("NoOne", "Deny", "\"Principal\": \"*\"", ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "no-read/NoRead", "repository policy/NoOne"),

                // ---- §1.4: cross account
                c("cross account: seed domain token policy alone is not enough").by(BOB).does(TOKEN).on(DOMAIN)
                        .domainPolicy(DOMAIN_TOKEN).expect(IMPLICIT_DENY, "domain policy/Statement[0]"),
                c("cross account: identity alone is not enough").by(BOB).does(TOKEN).on(DOMAIN)
                        .identity("codebuild", CODEBUILD_ROLE).expect(IMPLICIT_DENY, "codebuild/Statement[0]"),
                c("cross account: seed token policy plus identity allow").by(BOB).does(TOKEN).on(DOMAIN)
                        .identity("codebuild", CODEBUILD_ROLE).domainPolicy(DOMAIN_TOKEN)
                        .expect(ALLOWED, "codebuild/Statement[0]", "domain policy/Statement[0]"),
                c("cross account: seed read policy for the account").by(BOB).identity("codebuild", CODEBUILD_ROLE)
                        .repoPolicy(REPO_READ_ACCOUNT)
                        .expect(ALLOWED, "codebuild/Statement[0]", "repository policy/Statement[0]"),
                c("cross account: seed read policy for bob").by(BOB).identity("codebuild", CODEBUILD_ROLE)
                        .repoPolicy(REPO_READ_BOB)
                        .expect(ALLOWED, "codebuild/Statement[0]", "repository policy/Statement[0]"),
                c("cross account: bob's grant is not carol's").by(CAROL).identity("codebuild", CODEBUILD_ROLE)
                        .repoPolicy(REPO_READ_BOB).expect(IMPLICIT_DENY, "codebuild/Statement[0]"),
                c("cross account: another account's root has its own identity allow").by(OTHER_ROOT)
                        .repoPolicy(REPO_READ_ACCOUNT).expect(ALLOWED, "repository policy/Statement[0]"),
                c("cross account: a root without a resource policy is denied").by(OTHER_ROOT).expect(IMPLICIT_DENY),
                c("cross account: a third account is not named").by(MALLORY).identity("admin", ADMIN)
                        .repoPolicy(REPO_READ_ACCOUNT).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("seed read-only policy does not allow listing").by(BOB).does("codeartifact:ListPackages")
                        .identity("admin", ADMIN).repoPolicy(REPO_READ_ACCOUNT).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("seed read bundle allows listing").by(BOB).does("codeartifact:ListPackages").identity("admin", ADMIN)
                        .repoPolicy(REPO_READ_BUNDLE).expect(ALLOWED, "admin/Statement[0]", "repository policy/Statement[0]"),
                c("seed read bundle does not allow publishing").by(BOB).does(PUBLISH).on(PKG_UI)
                        .identity("admin", ADMIN).repoPolicy(REPO_READ_BUNDLE).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("seed publish policy for @parity/ui").by(BOB).does(PUBLISH).on(PKG_UI).identity("admin", ADMIN)
                        .repoPolicy(REPO_PUBLISH_UI).expect(ALLOWED, "admin/Statement[0]", "repository policy/Statement[0]"),
                c("seed publish policy for @parity/ui does not cover react").by(BOB).does(PUBLISH).on(PKG_REACT)
                        .identity("admin", ADMIN).repoPolicy(REPO_PUBLISH_UI).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("seed publish-all policy covers an unscoped package").by(BOB).does(PUBLISH).on(PKG_REACT)
                        .identity("admin", ADMIN).repoPolicy(REPO_PUBLISH_ALL)
                        .expect(ALLOWED, "admin/Statement[0]", "repository policy/Statement[0]"),
                c("seed domain policy lets another account create repositories").by(BOB)
                        .does("codeartifact:CreateRepository").on(DOMAIN).identity("admin", ADMIN)
                        .domainPolicy(DOMAIN_CREATE_REPO).expect(ALLOWED, "admin/Statement[0]", "domain policy/Statement[0]"),
                c("seed basic domain policy allows DescribeDomain").by(BOB).does("codeartifact:DescribeDomain")
                        .on(DOMAIN).identity("admin", ADMIN).domainPolicy(DOMAIN_BASIC)
                        .expect(ALLOWED, "admin/Statement[0]", "domain policy/BasicDomainPolicy"),
                c("seed basic domain policy does not allow DeleteDomain").by(BOB).does("codeartifact:DeleteDomain")
                        .on(DOMAIN).identity("admin", ADMIN).domainPolicy(DOMAIN_BASIC).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("a domain policy applies to the domain's repositories").by(BOB).identity("admin", ADMIN)
                        .domainPolicy(statement("Read", "Allow", aws(OTHER), action(READ), ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]", "domain policy/Read"),
                c("domain allows, repository denies: deny wins").by(BOB).identity("admin", ADMIN)
                        .domainPolicy(statement("Read", "Allow", aws(OTHER), action(READ), ALL, ""))
                        .repoPolicy(statement("NoBob", "Deny", aws("arn:aws:iam::123456789012:user/bob"), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "repository policy/NoBob"),
                c("identity deny wins over both allows cross account").by(BOB).identity("admin", ADMIN)
                        .identity("no-read", statement("NoRead", "Deny", "", action(READ), ALL, ""))
                        .repoPolicy(REPO_READ_ACCOUNT).expect(EXPLICIT_DENY, "no-read/NoRead"),
                c("a resource deny binds another account's root").by(OTHER_ROOT).repoPolicy(REPO_READ_ACCOUNT)
                        .domainPolicy(statement("NoOther", "Deny", aws(OTHER), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "domain policy/NoOther"),

                // ---- seed 004 organization domain policy and seed 001
                c("seed org domain policy: member account").by(BOB).does(TOKEN).on(DOMAIN).with(ORG, "o-xxxxxxxxxx")
                        .identity("admin", ADMIN).domainPolicy(DOMAIN_ORG)
                        .expect(ALLOWED, "admin/Statement[0]", "domain policy/DomainPolicyForOrganization"),
                c("seed org domain policy: another organization").by(BOB).does(TOKEN).on(DOMAIN).with(ORG, "o-other")
                        .identity("admin", ADMIN).domainPolicy(DOMAIN_ORG).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("seed org domain policy: no organization is a missing key").by(BOB).does(TOKEN).on(DOMAIN)
                        .identity("admin", ADMIN).domainPolicy(DOMAIN_ORG).expect(IMPLICIT_DENY, "admin/Statement[0]")
                        .missing(ORG),
                c("seed 001 org read: a role session in the organization").by(BUILDER).does(TOKEN).on(DOMAIN)
                        .with(ORG, "o-exampleorgid111").identity("Builder", CODEBUILD_ROLE).domainPolicy(DOMAIN_ORG_READ)
                        .expect(ALLOWED, "Builder/Statement[0]", "domain policy/AllowOrgReadAccess"),
                c("seed 001 org read: no identity allow for listing").by(BUILDER).does("codeartifact:ListPackages")
                        .on(REPO).with(ORG, "o-exampleorgid111").identity("Builder", CODEBUILD_ROLE)
                        .domainPolicy(DOMAIN_ORG_READ).expect(IMPLICIT_DENY),
                c("seed 001 accounts policy: dev account reads").by(DEV).identity("admin", ADMIN).repoPolicy(REPO_ACCOUNTS)
                        .expect(ALLOWED, "admin/Statement[0]", "repository policy/AllowDevAndStagingAccounts"),
                c("seed 001 accounts policy: staging account may not publish").by(STAGING).does(PUBLISH).on(PKG_UI)
                        .identity("admin", ADMIN).repoPolicy(REPO_ACCOUNTS).expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("seed 001 accounts policy: the CI publisher role's session publishes").by(CI_PUBLISHER).does(PUBLISH)
                        .on(PKG_UI).identity("ci", ADMIN).repoPolicy(REPO_ACCOUNTS)
                        .expect(ALLOWED, "ci/Statement[0]", "repository policy/AllowPublishFromCIAccount"),
                c("seed 001 accounts policy: another role of the CI account may not").by(CI_OTHER_ROLE).does(PUBLISH)
                        .on(PKG_UI).identity("ci", ADMIN).repoPolicy(REPO_ACCOUNTS).expect(IMPLICIT_DENY, "ci/Statement[0]"),
                c("seed bearer-token statement with the service name").by(BUILDER).does(BEARER).on("*")
                        .with("sts:AWSServiceName", "codeartifact.amazonaws.com").identity("Builder", CODEBUILD_ROLE)
                        .expect(ALLOWED, "Builder/Statement[1]"),
                c("seed bearer-token statement for another service").by(BUILDER).does(BEARER).on("*")
                        .with("sts:AWSServiceName", "other.amazonaws.com").identity("Builder", CODEBUILD_ROLE)
                        .expect(IMPLICIT_DENY),
                c("seed bearer-token statement without the key").by(BUILDER).does(BEARER).on("*")
                        .identity("Builder", CODEBUILD_ROLE).expect(IMPLICIT_DENY).missing("sts:AWSServiceName"),

                // ---- seed 004 tag example 2 (deny on tagged resources)
                c("seed tag deny: tagged Value2").by(ALICE).does("codeartifact:DescribeRepository")
                        .with("aws:ResourceTag/Key1", "Value2").identity("admin", ADMIN).identity("tags", DENY_TAGGED)
                        .expect(EXPLICIT_DENY, "tags/Statement[0]"),
                c("seed tag deny: other tag value").by(ALICE).does("codeartifact:DescribeRepository")
                        .with("aws:ResourceTag/Key1", "Value3").identity("admin", ADMIN).identity("tags", DENY_TAGGED)
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("seed tag deny: untagged resource reports the key").by(ALICE).does("codeartifact:DescribeRepository")
                        .identity("admin", ADMIN).identity("tags", DENY_TAGGED).expect(ALLOWED, "admin/Statement[0]")
                        .missing("aws:ResourceTag/Key1"),
                c("seed tag deny: context keys are case-insensitive").by(ALICE).does("codeartifact:DescribeRepository")
                        .with("AWS:RESOURCETAG/KEY1", "Value1").identity("admin", ADMIN).identity("tags", DENY_TAGGED)
                        .expect(EXPLICIT_DENY, "tags/Statement[0]"),

                // ---- §1.7 NotAction
                c("Allow NotAction: an action not listed").by(ALICE).does("codeartifact:DescribeDomain").on(DOMAIN)
                        .identity("no-delete", statement("NoDelete", "Allow", "", "\"NotAction\": \"codeartifact:Delete*\"", ALL, ""))
                        .expect(ALLOWED, "no-delete/NoDelete"),
                c("Allow NotAction: a listed action").by(ALICE).does("codeartifact:DeleteDomain").on(DOMAIN)
                        .identity("no-delete", statement("NoDelete", "Allow", "", "\"NotAction\": \"codeartifact:Delete*\"", ALL, ""))
                        .expect(IMPLICIT_DENY),
                c("Deny NotAction denies everything not listed").by(ALICE).does(PUBLISH).on(PKG_UI).identity("admin", ADMIN)
                        .identity("read-only", statement("OnlyRead", "Deny", "",
                                "\"NotAction\": [\"codeartifact:Read*\", \"codeartifact:Describe*\"]", ALL, ""))
                        .expect(EXPLICIT_DENY, "read-only/OnlyRead"),
                c("Deny NotAction spares what it lists").by(ALICE).identity("admin", ADMIN)
                        .identity("read-only", statement("OnlyRead", "Deny", "",
                                "\"NotAction\": [\"codeartifact:Read*\", \"codeartifact:Describe*\"]", ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("NotAction in a resource policy, cross account").by(BOB).does("codeartifact:ListPackages")
                        .identity("admin", ADMIN)
                        .repoPolicy(statement("AllButPublish", "Allow", aws(OTHER), "\"NotAction\": \"" + PUBLISH + "\"", ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]", "repository policy/AllButPublish"),

                // ---- §1.8 NotResource and resource wildcards
                c("Allow NotResource: the excluded repository").by(ALICE).identity("not-example",
                                statement("NotExample", "Allow", "", action("codeartifact:*"), "\"NotResource\": \"" + REPO + "\"", ""))
                        .expect(IMPLICIT_DENY),
                c("Allow NotResource: another repository").by(ALICE).on(OTHER_REPO).identity("not-example",
                                statement("NotExample", "Allow", "", action("codeartifact:*"), "\"NotResource\": \"" + REPO + "\"", ""))
                        .expect(ALLOWED, "not-example/NotExample"),
                c("Deny NotResource fences off other domains").by(ALICE).does("codeartifact:DescribeDomain").on(OTHER_DOMAIN)
                        .identity("admin", ADMIN).identity("fence", statement("Fence", "Deny", "", ANY,
                                "\"NotResource\": [\"arn:aws:codeartifact:us-east-1:111122223333:*/my_domain*\"]", ""))
                        .expect(EXPLICIT_DENY, "fence/Fence"),
                c("Deny NotResource leaves the fenced domain alone").by(ALICE).does("codeartifact:DescribeDomain").on(DOMAIN)
                        .identity("admin", ADMIN).identity("fence", statement("Fence", "Deny", "", ANY,
                                "\"NotResource\": [\"arn:aws:codeartifact:us-east-1:111122223333:*/my_domain*\"]", ""))
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("resource wildcard over a domain's repositories").by(ALICE).identity("repos", statement("Repos", "Allow", "",
                                action(READ), resource("arn:aws:codeartifact:us-east-1:111122223333:repository/my_domain/*"), ""))
                        .expect(ALLOWED, "repos/Repos"),
                c("resource wildcard over repositories does not cover the domain").by(ALICE).does(TOKEN).on(DOMAIN)
                        .identity("repos", statement("Repos", "Allow", "", action(TOKEN),
                                resource("arn:aws:codeartifact:us-east-1:111122223333:repository/my_domain/*"), ""))
                        .expect(IMPLICIT_DENY),
                c("resource ? wildcard and * in the region").by(ALICE).identity("any-region", statement("AnyRegion", "Allow", "",
                                action(READ), resource("arn:aws:codeartifact:*:111122223333:repository/my_domain/example-rep?"), ""))
                        .expect(ALLOWED, "any-region/AnyRegion"),
                c("resources match case-sensitively").by(ALICE).identity("upper", statement("Upper", "Allow", "",
                                action(READ), resource("arn:aws:codeartifact:us-east-1:111122223333:repository/My_Domain/example-repo"), ""))
                        .expect(IMPLICIT_DENY),
                c("':' and '/' are not interchangeable").by(ALICE).identity("colon", statement("Colon", "Allow", "",
                                action(READ), resource("arn:aws:codeartifact:us-east-1:111122223333:repository:my_domain/example-repo"), ""))
                        .expect(IMPLICIT_DENY),
                c("package wildcard covers scoped and unscoped npm packages").by(ALICE).does(PUBLISH).on(PKG_REACT)
                        .identity("npm", statement("Npm", "Allow", "", action(PUBLISH),
                                resource("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/*"), ""))
                        .expect(ALLOWED, "npm/Npm"),

                // ---- §1.7 action wildcards
                c("action prefix and name are case-insensitive").by(ALICE).identity("upper",
                                statement("Upper", "Allow", "", action("CODEARTIFACT:read*"), ALL, ""))
                        .expect(ALLOWED, "upper/Upper"),
                c("? in an action is one character").by(ALICE).does(TOKEN).on(DOMAIN).identity("q",
                                statement("Q", "Allow", "", action("codeartifact:Get?uthorizationToken"), ALL, ""))
                        .expect(ALLOWED, "q/Q"),
                c("an action of another service does not match").by(ALICE).identity("s3",
                                statement("S3", "Allow", "", action("s3:*"), ALL, ""))
                        .expect(IMPLICIT_DENY),

                // ---- §1.5 principals: anonymous, services, unique ids
                c("Principal * admits anonymous callers").by(ANONYMOUS)
                        .repoPolicy(statement("Public", "Allow", "\"Principal\": \"*\"", action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Public"),
                c("{AWS: *} equals Principal *").by(ANONYMOUS)
                        .repoPolicy(statement("Public", "Allow", aws("*"), action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Public"),
                c("an account principal never admits anonymous callers").by(ANONYMOUS).repoPolicy(COPY_SOURCE)
                        .expect(IMPLICIT_DENY),
                c("a service principal").by(CODEBUILD)
                        .repoPolicy(statement("Build", "Allow", "\"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}",
                                action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/Build"),
                c("a service without a grant").by(CODEBUILD).repoPolicy(COPY_SOURCE).expect(IMPLICIT_DENY),
                c("a role's unique id reaches its sessions").by(BUILDER).identity("Builder", CODEBUILD_ROLE)
                        .repoPolicy(statement("ById", "Allow", aws("AROABUILDER000000001"), action(READ), ALL, ""))
                        .expect(ALLOWED, "Builder/Statement[0]", "repository policy/ById"),

                // ---- §1.6 NotPrincipal
                c("Deny NotPrincipal spares a user listed with its account").by(ALICE).identity("admin", ADMIN)
                        .repoPolicy(statement("OnlyAlice", "Deny", notAws(OWNER, "arn:aws:iam::111122223333:user/alice"), ANY, ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("Deny NotPrincipal denies everyone else").by(DAVE).identity("admin", ADMIN)
                        .repoPolicy(statement("OnlyAlice", "Deny", notAws(OWNER, "arn:aws:iam::111122223333:user/alice"), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "repository policy/OnlyAlice"),
                c("Deny NotPrincipal without the account denies the user too").by(ALICE).identity("admin", ADMIN)
                        .repoPolicy(statement("OnlyAlice", "Deny", notAws("arn:aws:iam::111122223333:user/alice"), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "repository policy/OnlyAlice"),
                c("Deny NotPrincipal naming the role but not the session denies the session").by(DEPLOYER)
                        .identity("admin", ADMIN).repoPolicy(statement("OnlyDeployer", "Deny",
                                notAws(OWNER, "arn:aws:iam::111122223333:role/Deployer"), ANY, ALL, ""))
                        .expect(EXPLICIT_DENY, "repository policy/OnlyDeployer"),
                c("Deny NotPrincipal naming account, role and session spares the session").by(DEPLOYER)
                        .identity("admin", ADMIN).repoPolicy(statement("OnlyDeployer", "Deny",
                                notAws(OWNER, "arn:aws:iam::111122223333:role/Deployer",
                                        "arn:aws:sts::111122223333:assumed-role/Deployer/deploy-1"), ANY, ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]"),
                c("Allow NotPrincipal grants everyone else, cross account").by(BOB).identity("admin", ADMIN)
                        .repoPolicy(statement("NotCarol", "Allow", notAws(OTHER, "arn:aws:iam::123456789012:user/carol"),
                                action(READ), ALL, ""))
                        .expect(ALLOWED, "admin/Statement[0]", "repository policy/NotCarol"),
                c("Allow NotPrincipal leaves out the listed user").by(CAROL).identity("admin", ADMIN)
                        .repoPolicy(statement("NotCarol", "Allow", notAws(OTHER, "arn:aws:iam::123456789012:user/carol"),
                                action(READ), ALL, ""))
                        .expect(IMPLICIT_DENY, "admin/Statement[0]"),
                c("Allow NotPrincipal includes anonymous callers").by(ANONYMOUS)
                        .repoPolicy(statement("NotCarol", "Allow", notAws(OTHER, "arn:aws:iam::123456789012:user/carol"),
                                action(READ), ALL, ""))
                        .expect(ALLOWED, "repository policy/NotCarol"),

                // ---- §1.9 policy variables
                c("${aws:username} in a resource: own namespace").by(ALICE).does(PUBLISH)
                        .on("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/alice/tool")
                        .identity("home", statement("Home", "Allow", "", action(PUBLISH), resource(
                                "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/${aws:username}/*"), ""))
                        .expect(ALLOWED, "home/Home"),
                c("${aws:username} in a resource: someone else's namespace").by(DAVE).does(PUBLISH)
                        .on("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/alice/tool")
                        .identity("home", statement("Home", "Allow", "", action(PUBLISH), resource(
                                "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/${aws:username}/*"), ""))
                        .expect(IMPLICIT_DENY),
                c("no variables under Version 2008-10-17").by(ALICE).does(PUBLISH)
                        .on("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/alice/tool")
                        .identity("home", statement("Home", "Allow", "", action(PUBLISH), resource(
                                "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/${aws:username}/*"), "")
                                .replace("2012-10-17", "2008-10-17"))
                        .expect(IMPLICIT_DENY),
                c("a role session has no aws:username: the resource matches nothing").by(DEPLOYER).does(PUBLISH)
                        .on("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/alice/tool")
                        .identity("home", statement("Home", "Allow", "", action(PUBLISH), resource(
                                "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/${aws:username}/*"), ""))
                        .expect(IMPLICIT_DENY).missing("aws:username"),
                c("a variable's default value").by(DEPLOYER).does(PUBLISH)
                        .on("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/shared/tool")
                        .identity("home", statement("Home", "Allow", "", action(PUBLISH), resource(
                                "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/npm/${aws:username, 'shared'}/*"), ""))
                        .expect(ALLOWED, "home/Home"),
                c("a variable in a StringEquals condition").by(ALICE).with("aws:ResourceTag/owner", "alice")
                        .identity("owned", statement("Owned", "Allow", "", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}}"))
                        .expect(ALLOWED, "owned/Owned"),
                c("a variable without a value: StringEquals does not match").by(DEPLOYER).with("aws:ResourceTag/owner", "alice")
                        .identity("owned", statement("Owned", "Allow", "", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}}"))
                        .expect(IMPLICIT_DENY).missing("aws:username"),
                c("a variable without a value: StringNotEquals matches").by(DEPLOYER).with("aws:ResourceTag/owner", "alice")
                        .identity("admin", ADMIN).identity("not-owner", statement("NotOwner", "Deny", "", action(READ), ALL,
                                "{\"StringNotEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}}"))
                        .expect(EXPLICIT_DENY, "not-owner/NotOwner").missing("aws:username"),
                c("escapes ${*} ${?} ${$} are literal").by(ALICE).does(PUBLISH)
                        .on("arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/generic/ns/x")
                        .identity("literal", statement("Literal", "Allow", "", action(PUBLISH), resource(
                                "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/example-repo/generic/ns/${*}"), ""))
                        .expect(IMPLICIT_DENY),
                c("aws:PrincipalArn of a session is its role").by(DEPLOYER)
                        .repoPolicy(statement("ByArn", "Allow", "\"Principal\": \"*\"", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/Deployer\"}}"))
                        .expect(ALLOWED, "repository policy/ByArn"),

                // ---- §2.1 condition combination
                c("conditions: AND across operators, one fails").by(ALICE).with(ORG, "o-1").with("aws:SecureTransport", "false")
                        .identity("both", statement("Both", "Allow", "", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-1\"}, \"Bool\": {\"aws:SecureTransport\": true}}"))
                        .expect(IMPLICIT_DENY),
                c("conditions: AND across operators, both hold").by(ALICE).with(ORG, "o-1").with("aws:SecureTransport", "true")
                        .identity("both", statement("Both", "Allow", "", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-1\"}, \"Bool\": {\"aws:SecureTransport\": true}}"))
                        .expect(ALLOWED, "both/Both"),
                c("conditions: AND across keys, every missing key is reported").by(ALICE)
                        .identity("keys", statement("Keys", "Allow", "", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-1\", \"aws:ResourceTag/team\": \"a\"}}"))
                        .expect(IMPLICIT_DENY).missing(ORG, "aws:ResourceTag/team"),
                c("conditions: OR across values").by(ALICE).with(ORG, "o-2")
                        .identity("values", statement("Values", "Allow", "", action(READ), ALL,
                                "{\"StringLike\": {\"aws:PrincipalOrgID\": [\"o-1\", \"o-2*\"]}}"))
                        .expect(ALLOWED, "values/Values"),
                c("statements that do not apply report no missing keys").by(ALICE).does(PUBLISH).on(PKG_UI)
                        .identity("keys", statement("Keys", "Allow", "", action(READ), ALL,
                                "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-1\"}}"))
                        .expect(IMPLICIT_DENY));
    }
}
