package dev.arca.ui.principals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.iam.IamPrincipal;
import dev.arca.core.iam.NewAccessKey;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.ConnectionProfile;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/** The Principals tab's ViewModel against a real local server; no JavaFX toolkit. */
class PrincipalsViewModelTest {

    private static final String READ_DOMAINS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:ListDomains",
             "Resource":"*"}]}""";

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PrincipalsViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        viewModel = newViewModel(embedded.gateway());
        viewModel.load();
    }

    private PrincipalsViewModel newViewModel(CodeArtifactGateway gateway) {
        return new PrincipalsViewModel(() -> gateway, ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        }), dialogs);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void aNewAccountListsNobodyAndOffersWrites() {
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.writableProperty().get()).isTrue();
    }

    @Test
    void aCreatedUserIsListedSelectedAndItsNewKeyWorksAndIsShownOnce() {
        viewModel.newNameProperty().set("ci");
        viewModel.createUser();
        viewModel.policies().nameProperty().set("list");
        viewModel.policies().textProperty().set(READ_DOMAINS);
        viewModel.policies().save();

        viewModel.createAccessKey();

        NewAccessKey key = viewModel.newKeyProperty().get().orElseThrow();
        assertThat(viewModel.principals()).extracting(IamPrincipal::name).containsExactly("ci");
        assertThat(viewModel.accessKeys()).extracting(k -> k.accessKeyId()).containsExactly(key.accessKeyId());
        try (CodeartifactClient asCi = signedAs(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(asCi.listDomains(r -> { }).domains()).isEmpty(); // the key signs, and the policy lets it list
        }
        viewModel.dismissNewKey();
        assertThat(viewModel.newKeyProperty().get()).isEmpty();
        viewModel.load();
        assertThat(viewModel.newKeyProperty().get()).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerSigns() {
        viewModel.newNameProperty().set("ci");
        viewModel.createUser();
        viewModel.createAccessKey();
        NewAccessKey key = viewModel.newKeyProperty().get().orElseThrow();

        viewModel.revokeAccessKey(viewModel.accessKeys().getFirst());

        assertThat(viewModel.accessKeys()).isEmpty();
        assertThat(dialogs.shown()).anyMatch(s -> s.startsWith("confirm: Revoke key (danger)"));
        try (CodeartifactClient asCi = signedAs(key.accessKeyId(), key.secretAccessKey())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> asCi.listDomains(r -> { }))
                    .isInstanceOf(software.amazon.awssdk.services.codeartifact.model.CodeartifactException.class);
        }
    }

    @Test
    void deletingAUserTakesItsKeysAndPoliciesAlongOnceConfirmed() {
        viewModel.newNameProperty().set("ci");
        viewModel.createUser();
        viewModel.createAccessKey();
        viewModel.policies().nameProperty().set("list");
        viewModel.policies().textProperty().set(READ_DOMAINS);
        viewModel.policies().save();

        dialogs.answerConfirmations(false);
        viewModel.deleteSelected();
        assertThat(viewModel.principals()).hasSize(1);
        dialogs.answerConfirmations(true);
        viewModel.deleteSelected();

        assertThat(viewModel.principals()).isEmpty();
        viewModel.load();
        assertThat(viewModel.principals()).isEmpty();
    }

    @Test
    void aRoleIsCreatedTrustedByItsAccountAndItsInlinePolicyReadBack() {
        viewModel.newNameProperty().set("deployer");
        viewModel.createRole();
        viewModel.policies().nameProperty().set("list");
        viewModel.policies().textProperty().set(READ_DOMAINS);
        viewModel.policies().save();

        viewModel.policies().startNew();
        viewModel.policies().open("list");

        assertThat(viewModel.selectedProperty().get().isRole()).isTrue();
        assertThat(viewModel.canCreateKeyProperty().get()).isFalse();
        assertThat(viewModel.policies().names()).containsExactly("list");
        assertThat(viewModel.policies().textProperty().get()).contains("codeartifact:ListDomains");
    }

    @Test
    void aPolicyThatIsNotAnIdentityPolicyIsRefusedAtTheText() {
        viewModel.newNameProperty().set("ci");
        viewModel.createUser();
        viewModel.policies().nameProperty().set("bad");

        viewModel.policies().textProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*",
                 "Resource":"*"}]}""");

        assertThat(viewModel.policies().textProblemProperty().get())
                .isEqualTo("Line 1, column 68: Policy document should not specify a principal.");
        // The editor marks it where it is written: line 1, at the Principal element.
        var mark = viewModel.policies().textMarkProperty().get().orElseThrow();
        assertThat(mark.start().orElseThrow().line()).isEqualTo(1);
        assertThat(mark.start().orElseThrow().offset()).isGreaterThan(30);
        assertThat(viewModel.policies().canSaveProperty().get()).isFalse();

        viewModel.policies().textProperty().set("");
        assertThat(viewModel.policies().textMarkProperty().get()).isEmpty();
    }

    @Test
    void aTrustPolicyIsCheckedAsJsonHereAndByIamOnCreateBothAnsweredAtTheField() {
        viewModel.newNameProperty().set("reader");
        viewModel.trustPolicyProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}""");
        assertThat(viewModel.trustProblemProperty().get()).startsWith("The trust policy is not valid JSON");
        assertThat(viewModel.canCreateRoleProperty().get()).isFalse();

        viewModel.trustPolicyProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}""");
        viewModel.createRole(); // no Principal: IAM refuses, and the sentence lands at the trust policy
        assertThat(viewModel.principals()).isEmpty();
        assertThat(viewModel.trustProblemProperty().get()).isNotEmpty();
        assertThat(dialogs.shown()).isEmpty();

        viewModel.trustPolicyProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:user/ci"},"Action":"sts:AssumeRole"}]}""");
        viewModel.createRole();

        assertThat(viewModel.principals()).extracting(IamPrincipal::name).containsExactly("reader");
        assertThat(viewModel.trustProblemProperty().get()).isEmpty();
    }

    @Test
    void aBadNameIsRefusedAtTheField() {
        viewModel.newNameProperty().set("my user");

        assertThat(viewModel.nameProblemProperty().get()).isEqualTo(
                "A name has 1 to 64 letters, digits and + = , . @ _ - (no spaces).");
        assertThat(viewModel.canCreateProperty().get()).isFalse();
    }

    @Test
    void anAwsConnectionIsReadOnly() {
        viewModel.newNameProperty().set("ci");
        viewModel.createUser();
        try (ClientFactory factory = new ClientFactory(AwsSharedConfig.standard());
             CodeArtifactGateway aws = factory.open(new ConnectionProfile("AWS", ConnectionKind.AWS,
                     embedded.server().endpoint(), "us-east-1"), embedded.server().credentials().accessKeyId(),
                     embedded.server().credentials().secretAccessKey())) {
            PrincipalsViewModel readOnly = newViewModel(aws);
            readOnly.load();
            readOnly.selectedProperty().set(readOnly.principals().getFirst());
            readOnly.newNameProperty().set("other");

            assertThat(readOnly.principals()).extracting(IamPrincipal::name).containsExactly("ci");
            assertThat(readOnly.writableProperty().get()).isFalse();
            assertThat(readOnly.canCreateProperty().get()).isFalse();
            assertThat(readOnly.canDeleteProperty().get()).isFalse();
            assertThat(readOnly.canCreateKeyProperty().get()).isFalse();
            readOnly.createUser();
            readOnly.deleteSelected();
            readOnly.load();
            assertThat(readOnly.principals()).extracting(IamPrincipal::name).containsExactly("ci");
        }
    }

    private CodeartifactClient signedAs(String keyId, String secret) {
        return CodeartifactClient.builder().endpointOverride(embedded.server().endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keyId, secret))).build();
    }
}
