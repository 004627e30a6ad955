package dev.arca.ui.access;

import static dev.arca.ui.access.AccessMatrixMatchesServerTest.A;
import static dev.arca.ui.access.AccessMatrixMatchesServerTest.B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.policy.Decision;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.server.ServerConfig;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.HeldTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/** The access simulator's ViewModel against a real local server with two accounts; no JavaFX toolkit. */
class AccessSimulatorViewModelTest {

    private static final String REPOSITORY = "arn:aws:codeartifact:us-east-1:" + A + ":repository/shared/libs";

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private CodeartifactClient owner;
    private AccessSimulatorViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(ServerConfig.embedded(temp).withAccounts(List.of(A, B), Optional.empty()));
        var credentials = new HashMap<String, software.amazon.awssdk.auth.credentials.AwsCredentials>();
        AccessMatrixMatchesServerTest.arrange(embedded, credentials, clients);
        owner = AccessMatrixMatchesServerTest.codeartifact(embedded, credentials.get("arn:aws:iam::" + A + ":root"));
        clients.add(owner);
        AccessMatrixMatchesServerTest.putPolicies(owner);
        viewModel = new AccessSimulatorViewModel(embedded::gateway,
                ExecutorTaskRunner.sameThread(e -> { throw new AssertionError(e); }));
        viewModel.domainProperty().set("shared");
        viewModel.repositoryProperty().set("libs");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        embedded.close();
    }

    @Test
    void loadingOffersTheAccountsPrincipalsThoseThePoliciesNameAndTheResources() {
        viewModel.load();

        assertThat(viewModel.principals()).extracting(p -> p.arn()).contains("arn:aws:iam::" + A + ":root",
                "arn:aws:iam::" + A + ":user/dev", "arn:aws:iam::" + A + ":role/deployer",
                "arn:aws:iam::" + B + ":root", "arn:aws:iam::" + B + ":user/ci");
        assertThat(viewModel.resources()).contains("arn:aws:codeartifact:us-east-1:" + A + ":domain/shared",
                REPOSITORY, "arn:aws:codeartifact:us-east-1:" + A + ":package/shared/libs/generic/example/example");
    }

    @Test
    void anExplicitDenyIsAnsweredWithTheDenyingStatementAndItsPlace() {
        viewModel.principalProperty().set("arn:aws:iam::" + A + ":role/deployer");
        viewModel.actionProperty().set("codeartifact:PublishPackageVersion");
        viewModel.resourceProperty().set("arn:aws:codeartifact:us-east-1:" + A
                + ":package/shared/libs/generic/example/example");

        viewModel.ask();

        assertThat(viewModel.answerProperty().get().orElseThrow().verdict())
                .isEqualTo(Decision.Verdict.EXPLICIT_DENY);
        assertThat(viewModel.decidingStatements()).extracting(DecidingStatement::policy, DecidingStatement::statement,
                DecidingStatement::startLine).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        DecidingStatement.REPOSITORY_POLICY, 3, 10));
    }

    @Test
    void aDraftIsAnsweredInsteadOfTheStoredPolicy() {
        viewModel.principalProperty().set(B); // a bare account id means its root, as in policies
        viewModel.actionProperty().set("codeartifact:ReadFromRepository");
        viewModel.resourceProperty().set(REPOSITORY);
        viewModel.ask();
        assertThat(viewModel.answerProperty().get().orElseThrow().allowed()).isTrue();

        viewModel.draftProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",
                 "Action":"codeartifact:ReadFromRepository","Resource":"*"}]}""");
        viewModel.ask();

        assertThat(viewModel.answerProperty().get().orElseThrow().verdict())
                .isEqualTo(Decision.Verdict.EXPLICIT_DENY);
        assertThat(viewModel.decidingStatements()).extracting(DecidingStatement::startLine).containsExactly(1);
    }

    @Test
    void missingContextValuesAreAskedForAndTheQuestionAnsweredAgainWithThem() {
        viewModel.draftProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":"codeartifact:ReadFromRepository","Resource":"*",
                 "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""".formatted(B));
        viewModel.principalProperty().set("arn:aws:iam::" + B + ":root");
        viewModel.actionProperty().set("codeartifact:ReadFromRepository");
        viewModel.resourceProperty().set(REPOSITORY);
        viewModel.ask();
        assertThat(viewModel.answerProperty().get().orElseThrow().allowed()).isFalse();
        assertThat(viewModel.contextValues()).extracting(ContextRow::key).containsExactly("aws:SourceIp");

        viewModel.contextValues().getFirst().valueProperty().set("10.1.2.3");
        viewModel.ask();

        assertThat(viewModel.answerProperty().get().orElseThrow().allowed()).isTrue();
    }

    @Test
    void badInputIsRefusedAtItsFieldWithASentence() {
        viewModel.principalProperty().set("arn:aws:iam::12345:user/x");
        viewModel.actionProperty().set("codeartifact:ReadFromRepo");
        viewModel.resourceProperty().set("arn:aws:s3:::bucket");
        viewModel.packageNameProperty().set("left-pad");

        assertThat(viewModel.principalProblemProperty().get()).startsWith("\"arn:aws:iam::12345:user/x\" is not a "
                + "principal ARN");
        assertThat(viewModel.actionProblemProperty().get()).isEqualTo("CodeArtifact has no action ReadFromRepo; "
                + "pick one from the list.");
        assertThat(viewModel.resourceProblemProperty().get()).startsWith("Name a domain, repository or package ARN");
        assertThat(viewModel.packageProblemProperty().get()).startsWith("Name the package as FORMAT/NAMESPACE/NAME");
        assertThat(viewModel.canAskProperty().get()).isFalse();
        assertThat(viewModel.matrix().canRunProperty().get()).isFalse();
    }

    @Test
    void aBrokenDraftIsReportedAsASentenceNotAnAnswer() {
        viewModel.draftProperty().set("{\"Version\":\"2012-10-17\",\"Statement\":[");
        viewModel.principalProperty().set(B);
        viewModel.resourceProperty().set(REPOSITORY);

        viewModel.ask();

        assertThat(viewModel.answerProperty().get()).isEmpty();
        assertThat(viewModel.errorProperty().get()).startsWith("The repository policy is not a valid resource policy");
    }

    @Test
    void whatChangesShowsTheCellsTheDraftFlips() {
        viewModel.draftProperty().set(AccessMatrixMatchesServerTest.REPOSITORY_POLICY
                .replace("\"Sid\": \"AccountBReads\", \"Effect\": \"Allow\"", "\"Sid\": \"AccountBReads\", "
                        + "\"Effect\": \"Deny\""));

        viewModel.matrix().runDiff();

        List<MatrixCell> flipped = viewModel.matrix().rows().stream().flatMap(r -> r.cells().stream())
                .filter(MatrixCell::flipped).toList();
        assertThat(flipped).extracting(c -> c.principal().arn() + " " + c.ability()).containsExactlyInAnyOrder(
                "arn:aws:iam::" + B + ":root READ", "arn:aws:iam::" + B + ":user/ci READ");
        assertThat(viewModel.matrix().statusProperty().get()).endsWith("the draft changes 2 answers.");
        viewModel.matrix().selectedProperty().set(flipped.getFirst());
        assertThat(viewModel.matrix().explanationProperty().get()).contains("(allowed by the stored policies)",
                "repository policy, statement 1");
    }

    @Test
    void aStoppedMatrixKeepsTheLastFinishedRun() {
        HeldTaskRunner held = new HeldTaskRunner();
        AccessSimulatorViewModel stoppable = new AccessSimulatorViewModel(embedded::gateway, held);
        stoppable.domainProperty().set("shared");
        stoppable.repositoryProperty().set("libs");

        stoppable.matrix().run();
        assertThat(stoppable.matrix().runningProperty().get()).isTrue();
        stoppable.matrix().cancel();
        held.releaseAll();

        assertThat(stoppable.matrix().runningProperty().get()).isFalse();
        assertThat(stoppable.matrix().rows()).isEmpty();
        assertThat(stoppable.matrix().statusProperty().get()).isEqualTo(
                "Stopped; the matrix shows the last finished run.");
    }

    @Test
    void aBrokenDraftStopsWhatChangesWithASentence() {
        viewModel.draftProperty().set("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}");

        viewModel.matrix().runDiff();

        assertThat(viewModel.matrix().rows()).isEmpty();
        assertThat(viewModel.matrix().statusProperty().get()).startsWith(
                "The repository policy is not a valid resource policy");
    }

    @Test
    void aCellTheSimulatorRefusesSaysWhyAndTheRunGoesOn() {
        ContextRow epoch = new ContextRow("aws:EpochTime");
        epoch.valueProperty().set("yesterday");
        viewModel.contextValues().add(epoch);

        viewModel.matrix().run();

        MatrixCell read = viewModel.matrix().rows().getFirst().cell(Ability.READ);
        assertThat(viewModel.matrix().rows()).hasSize(5);
        assertThat(read.problem()).hasValueSatisfying(p -> assertThat(p).contains("yesterday"));
        assertThat(read.allowed()).isFalse();
        assertThat(read.explanation()).contains("the simulator could not answer");
    }

    @Test
    void aDomainPolicyStatementIsNamedAsTheDomainPolicys() {
        viewModel.principalProperty().set("arn:aws:iam::" + B + ":root");
        viewModel.actionProperty().set("codeartifact:GetAuthorizationToken");
        viewModel.resourceProperty().set("arn:aws:codeartifact:us-east-1:" + A + ":domain/shared");

        viewModel.ask();

        assertThat(viewModel.answerProperty().get().orElseThrow().allowed()).isTrue();
        assertThat(viewModel.decidingStatements()).extracting(DecidingStatement::policy, DecidingStatement::statement,
                DecidingStatement::startLine).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        DecidingStatement.DOMAIN_POLICY, 0, 1));
    }

    @Test
    void aDraftOfTheDomainPolicyStandsInForTheStoredDomainPolicy() {
        viewModel.draftOfProperty().set(AccessSimulatorViewModel.DraftOf.DOMAIN);
        viewModel.draftProperty().set("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"codeartifact:*",
                 "Resource":"*"}]}""");

        viewModel.matrix().runDiff();

        assertThat(viewModel.matrix().rows()).allSatisfy(row -> assertThat(row.cells()).filteredOn(
                c -> c.ability() != Ability.EDIT_POLICY).noneMatch(MatrixCell::allowed));
        assertThat(viewModel.matrix().rows().getFirst().cell(Ability.READ).flipped()).isTrue();
    }

    @Test
    void choosingAnotherRepositoryClearsTheMatrix() {
        viewModel.matrix().run();
        assertThat(viewModel.matrix().rows()).isNotEmpty();

        viewModel.repositoryProperty().set("other");

        assertThat(viewModel.matrix().rows()).isEmpty();
        assertThat(viewModel.matrix().statusProperty().get()).isEmpty();
    }
}
