package dev.arca.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.graph.EditProblem;
import dev.arca.core.graph.PackageTrace;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.RecordingNavigation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Upstream graph page's ViewModels against a real local server, without the FX toolkit. */
class UpstreamGraphViewModelTest {

    @TempDir
    Path temp;

    private GraphDomainFixture fixture;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final RecordingNavigation navigation = new RecordingNavigation();
    private UpstreamGraphViewModel viewModel;
    private dev.arca.ui.common.DomainMemory memory;

    @BeforeEach
    void start() throws Exception {
        fixture = new GraphDomainFixture(temp.resolve("data"));
        memory = fixture.memory();
        viewModel = new UpstreamGraphViewModel(fixture::gateway, ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        }), dialogs, memory, navigation);
        viewModel.loadDomains();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theDomainIsLoadedAndDrawnWithItsConnections() {
        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.READY);
        assertThat(viewModel.domainProperty().get()).isEqualTo(GraphDomainFixture.DOMAIN);
        UpstreamGraphViewModel.Picture picture = viewModel.pictureProperty().get().orElseThrow();
        assertThat(picture.graph().repositories()).hasSize(11);
        assertThat(picture.layout().boxes()).containsKeys("repo:mobile-app", "conn:public:npmjs",
                "conn:public:pypi", "conn:public:maven-central", "missing:legacy-libs");
        assertThat(viewModel.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(GraphWarning.Kind.DANGLING);
            assertThat(w.message()).isEqualTo("payments-service reads from legacy-libs, which no longer exists:"
                    + " requests through payments-service may fail.");
            assertThat(w.boxes()).containsExactlyInAnyOrder("repo:payments-service", "missing:legacy-libs");
        });
    }

    @Test
    void theGuidesComplexExampleIsExplainedInItsSearchOrder() {
        fixture.embedded().createGuidesComplexExample(GraphDomainFixture.DOMAIN);
        viewModel.reload();

        viewModel.selectedProperty().set("my_repo");

        assertThat(viewModel.planProperty().get().orElseThrow().order())
                .containsExactly("my_repo", "repo-a", "repo-c", "repo-d", "repo-e", "repo-b");
        GraphHighlight highlight = viewModel.highlight();
        assertThat(highlight.positions()).containsEntry("repo:repo-e", 5).containsEntry("repo:repo-b", 6);
        assertThat(highlight.dimmed()).contains("repo:mobile-app").doesNotContain("repo:repo-b");
    }

    @Test
    void theImpactOfARepositoryIsEveryoneWhoReadsFromIt() {
        viewModel.selectedProperty().set("shared-libs");
        viewModel.modeProperty().set(UpstreamGraphViewModel.Mode.IMPACT);
        assertThat(viewModel.impact()).containsExactly("checkout-web", "mobile-app", "payments-service",
                "release-candidates");
        assertThat(viewModel.highlight().dimmed()).contains("repo:data-pipeline").doesNotContain("repo:mobile-app");
    }

    @Test
    void findSelectsTheRepositoryAndBringsItIntoSight() {
        viewModel.findTextProperty().set("pipe");
        viewModel.find();
        assertThat(viewModel.selectedProperty().get()).isEqualTo("data-pipeline");
        assertThat(viewModel.focusProperty().get()).contains("data-pipeline");

        viewModel.findTextProperty().set("nothing-like-it");
        viewModel.find();
        assertThat(viewModel.findProblemProperty().get())
                .isEqualTo("No repository of acme has \"nothing-like-it\" in its name.");
    }

    @Test
    void aCycleIsRefusedBeforeAnyRequestWithTheReasonAndTheServerKeepsItsGraph() {
        GraphEditorViewModel editor = viewModel.editor();
        assertThat(editor.addUpstream("shared-libs", "mobile-app")).isFalse();
        EditProblem problem = editor.rejectionProperty().get().orElseThrow();
        assertThat(problem.kind()).isEqualTo(EditProblem.Kind.CYCLE);
        assertThat(problem.upstream()).contains("mobile-app");
        assertThat(problem.message()).startsWith("Reading from mobile-app would make a cycle: shared-libs → mobile-app");
        assertThat(editor.changes()).isEmpty();
        assertThat(editor.canApplyProperty().get()).isFalse();

        assertThat(editor.setConnection("shared-libs", Optional.of("public:npmjs"))).isFalse();
        assertThat(editor.rejectionProperty().get().orElseThrow().kind())
                .isEqualTo(EditProblem.Kind.UPSTREAMS_AND_CONNECTION);
        assertThat(fixture.gateway().describeRepository(GraphDomainFixture.DOMAIN, "shared-libs").upstreams())
                .containsExactly("npm-store", "maven-central-store");
    }

    @Test
    void editsAreDrawnAtOnceUndoneOrAppliedToTheServer() {
        GraphEditorViewModel editor = viewModel.editor();
        assertThat(editor.addUpstream("ml-models", "pypi-store")).isTrue();
        assertThat(editor.moveUpstream("mobile-app", "shared-libs", -1)).isTrue();
        assertThat(viewModel.pictureProperty().get().orElseThrow().graph().repository("ml-models").orElseThrow()
                .upstreams()).containsExactly("shared-python", "pypi-store");
        assertThat(editor.history()).containsExactly("ml-models reads from pypi-store (priority 2)",
                "shared-libs moves to priority 1 of mobile-app");
        editor.undo();
        assertThat(editor.changes()).extracting(c -> c.repository()).containsExactly("ml-models");

        editor.apply();

        assertThat(editor.statusProperty().get()).isEqualTo("Applied 1 change; the graph is as the service has it now.");
        assertThat(editor.changes()).isEmpty();
        assertThat(fixture.gateway().describeRepository(GraphDomainFixture.DOMAIN, "ml-models").upstreams())
                .containsExactly("shared-python", "pypi-store");
        assertThat(fixture.gateway().describeRepository(GraphDomainFixture.DOMAIN, "mobile-app").upstreams())
                .containsExactly("release-candidates", "shared-libs");
    }

    @Test
    void aChangeTheServiceRefusesReloadsTheGraphAndKeepsTheEditsNotMade() {
        GraphEditorViewModel editor = viewModel.editor();
        editor.addUpstream("data-pipeline", "shared-libs");
        editor.addUpstream("ml-models", "pypi-store");
        // Meanwhile someone else changes data-pipeline.
        fixture.gateway().updateRepository(GraphDomainFixture.DOMAIN, "data-pipeline", Optional.empty(),
                List.of("pypi-store"), Optional.empty());

        editor.apply();

        assertThat(editor.statusProperty().get()).startsWith("The change to data-pipeline was not made: data-pipeline"
                + " was changed meanwhile: it now reads from [pypi-store].").contains("pending again");
        assertThat(viewModel.pictureProperty().get().orElseThrow().graph().repository("data-pipeline").orElseThrow()
                .upstreams()).containsExactly("shared-python", "pypi-store", "shared-libs");
        assertThat(editor.changes()).extracting(c -> c.repository()).containsExactly("data-pipeline", "ml-models");
        assertThat(editor.changes().getFirst().upstreamsBefore()).containsExactly("pypi-store");
        assertThat(fixture.gateway().describeRepository(GraphDomainFixture.DOMAIN, "ml-models").upstreams())
                .containsExactly("shared-python");
    }

    @Test
    void aTraceFromTheSelectedRepositorySaysWhereTheVersionIsServedFrom() {
        viewModel.selectedProperty().set("mobile-app");
        PackageTraceViewModel trace = viewModel.trace();
        assertThat(trace.canTraceProperty().get()).isFalse();
        trace.formatProperty().set(PackageFormat.GENERIC);
        trace.namespaceProperty().set("tools");
        trace.nameProperty().set("lint");
        trace.versionProperty().set("2.1.0");

        viewModel.traceSelected();

        assertThat(viewModel.modeProperty().get()).isEqualTo(UpstreamGraphViewModel.Mode.TRACE);
        PackageTrace result = trace.resultProperty().get().orElseThrow();
        assertThat(result.outcome().servedFrom()).contains("release-candidates");
        assertThat(trace.messageProperty().get()).isEqualTo(result.outcome().conclusion());
        assertThat(viewModel.highlight().roles()).containsEntry("repo:release-candidates", "role-serves");
        assertThat(viewModel.highlight().retained()).containsExactly("repo:mobile-app");
    }

    @Test
    void chainsLongerThanTheBudgetAreWarnedAbout() {
        String previous = "shared-libs";
        for (int i = 30; i >= 1; i--) {
            String name = String.format("chain-%02d", i);
            fixture.gateway().createRepository(GraphDomainFixture.DOMAIN, name, Optional.empty(), List.of(previous));
            previous = name;
        }
        viewModel.reload();
        assertThat(viewModel.warnings()).extracting(GraphWarning::kind).contains(GraphWarning.Kind.PAST_BUDGET);
        assertThat(viewModel.warnings()).filteredOn(w -> w.kind() == GraphWarning.Kind.PAST_BUDGET).first()
                .satisfies(w -> assertThat(w.message()).startsWith("Requests to chain-01 stop after 25 repositories:"));
        viewModel.selectedProperty().set("chain-01");
        assertThat(viewModel.planProperty().get().orElseThrow().pastBudget()).contains("npm-store");
        assertThat(viewModel.highlight().pastBudget()).contains("repo:npm-store");
    }

    @Test
    void theSelectedRepositoryOpensOnTheRepositoriesAndPackagesPages() {
        viewModel.selectedProperty().set("checkout-web");
        viewModel.openRepository();
        viewModel.openPackages();
        assertThat(navigation.opened()).containsExactly("repository acme/checkout-web",
                "packages of acme/checkout-web");
    }

    @Test
    void comingBackToThePageKeepsPendingEditsAndFollowsTheRepositoryLastUsed() {
        viewModel.editor().addUpstream("ml-models", "pypi-store");
        memory.rememberRepository(GraphDomainFixture.DOMAIN, "checkout-web");

        viewModel.loadDomains();

        assertThat(viewModel.editor().changes()).hasSize(1);
        assertThat(viewModel.selectedProperty().get()).isEqualTo("checkout-web");
    }

    @Test
    void theGraphIsExportedAsSvgAndDotToTheFileChosen() throws Exception {
        viewModel.selectedProperty().set("mobile-app");
        Path svg = temp.resolve("acme.svg");
        dialogs.answerSaveFile(Optional.of(svg));
        viewModel.export(UpstreamGraphViewModel.ExportFormat.SVG, () -> {
            throw new AssertionError("no snapshot for SVG");
        });
        String drawing = java.nio.file.Files.readString(svg);
        assertThat(drawing).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains(">mobile-app</text>")
                .contains(">legacy-libs</text>").contains("stroke=\"#cf222e\"");
        assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(svg.toFile()).getDocumentElement().getElementsByTagName("rect").getLength())
                .as("the background, 11 repositories, 3 connections and the missing upstream").isEqualTo(16);

        Path dot = temp.resolve("acme.gv");
        dialogs.answerSaveFile(Optional.of(dot));
        viewModel.export(UpstreamGraphViewModel.ExportFormat.DOT, () -> null);
        assertThat(java.nio.file.Files.readString(dot)).startsWith("digraph").contains("\"mobile-app\"");

        Path png = temp.resolve("acme.png");
        dialogs.answerSaveFile(Optional.of(png));
        viewModel.export(UpstreamGraphViewModel.ExportFormat.PNG, () -> new byte[] {1, 2, 3});
        assertThat(java.nio.file.Files.readAllBytes(png)).containsExactly(1, 2, 3);
    }

    @Test
    void reloadingWithPendingEditsAsksFirst() {
        viewModel.editor().addUpstream("ml-models", "pypi-store");
        dialogs.answerConfirmations(false);
        assertThat(viewModel.confirmDiscard()).isFalse();
        assertThat(dialogs.shown()).singleElement().asString().startsWith("confirm: Drop and reload (danger)");
    }
}
