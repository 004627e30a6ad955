package dev.arca.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.PrincipalMatcher.Match;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchingTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "codeartifact:ReadFromRepository, codeartifact:ReadFromRepository, true",
            "CodeArtifact:readfromrepository, codeartifact:ReadFromRepository, true",
            "codeartifact:*, codeartifact:PublishPackageVersion, true",
            "*, sts:GetServiceBearerToken, true",
            "codeartifact:Describe*, codeartifact:DescribeDomain, true",
            "codeartifact:Describe*, codeartifact:GetDomainPermissionsPolicy, false",
            "codeartifact:*Package*, codeartifact:ListPackageVersions, true",
            "codeartifact:?escribeDomain, codeartifact:DescribeDomain, true",
            "codeartifact:?DescribeDomain, codeartifact:DescribeDomain, false",
            "code*:List*, codeartifact:ListDomains, true",
            "codeartifact:Read, codeartifact:ReadFromRepository, false",
            "s3:*, codeartifact:ReadFromRepository, false",
    })
    void actionsMatchCaseInsensitivelyWithWildcards(String pattern, String action, boolean expected) {
        assertThat(WildcardPattern.matches(pattern, action, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*, arn:aws:codeartifact:us-east-1:111122223333:domain/my_domain, true",
            "arn:aws:codeartifact:us-east-1:111122223333:domain/my_domain, arn:aws:codeartifact:us-east-1:111122223333:domain/my_domain, true",
            "arn:aws:codeartifact:us-east-1:111122223333:domain/My_Domain, arn:aws:codeartifact:us-east-1:111122223333:domain/my_domain, false",
            "arn:aws:codeartifact:us-east-1:111122223333:repository/my_domain/*, arn:aws:codeartifact:us-east-1:111122223333:repository/my_domain/my_repo, true",
            "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/my_repo/*, arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/my_repo/npm//react, true",
            "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/my_repo/npm/parity/*, arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/my_repo/npm/parity/ui, true",
            "arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/my_repo/npm/parity/*, arn:aws:codeartifact:us-east-1:111122223333:package/my_domain/my_repo/npm//ui, false",
            "arn:aws:codeartifact:*:111122223333:domain/my_domain, arn:aws:codeartifact:eu-west-1:111122223333:domain/my_domain, true",
            "arn:aws:codeartifact:us-*-1:111122223333:domain/my_domain, arn:aws:codeartifact:us-east-1:111122223333:domain/my_domain, true",
            "arn:aws:codeartifact:us-*1:*:domain/x, arn:aws:codeartifact:us-east-1:a:b:domain/x, true",
            "arn:aws:codeartifact:us*1:111122223333:domain/x, arn:aws:codeartifact:us:x-1:111122223333:domain/x, false",
            "arn:aws:codeartifact:us-east-?:111122223333:domain/d, arn:aws:codeartifact:us-east-1:111122223333:domain/d, true",
            "arn:aws:codeartifact:us-east-1:111122223333:domain/?, arn:aws:codeartifact:us-east-1:111122223333:domain/dd, false",
            "arn:aws:codeartifact:us-east-1:111122223333:*, arn:aws:codeartifact:us-east-1:111122223333:repository/d/r, true",
            "arn:aws:codeartifact:*, arn:aws:codeartifact:us-east-1:111122223333:repository/d/r, true",
            "arn:aws:codeartifact:us-east-1:111122223333:repository:d/r, arn:aws:codeartifact:us-east-1:111122223333:repository/d/r, false",
            "arn:aws:codeartifact:us-east-1:111122223333:repository/d, arn:aws:codeartifact:us-east-1:111122223333:repository/d/r, false",
    })
    void resourcesMatchPerSegmentAndCaseSensitively(String pattern, String arn, boolean expected) {
        var pieces = PolicyVariables.substitute(pattern, true, Map.of(), new HashSet<>()).orElseThrow();
        assertThat(ResourcePatterns.matches(pieces, arn)).isEqualTo(expected);
    }

    @Test
    void variablesAreReplacedFromTheContextWithCaseInsensitiveKeys() {
        Map<String, List<String>> context = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.put("aws:username", List.of("alice"));
        Set<String> missing = new HashSet<>();
        assertThat(PolicyVariables.substituteText("home/${AWS:UserName}/x", true, context, missing)).contains("home/alice/x");
        assertThat(PolicyVariables.substituteText("home/${aws:username}", false, context, missing))
                .contains("home/${aws:username}");
        assertThat(PolicyVariables.substituteText("${aws:PrincipalTag/team, 'company-wide'}", true, context, missing))
                .contains("company-wide");
        assertThat(missing).isEmpty();
        assertThat(PolicyVariables.substituteText("${aws:PrincipalTag/team}", true, context, missing)).isEmpty();
        assertThat(missing).containsExactly("aws:PrincipalTag/team");
    }

    @Test
    void escapesStayLiteralAndDoNotActAsWildcards() {
        var pieces = PolicyVariables.substitute("arn:aws:s3:::b/${*}${?}${$}", true, Map.of(), new HashSet<>())
                .orElseThrow();
        assertThat(ResourcePatterns.matches(pieces, "arn:aws:s3:::b/*?$")).isTrue();
        assertThat(ResourcePatterns.matches(pieces, "arn:aws:s3:::b/xy$")).isFalse();
    }

    private static final RequestPrincipal ALICE = RequestPrincipal.user("arn:aws:iam::111122223333:user/ci/alice",
            "AIDAALICE0000000000001");
    private static final RequestPrincipal SESSION = RequestPrincipal.assumedRole(
            "arn:aws:iam::111122223333:role/build/Builder", "run-7", "AROABUILDER000000001");

    private static PrincipalElement aws(boolean negated, String... values) {
        return new PrincipalElement(negated, new Principal(false, Map.of(PrincipalKind.AWS, List.of(values))));
    }

    @Test
    void principalsMatchByAccountOrByName() {
        assertThat(PrincipalMatcher.match(aws(false, "111122223333"), ALICE)).isEqualTo(Match.ACCOUNT);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::111122223333:root"), ALICE)).isEqualTo(Match.ACCOUNT);
        assertThat(PrincipalMatcher.match(aws(false, "444455556666"), ALICE)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::111122223333:user/ci/alice"), ALICE))
                .isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::111122223333:user/ci/Alice"), ALICE))
                .isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "AIDAALICE0000000000001"), ALICE)).isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(false, "*"), RequestPrincipal.anonymous())).isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(false, "111122223333"), RequestPrincipal.anonymous())).isEqualTo(Match.NONE);
    }

    @Test
    void onlyWholeAccountFormsNameAnAccount() {
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws-cn:iam::111122223333:root"), ALICE))
                .isEqualTo(Match.ACCOUNT);
        assertThat(PrincipalMatcher.match(aws(false, "11112222333"), ALICE)).as("11 digits").isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "1111222233334"), ALICE)).as("13 digits").isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "11112222333x"), ALICE)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::11112222333:root"), ALICE)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:sts::111122223333:root"), ALICE)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws2:iam::111122223333:root"), ALICE)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::111122223333:rooted"), ALICE))
                .isEqualTo(Match.NONE);
    }

    @Test
    void aRoleArnCoversItsSessionsAndASessionArnOnlyItself() {
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::111122223333:role/build/Builder"), SESSION))
                .isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:sts::111122223333:assumed-role/Builder/run-7"), SESSION))
                .isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:sts::111122223333:assumed-role/Builder/run-8"), SESSION))
                .isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "AROABUILDER000000001"), SESSION)).isEqualTo(Match.DIRECT);
    }

    @Test
    void notPrincipalLeavesACallerOutOnlyUnderEveryNameItHas() {
        assertThat(PrincipalMatcher.match(aws(true, "arn:aws:iam::111122223333:user/ci/alice"), ALICE))
                .isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(true, "111122223333", "arn:aws:iam::111122223333:user/ci/alice"), ALICE))
                .isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(true, "111122223333", "arn:aws:iam::111122223333:role/build/Builder"),
                SESSION)).isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(aws(true, "111122223333", "arn:aws:iam::111122223333:role/build/Builder",
                "arn:aws:sts::111122223333:assumed-role/Builder/run-7"), SESSION)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(true, "111122223333"), RequestPrincipal.root("111122223333")))
                .isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(true, "111122223333"), RequestPrincipal.anonymous()))
                .isEqualTo(Match.DIRECT);
    }

    @Test
    void servicePrincipalsMatchOnlyServices() {
        PrincipalElement service = new PrincipalElement(false, new Principal(false,
                Map.of(PrincipalKind.SERVICE, List.of("codebuild.amazonaws.com"))));
        assertThat(PrincipalMatcher.match(service, RequestPrincipal.service("codebuild.amazonaws.com")))
                .isEqualTo(Match.DIRECT);
        assertThat(PrincipalMatcher.match(service, ALICE)).isEqualTo(Match.NONE);
        assertThat(PrincipalMatcher.match(aws(false, "arn:aws:iam::111122223333:root"),
                RequestPrincipal.service("codebuild.amazonaws.com"))).isEqualTo(Match.NONE);
    }

    @Test
    void callersBringTheirOwnGlobalKeys() {
        assertThat(PrincipalContextKeys.of(SESSION)).containsEntry("aws:PrincipalArn",
                        List.of("arn:aws:iam::111122223333:role/build/Builder"))
                .containsEntry("aws:userid", List.of("AROABUILDER000000001:run-7"))
                .containsEntry("aws:PrincipalType", List.of("AssumedRole"))
                .doesNotContainKey("aws:username");
        assertThat(PrincipalContextKeys.of(ALICE)).containsEntry("aws:username", List.of("alice"));
        assertThat(PrincipalContextKeys.of(RequestPrincipal.anonymous()))
                .containsEntry("aws:PrincipalAccount", List.of("anonymous")).doesNotContainKey("aws:PrincipalArn");
    }
}
