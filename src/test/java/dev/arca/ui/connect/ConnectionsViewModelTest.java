package dev.arca.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.gateway.AccessKeys;
import dev.arca.gateway.AwsProfile;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.CredentialSource;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.connect.ConnectionForm.Field;
import dev.arca.ui.connect.ConnectionsViewModel.CredentialChoice;
import dev.arca.ui.connect.ConnectionsViewModel.TestOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connections dialog's ViewModel with no JavaFX toolkit: same-thread tasks, the real client factory, the
 * embedded server and a second Arca server, both real.
 */
class ConnectionsViewModelTest {

    private static final List<AwsProfile> PROFILES = List.of(
            new AwsProfile("default", "access keys", Optional.of("us-west-2")),
            new AwsProfile("prod", "IAM Identity Center (SSO)", Optional.of("eu-central-1")),
            new AwsProfile("tools", "credential process", Optional.empty()));

    @TempDir
    Path temp;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final ExecutorTaskRunner tasks = ExecutorTaskRunner.sameThread(unhandled::add);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TestConnections test;
    private LocalServer team;
    private ConnectionsViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        test = new TestConnections(temp, tasks);
        team = LocalServer.start(ServerConfig.embedded(temp.resolve("team")));
        viewModel = newViewModel();
    }

    @AfterEach
    void stop() {
        test.close();
        team.close();
        assertThat(unhandled).isEmpty();
    }

    private ConnectionsViewModel newViewModel() {
        ConnectionsViewModel fresh = new ConnectionsViewModel(test.connections(), tasks, dialogs,
                new ConnectionCheck(), () -> PROFILES, List.of("eu-west-1", "us-east-1"));
        fresh.loadProfiles();
        return fresh;
    }

    @Test
    void theLocalServerIsListedFirstAndCannotBeEditedOrRemoved() {
        assertThat(viewModel.connections()).extracting(Connection::name).containsExactly("Local server");
        assertThat(viewModel.selectedProperty().get().isEmbedded()).isTrue();
        assertThat(viewModel.editableProperty().get()).isFalse();
        assertThat(viewModel.canRemoveProperty().get()).isFalse();
        assertThat(viewModel.canSaveProperty().get()).isFalse();
        assertThat(viewModel.canConnectProperty().get()).isTrue();
    }

    @Test
    void aNewArcaServerIsCheckedFieldByFieldAsItIsTyped() {
        viewModel.newArcaServer();
        assertThat(viewModel.problemProperty().get()).isEqualTo("Give the connection a name.");

        viewModel.nameProperty().set("local server");
        assertThat(viewModel.problemProperty().get()).isEqualTo("Another connection is called local server.");

        viewModel.nameProperty().set("Team server");
        viewModel.urlProperty().set("ftp://127.0.0.1:21");
        assertThat(viewModel.problemProperty().get())
                .isEqualTo("The URL must look like http://host:port, with no path.");

        viewModel.urlProperty().set("http://127.0.0.1:" + team.port());
        viewModel.regionProperty().set("nowhere");
        assertThat(viewModel.problemProperty().get()).isEqualTo("Pick a region, such as us-east-1.");

        viewModel.regionProperty().set("us-east-1");
        viewModel.credentialsFileProperty().set("relative/credentials");
        assertThat(viewModel.problemProperty().get()).isEqualTo("Give the credentials file's full path.");
        assertThat(viewModel.canSaveProperty().get()).isFalse();

        viewModel.credentialsFileProperty().set(team.config().dataDir().resolve("credentials").toString());
        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.canSaveProperty().get()).isTrue();
    }

    @Test
    void eachProblemIsShownAtTheFieldItIsAbout() {
        viewModel.newArcaServer();
        assertThat(viewModel.problemAt(Field.NAME).get()).isEqualTo("Give the connection a name.");
        assertThat(viewModel.problemAt(Field.URL).get()).isEmpty();

        fillTeamServer("Team server");
        viewModel.urlProperty().set("http://127.0.0.1:" + team.port() + "/path");
        assertThat(viewModel.problemAt(Field.URL).get())
                .isEqualTo("The URL must look like http://host:port, with no path.");
        assertThat(viewModel.problemAt(Field.NAME).get()).isEmpty();

        viewModel.urlProperty().set("http://127.0.0.1:" + team.port());
        viewModel.credentialChoiceProperty().set(CredentialChoice.SESSION);
        viewModel.accessKeyIdProperty().set("AKIAEXAMPLE");
        assertThat(viewModel.problemAt(Field.ACCESS_KEY).get()).isEmpty();
        assertThat(viewModel.problemAt(Field.SECRET_KEY).get()).startsWith("Type the access key ID");
        assertThat(viewModel.problemAt(Field.ACCESS_KEY, Field.SECRET_KEY).get()).startsWith("Type the access key ID");
    }

    @Test
    void badInputIsNotSaved() throws Exception {
        String settingsBefore = Files.exists(temp.resolve("settings.properties"))
                ? Files.readString(temp.resolve("settings.properties")) : "";
        fillTeamServer("Team server");
        viewModel.urlProperty().set("ftp://127.0.0.1:21");

        viewModel.save();
        assertThat(viewModel.connect()).isFalse();

        assertThat(viewModel.connections()).extracting(Connection::name).containsExactly("Local server");
        assertThat(Files.exists(temp.resolve("settings.properties"))
                ? Files.readString(temp.resolve("settings.properties")) : "").isEqualTo(settingsBefore);
        assertThat(viewModel.problemAt(Field.URL).get()).isNotEmpty();
    }

    @Test
    void sessionKeysMustBeTypedBothOfThem() {
        fillTeamServer("Team server");
        viewModel.credentialChoiceProperty().set(CredentialChoice.SESSION);
        viewModel.accessKeyIdProperty().set(team.credentials().accessKeyId());

        assertThat(viewModel.problemProperty().get()).startsWith("Type the access key ID and the secret access key");

        viewModel.secretAccessKeyProperty().set(team.credentials().secretAccessKey());
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void aSavedConnectionIsListedAndComesBackOnTheNextStartWithoutItsSessionKeys() throws Exception {
        fillTeamServer("Team server");
        viewModel.credentialChoiceProperty().set(CredentialChoice.SESSION);
        viewModel.accessKeyIdProperty().set(team.credentials().accessKeyId());
        viewModel.secretAccessKeyProperty().set(team.credentials().secretAccessKey());

        viewModel.save();

        assertThat(viewModel.connections()).extracting(Connection::name).containsExactly("Local server", "Team server");
        assertThat(viewModel.creatingProperty().get()).isFalse();
        assertThat(Files.readString(temp.resolve("settings.properties")))
                .contains("Team server", "session")
                .doesNotContain(team.credentials().secretAccessKey(), team.credentials().accessKeyId());

        Connections restarted = test.restart();
        Connection saved = restarted.list().get(1);
        assertThat(saved.credentials()).isEqualTo(new CredentialSource.SessionKeys());
        assertThat(restarted.needsKeys(saved)).as("asked again after a restart").isTrue();
    }

    @Test
    void editingKeepsTheConnectionsIdentityAndWhatItRemembers() {
        fillTeamServer("Team server");
        viewModel.save();
        Connection saved = viewModel.selectedProperty().get();
        new DomainMemory(test.settings(), saved.id()).rememberDomain("platform");

        viewModel.nameProperty().set("Team server (CI)");
        viewModel.save();

        assertThat(viewModel.connections()).extracting(Connection::name)
                .containsExactly("Local server", "Team server (CI)");
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo(saved.id());
        assertThat(new DomainMemory(test.settings(), saved.id()).lastDomain()).hasValue("platform");
    }

    @Test
    void removingAsksFirstThenForgetsTheConnectionAndWhatItRemembered() {
        fillTeamServer("Team server");
        viewModel.save();
        Connection saved = viewModel.selectedProperty().get();
        new DomainMemory(test.settings(), saved.id()).rememberDomain("platform");

        dialogs.answerConfirmations(false);
        viewModel.remove();
        assertThat(viewModel.connections()).hasSize(2);

        dialogs.answerConfirmations(true);
        viewModel.remove();

        assertThat(dialogs.shown()).last().asString().startsWith("confirm: Remove connection (danger)");
        assertThat(viewModel.connections()).extracting(Connection::name).containsExactly("Local server");
        assertThat(viewModel.selectedProperty().get().isEmbedded()).isTrue();
        assertThat(test.restart().list()).hasSize(1);
        assertThat(new DomainMemory(test.settings(), saved.id()).lastDomain()).isEmpty();
    }

    @Test
    void testingReportsWhatAnsweredWithoutSaving() {
        fillTeamServer("Team server");

        viewModel.test();

        assertThat(viewModel.testOutcomeProperty().get()).isEqualTo(TestOutcome.PASSED);
        assertThat(viewModel.testResultProperty().get()).startsWith("Connected: 127.0.0.1:" + team.port() + " · Arca ");
        assertThat(viewModel.connections()).hasSize(1);
    }

    @Test
    void testingWithWrongKeysSaysWhy() {
        fillTeamServer("Team server");
        viewModel.credentialChoiceProperty().set(CredentialChoice.SESSION);
        viewModel.accessKeyIdProperty().set("AKIAWRONGWRONGWRONG1");
        viewModel.secretAccessKeyProperty().set("wrong");

        viewModel.test();

        assertThat(viewModel.testOutcomeProperty().get()).isEqualTo(TestOutcome.FAILED);
        assertThat(viewModel.testResultProperty().get())
                .isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void connectingSwitchesToTheOtherServerAndBackWithTheirOwnDomains() {
        team.close();
        team = restartTeamWithDomain();
        fillTeamServer("Team server");

        assertThat(viewModel.connect()).isTrue();

        ConnectionSession session = test.connections().session();
        assertThat(session.connection().name()).isEqualTo("Team server");
        assertThat(session.awaitGateway().listDomains()).extracting(d -> d.name()).containsExactly("team-domain");

        viewModel.selectedProperty().set(viewModel.connections().getFirst());
        viewModel.connect();

        assertThat(test.connections().session().connection().isEmbedded()).isTrue();
        assertThat(test.connections().session().awaitGateway().listDomains()).isEmpty();
        assertThat(test.restart().session().connection().isEmbedded()).as("the choice survives a restart").isTrue();
    }

    @Test
    void theConnectionInUseIsRememberedForTheNextStart() {
        fillTeamServer("Team server");
        viewModel.connect();

        assertThat(test.restart().session().connection().name()).isEqualTo("Team server");
    }

    @Test
    void removingTheConnectionInUseGoesBackToTheLocalServer() {
        fillTeamServer("Team server");
        viewModel.connect();

        viewModel.remove();

        assertThat(test.connections().session().connection().isEmbedded()).isTrue();
    }

    @Test
    void eachConnectionRemembersItsOwnLastDomain() {
        test.connections().session().domains().rememberDomain("local-domain");
        fillTeamServer("Team server");
        viewModel.connect();
        test.connections().session().domains().rememberDomain("team-domain");

        viewModel.selectedProperty().set(viewModel.connections().getFirst());
        viewModel.connect();

        assertThat(test.connections().session().domains().lastDomain()).hasValue("local-domain");
        test.connections().switchTo(viewModel.connections().get(1));
        assertThat(test.connections().session().domains().lastDomain()).hasValue("team-domain");
    }

    @Test
    void aNewAwsAccountTakesTheFirstProfileAndItsRegion() {
        viewModel.newAwsAccount();

        assertThat(viewModel.kindProperty().get()).isEqualTo(ConnectionKind.AWS);
        assertThat(viewModel.profileProperty().get().name()).isEqualTo("default");
        assertThat(viewModel.regionProperty().get()).isEqualTo("us-west-2");

        viewModel.profileProperty().set(PROFILES.get(1));
        assertThat(viewModel.regionProperty().get()).as("a profile's region is the default").isEqualTo("eu-central-1");

        viewModel.profileProperty().set(PROFILES.get(2));
        assertThat(viewModel.regionProperty().get()).as("a profile without one keeps the choice")
                .isEqualTo("eu-central-1");
    }

    @Test
    void anAwsAccountNeedsAProfile() {
        viewModel.newAwsAccount();
        viewModel.nameProperty().set("Production");
        viewModel.profileProperty().set(null);

        assertThat(viewModel.problemProperty().get()).isEqualTo("Pick an AWS profile.");

        viewModel.profileProperty().set(PROFILES.get(1));
        viewModel.save();

        Connection saved = viewModel.selectedProperty().get();
        assertThat(saved.kind()).isEqualTo(ConnectionKind.AWS);
        assertThat(saved.credentials()).isEqualTo(new CredentialSource.SharedProfile("prod"));
        assertThat(saved.region()).isEqualTo("eu-central-1");
        assertThat(saved.url()).isEmpty();
    }

    @Test
    void aSavedRegionIsKeptEvenWhenTheProfileNamesAnother() {
        viewModel.newAwsAccount();
        viewModel.nameProperty().set("Production");
        viewModel.profileProperty().set(PROFILES.get(1));
        viewModel.regionProperty().set("us-east-1");
        viewModel.save();

        ConnectionsViewModel reopened = newViewModel();
        reopened.selectedProperty().set(reopened.connections().get(1));

        assertThat(reopened.profileProperty().get()).isEqualTo(PROFILES.get(1));
        assertThat(reopened.regionProperty().get()).isEqualTo("us-east-1");
    }

    @Test
    void editingAConnectionWithSessionKeysShowsTheKeysTypedEarlier() {
        Connection typed = new Connection("typed", "Typed", ConnectionKind.ARCA_SERVER,
                Optional.of(team.endpoint()), "us-east-1", new CredentialSource.SessionKeys());
        test.connections().save(typed, Optional.of(new AccessKeys("AKIAEXAMPLEEXAMPLE01", "s3cret")));

        viewModel.selectedProperty().set(typed);

        assertThat(viewModel.credentialChoiceProperty().get()).isEqualTo(CredentialChoice.SESSION);
        assertThat(viewModel.accessKeyIdProperty().get()).isEqualTo("AKIAEXAMPLEEXAMPLE01");
        assertThat(viewModel.secretAccessKeyProperty().get()).isEqualTo("s3cret");
    }

    private void fillTeamServer(String name) {
        viewModel.newArcaServer();
        viewModel.nameProperty().set(name);
        viewModel.urlProperty().set("http://127.0.0.1:" + team.port() + "/");
        viewModel.credentialChoiceProperty().set(CredentialChoice.FILE);
        viewModel.credentialsFileProperty().set(team.config().dataDir().resolve("credentials").toString());
    }

    private LocalServer restartTeamWithDomain() {
        try {
            LocalServer restarted = LocalServer.start(ServerConfig.embedded(temp.resolve("team")));
            Connection direct = new Connection("direct", "direct", ConnectionKind.ARCA_SERVER,
                    Optional.of(restarted.endpoint()), "us-east-1", new CredentialSource.SessionKeys());
            try (var gateway = test.connections().open(direct, Optional.of(new AccessKeys(
                    restarted.credentials().accessKeyId(), restarted.credentials().secretAccessKey())))) {
                gateway.createDomain("team-domain", Optional.empty());
            }
            return restarted;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
