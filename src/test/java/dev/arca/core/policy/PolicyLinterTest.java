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
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The document, statement, principal, action and resource checks (policies.md §4.2). */
class PolicyLinterTest {

    private static final PolicyText OK = resourceStatement();
    private static final PolicyText ID = identityStatement();
    private static final String S0 = "Statement[0]";

    static Stream<LintCase> checks() {
        String clean = OK.document();
        return Stream.of(
                resource("JSON_SYNTAX_ERROR", ERROR, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n}", clean,
                        "[|}", ""),
                resource("MISSING_VERSION", WARNING, "{\n  \"Statement\": [\n" + OK.body() + "\n  ]\n}", clean, "{", ""),
                resource("INVALID_VERSION", ERROR, clean.replace("2012-10-17", "2012-10-18"), clean, "\"2012-10-18\"",
                        "Version"),
                identity("INVALID_POLICY_ELEMENT", ERROR, ID.document().replace("{\n  \"Version\"",
                        "{\n  \"Id\": \"p1\",\n  \"Version\""), ID.document(), "\"Id\"", "Id"),
                resource("MISSING_STATEMENT", ERROR, "{\n  \"Version\": \"2012-10-17\"\n}", clean, "{", ""),
                resource("INVALID_POLICY_ELEMENT", ERROR, OK.extra("\"Conditions\": {}").document(), clean,
                        "\"Conditions\"", "Statement[0].Conditions"),
                resource("DUPLICATE_ELEMENT", ERROR, OK.extra("\"Effect\": \"Deny\"").document(), clean,
                        "\"Effect\": \"Deny\"", "Statement[0].Effect"),
                resource("DATA_TYPE_MISMATCH", ERROR, OK.action("42").document(), clean, "42", "Statement[0].Action"),
                resource("UNSUPPORTED_SID", ERROR, OK.sid("\"read-all\"").document(), OK.sid("\"ReadAll\"").document(),
                        "\"read-all\"", "Statement[0].Sid"),
                resource("EMPTY_SID_VALUE", SUGGESTION, OK.sid("\"\"").document(), OK.sid("\"A\"").document(),
                        "\"Sid\": |\"\"", "Statement[0].Sid"),
                resource("UNIQUE_SIDS_RECOMMENDED", WARNING, documents(OK.sid("\"A\""), OK.sid("\"A\"")),
                        documents(OK.sid("\"A\""), OK.sid("\"B\"")), "},\n    {\n      \"Sid\": |\"A\"",
                        "Statement[1].Sid"),
                resource("REDUNDANT_STATEMENT", SUGGESTION, documents(OK.sid("\"A\""), OK.sid("\"B\"")),
                        documents(OK.sid("\"A\""), OK.sid("\"B\"").effect("\"Deny\"")), "},\n    |{",
                        "Statement[1]"),
                resource("MISSING_EFFECT", ERROR, OK.effect("").document(), clean, "[\n    |{", S0),
                resource("INVALID_EFFECT", ERROR, OK.effect("\"allow\"").document(), clean, "\"allow\"",
                        "Statement[0].Effect"),
                resource("UNSUPPORTED_ELEMENT_COMBINATION", ERROR, OK.extra("\"NotAction\": \"codeartifact:List*\"")
                        .document(), clean, "\"NotAction\"", "Statement[0].NotAction"),
                identity("UNSUPPORTED_PRINCIPAL", ERROR, ID.principal("\"*\"").document(), ID.document(),
                        "\"Principal\"", "Statement[0].Principal"),
                resource("MISSING_PRINCIPAL", ERROR, OK.principal("").document(), clean, "[\n    |{", S0),
                resource("INVALID_PRINCIPAL_FORMAT", ERROR,
                        OK.principal("\"arn:aws:iam::111122223333:root\"").document(), clean,
                        "\"arn:aws:iam::111122223333:root\"", "Statement[0].Principal"),
                resource("INVALID_PRINCIPAL_FORMAT", ERROR,
                        OK.principal("{\"AWS\": \"arn:aws:iam::1111:user/a\"}").document(), clean,
                        "\"arn:aws:iam::1111:user/a\"", "Statement[0].Principal.AWS"),
                resource("INVALID_PRINCIPAL_KEY", ERROR, OK.principal("{\"Aws\": \"111122223333\"}").document(),
                        OK.principal("{\"AWS\": \"111122223333\"}").document(), "\"Aws\"", "Statement[0].Principal.Aws"),
                resource("UNSUPPORTED_WILDCARD_IN_PRINCIPAL", ERROR,
                        OK.principal("{\"AWS\": [\"111122223333\", \"arn:aws:iam::111122223333:role/ci-*\"]}").document(),
                        OK.principal("{\"AWS\": [\"111122223333\", \"arn:aws:iam::111122223333:role/ci\"]}").document(),
                        "\"arn:aws:iam::111122223333:role/ci-*\"", "Statement[0].Principal.AWS[1]"),
                resource("ALLOW_WITH_NOT_PRINCIPAL", SECURITY_WARNING, OK.principal("").extra("\"NotPrincipal\": "
                        + PolicyText.ROOT_ACCOUNT).document(), OK.principal("").effect("\"Deny\"")
                        .extra("\"NotPrincipal\": " + PolicyText.ROOT_ACCOUNT).document(), "\"NotPrincipal\": |{",
                        "Statement[0].NotPrincipal"),
                resource("INVALID_USER_REFERENCE", WARNING, OK.principal("{\"AWS\": \"AIDAJQABLZS4A3QDU576Q\"}")
                        .document(), clean, "\"AIDAJQABLZS4A3QDU576Q\"", "Statement[0].Principal.AWS"),
                resource("FEDERATED_PRINCIPAL_NOT_SUPPORTED", ERROR, OK.principal("{\"Federated\": "
                        + "\"cognito-identity.amazonaws.com\"}").document(), clean, "\"cognito-identity.amazonaws.com\"",
                        "Statement[0].Principal.Federated"),
                resource("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", SECURITY_WARNING, OK.principal("{\"Service\": "
                        + "\"codebuild.amazonaws.com\"}").document(), OK.principal("{\"Service\": "
                        + "\"codebuild.amazonaws.com\"}").condition("{\"StringEquals\": {\"aws:SourceAccount\": "
                        + "\"111122223333\"}}").document(), "\"codebuild.amazonaws.com\"",
                        "Statement[0].Principal.Service"),
                resource("INVALID_SERVICE_PRINCIPAL_FORMAT", ERROR, OK.principal("{\"Service\": \"codebuild\"}")
                        .document(), clean, "\"codebuild\"", "Statement[0].Principal.Service"),
                resource("EMPTY_OBJECT_PRINCIPAL", SUGGESTION, OK.principal("{}").document(), clean, "{}",
                        "Statement[0].Principal"),
                resource("EMPTY_ARRAY_PRINCIPAL", SUGGESTION, OK.principal("{\"AWS\": []}").document(), clean, "[]",
                        "Statement[0].Principal.AWS"),
                resource("MISSING_ACTION", ERROR, OK.action("").document(), clean, "[\n    |{", S0),
                resource("INVALID_ACTION", ERROR, OK.action("\"codeartifact:ReadFromRepo\"").document(), clean,
                        "\"codeartifact:ReadFromRepo\"", "Statement[0].Action"),
                resource("INVALID_ACTION", ERROR, OK.action("\"codeartifact:Frobnicate*\"").document(),
                        OK.action("\"codeartifact:Describe*\"").document(), "\"codeartifact:Frobnicate*\"",
                        "Statement[0].Action"),
                resource("INVALID_ACTION", ERROR, OK.action("\"ReadFromRepository\"").document(), clean,
                        "\"ReadFromRepository\"", "Statement[0].Action"),
                identity("INVALID_ACTION", ERROR, ID.action("\"sts:GetServiceBearerTokens\"").document(),
                        ID.action("\"sts:GetServiceBearerToken\"").document(), "\"sts:GetServiceBearerTokens\"",
                        "Statement[0].Action"),
                resource("INVALID_SERVICE_IN_ACTION", ERROR, OK.action("\"code artifact:ReadFromRepository\"")
                        .document(), clean, "\"code artifact:ReadFromRepository\"", "Statement[0].Action"),
                resource("WILDCARD_IN_SERVICE_NAME", SUGGESTION, OK.action("\"code*:ReadFromRepository\"").document(),
                        clean, "\"code*:ReadFromRepository\"", "Statement[0].Action"),
                resource("REDUNDANT_ACTION", SUGGESTION, OK.action("[\"codeartifact:List*\", "
                        + "\"codeartifact:ListPackages\"]").document(), OK.action("[\"codeartifact:List*\", "
                        + "\"codeartifact:ReadFromRepository\"]").document(), "\"codeartifact:ListPackages\"",
                        "Statement[0].Action[1]"),
                resource("EMPTY_ARRAY_ACTION", SUGGESTION, OK.action("[]").document(), clean, "[]",
                        "Statement[0].Action"),
                resource("MISSING_RESOURCE", ERROR, OK.resource("").document(), clean, "[\n    |{", S0),
                resource("EMPTY_ARRAY_RESOURCE", SUGGESTION, OK.resource("[]").document(), clean, "[]",
                        "Statement[0].Resource"),
                resource("REDUNDANT_RESOURCE", SUGGESTION, OK.resource("[\"*\", "
                        + "\"arn:aws:codeartifact:us-east-1:111122223333:repository/d/r\"]").document(), clean,
                        "\"arn:aws:codeartifact:us-east-1:111122223333:repository/d/r\"", "Statement[0].Resource[1]"),
                resource("INVALID_ARN_PREFIX", ERROR, OK.resource("\"codeartifact:repository/d/r\"").document(), clean,
                        "\"codeartifact:repository/d/r\"", "Statement[0].Resource"),
                resource("MISSING_ARN_FIELD", ERROR, OK.resource("\"arn:aws:codeartifact:us-east-1\"").document(),
                        clean, "\"arn:aws:codeartifact:us-east-1\"", "Statement[0].Resource"),
                resource("INVALID_PARTITION", ERROR, OK.resource("\"arn:amazon:codeartifact:us-east-1:111122223333:"
                        + "repository/d/r\"").document(), clean, "\"arn:amazon", "Statement[0].Resource"),
                resource("INVALID_ARN_SERVICE_CASE", ERROR, OK.resource("\"arn:aws:CodeArtifact:us-east-1:"
                        + "111122223333:repository/d/r\"").document(), clean, "\"arn:aws:CodeArtifact",
                        "Statement[0].Resource"),
                resource("MISSING_ARN_REGION", ERROR, OK.resource("\"arn:aws:codeartifact::111122223333:"
                        + "repository/d/r\"").document(), clean, "\"arn:aws:codeartifact::", "Statement[0].Resource"),
                resource("INVALID_ARN_REGION", ERROR, OK.resource("\"arn:aws:codeartifact:useast1:111122223333:"
                        + "repository/d/r\"").document(), clean, "\"arn:aws:codeartifact:useast1",
                        "Statement[0].Resource"),
                resource("INVALID_ARN_ACCOUNT", ERROR, OK.resource("\"arn:aws:codeartifact:us-east-1:1111:"
                        + "repository/d/r\"").document(), OK.resource("\"arn:aws:codeartifact:us-east-1:*:"
                        + "repository/d/r\"").document(), "\"arn:aws:codeartifact:us-east-1:1111",
                        "Statement[0].Resource"),
                resource("INVALID_ARN_RESOURCE", ERROR, OK.resource("\"arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository:d/r\"").document(), clean, "\"arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository:", "Statement[0].Resource"),
                resource("INVALID_ARN_RESOURCE", ERROR, OK.action("\"codeartifact:DescribePackageVersion\"")
                        .resource("\"arn:aws:codeartifact:us-east-1:111122223333:package/d/r/npm\"").document(),
                        OK.action("\"codeartifact:DescribePackageVersion\"").resource("\"arn:aws:codeartifact:"
                                + "us-east-1:111122223333:package/d/r/npm//react\"").document(),
                        "\"arn:aws:codeartifact:us-east-1:111122223333:package/d/r/npm\"", "Statement[0].Resource"),
                resource("UNSUPPORTED_RESOURCE_ARN_IN_POLICY", ERROR, OK.resource("\"arn:aws:s3:::bucket/*\"")
                        .document(), clean, "\"arn:aws:s3:::bucket/*\"", "Statement[0].Resource"),
                resource("UNSUPPORTED_ACTION_IN_POLICY", ERROR, OK.action("[\"codeartifact:GetAuthorizationToken\", "
                        + "\"sts:GetServiceBearerToken\"]").document(), OK.action("\"codeartifact:GetAuthorizationToken\"")
                        .document(), "\"sts:GetServiceBearerToken\"", "Statement[0].Action[1]"));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void eachCheckFiresOnItsPolicyAndNotOnTheCorrectedOne(LintCase check) {
        check.verify();
    }

