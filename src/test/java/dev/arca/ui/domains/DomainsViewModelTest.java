package dev.arca.ui.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.LocalServer;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.RecordingNavigation;
import dev.arca.ui.common.UserSettings;
import dev.arca.ui.tags.TagsEditorViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Domains page's ViewModel against a real local server through the real gateway; no JavaFX toolkit. */
class DomainsViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private LocalServer server;
    private final RecordingDialogs recorder = new RecordingDialogs();
    private final List<String> dialogs = recorder.shown();
    private final RecordingNavigation navigation = new RecordingNavigation();
    private DomainsViewModel viewModel;
    private DomainMemory memory;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("data"));
        server = embedded.server();
        memory = new DomainMemory(UserSettings.load(temp.resolve("config/settings.properties")), "local");
        viewModel = new DomainsViewModel(embedded::gateway, ExecutorTaskRunner.sameThread(e -> dialogs.add("unhandled")),
                recorder, memory, navigation);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void anEmptyAccountShowsTheEmptyState() {
        viewModel.refresh();

        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.domains()).isEmpty();
    }

    @Test
    void theNameIsCheckedAsItIsTyped() {
        viewModel.newNameProperty().set("Bad_Name");
        assertThat(viewModel.nameProblemProperty().get()).startsWith("Use lower-case letters");
        assertThat(viewModel.canCreateProperty().get()).isFalse();

        viewModel.newNameProperty().set("x");
        assertThat(viewModel.nameProblemProperty().get()).contains("at least 2");

        viewModel.newNameProperty().set("good-name");
        assertThat(viewModel.nameProblemProperty().get()).isEmpty();
        assertThat(viewModel.canCreateProperty().get()).isTrue();
    }

    @Test
    void creatingADomainShowsItSelectedWithoutAManualReload() {
        viewModel.refresh();
        viewModel.newNameProperty().set("team");

        viewModel.create();

        assertThat(viewModel.domains()).extracting(DomainInfo::name).containsExactly("team");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("team");
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.READY);
        assertThat(viewModel.newNameProperty().get()).isEmpty();
    }

    @Test
    void theKeyPickerOffersTheManagedKeyAndTheAccountsKeys() {
        viewModel.newNameProperty().set("first");
        viewModel.create();

        viewModel.loadKeys();

        assertThat(viewModel.keys()).first().isEqualTo(DomainsViewModel.MANAGED_KEY);
        assertThat(viewModel.keys()).as("the AWS-managed key appears only as the first choice").hasSize(1);
    }

    @Test
    void aChosenKeyEncryptsTheNewDomain() throws Exception {
        try (var kms = software.amazon.awssdk.services.kms.KmsClient.builder().endpointOverride(server.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                server.credentials().accessKeyId(), server.credentials().secretAccessKey())))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()).build()) {
            String arn = kms.createKey(r -> r.description("team key")).keyMetadata().arn();
            kms.createAlias(r -> r.aliasName("alias/team").targetKeyId(arn));
        }
        viewModel.loadKeys();
        Optional<KeyChoice> team = viewModel.keys().stream().filter(k -> k.map(c -> c.label().equals("alias/team"))
                .orElse(false)).findFirst().orElseThrow();

        viewModel.keyProperty().set(team);
        viewModel.newNameProperty().set("keyed");
        viewModel.create();

        assertThat(viewModel.domains().getFirst().encryptionKey()).isEqualTo(team.get().keyArn());
    }

    @Test
    void aDuplicateNameIsOnePlainSentence() {
        viewModel.newNameProperty().set("twice");
        viewModel.create();
        viewModel.newNameProperty().set("twice");

        viewModel.create();

        assertThat(dialogs).containsExactly("error: Domain twice already exists in account 123456789012.");
    }

    @Test
    void deletingAsksFirstAndRefreshes() {
        viewModel.newNameProperty().set("doomed");
        viewModel.create();

        viewModel.delete();

        assertThat(dialogs).singleElement().asString().startsWith("confirm: Delete domain (danger)");
        assertThat(viewModel.domains()).isEmpty();
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
    }

    @Test
    void aDeclinedConfirmationDeletesNothing() {
        viewModel.newNameProperty().set("kept");
        viewModel.create();
        recorder.answerConfirmations(false);

        viewModel.delete();

        assertThat(viewModel.domains()).extracting(DomainInfo::name).containsExactly("kept");
    }

    @Test
    void aDomainWithRepositoriesIsExplainedNotDeleted() {
        viewModel.newNameProperty().set("busy");
        viewModel.create();
        embedded.sdk().createRepository(r -> r.domain("busy").repository("repo"));
        viewModel.refresh();
        viewModel.selectedProperty().set(viewModel.domains().getFirst());

        viewModel.delete();

        assertThat(dialogs).singleElement().asString().startsWith("info: Domain busy still has 1 repository.");
        assertThat(viewModel.domains()).hasSize(1);
    }

    @Test
    void theSelectedDomainShowsItsTagsAndPolicy() {
        viewModel.newNameProperty().set("team");
        viewModel.create();
        assertThat(viewModel.detailsProperty().get()).hasValueSatisfying(details -> {
            assertThat(details.tags()).isEmpty();
            assertThat(details.policy()).isEmpty();
        });

        embedded.sdk().putDomainPermissionsPolicy(r -> r.domain("team").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},"
                + "\"Action\":\"codeartifact:GetAuthorizationToken\",\"Resource\":\"*\"}]}"));
        TagsEditorViewModel editor = viewModel.tagsEditor().orElseThrow();
        editor.load();
        editor.add().keyProperty().set("team");
        editor.save(viewModel::reloadDetails);

        DomainsViewModel.DomainDetails details = viewModel.detailsProperty().get().orElseThrow();
        assertThat(details.tags()).isEqualTo(java.util.Map.of("team", ""));
        assertThat(details.policy()).hasValueSatisfying(policy -> assertThat(policy)
                .contains("\n").contains("\"codeartifact:GetAuthorizationToken\"").contains("210987654321"));
    }

    @Test
    void aPackageIsFoundInEveryRepositoryOfTheDomain() {
        viewModel.newNameProperty().set("team");
        viewModel.create();
        for (String repository : List.of("alpha", "beta", "gamma")) {
            embedded.gateway().createRepository("team", repository, Optional.empty(), List.of());
        }
        embedded.publishGeneric("team", "alpha", "ns", "widget", "1.0", new byte[] {1});
        embedded.publishGeneric("team", "gamma", "ns", "widget-ui", "1.0", new byte[] {2});
        embedded.publishGeneric("team", "gamma", "ns", "gadget", "1.0", new byte[] {3});
        assertThat(viewModel.packageSearch().canSearchProperty().get()).isFalse();

        viewModel.packageSearch().textProperty().set("wid");
        viewModel.packageSearch().search();

        assertThat(viewModel.packageSearch().hits()).extracting(h -> h.repository() + "/" + h.pkg().name())
                .containsExactly("alpha/widget", "gamma/widget-ui");
        assertThat(viewModel.packageSearch().summaryProperty().get()).isEqualTo("2 packages in 2 repositories (of 3 searched).");

        viewModel.packageSearch().textProperty().set("zzz");
        viewModel.packageSearch().search();
        assertThat(viewModel.packageSearch().hits()).isEmpty();
        assertThat(viewModel.packageSearch().summaryProperty().get()).isEqualTo("No package starting with \"zzz\" in 3"
                + " repositories.");

        viewModel.selectedProperty().set(null);
        assertThat(viewModel.packageSearch().summaryProperty().get()).isEmpty();
        assertThat(viewModel.packageSearch().canSearchProperty().get()).isFalse();
    }

    @Test
    void openingADomainShowsItsRepositories() {
        viewModel.open();
        assertThat(navigation.opened()).isEmpty();

        viewModel.newNameProperty().set("team");
        viewModel.create();
        viewModel.open();

        assertThat(navigation.opened()).containsExactly("repositories of team");
    }

    @Test
    void anUnreachableServiceIsTheErrorStateWithASentence() {
        server.close();

        viewModel.refresh();

        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.ERROR);
        assertThat(viewModel.errorMessageProperty().get()).contains("cannot be reached");
    }

    @Test
    void theDomainLastPickedIsSelectedOnTheNextVisit() {
        viewModel.newNameProperty().set("alpha");
        viewModel.create();
        viewModel.newNameProperty().set("beta");
        viewModel.create();
        viewModel.selectedProperty().set(viewModel.domains().getFirst());

        DomainsViewModel next = new DomainsViewModel(embedded::gateway, ExecutorTaskRunner.sameThread(e -> { }),
                recorder, memory, navigation);
        next.refresh();

        assertThat(next.selectedProperty().get().name()).isEqualTo("alpha");
    }

    @Test
    void anotherAccountsDomainIsCheckedAsItIsTyped() {
        viewModel.newNameProperty().set("mine");
        viewModel.create();

        viewModel.otherOwnerProperty().set("12345");
        assertThat(viewModel.otherProblemProperty().get()).isEqualTo("An account ID is 12 digits.");

        viewModel.otherOwnerProperty().set("210987654321");
        viewModel.otherNameProperty().set("Bad_Name");
        assertThat(viewModel.otherProblemProperty().get()).startsWith("Use lower-case letters");

        viewModel.otherNameProperty().set("mine");
        assertThat(viewModel.otherProblemProperty().get()).startsWith("A domain named mine is listed already");

        viewModel.otherOwnerProperty().set("123456789012");
        viewModel.otherNameProperty().set("shared");
        assertThat(viewModel.otherProblemProperty().get())
                .isEqualTo("Account 123456789012 is this connection's own account: its domains are listed already.");
        assertThat(viewModel.canOpenOtherProperty().get()).isFalse();

        viewModel.otherOwnerProperty().set("210987654321");
        assertThat(viewModel.otherProblemProperty().get()).isEmpty();
        assertThat(viewModel.canOpenOtherProperty().get()).isTrue();
    }

    @Test
    void aDomainOfAnotherAccountThatIsNotSharedIsOneSentenceAndNotRemembered() {
        viewModel.refresh();
        viewModel.otherOwnerProperty().set("210987654321");
        viewModel.otherNameProperty().set("shared");

        viewModel.openOtherAccountDomain();

        assertThat(dialogs).containsExactly("error: User: arn:aws:iam::123456789012:root is not authorized to perform:"
                + " codeartifact:DescribeDomain on resource: arn:aws:codeartifact:us-east-1:210987654321:domain/shared"
                + " because no resource-based policy allows the codeartifact:DescribeDomain action.");
        assertThat(memory.otherAccountDomains()).isEmpty();
        assertThat(viewModel.otherNameProperty().get()).as("what was typed is kept").isEqualTo("shared");
    }

    @Test
    void aRememberedDomainOfAnotherAccountThatCannotBeOpenedIsReportedAndTheRestListed() {
        viewModel.newNameProperty().set("mine");
        viewModel.create();
        memory.addOtherAccountDomain(new DomainMemory.OtherAccountDomain("210987654321", "shared"));

        viewModel.refresh();

        assertThat(viewModel.domains()).extracting(DomainInfo::name).containsExactly("mine");
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.READY);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Could not open shared of account 210987654321: User:"
                + " arn:aws:iam::123456789012:root is not authorized to perform: codeartifact:DescribeDomain on resource:"
                + " arn:aws:codeartifact:us-east-1:210987654321:domain/shared because no resource-based policy allows"
                + " the codeartifact:DescribeDomain action.");
        assertThat(viewModel.canForgetProperty().get()).isFalse();
    }
}
