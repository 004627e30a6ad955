package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** An IAM user's access keys sign requests as the user on every route, until deactivated or deleted. */
class IamCredentialsTest extends ServerFixture {

    private IamClient rootIam;
    private AccessKey key;
    private String userArn;
    private String userId;

    @BeforeEach
    void createUserWithKey() {
        rootIam = IamClients.iam(server.endpoint(), AwsBasicCredentials.create(server.credentials().accessKeyId(),
                server.credentials().secretAccessKey()));
        var user = rootIam.createUser(r -> r.userName("alice")).user();
        userArn = user.arn();
        userId = user.userId();
        key = rootIam.createAccessKey(r -> r.userName("alice")).accessKey();
    }

    @AfterEach
    void closeClient() {
        rootIam.close();
    }

    @Test
    void aUsersKeySignsAsTheUser() {
        try (StsClient sts = IamClients.sts(server.endpoint(), keys())) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();

            assertThat(identity.arn()).isEqualTo(userArn);
            assertThat(identity.userId()).isEqualTo(userId);
            assertThat(identity.account()).isEqualTo(server.config().accountId());
        }
    }

    @Test
    void theUsersPoliciesDecideWhatItMayDoTheMomentTheyChange() {
        try (CodeartifactClient codeartifact = IamClients.codeartifact(server.endpoint(), keys())) {
            assertThatThrownBy(() -> codeartifact.listDomains(r -> { }))
                    .isInstanceOf(software.amazon.awssdk.services.codeartifact.model.AccessDeniedException.class)
                    .hasMessageStartingWith("User: " + userArn + " is not authorized to perform:"
                            + " codeartifact:ListDomains on resource: * because no identity-based policy allows the"
                            + " codeartifact:ListDomains action");

            rootIam.putUserPolicy(r -> r.userName("alice").policyName("domains")
                    .policyDocument(IamUsersApiTest.ALLOW_DOMAINS));

            assertThat(codeartifact.listDomains(r -> { }).domains()).isEmpty();
        }
    }

    @Test
    void aUserNeedsAnIdentityPolicyForIamCalls() {
        try (IamClient userIam = IamClients.iam(server.endpoint(), keys())) {
            assertThatThrownBy(userIam::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + userArn
                        + " is not authorized to perform: iam:ListUsers on resource: ");
            });
            rootIam.putUserPolicy(r -> r.userName("alice").policyName("iam").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:List*","Resource":"*"}]}"""));

            assertThat(userIam.listUsers().users()).extracting(u -> u.userName()).containsExactly("alice");
            assertThat(userIam.listAccessKeys().accessKeyMetadata()).extracting(m -> m.accessKeyId())
                    .containsExactly(key.accessKeyId());
        }
    }

    @Test
    void aDeactivatedKeyIsRefusedEverywhereUntilReactivated() {
        rootIam.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));

        assertRefused();
        rootIam.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
        try (StsClient sts = IamClients.sts(server.endpoint(), keys())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(userArn);
        }
    }

    @Test
    void aDeletedKeyIsRefusedEverywhere() {
        try (StsClient sts = IamClients.sts(server.endpoint(), keys())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(userArn); // cached now
        }
        rootIam.deleteAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()));

        assertRefused();
    }

    private void assertRefused() {
        try (CodeartifactClient codeartifact = IamClients.codeartifact(server.endpoint(), keys())) {
            assertThatThrownBy(() -> codeartifact.listDomains(r -> { }))
                    .isInstanceOfSatisfying(CodeartifactException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
        try (IamClient userIam = IamClients.iam(server.endpoint(), keys())) {
            assertThatThrownBy(userIam::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
    }

    private AwsBasicCredentials keys() {
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }
}
