package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessAnalyzerException;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationExceptionReason;

/** Access Analyzer's ValidatePolicy on a real local server, through the real SDK client. */
class PolicyValidationApiTest extends ServerFixture {

    static final String CLEAN = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "TeamReads",
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": "codeartifact:ReadFromRepository",
                "Resource": "*"
              }]
            }""";

    static final String BAD_EFFECT = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": "codeartifact:ReadFromRepository",
                "Resource": "*"
              }]
            }""";

    static final String NOT_PRINCIPAL = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": "codeartifact:ReadFromRepository",
                "Resource": "*"
              }]
            }""";

    static final String EMPTY_ACTION = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": [],
                "Resource": "*"
              }]
            }""";

    private AccessAnalyzerClient analyzer;

    @BeforeEach
    void analyzerClient() {
        analyzer = AccessAnalyzerClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.credentials().accessKeyId(), server.credentials().secretAccessKey())))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    @AfterEach
    void closeAnalyzer() {
        analyzer.close();
    }

    private List<ValidatePolicyFinding> validate(String document, PolicyType type) {
        return analyzer.validatePolicy(r -> r.policyDocument(document).policyType(type)).findings();
    }

    @Test
    void aCleanPolicyHasNoFindings() {
        assertThat(validate(CLEAN, PolicyType.RESOURCE_POLICY)).isEmpty();
    }

    @Test
    void aMisspelledEffectIsAnErrorPointingAtTheValue() {
        ValidatePolicyFinding finding = validate(BAD_EFFECT, PolicyType.RESOURCE_POLICY).getFirst();

        assertThat(finding.findingType()).isEqualTo(ValidatePolicyFindingType.ERROR);
        assertThat(finding.issueCode()).isEqualTo("INVALID_EFFECT");
        assertThat(finding.learnMoreLink()).endsWith("#access-analyzer-reference-policy-checks-error-invalid-effect");
        Location location = finding.locations().getFirst();
        assertThat(location.path()).containsExactly(PathElement.fromKey("Statement"), PathElement.fromIndex(0),
                PathElement.fromKey("Effect"));
        int offset = BAD_EFFECT.indexOf("\"allow\"");
        assertThat(List.of(location.span().start().line(), location.span().start().column(),
                location.span().start().offset())).containsExactly(4, 14, offset);
        assertThat(List.of(location.span().end().line(), location.span().end().column(),
                location.span().end().offset())).containsExactly(4, 21, offset + "\"allow\"".length());
    }

    @Test
    void allowWithNotPrincipalIsASecurityWarning() {
        assertThat(validate(NOT_PRINCIPAL, PolicyType.RESOURCE_POLICY))
                .anySatisfy(f -> {
                    assertThat(f.findingType()).isEqualTo(ValidatePolicyFindingType.SECURITY_WARNING);
                    assertThat(f.issueCode()).isEqualTo("ALLOW_WITH_NOT_PRINCIPAL");
                });
    }

    @Test
    void anEmptyActionArrayIsASuggestion() {
        ValidatePolicyFinding finding = validate(EMPTY_ACTION, PolicyType.RESOURCE_POLICY).stream()
                .filter(f -> f.issueCode().equals("EMPTY_ARRAY_ACTION")).findFirst().orElseThrow();

        assertThat(finding.findingType()).isEqualTo(ValidatePolicyFindingType.SUGGESTION);
        assertThat(finding.locations().getFirst().path()).containsExactly(PathElement.fromKey("Statement"),
                PathElement.fromIndex(0), PathElement.fromKey("Action"));
    }

    @Test
    void malformedJsonIsAnErrorFindingNotAFailure() {
        ValidatePolicyFinding finding = validate("{\"Version\": \"2012-10-17\",\n  \"Statement\": [}",
                PolicyType.IDENTITY_POLICY).getFirst();

        assertThat(finding.findingType()).isEqualTo(ValidatePolicyFindingType.ERROR);
        assertThat(finding.issueCode()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(finding.locations().getFirst().path()).isEmpty();
        assertThat(finding.locations().getFirst().span().start().line()).isEqualTo(2);
    }

    @Test
    void maxResultsPagesThroughEveryFindingOnce() {
        String many = """
                {
                  "Statement": [
                    {"Sid": "", "Effect": "allow", "Action": [], "Resource": []},
                    {"Sid": "", "Effect": "allow", "Action": [], "Resource": []}
                  ]
                }""";
        List<ValidatePolicyFinding> all = validate(many, PolicyType.IDENTITY_POLICY);
        assertThat(all).hasSizeGreaterThan(4);

        List<ValidatePolicyFinding> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        analyzer.validatePolicyPaginator(r -> r.policyDocument(many).policyType(PolicyType.IDENTITY_POLICY)
                .maxResults(2)).stream().forEach(page -> {
                    pageSizes.add(page.findings().size());
                    paged.addAll(page.findings());
                });

        assertThat(paged).isEqualTo(all);
        assertThat(pageSizes).allMatch(n -> n <= 2);
    }

    @Test
    void aLastPageHasNoNextToken() {
        ValidatePolicyResponse page = analyzer.validatePolicy(r -> r.policyDocument(BAD_EFFECT)
                .policyType(PolicyType.RESOURCE_POLICY).maxResults(10));
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void serviceAndResourceControlPoliciesAreLinted() {
        assertThat(validate(BAD_EFFECT.replace("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"},", ""),
                PolicyType.SERVICE_CONTROL_POLICY)).extracting(ValidatePolicyFinding::issueCode)
                .contains("INVALID_EFFECT");
        assertThat(validate(CLEAN, PolicyType.RESOURCE_CONTROL_POLICY)).isEmpty();
    }

    @Test
    void aMissingPolicyDocumentIsAValidationException() {
        assertThatThrownBy(() -> analyzer.validatePolicy(r -> r.policyType(PolicyType.IDENTITY_POLICY)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
                    assertThat(e.fieldList()).singleElement().satisfies(f -> {
                        assertThat(f.name()).isEqualTo("policyDocument");
                        assertThat(f.message()).isEqualTo("Member must not be null");
                    });
                });
    }

    @Test
    void anUnknownPolicyTypeIsAValidationException() {
        assertThatThrownBy(() -> analyzer.validatePolicy(r -> r.policyDocument(CLEAN).policyType("BUCKET_POLICY")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
                    assertThat(e.fieldList()).singleElement().satisfies(f ->
                            assertThat(f.name()).isEqualTo("policyType"));
                    assertThat(e.getMessage()).contains("IDENTITY_POLICY, RESOURCE_POLICY");
                });
    }

    @Test
    void aDocumentOverTheBoundIsAValidationException() {
        String huge = CLEAN.replace("TeamReads", "A".repeat(PolicyValidationApi.MAX_DOCUMENT_LENGTH));
        assertThatThrownBy(() -> validate(huge, PolicyType.RESOURCE_POLICY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                        .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("policyDocument")));
    }

    @Test
    void aResourceTypeWithAnIdentityPolicyIsAValidationException() {
        assertThatThrownBy(() -> analyzer.validatePolicy(r -> r.policyDocument(CLEAN)
                .policyType(PolicyType.IDENTITY_POLICY).validatePolicyResourceType("AWS::S3::Bucket")))
                .isInstanceOf(ValidationException.class);
        assertThat(analyzer.validatePolicy(r -> r.policyDocument(CLEAN).policyType(PolicyType.RESOURCE_POLICY)
                .validatePolicyResourceType("AWS::S3::Bucket").locale("DE")).findings()).isEmpty();
    }

    @Test
    void aTokenFromAnotherRequestIsRefused() {
        assertThatThrownBy(() -> analyzer.validatePolicy(r -> r.policyDocument(CLEAN)
                .policyType(PolicyType.RESOURCE_POLICY).nextToken("bm90LW91cnM")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                        .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("nextToken")));
    }

    @Test
    void unsignedOrWronglySignedCallersAreRefused() {
        try (AccessAnalyzerClient stranger = AccessAnalyzerClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.credentials().accessKeyId(), "not-the-secret")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build()) {
            assertThatThrownBy(() -> stranger.validatePolicy(r -> r.policyDocument(CLEAN)
                    .policyType(PolicyType.RESOURCE_POLICY)))
                    .isInstanceOfSatisfying(AccessAnalyzerException.class, e ->
                            assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
