package dev.arca.core.policy;

import static dev.arca.core.policy.FindingType.ERROR;
import static dev.arca.core.policy.FindingType.SECURITY_WARNING;
import static dev.arca.core.policy.FindingType.SUGGESTION;
import static dev.arca.core.policy.FindingType.WARNING;
import static dev.arca.core.policy.LintCase.identity;
import static dev.arca.core.policy.LintCase.resource;
import static dev.arca.core.policy.PolicyText.identityStatement;
import static dev.arca.core.policy.PolicyText.resourceStatement;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Condition block and policy-variable checks (policies.md §2, §1.9, §4.2). */
class ConditionLintTest {

    private static final PolicyText OK = resourceStatement();
    private static final PolicyText ID = identityStatement();
    private static final String ORG = "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}";
    private static final String COND = "Statement[0].Condition";

    private static String cond(String operator, String key, String values) {
        return "{\"" + operator + "\": {\"" + key + "\": " + values + "}}";
    }

    private static LintCase condition(String code, FindingType type, String bad, String good, String marked, String path) {
        return resource(code, type, OK.condition(bad).document(), OK.condition(good).document(), marked, path);
    }

    static Stream<LintCase> checks() {
        return Stream.of(
                condition("EMPTY_OBJECT_CONDITION", SUGGESTION, "{}", ORG, "\"Condition\": |{}", COND),
                condition("INVALID_CONDITION_OPERATOR", ERROR, cond("StringEqual", "aws:PrincipalOrgID", "\"o-1\""), ORG,
                        "\"StringEqual\"", COND + ".StringEqual"),
                condition("NULL_WITH_IF_EXISTS", ERROR, cond("NullIfExists", "aws:PrincipalOrgID", "\"true\""),
                        cond("Null", "aws:PrincipalOrgID", "\"false\""), "\"NullIfExists\"", COND + ".NullIfExists"),
                condition("NULL_WITH_QUALIFIER", SUGGESTION, cond("ForAnyValue:Null", "aws:TagKeys", "\"false\""),
                        cond("Null", "aws:TagKeys", "\"false\""), "\"ForAnyValue:Null\"", COND + ".ForAnyValue:Null"),
                condition("DUPLICATE_KEYS_WITH_DIFFERENT_CASE", ERROR, "{\"StringEquals\": {\"aws:PrincipalOrgID\": "
                        + "\"o-1\", \"aws:principalorgid\": \"o-2\"}}", ORG, "\"aws:principalorgid\"",
                        COND + ".StringEquals.aws:principalorgid"),
                condition("INVALID_CONDITION_KEY_FORMAT", ERROR, cond("StringEquals", "PrincipalOrgID", "\"o-1\""), ORG,
                        "\"PrincipalOrgID\"", COND + ".StringEquals.PrincipalOrgID"),
                condition("UNSUPPORTED_GLOBAL_CONDITION_KEY", ERROR, cond("ArnLike", "aws:ARN", "\"arn:aws:iam::*\""),
                        cond("ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/ci\""), "\"aws:ARN\"",
                        COND + ".ArnLike.aws:ARN"),
                condition("MISSING_TAG_KEY_IN_CONDITION", ERROR, cond("StringEquals", "aws:ResourceTag/", "\"x\""),
                        cond("StringEquals", "aws:ResourceTag/team", "\"x\""), "\"aws:ResourceTag/\"",
                        COND + ".StringEquals.aws:ResourceTag/"),
                condition("INVALID_GLOBAL_CONDITION_KEY", ERROR, cond("StringEquals", "aws:PrincipalOrganization",
                        "\"o-1\""), ORG, "\"aws:PrincipalOrganization\"", COND + ".StringEquals.aws:PrincipalOrganization"),
                condition("INVALID_SERVICE_CONDITION_KEY", ERROR, cond("StringEquals", "codeartifact:PackageFormat",
                        "\"npm\""), ORG, "\"codeartifact:PackageFormat\"", COND + ".StringEquals.codeartifact:PackageFormat"),
                condition("MISSING_QUALIFIER", ERROR, cond("StringEquals", "aws:TagKeys", "\"team\""),
                        cond("ForAllValues:StringEquals", "aws:TagKeys", "\"team\""), "\"aws:TagKeys\"",
                        COND + ".StringEquals.aws:TagKeys"),
                condition("FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY", SECURITY_WARNING, cond("ForAllValues:StringEquals",
                        "aws:PrincipalOrgID", "\"o-1\""), ORG, "\"aws:PrincipalOrgID\"",
                        COND + ".ForAllValues:StringEquals.aws:PrincipalOrgID"),
                condition("TYPE_MISMATCH", WARNING, cond("StringEquals", "aws:CurrentTime", "\"2020-01-01\""),
                        cond("DateGreaterThan", "aws:CurrentTime", "\"2020-01-01\""), "\"aws:CurrentTime\"",
                        COND + ".StringEquals.aws:CurrentTime"),
                condition("TYPE_MISMATCH_DATE", WARNING, cond("DateGreaterThan", "aws:CurrentTime", "\"tomorrow\""),
                        cond("DateGreaterThan", "aws:CurrentTime", "\"2020-01-01T00:00:00Z\""), "\"tomorrow\"",
                        COND + ".DateGreaterThan.aws:CurrentTime"),
                condition("TYPE_MISMATCH_NUMBER", WARNING, cond("NumericLessThan", "aws:MultiFactorAuthAge", "\"1h\""),
                        cond("NumericLessThan", "aws:MultiFactorAuthAge", "3600"), "\"1h\"",
                        COND + ".NumericLessThan.aws:MultiFactorAuthAge"),
                condition("TYPE_MISMATCH_BOOLEAN", WARNING, cond("Bool", "aws:SecureTransport", "\"yes\""),
                        cond("Bool", "aws:SecureTransport", "true"), "\"yes\"", COND + ".Bool.aws:SecureTransport"),
                condition("TYPE_MISMATCH_IP_RANGE", WARNING, cond("IpAddress", "aws:SourceIp", "\"203.0.113.0/33\""),
                        cond("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\""), "\"203.0.113.0/33\"",
                        COND + ".IpAddress.aws:SourceIp"),
                condition("IMPROVE_IP_RANGE", SUGGESTION, cond("IpAddress", "aws:SourceIp", "\"203.0.113.7/24\""),
                        cond("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\""), "\"203.0.113.7/24\"",
                        COND + ".IpAddress.aws:SourceIp"),
                condition("PRIVATE_IP_ADDRESS", ERROR, cond("IpAddress", "aws:SourceIp", "[\"10.0.0.0/8\"]"),
                        cond("IpAddress", "aws:SourceIp", "[\"203.0.113.0/24\"]"), "[\"10.0.0.0/8\"]",
                        COND + ".IpAddress.aws:SourceIp"),
                condition("PRIVATE_NOT_IP_ADDRESS", ERROR, cond("NotIpAddress", "aws:SourceIp", "\"192.168.0.0/16\""),
                        cond("NotIpAddress", "aws:SourceIp", "\"198.51.100.0/24\""), "\"192.168.0.0/16\"",
                        COND + ".NotIpAddress.aws:SourceIp"),
                condition("PRIVATE_IP_ADDRESS_SUBSET", SUGGESTION, cond("IpAddress", "aws:SourceIp",
                        "[\"203.0.113.0/24\", \"172.16.0.0/12\"]"), cond("IpAddress", "aws:SourceIp",
                        "[\"203.0.113.0/24\"]"), "[\"203.0.113.0/24\", \"172.16", COND + ".IpAddress.aws:SourceIp"),
                condition("INVALID_REGION", ERROR, cond("StringEquals", "aws:RequestedRegion", "[\"us-east-1\", "
                        + "\"us-east\"]"), cond("StringEquals", "aws:RequestedRegion", "[\"us-east-1\", \"eu-west-1\"]"),
                        "\"us-east\"]", COND + ".StringEquals.aws:RequestedRegion[1]"),
                condition("INVALID_CONDITION_MULTIPLE_BOOLEAN", ERROR, cond("Bool", "aws:SecureTransport",
                        "[\"true\", \"false\"]"), cond("Bool", "aws:SecureTransport", "[\"true\"]"), "[\"true\", ",
                        COND + ".Bool.aws:SecureTransport"),
                condition("INVALID_CONDITION_DATA_TYPE", ERROR, cond("StringEquals", "aws:PrincipalAccount",
                        "[\"111122223333\", 444455556666]"), cond("StringEquals", "aws:PrincipalAccount",
                        "[\"111122223333\", \"444455556666\"]"), "[\"111122223333\", 4", COND
                        + ".StringEquals.aws:PrincipalAccount"),
                condition("DATA_TYPE_MISMATCH", ERROR, cond("StringEquals", "aws:PrincipalOrgID", "{\"o\": 1}"), ORG,
                        "{\"o\": 1}", COND + ".StringEquals.aws:PrincipalOrgID"),
                condition("WILDCARD_WITHOUT_LIKE_OPERATOR", WARNING, cond("StringEquals", "aws:PrincipalOrgID",
                        "\"o-*\""), cond("StringLike", "aws:PrincipalOrgID", "\"o-*\""), "\"o-*\"",
                        COND + ".StringEquals.aws:PrincipalOrgID"),
                condition("EMPTY_ARRAY_CONDITION", SUGGESTION, cond("StringEquals", "aws:PrincipalOrgID", "[]"), ORG,
                        "[]", COND + ".StringEquals.aws:PrincipalOrgID"),
                condition("EMPTY_ARRAY_CONDITION_FOR_ALL_VALUES", SUGGESTION, cond("ForAllValues:StringEquals",
                        "aws:TagKeys", "[]"), cond("ForAllValues:StringEquals", "aws:TagKeys", "[\"team\"]"), "[]",
                        COND + ".ForAllValues:StringEquals.aws:TagKeys"),
                condition("EMPTY_ARRAY_CONDITION_FOR_ANY_VALUE", SUGGESTION, cond("ForAnyValue:StringEquals",
                        "aws:TagKeys", "[]"), cond("ForAnyValue:StringEquals", "aws:TagKeys", "[\"team\"]"), "[]",
                        COND + ".ForAnyValue:StringEquals.aws:TagKeys"),
                condition("EMPTY_ARRAY_CONDITION_IF_EXISTS", SUGGESTION, cond("StringEqualsIfExists",
                        "aws:PrincipalOrgID", "[]"), cond("StringEqualsIfExists", "aws:PrincipalOrgID", "[\"o-1\"]"),
                        "[]", COND + ".StringEqualsIfExists.aws:PrincipalOrgID"),
                condition("INVALID_VARIABLE_FOR_OPERATOR", ERROR, cond("NumericLessThan", "aws:MultiFactorAuthAge",
                        "\"${aws:username}\""), cond("StringEquals", "aws:PrincipalTag/team", "\"${aws:username}\""),
                        "\"${aws:username}\"", COND + ".NumericLessThan.aws:MultiFactorAuthAge"),
                identity("VARIABLE_UNSUPPORTED_IN_VERSION", ERROR, ID.resource("\"arn:aws:codeartifact:us-east-1:"
                        + "111122223333:repository/d/${aws:username}\"").document().replace("2012-10-17", "2008-10-17"),
                        ID.resource("\"arn:aws:codeartifact:us-east-1:111122223333:repository/d/${aws:username}\"")
                                .document(), "\"arn:aws:codeartifact:us-east-1:111122223333:repository/d/$",
                        "Statement[0].Resource"),
                identity("VARIABLE_UNSUPPORTED_IN_ELEMENT", ERROR, ID.action("\"codeartifact:${aws:username}\"")
                        .document(), ID.document(), "\"codeartifact:${", "Statement[0].Action"),
                identity("MISSING_BRACE", ERROR, ID.resource("\"arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository/d/${aws:username\"").document(), ID.document(), "\"arn:aws:codeartifact",
                        "Statement[0].Resource"),
                identity("EMPTY_VARIABLE", ERROR, ID.resource("\"arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository/d/${}\"").document(), ID.document(), "\"arn:aws:codeartifact",
                        "Statement[0].Resource"),
                identity("UNSUPPORTED_SPACE", ERROR, ID.resource("\"arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository/d/${aws: username}\"").document(), ID.document(), "\"arn:aws:codeartifact",
                        "Statement[0].Resource"),
                identity("MISSING_QUOTE", ERROR, ID.resource("\"arn:aws:codeartifact:us-east-1:111122223333:"
                        + "repository/d/${aws:PrincipalTag/team, shared}\"").document(), ID.resource("\"arn:aws:"
                        + "codeartifact:us-east-1:111122223333:repository/d/${aws:PrincipalTag/team, 'shared'}\"")
                        .document(), "\"arn:aws:codeartifact", "Statement[0].Resource"));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void eachCheckFiresOnItsPolicyAndNotOnTheCorrectedOne(LintCase check) {
        check.verify();
    }
}
