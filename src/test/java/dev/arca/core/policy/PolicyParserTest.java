package dev.arca.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.policy.MalformedPolicyException.PolicyProblem;
import dev.arca.core.policy.json.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {

    private static final String DOMAIN_POLICY = """
            {
              "Version": "2012-10-17",
              "Id": "domain-policy",
              "Statement": [
                {
                  "Sid": "ContributorPolicy",
                  "Effect": "Allow",
                  "Principal": {"AWS": ["123456789012", "arn:aws:iam::444455556666:root"]},
                  "Action": ["codeartifact:CreateRepository", "codeartifact:DescribeDomain"],
                  "Resource": "*",
                  "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-xxxxxxxxxx"]}, "NumericLessThan": {"sts:DurationSeconds": 3600}, "Bool": {"aws:SecureTransport": true}}
                },
                {
                  "Effect": "Deny",
                  "NotPrincipal": {"Service": "codeartifact.amazonaws.com"},
                  "NotAction": "codeartifact:Describe*",
                  "NotResource": ["arn:aws:codeartifact:us-east-1:123456789012:domain/my_domain"]
                }
              ]
            }""";

    @Test
    void knowsWhichConditionKeysItsStatementsNameIgnoringCase() {
        PolicyDocument document = PolicyParser.parse(DOMAIN_POLICY, PolicyType.RESOURCE_POLICY);

        assertThat(document.namesConditionKeyStartingWith("aws:PrincipalOrgID")).isTrue();
        assertThat(document.namesConditionKeyStartingWith("AWS:PRINCIPALORG")).isTrue();
        assertThat(document.namesConditionKeyStartingWith("sts:")).isTrue();
        assertThat(document.namesConditionKeyStartingWith("aws:ResourceTag/")).isFalse();
    }

    @Test
    void readsEveryElementOfAResourcePolicy() {
        PolicyDocument document = PolicyParser.parse(DOMAIN_POLICY, PolicyType.RESOURCE_POLICY);

        assertThat(document.version()).contains("2012-10-17");
        assertThat(document.id()).contains("domain-policy");
        assertThat(document.variablesEnabled()).isTrue();
        Statement first = document.statements().get(0);
        assertThat(first.sid()).contains("ContributorPolicy");
        assertThat(first.effect()).isEqualTo(Effect.ALLOW);
        assertThat(first.principal()).contains(new PrincipalElement(false, new Principal(false,
                Map.of(PrincipalKind.AWS, List.of("123456789012", "arn:aws:iam::444455556666:root")))));
        assertThat(first.actions()).isEqualTo(new PatternList(false,
                List.of("codeartifact:CreateRepository", "codeartifact:DescribeDomain")));
        assertThat(first.resources()).isEqualTo(new PatternList(false, List.of("*")));
        assertThat(first.condition()).containsExactly(
                Map.entry("StringEquals", Map.of("aws:PrincipalOrgID", List.of("o-xxxxxxxxxx"))),
                Map.entry("NumericLessThan", Map.of("sts:DurationSeconds", List.of("3600"))),
                Map.entry("Bool", Map.of("aws:SecureTransport", List.of("true"))));
        assertThat(first.span().path()).hasToString("Statement[0]");
        assertThat(first.span().start().line()).isEqualTo(5);
        assertThat(first.span().end().line()).isEqualTo(12);

        Statement second = document.statements().get(1);
        assertThat(second.label()).isEqualTo("Statement[1]");
        assertThat(second.principal().orElseThrow().negated()).isTrue();
        assertThat(second.principal().orElseThrow().principal().valuesOf(PrincipalKind.SERVICE))
                .containsExactly("codeartifact.amazonaws.com");
        assertThat(second.actions()).isEqualTo(new PatternList(true, List.of("codeartifact:Describe*")));
        assertThat(second.resources().negated()).isTrue();
    }

    @Test
    void aSingleStatementObjectAndAStarPrincipalAreAllowed() {
        PolicyDocument document = PolicyParser.parse("""
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}""",
                PolicyType.RESOURCE_POLICY);
        assertThat(document.version()).isEmpty();
        assertThat(document.variablesEnabled()).isFalse();
        assertThat(document.statements()).singleElement().satisfies(s ->
                assertThat(s.principal()).contains(new PrincipalElement(false, Principal.everyone())));
    }

    @Test
    void identityPoliciesNeedNoPrincipal() {
        PolicyDocument document = PolicyParser.parse("""
                {"Version": "2008-10-17", "Statement": [{"Sid": "Read1", "Effect": "Allow",
                 "Action": "codeartifact:ReadFromRepository", "Resource": "*"}]}""", PolicyType.IDENTITY_POLICY);
        assertThat(document.statements().getFirst().principal()).isEmpty();
        assertThat(document.variablesEnabled()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RESOURCE_POLICY | `not json`                                                                      | Syntax errors in policy: Unexpected character 'n': expected a value (at line 1, column 1)
            RESOURCE_POLICY | `{"Statement": [ {"Effect": "Allow",} ]}`                                       | Syntax errors in policy: Trailing comma before '}' (at line 1, column 36)
            RESOURCE_POLICY | `[]`                                                                            | The policy must be a JSON object, not array (at line 1, column 1)
            RESOURCE_POLICY | `{"Version": "2012-10-18", "Statement": []}`                                    | The policy must contain a valid version string (at Version, line 1, column 13)
            RESOURCE_POLICY | `{"Version": 2012, "Statement": []}`                                            | Version must be a string, not number (at Version, line 1, column 13)
            RESOURCE_POLICY | `{"Version": "2012-10-17"}`                                                     | Missing required field Statement (at line 1, column 1)
            RESOURCE_POLICY | `{"Statement": []}`                                                             | Policy must contain at least one statement (at Statement, line 1, column 15)
            RESOURCE_POLICY | `{"Statement": "x"}`                                                            | Statement must be an object or an array of objects (at Statement, line 1, column 15)
            RESOURCE_POLICY | `{"Statement": ["x"]}`                                                          | Each statement must be a JSON object, not string (at Statement[0], line 1, column 16)
            RESOURCE_POLICY | `{"Statement": [{"Principal": "*", "Action": "*", "Resource": "*"}]}`           | Missing required field Effect (at Statement[0], line 1, column 16)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Alow", "Principal": "*", "Action": "*", "Resource": "*"}]}` | Invalid effect: Alow (at Statement[0].Effect, line 1, column 27)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "allow", "Principal": "*", "Action": "*", "Resource": "*"}]}` | Invalid effect: allow (at Statement[0].Effect, line 1, column 27)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "NotAction": "s3:x", "Resource": "*"}]}` | Statement cannot contain both Action and NotAction (at Statement[0].NotAction, line 1, column 82)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "*"}]}`        | Policy statement must contain actions. (at Statement[0], line 1, column 16)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*"}]}`          | Policy statement must contain resources. (at Statement[0], line 1, column 16)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "NotResource": "*"}]}` | Statement cannot contain both Resource and NotResource (at Statement[0].NotResource, line 1, column 101)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`           | Missing required field Principal (at Statement[0], line 1, column 16)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "NotPrincipal": "*", "Action": "*", "Resource": "*"}]}` | Statement cannot contain both Principal and NotPrincipal (at Statement[0].NotPrincipal, line 1, column 70)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::12345:root"}, "Action": "*", "Resource": "*"}]}` | Invalid principal in policy: "AWS":"arn:aws:iam::12345:root" (at Statement[0].Principal.AWS, line 1, column 57)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["123456789012", "arn:aws:iam::123456789012:user/*"]}, "Action": "*", "Resource": "*"}]}` | Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/*" (at Statement[0].Principal.AWS[1], line 1, column 74)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::123456789012:assumed-role/r/*"}, "Action": "*", "Resource": "*"}]}` | Invalid principal in policy: "AWS":"arn:aws:sts::123456789012:assumed-role/r/*" (at Statement[0].Principal.AWS, line 1, column 57)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": {"Group": "x"}, "Action": "*", "Resource": "*"}]}` | Invalid principal in policy: unknown principal type "Group" (at Statement[0].Principal.Group, line 1, column 59)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "123456789012", "Action": "*", "Resource": "*"}]}` | Invalid principal in policy: "123456789012" (at Statement[0].Principal, line 1, column 49)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ReadFromRepository", "Resource": "*"}]}` | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (at Statement[0].Action, line 1, column 64)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "repository/d/r"}]}` | Resource repository/d/r must be in ARN format or "*". (at Statement[0].Resource, line 1, column 81)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]}` | Duplicate key Effect (at Statement[0].Effect, line 1, column 36)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Actions": "*", "Resource": "*"}]}` | Unsupported policy element: Actions (at Statement[0].Actions, line 1, column 54)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": null}}}]}` | Condition values must be strings, numbers or booleans, not null (at Statement[0].Condition.StringEquals.aws:username, line 1, column 133)
            RESOURCE_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": "x"}}]}` | Condition operator StringEquals must be a JSON object, not string (at Statement[0].Condition.StringEquals, line 1, column 116)
            IDENTITY_POLICY | `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}` | Policy document should not specify a principal. (at Statement[0].Principal, line 1, column 49)
            IDENTITY_POLICY | `{"Id": "x", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}` | Policy document should not specify an Id (at Id, line 1, column 8)
            IDENTITY_POLICY | `{"Statement": [{"Sid": "read-all", "Effect": "Allow", "Action": "*", "Resource": "*"}]}` | Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]* (at Statement[0].Sid, line 1, column 24)
            IDENTITY_POLICY | `{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "A", "Effect": "Deny", "Action": "*", "Resource": "*"}]}` | Statement IDs (SID) in a single policy must be unique. (at Statement[1].Sid, line 1, column 89)
            """)
    void malformedDocumentsSayWhatAndWhere(PolicyType kind, String text, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(text, kind))
                .isInstanceOfSatisfying(MalformedPolicyException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.problem().kind()).isEqualTo(PolicyProblem.Kind.MALFORMED);
                });
    }

    @Test
    void resourcePoliciesOverCodeArtifactsLimitAreRefusedWithItsValidationMessage() {
        String statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}";
        String head = "{\"Statement\":[" + statement + "],\"Id\":\"";
        String exact = head + "x".repeat(7168 - head.length() - 2) + "\"}";
        assertThat(exact).hasSize(7168);
        assertThat(PolicyParser.parse(exact, PolicyType.RESOURCE_POLICY).statements()).hasSize(1);

        String over = head + "x".repeat(7169 - head.length() - 2) + "\"}";
        assertThatThrownBy(() -> PolicyParser.parse(over, PolicyType.RESOURCE_POLICY))
                .isInstanceOfSatisfying(MalformedPolicyException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(PolicyProblem.Kind.CONSTRAINT);
                    assertThat(e.problem().position()).isEmpty();
                    assertThat(e.getMessage()).contains("' at 'policyDocument' failed to satisfy constraint")
                            .endsWith("Member must have length less than or equal to 7168");
                });
    }

    @Test
    void whitespaceCountsTowardsTheLimit() {
        String statement = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}";
        String padded = "{\"Statement\":[" + statement + "]}" + " ".repeat(7169);
        assertThatThrownBy(() -> PolicyParser.parse(padded, PolicyType.RESOURCE_POLICY))
                .hasMessageEndingWith("Member must have length less than or equal to 7168");
    }

    @Test
    void controlCharactersOutsideWhitespaceBreakCodeArtifactsPattern() {
        String text = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}\u0000";
        assertThatThrownBy(() -> PolicyParser.parse(text, PolicyType.RESOURCE_POLICY))
                .isInstanceOfSatisfying(MalformedPolicyException.class, e ->
                        assertThat(e.problem().kind()).isEqualTo(PolicyProblem.Kind.CONSTRAINT))
                .hasMessageEndingWith("Member must satisfy regular expression pattern: [\\P{C}\\s]+");
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> PolicyParser.parse("", PolicyType.RESOURCE_POLICY))
                .hasMessageEndingWith("Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> PolicyParser.parse("  ", PolicyType.IDENTITY_POLICY))
                .hasMessage("Syntax errors in policy: Empty document: expected a JSON value (at line 1, column 3)");
    }

    @Test
    void problemsCarryPathAndPosition() {
        MalformedPolicyException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedPolicyException.class,
                () -> PolicyParser.parse("{\n \"Statement\": {\n  \"Effect\": \"Maybe\"}}", PolicyType.IDENTITY_POLICY));
        assertThat(e.problem().reason()).isEqualTo("Invalid effect: Maybe");
        assertThat(e.problem().path()).map(Object::toString).contains("Statement.Effect");
        assertThat(e.problem().position()).isEqualTo(Optional.of(new Position(3, 12, 30)));
    }

    @Test
    void theUserGuidesAdminExampleWithItsTrailingCommaIsRefused() {
        // seeds/004, "This policy grants access to all CodeArtifact APIs": the guide's text ends "],\n}".
        String seed = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Action\": [\n"
                + "        \"codeartifact:*\"\n      ],\n      \"Effect\": \"Allow\",\n      \"Resource\": \"*\"\n"
                + "    }\n  ],\n}";
        assertThatThrownBy(() -> PolicyParser.parse(seed, PolicyType.IDENTITY_POLICY))
                .hasMessage("Syntax errors in policy: Trailing comma before '}' (at line 12, column 1)");
        assertThat(PolicyParser.parse(seed.replace("],\n}", "]\n}"), PolicyType.IDENTITY_POLICY).statements()).hasSize(1);
    }

    @Test
    void everyPrincipalFormIsAccepted() {
        PolicyDocument document = PolicyParser.parse("""
                {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": {
                  "AWS": ["*", "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/ci/alice",
                          "arn:aws:iam::111122223333:role/Builder", "arn:aws:sts::111122223333:assumed-role/Builder/s1",
                          "arn:aws:sts::111122223333:federated-user/bob", "AIDAJQABLZS4A3QDU576Q"],
                  "Service": ["codeartifact.amazonaws.com", "codebuild.amazonaws.com"],
                  "Federated": "cognito-identity.amazonaws.com",
                  "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}]}""",
                PolicyType.RESOURCE_POLICY);
        Principal principal = document.statements().getFirst().principal().orElseThrow().principal();
        assertThat(principal.valuesOf(PrincipalKind.AWS)).hasSize(8);
        assertThat(principal.values()).containsOnlyKeys(PrincipalKind.values());
    }
}