    @Test
    void cleanPoliciesHaveNoFindings() {
        assertThat(PolicyLinter.lint(OK.document(), PolicyType.RESOURCE_POLICY)).isEmpty();
        String identity = documents(ID.action("[\"codeartifact:GetAuthorizationToken\", \"codeartifact:ReadFromRepository\"]"),
                ID.action("\"sts:GetServiceBearerToken\"").condition("{\"StringEquals\": {\"sts:AWSServiceName\": "
                        + "\"codeartifact.amazonaws.com\"}}"));
        assertThat(PolicyLinter.lint(identity, PolicyType.IDENTITY_POLICY)).isEmpty();
    }

    @Test
    void aSingleStatementObjectIsAccepted() {
        String single = "{\"Version\": \"2012-10-17\", \"Statement\": " + OK.body() + "}";
        assertThat(PolicyLinter.lint(single, PolicyType.RESOURCE_POLICY)).isEmpty();
    }

    @Test
    void malformedJsonIsOneErrorAtTheSyntaxErrorsPosition() {
        List<Finding> findings = PolicyLinter.lint("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}",
                PolicyType.RESOURCE_POLICY);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.issueCode()).isEqualTo("JSON_SYNTAX_ERROR");
            assertThat(f.locations().get(0).line()).isEqualTo(3);
            assertThat(f.locations().get(0).column()).isEqualTo(16);
        });
    }

    @Test
    void detailsExplainTheFix() {
        assertThat(detail(OK.action("\"codeartifact:ReadFromRepo\"").document(), "INVALID_ACTION"))
                .contains("Did you mean codeartifact:ReadFromRepository?");
        assertThat(detail(OK.resource("\"arn:aws:codeartifact:us-east-1:111122223333:repository:d/r\"").document(),
                "INVALID_ARN_RESOURCE")).contains("'/', not ':'");
        assertThat(detail(OK.resource("\"arn:aws:codeartifact:us-east-1:111122223333:repository/d:r\"").document(),
                "INVALID_ARN_RESOURCE")).contains("repository/d/r");
        assertThat(detail(OK.action("[\"sts:GetServiceBearerToken\"]").document(), "UNSUPPORTED_ACTION_IN_POLICY"))
                .contains("identity policy");
    }

    private static String detail(String text, String code) {
        return PolicyLinter.lint(text, PolicyType.RESOURCE_POLICY).stream().filter(f -> f.issueCode().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " missing")).findingDetails();
    }

    @Test
    void mangledPoliciesNeverThrow() {
        String rich = documents(OK.sid("\"A1\"").condition("{\"ForAllValues:StringLike\": {\"aws:TagKeys\": [\"t*\", 1]}, "
                + "\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.1/8\"}, \"DateLessThan\": {\"aws:CurrentTime\": \"x\"}}"),
                ID.action("[\"codeartifact:Get*\", \"sts:*\"]").resource("\"arn:aws:codeartifact:*:*:package/d/${aws:username}/*\""));
        java.util.Random random = new java.util.Random(12);
        String alphabet = "{}[]\":,*?$/ \\aA0\n";
        for (int i = 0; i < 3000; i++) {
            StringBuilder mangled = new StringBuilder(rich);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(mangled.length());
                if (random.nextBoolean()) {
                    mangled.deleteCharAt(at);
                } else {
                    mangled.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = mangled.toString();
            for (PolicyType type : PolicyType.values()) {
                assertThatCode(() -> PolicyLinter.lint(text, type, "arn:aws:codeartifact:us-east-1:111122223333:"
                        + "domain/d")).as(text).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void garbageNeverThrows() {
        for (String text : List.of("", " ", "null", "[]", "42", "\"x\"", "{", "{\"Statement\": null}",
                "{\"Statement\": [null, 1, \"x\", []]}", "{\"Statement\": {\"Principal\": [], \"Action\": {},"
                        + " \"Resource\": [1], \"Condition\": {\"StringEquals\": []}}}",
                "{\"Statement\": {\"Condition\": {\"ForAllValues:\": {\"\": [{}]}, \"Null\": 1}}}",
                "{\"Statement\": {\"Resource\": [\"arn:\", \"arn:aws:codeartifact:::\", \"arn:aws:codeartifact:a:b:/\"]}}",
                "{\"Statement\": {\"Sid\": 1, \"Effect\": [], \"Principal\": {\"AWS\": {}}}}", "\u0000", "{\"a\":1,\"a\":2}")) {
            for (PolicyType type : PolicyType.values()) {
                assertThatCode(() -> PolicyLinter.lint(text, type)).as(text).doesNotThrowAnyException();
                assertThatCode(() -> PolicyLinter.lint(text, type, "arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository/d/r")).as(text).doesNotThrowAnyException();
            }
        }
    }
}
