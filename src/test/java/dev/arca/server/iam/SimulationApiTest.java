package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerConfig;
import dev.arca.server.ServerFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/** SimulatePrincipalPolicy and SimulateCustomPolicy as the SDK sees them: shapes, paging and IAM's errors. */
class SimulationApiTest extends ServerFixture {

    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final String REPOSITORY = "arn:aws:codeartifact:us-east-1:" + A + ":repository/shared/libs";
    private static final String READ = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Read","Effect":"Allow","Action":["codeartifact:ReadFromRepository","codeartifact:Describe*"],
               "Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""";

    private IamClient iamB;

    @Override
    protected ServerConfig config() {
        return super.config().withAccounts(List.of(A, B), Optional.empty());
    }

    @BeforeEach
    void user() {
        iamB = IamClients.iam(server.endpoint(), AwsBasicCredentials.create(server.credentials(B).accessKeyId(),
                server.credentials(B).secretAccessKey()));
        iamB.createUser(r -> r.userName("ci"));
        iamB.putUserPolicy(r -> r.userName("ci").policyName("read").policyDocument(READ));
    }

    @AfterEach
    void close() {
        iamB.close();
    }

    @Test
    void aPrincipalsPoliciesAgainstAnotherAccountsResourcePolicy() {
        String grant = """
                {"Version":"2012-10-17","Statement":[{"Sid":"Consumer","Effect":"Allow",
                "Principal":{"AWS":"%s"},"Action":"codeartifact:ReadFromRepository","Resource":"*"}]}""".formatted(B);

        EvaluationResult result = iamB.simulatePrincipalPolicy(r -> r
                .policySourceArn("arn:aws:iam::" + B + ":user/ci").actionNames("codeartifact:ReadFromRepository")
                .resourceArns(REPOSITORY).resourcePolicy(grant).resourceOwner("arn:aws:iam::" + A + ":root")
                .contextEntries(c -> c.contextKeyName("aws:SourceIp").contextKeyType(ContextKeyTypeEnum.IP)
                        .contextKeyValues("10.1.2.3"))).evaluationResults().getFirst();

        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(result.evalResourceName()).isEqualTo(REPOSITORY);
        assertThat(result.evalDecisionDetails()).containsEntry("IAM Policy", PolicyEvaluationDecisionType.ALLOWED)
                .containsEntry("Resource Policy", PolicyEvaluationDecisionType.ALLOWED);
        assertThat(result.resourceSpecificResults()).singleElement().satisfies(specific -> {
            assertThat(specific.evalResourceDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
            assertThat(specific.matchedStatements()).extracting(s -> s.sourcePolicyId() + " " + s.sourcePolicyType())
                    .containsExactlyInAnyOrder("read user", "ResourcePolicy resource");
            assertThat(specific.matchedStatements()).allSatisfy(s -> assertThat(s.startPosition().line())
                    .isPositive());
        });
    }

    @Test
    void aKeyThePoliciesNeedAndTheSimulationLacksIsReportedMissing() {
        EvaluationResult result = iamB.simulatePrincipalPolicy(r -> r
                .policySourceArn("arn:aws:iam::" + B + ":user/ci").actionNames("codeartifact:DescribeDomain"))
                .evaluationResults().getFirst();

        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(result.missingContextValues()).containsExactly("aws:SourceIp");
    }

    @Test
    void customPoliciesArePagedWithMaxItems() {
        var first = iamB.simulateCustomPolicy(r -> r.policyInputList(READ.replace("10.0.0.0/8", "0.0.0.0/0"))
                .actionNames("codeartifact:ReadFromRepository", "codeartifact:DescribeDomain",
                        "codeartifact:PublishPackageVersion")
                .contextEntries(c -> c.contextKeyName("aws:SourceIp").contextKeyType(ContextKeyTypeEnum.IP)
                        .contextKeyValues("192.0.2.1")).maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        var rest = iamB.simulateCustomPolicy(r -> r.policyInputList(READ.replace("10.0.0.0/8", "0.0.0.0/0"))
                .actionNames("codeartifact:ReadFromRepository", "codeartifact:DescribeDomain",
                        "codeartifact:PublishPackageVersion")
                .contextEntries(c -> c.contextKeyName("aws:SourceIp").contextKeyType(ContextKeyTypeEnum.IP)
                        .contextKeyValues("192.0.2.1")).maxItems(2).marker(first.marker()));

        assertThat(first.evaluationResults()).extracting(EvaluationResult::evalDecision).containsExactly(
                PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.ALLOWED);
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.evaluationResults()).singleElement().satisfies(r -> {
            assertThat(r.evalActionName()).isEqualTo("codeartifact:PublishPackageVersion");
            assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        });
    }

    @Test
    void badInputGetsIamsErrors() {
        assertThatThrownBy(() -> iamB.simulatePrincipalPolicy(r -> r
                .policySourceArn("arn:aws:iam::" + B + ":user/nobody").actionNames("codeartifact:DescribeDomain")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iamB.simulateCustomPolicy(r -> r.policyInputList("{\"Statement\": [")
                .actionNames("codeartifact:DescribeDomain")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("MalformedPolicyDocument"));
        assertThatThrownBy(() -> iamB.simulatePrincipalPolicy(r -> r
                .policySourceArn("arn:aws:iam::" + A + ":root").actionNames("codeartifact:DescribeDomain")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("not in your account " + B));
        assertThatThrownBy(() -> iamB.simulateCustomPolicy(r -> r.policyInputList(READ)
                .actionNames("codeartifact:DescribeDomain").contextEntries(c -> c.contextKeyName("aws:SourceIp")
                        .contextKeyType("colour").contextKeyValues("1"))))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidInput"));
    }
}
