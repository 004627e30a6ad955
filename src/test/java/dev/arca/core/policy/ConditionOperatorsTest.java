package dev.arca.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.policy.ConditionMatcher.ConditionResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionOperatorsTest {

    private static final ConditionMatcher MATCHER = new ConditionOperators();

    /** One table row: the operator entry, the request context, and what must come out. */
    record Case(String operator, String key, List<String> values, Map<String, List<String>> context, boolean holds,
                boolean missingKey) {
        @Override
        public String toString() {
            return operator + " " + key + "=" + values + " against " + context + " -> " + holds
                    + (missingKey ? " (missing)" : "");
        }
    }

    private static Case holds(String op, String key, List<String> values, Map<String, List<String>> ctx) {
        return new Case(op, key, values, ctx, true, false);
    }

    private static Case fails(String op, String key, List<String> values, Map<String, List<String>> ctx) {
        return new Case(op, key, values, ctx, false, false);
    }

    private static Case missing(String op, String key, List<String> values, boolean holds) {
        return new Case(op, key, values, Map.of(), holds, true);
    }

    private static Map<String, List<String>> ctx(String key, String... values) {
        return Map.of(key, List.of(values));
    }

    static Stream<Case> table() {
        String org = "aws:PrincipalOrgID";
        String arn = "aws:PrincipalArn";
        String tags = "aws:TagKeys";
        String time = "aws:CurrentTime";
        String ip = "aws:SourceIp";
        String secure = "aws:SecureTransport";
        String dur = "sts:DurationSeconds";
        return Stream.of(
                // String family
                holds("StringEquals", org, List.of("o-a1b2c3d4e5"), ctx(org, "o-a1b2c3d4e5")),
                fails("StringEquals", org, List.of("o-a1b2c3d4e5"), ctx(org, "O-A1B2C3D4E5")),
                holds("StringEquals", org, List.of("o-x", "o-y"), ctx(org, "o-y")),
                fails("StringEquals", org, List.of("o-*"), ctx(org, "o-y")),
                holds("StringEquals", "sts:AWSServiceName", List.of("codeartifact.amazonaws.com"),
                        ctx("sts:AWSServiceName", "codeartifact.amazonaws.com")),
                fails("StringNotEquals", org, List.of("o-x"), ctx(org, "o-x")),
                holds("StringNotEquals", org, List.of("o-x"), ctx(org, "o-y")),
                fails("StringNotEquals", org, List.of("o-x", "o-y"), ctx(org, "o-y")),
                holds("StringNotEquals", org, List.of("o-x", "o-y"), ctx(org, "o-z")),
                holds("StringEqualsIgnoreCase", org, List.of("O-X"), ctx(org, "o-x")),
                fails("StringEqualsIgnoreCase", org, List.of("o-x"), ctx(org, "o-xx")),
                fails("StringNotEqualsIgnoreCase", org, List.of("O-X"), ctx(org, "o-x")),
                holds("StringNotEqualsIgnoreCase", org, List.of("O-X"), ctx(org, "o-y")),
                holds("StringLike", arn, List.of("arn:aws:iam::*:role/ci-*"),
                        ctx(arn, "arn:aws:iam::111122223333:role/ci-publisher")),
                holds("StringLike", org, List.of("o-??"), ctx(org, "o-ab")),
                fails("StringLike", org, List.of("o-??"), ctx(org, "o-abc")),
                fails("StringLike", org, List.of("O-*"), ctx(org, "o-abc")),
                holds("StringLike", arn, List.of("arn:*"), ctx(arn, "arn:aws:iam::1:user/a:b")),
                holds("StringNotLike", org, List.of("o-x*"), ctx(org, "o-y1")),
                fails("StringNotLike", org, List.of("o-y*", "o-z*"), ctx(org, "o-z1")),
                // Numeric family
                holds("NumericEquals", dur, List.of("3600"), ctx(dur, "3600")),
                holds("NumericEquals", dur, List.of("3600"), ctx(dur, "3600.0")),
                fails("NumericNotEquals", dur, List.of("3600"), ctx(dur, "3600")),
                holds("NumericNotEquals", dur, List.of("3600", "7200"), ctx(dur, "900")),
                holds("NumericLessThan", dur, List.of("3600"), ctx(dur, "3599")),
                fails("NumericLessThan", dur, List.of("3600"), ctx(dur, "3600")),
                holds("NumericLessThanEquals", dur, List.of("3600"), ctx(dur, "3600")),
                holds("NumericGreaterThan", dur, List.of("3600"), ctx(dur, "3600.5")),
                fails("NumericGreaterThan", dur, List.of("3600"), ctx(dur, "3600")),
                holds("NumericGreaterThanEquals", dur, List.of("-1"), ctx(dur, "0")),
                fails("NumericEquals", dur, List.of("3600"), ctx(dur, "an hour")),
                fails("NumericNotEquals", dur, List.of("ten"), ctx(dur, "3600")),
                // Date family: ISO 8601 forms and epoch seconds
                holds("DateGreaterThan", time, List.of("2020-01-01T00:00:00Z"), ctx(time, "2026-12-04T18:00:00Z")),
                fails("DateGreaterThan", time, List.of("2030-01-01T00:00:00Z"), ctx(time, "2026-12-04T18:00:00Z")),
                holds("DateLessThan", time, List.of("2030-01-01"), ctx(time, "2026-12-04T18:00:00Z")),
                holds("DateEquals", time, List.of("1577836800"), ctx(time, "2020-01-01T00:00:00Z")),
                holds("DateEquals", time, List.of("2020-01-01T01:00:00+01:00"), ctx(time, "2020-01-01T00:00:00Z")),
                holds("DateEquals", time, List.of("2020-01-01T00:00:00.000Z"), ctx(time, "1577836800")),
                fails("DateNotEquals", time, List.of("2020-01-01T00:00:00Z"), ctx(time, "1577836800")),
                holds("DateNotEquals", time, List.of("2020-01-01T00:00:00Z"), ctx(time, "1577836801")),
                holds("DateLessThanEquals", time, List.of("2020-01-01T00:00:00Z"), ctx(time, "2020-01-01T00:00:00Z")),
                holds("DateGreaterThanEquals", time, List.of("2020-01-01T00:00:00Z"), ctx(time, "2020-01-01T00:00:00Z")),
                fails("DateGreaterThan", time, List.of("yesterday"), ctx(time, "2026-12-04T18:00:00Z")),
                fails("DateLessThan", time, List.of("2030-01-01T00:00:00Z"), ctx(time, "not a date")),
                fails("DateNotEquals", time, List.of("2020-13-45"), ctx(time, "2026-12-04T18:00:00Z")),
                // Bool
                holds("Bool", secure, List.of("true"), ctx(secure, "true")),
                holds("Bool", secure, List.of("TRUE"), ctx(secure, "true")),
                fails("Bool", secure, List.of("true"), ctx(secure, "false")),
                holds("Bool", secure, List.of("false"), ctx(secure, "false")),
                fails("Bool", secure, List.of("yes"), ctx(secure, "true")),
                // Binary
                holds("BinaryEquals", "aws:Blob", List.of("QmluYXJ5VmFsdWVJbkJhc2U2NA=="),
                        ctx("aws:Blob", "QmluYXJ5VmFsdWVJbkJhc2U2NA==")),
                fails("BinaryEquals", "aws:Blob", List.of("QmluYXJ5"), ctx("aws:Blob", "QmluYXJ6")),
                fails("BinaryEquals", "aws:Blob", List.of("%%%"), ctx("aws:Blob", "QmluYXJ5")),
                // IP
                holds("IpAddress", ip, List.of("203.0.113.0/24"), ctx(ip, "203.0.113.9")),
                fails("IpAddress", ip, List.of("203.0.113.0/24"), ctx(ip, "203.0.114.9")),
                holds("IpAddress", ip, List.of("203.0.113.9"), ctx(ip, "203.0.113.9")),
                fails("IpAddress", ip, List.of("203.0.113.9"), ctx(ip, "203.0.113.10")),
                holds("IpAddress", ip, List.of("198.51.100.0/24", "203.0.113.0/24"), ctx(ip, "203.0.113.200")),
                holds("IpAddress", ip, List.of("2001:DB8:1234:5678::/64"), ctx(ip, "2001:db8:1234:5678::abcd")),
                fails("IpAddress", ip, List.of("2001:db8:1234:5678::/64"), ctx(ip, "2001:db8:1234:5679::1")),
                fails("IpAddress", ip, List.of("203.0.113.0/24"), ctx(ip, "2001:db8::1")),
                holds("IpAddress", ip, List.of("0.0.0.0/0"), ctx(ip, "192.0.2.1")),
                holds("NotIpAddress", ip, List.of("203.0.113.0/24"), ctx(ip, "198.51.100.1")),
                fails("NotIpAddress", ip, List.of("198.51.100.0/24", "203.0.113.0/24"), ctx(ip, "203.0.113.1")),
                fails("IpAddress", ip, List.of("203.0.113.0/33"), ctx(ip, "203.0.113.1")),
                fails("IpAddress", ip, List.of("example.com"), ctx(ip, "203.0.113.1")),
                fails("NotIpAddress", ip, List.of("203.0.113.0/24"), ctx(ip, "not-an-ip")),
                // ARN family: each of the six parts on its own
                holds("ArnEquals", arn, List.of("arn:aws:iam::111122223333:role/ci"),
                        ctx(arn, "arn:aws:iam::111122223333:role/ci")),
                holds("ArnLike", arn, List.of("arn:aws:iam::*:role/ci-*"),
                        ctx(arn, "arn:aws:iam::111122223333:role/ci-a")),
                holds("ArnEquals", arn, List.of("arn:aws:iam::*:role/*"), ctx(arn, "arn:aws:iam::111122223333:role/x")),
                fails("ArnLike", arn, List.of("arn:aws:iam::*"), ctx(arn, "arn:aws:iam::111122223333:role/x")),
                fails("ArnLike", arn, List.of("arn:aws:iam::111122223333:ROLE/ci"),
                        ctx(arn, "arn:aws:iam::111122223333:role/ci")),
                fails("ArnLike", arn, List.of("arn:aws:iam::1111222233?3:role/ci"),
                        ctx(arn, "arn:aws:iam::1111222233:3:role/ci")),
                holds("ArnNotEquals", arn, List.of("arn:aws:iam::111122223333:role/admin"),
                        ctx(arn, "arn:aws:iam::111122223333:role/ci")),
                fails("ArnNotLike", arn, List.of("arn:aws:iam::111122223333:role/*"),
                        ctx(arn, "arn:aws:iam::111122223333:role/ci")),
                fails("ArnEquals", arn, List.of("arn:aws:iam::111122223333:role/ci"), ctx(arn, "not-an-arn")),
                // Case-insensitive key lookup
                holds("StringEquals", "AWS:PRINCIPALORGID", List.of("o-x"), ctx(org, "o-x")),
                holds("StringEquals", "aws:principalorgid", List.of("o-x"), ctx("AWS:PrincipalOrgId", "o-x")),
                // Missing keys: positive false, negated true (§2.2)
                missing("StringEquals", org, List.of("o-x"), false),
                missing("StringLike", org, List.of("*"), false),
                missing("StringNotEquals", org, List.of("o-x"), true),
                missing("StringNotLike", org, List.of("o-*"), true),
                missing("NumericLessThan", dur, List.of("3600"), false),
                missing("DateGreaterThan", time, List.of("2020-01-01"), false),
                missing("Bool", secure, List.of("true"), false),
                missing("IpAddress", ip, List.of("203.0.113.0/24"), false),
                missing("NotIpAddress", ip, List.of("203.0.113.0/24"), true),
                missing("ArnNotLike", arn, List.of("arn:aws:iam::*:root"), true),
                new Case("StringEquals", org, List.of("o-x"), ctx(org), false, true),
                // IfExists: absent key holds, present key is evaluated normally
                missing("StringEqualsIfExists", org, List.of("o-x"), true),
                missing("NumericLessThanIfExists", dur, List.of("3600"), true),
                missing("DateLessThanIfExists", time, List.of("2020-01-01"), true),
                holds("StringEqualsIfExists", org, List.of("o-x"), ctx(org, "o-x")),
                fails("StringEqualsIfExists", org, List.of("o-x"), ctx(org, "o-y")),
                fails("NumericLessThanIfExists", dur, List.of("3600"), ctx(dur, "7200")),
                holds("DateGreaterThanIfExists", time, List.of("2020-01-01"), ctx(time, "2026-01-01T00:00:00Z")),
                fails("BoolIfExists", secure, List.of("true"), ctx(secure, "false")),
                // Null
                missing("Null", org, List.of("true"), true),
                missing("Null", org, List.of("false"), false),
                holds("Null", org, List.of("false"), ctx(org, "o-x")),
                fails("Null", org, List.of("true"), ctx(org, "o-x")),
                new Case("Null", org, List.of("true"), ctx(org), true, true),
                // Set qualifiers on a multi-valued key (§2.4)
                holds("ForAllValues:StringEquals", tags, List.of("team", "env"), ctx(tags, "team", "env")),
                fails("ForAllValues:StringEquals", tags, List.of("team", "env"), ctx(tags, "team", "owner")),
                holds("ForAllValues:StringEquals", tags, List.of("team", "env"), ctx(tags, "env")),
                missing("ForAllValues:StringEquals", tags, List.of("team"), true),
                new Case("ForAllValues:StringEquals", tags, List.of("team"), ctx(tags), true, true),
                holds("ForAnyValue:StringEquals", tags, List.of("team"), ctx(tags, "owner", "team")),
                fails("ForAnyValue:StringEquals", tags, List.of("team"), ctx(tags, "owner", "env")),
                missing("ForAnyValue:StringEquals", tags, List.of("team"), false),
                new Case("ForAnyValue:StringEquals", tags, List.of("team"), ctx(tags), false, true),
                holds("ForAnyValue:StringLike", tags, List.of("te*"), ctx(tags, "owner", "team")),
                holds("ForAllValues:StringLike", tags, List.of("t*", "e*"), ctx(tags, "team", "env")),
                holds("ForAnyValue:StringNotEquals", tags, List.of("team"), ctx(tags, "team", "env")),
                fails("ForAnyValue:StringNotEquals", tags, List.of("team", "env"), ctx(tags, "team", "env")),
                holds("ForAllValues:StringNotEquals", tags, List.of("secret"), ctx(tags, "team", "env")),
                fails("ForAllValues:StringNotEquals", tags, List.of("secret"), ctx(tags, "team", "secret")),
                missing("ForAllValues:StringNotEquals", tags, List.of("secret"), true),
                missing("ForAnyValue:StringNotEquals", tags, List.of("secret"), false),
                missing("ForAnyValue:StringEqualsIfExists", tags, List.of("team"), true),
                holds("ForAllValues:StringEqualsIgnoreCase", tags, List.of("TEAM"), ctx(tags, "team", "Team")),
                holds("ForAnyValue:NumericGreaterThan", "aws:Sizes", List.of("10"), ctx("aws:Sizes", "1", "20")),
                // ForAllValues with a single-valued key: permissive, as Access Analyzer warns
                missing("ForAllValues:StringEquals", org, List.of("o-x"), true),
                // Unqualified operators on a multi-valued key: any value decides
                holds("StringEquals", tags, List.of("team"), ctx(tags, "env", "team")),
                fails("StringNotEquals", tags, List.of("team"), ctx(tags, "env", "team")),
                holds("StringNotEquals", tags, List.of("team"), ctx(tags, "env", "owner")),
                // A malformed value anywhere: the entry does not hold
                fails("ForAnyValue:DateEquals", "aws:Dates", List.of("2020-01-01"), ctx("aws:Dates", "2020-01-01", "x")),
                fails("ForAllValues:NumericNotEquals", "aws:Sizes", List.of("5"), ctx("aws:Sizes", "1", "two")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void operatorTable(Case c) {
        assertThat(MATCHER.matches(c.operator(), c.key(), c.values(), c.context()))
                .isEqualTo(new ConditionResult(c.holds(), c.missingKey()));
    }

    @Test
    void theTableHasAtLeastEightyCases() {
        assertThat(table().count()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void unknownOperatorsAreRefusedByName() {
        assertThatThrownBy(() -> MATCHER.matches("StringEqual", "k", List.of("v"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringEqual");
        assertThatThrownBy(() -> MATCHER.matches("ForSomeValues:StringEquals", "k", List.of("v"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ForSomeValues:StringEquals");
    }

    @Test
    void nullTakesNoIfExists() {
        assertThatThrownBy(() -> MATCHER.matches("NullIfExists", "k", List.of("true"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NullIfExists");
    }

    @Test
    void operatorNamesParseIntoTheirParts() {
        QualifiedOperator parsed = QualifiedOperator.parse("ForAllValues:StringLikeIfExists").orElseThrow();
        assertThat(parsed.qualifier()).contains(QualifiedOperator.SetQualifier.FOR_ALL_VALUES);
        assertThat(parsed.operator()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(parsed.ifExists()).isTrue();
        assertThat(parsed.toString()).isEqualTo("ForAllValues:StringLikeIfExists");
        assertThat(QualifiedOperator.parse("IfExists")).isEmpty();
        assertThat(QualifiedOperator.parse("stringequals")).isEmpty();
        assertThat(QualifiedOperator.parse("ForAnyValue:ForAllValues:StringEquals")).isEmpty();
    }

    @Test
    void wildcardsMatchAnyRunAndSingleCharacters() {
        assertThat(WildcardPattern.matches("a*b?d", "axxxbcd")).isTrue();
        assertThat(WildcardPattern.matches("a*b?d", "abd")).isFalse();
        assertThat(WildcardPattern.matches("*", "")).isTrue();
        assertThat(WildcardPattern.matches("A*", "abc", true)).isTrue();
        assertThat(WildcardPattern.matches("A*", "abc")).isFalse();
        assertThat(WildcardPattern.matches("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isFalse();
    }

    @Test
    void ipRangesKnowHostBitsAndPrivateBlocks() {
        assertThat(IpRange.parse("10.0.0.1/8").orElseThrow().hasHostBits()).isTrue();
        assertThat(IpRange.parse("10.0.0.0/8").orElseThrow().hasHostBits()).isFalse();
        assertThat(IpRange.parse("10.1.0.0/16").orElseThrow().isPrivate()).isTrue();
        assertThat(IpRange.parse("192.168.1.1").orElseThrow().isPrivate()).isTrue();
        assertThat(IpRange.parse("172.20.0.0/16").orElseThrow().isPrivate()).isTrue();
        assertThat(IpRange.parse("0.0.0.0/0").orElseThrow().isPrivate()).isFalse();
        assertThat(IpRange.parse("203.0.113.0/24").orElseThrow().isPrivate()).isFalse();
        assertThat(IpRange.parse("fd00::/8").orElseThrow().isPrivate()).isTrue();
    }
}
