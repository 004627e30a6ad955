package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

/** IAM users, their access keys and inline policies through the real SDK, as an account root. */
class IamUsersApiTest extends ServerFixture {

    static final String ALLOW_DOMAINS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:ListDomains","Resource":"*"}]}""";

    private IamClient iam;

    @BeforeEach
    void rootClient() {
        iam = IamClients.iam(server.endpoint(), root());
    }

    @AfterEach
    void closeClient() {
        iam.close();
    }

    @Test
    void createdUserHasAwsShapedIdAndArnAndIsListed() {
        User created = iam.createUser(r -> r.userName("alice").path("/team/")).user();

        assertThat(created.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + server.config().accountId() + ":user/team/alice");
        assertThat(created.createDate()).isNotNull();
        assertThat(iam.getUser(r -> r.userName("alice")).user()).isEqualTo(created);
        assertThat(iam.listUsersPaginator(r -> { }).users()).containsExactly(created);
    }

    @Test
    void duplicateUserIsRefusedWithEntityAlreadyExists() {
        iam.createUser(r -> r.userName("alice"));

        assertThatThrownBy(() -> iam.createUser(r -> r.userName("ALICE")))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User with name ALICE already exists.");
                });
        assertThat(iam.listUsers().users()).hasSize(1);
    }

    @Test
    void unknownUserIsNoSuchEntity() {
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The user with name nobody cannot be found.");
                });
    }

    @Test
    void accessKeysAreCreatedListedDeactivatedAndDeleted() {
        iam.createUser(r -> r.userName("alice"));
        AccessKey key = iam.createAccessKey(r -> r.userName("alice")).accessKey();

        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeysPaginator(r -> r.userName("alice")).accessKeyMetadata())
                .singleElement().satisfies(m -> {
                    assertThat(m.accessKeyId()).isEqualTo(key.accessKeyId());
                    assertThat(m.status()).isEqualTo(StatusType.INACTIVE);
                });
        iam.deleteAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()));
        assertThat(iam.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata()).isEmpty();
    }

    @Test
    void userWithKeysOrPoliciesCannotBeDeleted() {
        iam.createUser(r -> r.userName("alice"));
        String keyId = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        iam.putUserPolicy(r -> r.userName("alice").policyName("domains").policyDocument(ALLOW_DOMAINS));

        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("alice")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        iam.deleteAccessKey(r -> r.userName("alice").accessKeyId(keyId));
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("alice"))).isInstanceOf(DeleteConflictException.class);
        iam.deleteUserPolicy(r -> r.userName("alice").policyName("domains"));
        iam.deleteUser(r -> r.userName("alice"));
        assertThat(iam.listUsers().users()).isEmpty();
    }

    @Test
    void userPolicyIsReturnedUrlEncodedAsIamDoes() {
        iam.createUser(r -> r.userName("alice"));
        iam.putUserPolicy(r -> r.userName("alice").policyName("domains").policyDocument(ALLOW_DOMAINS));

        String returned = iam.getUserPolicy(r -> r.userName("alice").policyName("domains")).policyDocument();
        assertThat(returned).startsWith("%7B%22Version%22");
        assertThat(URLDecoder.decode(returned, StandardCharsets.UTF_8)).isEqualTo(ALLOW_DOMAINS);
        assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).containsExactly("domains");
    }

    @Test
    void malformedPolicyIsRefusedWithTheParsersReasonAndNothingStored() {
        iam.createUser(r -> r.userName("alice"));

        assertThatThrownBy(() -> iam.putUserPolicy(r -> r.userName("alice").policyName("bad")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]}")))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("Effect");
                });
        assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).isEmpty();
    }

    @Test
    void policyDocumentsOutsideIamsCharacterSetAreRefused() {
        iam.createUser(r -> r.userName("alice"));

        assertThatThrownBy(() -> iam.putUserPolicy(r -> r.userName("alice").policyName("emoji")
                .policyDocument(ALLOW_DOMAINS.replace("Allow\",", "Allow\",\"Sid\":\"\uD83D\uDE00\","))))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.iam.model.IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
        assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).isEmpty();
    }

    @Test
    void policiesOverTheUserQuotaAreRefusedAndNothingStored() {
        iam.createUser(r -> r.userName("alice"));
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"codeartifact:"
                + "ListDomains\",\"Resource\":\"arn:aws:codeartifact:us-east-1:123456789012:domain/" + "d".repeat(1900)
                + "\"}]}";
        iam.putUserPolicy(r -> r.userName("alice").policyName("small").policyDocument(ALLOW_DOMAINS));

        assertThatThrownBy(() -> iam.putUserPolicy(r -> r.userName("alice").policyName("big").policyDocument(big)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Maximum policy size of 2048 bytes exceeded for user alice"));
        assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).containsExactly("small");
    }

    @Test
    void usersKeysAndPoliciesSurviveARestart() throws Exception {
        iam.createUser(r -> r.userName("alice"));
        String keyId = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        iam.putUserPolicy(r -> r.userName("alice").policyName("domains").policyDocument(ALLOW_DOMAINS));
        iam.close();

        restart();
        iam = IamClients.iam(server.endpoint(), root());

        assertThat(iam.getUser(r -> r.userName("alice")).user().userName()).isEqualTo("alice");
        assertThat(iam.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata())
                .extracting(m -> m.accessKeyId()).containsExactly(keyId);
        assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).containsExactly("domains");
    }

    private AwsBasicCredentials root() {
        return AwsBasicCredentials.create(server.credentials().accessKeyId(), server.credentials().secretAccessKey());
    }
}
