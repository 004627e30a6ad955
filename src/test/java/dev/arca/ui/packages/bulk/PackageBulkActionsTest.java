package dev.arca.ui.packages.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.arca.core.PackageFilter;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.packages.bulk.BulkActionViewModel.Stage;
import dev.arca.workflow.VersionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Packages page's bulk actions against a real local server through the SDK, no JavaFX toolkit: which actions are
 * offered, the plans, the typed confirmation, the runs and what a version changed meanwhile comes back as.
 */
class PackageBulkActionsTest {

    private static final String DOMAIN = "shop";
    private static final String REPOSITORY = "dev";

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeArtifactGateway gateway;
    private final SimpleObjectProperty<PackageInfo> pkg = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<VersionInfo> shown = new SimpleObjectProperty<>();
    private final AtomicInteger versionsReloaded = new AtomicInteger();
    private final AtomicInteger packagesReloaded = new AtomicInteger();
    private PackageBulkActions actions;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        gateway = embedded.gateway();
        gateway.createDomain(DOMAIN, Optional.empty());
        gateway.createRepository(DOMAIN, REPOSITORY, Optional.empty(), List.of());
        gateway.createRepository(DOMAIN, "prod", Optional.empty(), List.of());
        for (String name : List.of("lint", "fmt")) {
            for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
                embedded.publishGeneric(DOMAIN, REPOSITORY, "tools", name, version, new byte[1000]);
                Thread.sleep(5); // distinct publish times: the latest release reads the same everywhere
            }
        }
        actions = new PackageBulkActions(() -> gateway, ExecutorTaskRunner.sameThread(e -> {
            throw new AssertionError(e);
        }), new PackageBulkActions.Page(new SimpleObjectProperty<>(DOMAIN), new SimpleObjectProperty<>(REPOSITORY),
                pkg, shown), temp.resolve("journals"), Clock.systemUTC(), versionsReloaded::incrementAndGet,
                packagesReloaded::incrementAndGet);
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void restoreIsOfferedOnlyOnceASelectedVersionIsNotPublished() {
        select("lint", "1.0.0", "1.1.0");
        assertThat(actions.canActOnVersions(ActionKind.PUBLISH).get()).isFalse();
        assertThat(actions.canActOnVersions(ActionKind.ARCHIVE).get()).isTrue();

        setStatus("lint", "Archived", "1.0.0");
        select("lint", "1.0.0", "1.1.0");

        assertThat(actions.canActOnVersions(ActionKind.PUBLISH).get()).isTrue();
    }

    @Test
    void aDisposedVersionCanOnlyBeDeleted() {
        setStatus("lint", "Archived", "1.0.0");
        embedded.sdk().disposePackageVersions(r -> r.domain(DOMAIN).repository(REPOSITORY).format("generic")
                .namespace("tools").packageValue("lint").versions("1.0.0"));
        select("lint", "1.0.0");

        assertThat(PackageBulkActions.ACTIONS.stream().filter(k -> actions.canActOnVersions(k).get()))
                .containsExactly(ActionKind.DELETE);
        assertThat(actions.actOnVersions(ActionKind.ARCHIVE)).as("nothing starts for an action offered nowhere")
                .isEmpty();
    }

    @Test
    void nothingIsOfferedWhileNothingIsSelected() {
        pkg.set(info("lint"));

        assertThat(PackageBulkActions.ACTIONS).noneMatch(k -> actions.canActOnVersions(k).get());
        assertThat(actions.canActOnPackagesProperty().get()).isFalse();
    }

    @Test
    void thePlanListsEveryChosenVersionWithItsActionOrWhyItIsLeftAlone() {
        setStatus("lint", "Archived", "1.0.0");
        select("lint", "1.0.0", "1.1.0", "2.0.0");

        BulkActionViewModel archive = actions.actOnVersions(ActionKind.ARCHIVE).orElseThrow();

        assertThat(archive.stageProperty().get()).isEqualTo(Stage.PLANNED);
        assertThat(archive.titleProperty().get()).isEqualTo("Archive 3 versions of tools/lint");
        assertThat(archive.entries()).extracting(e -> e.version().version(), PlannedVersion::kind, e -> e.reason().text())
                .containsExactly(tuple("2.0.0", ActionKind.ARCHIVE, "chosen by hand"),
                        tuple("1.1.0", ActionKind.ARCHIVE, "chosen by hand"),
                        tuple("1.0.0", ActionKind.KEEP, "kept: already Archived, chosen by hand"));
        assertThat(archive.summaryProperty().get()).isEqualTo("3 versions: 2 archive, 1 keep");
        assertThat(archive.canRunProperty().get()).as("reversible: no name to type").isTrue();
    }

    @Test
    void aChosenVersionDeletedBeforeThePlanLoadsIsCountedAsGone() {
        select("lint", "1.0.0", "1.1.0");
        embedded.sdk().deletePackageVersions(r -> r.domain(DOMAIN).repository(REPOSITORY).format("generic")
                .namespace("tools").packageValue("lint").versions("1.0.0"));

        BulkActionViewModel unlist = actions.actOnVersions(ActionKind.UNLIST).orElseThrow();

        assertThat(unlist.entries()).extracting(e -> e.version().version()).containsExactly("1.1.0");
        assertThat(unlist.summaryProperty().get()).isEqualTo("1 versions: 1 unlist, 0 keep; 1 chosen version no longer"
                + " exists");
    }

    @Test
    void aDisposePlanCountsTheBytesItFrees() {
        select("lint", "1.0.0", "1.1.0");

        BulkActionViewModel dispose = actions.actOnVersions(ActionKind.DISPOSE).orElseThrow();

        assertThat(dispose.planProperty().get().orElseThrow().bytesFreed()).isEqualTo(2000);
        assertThat(dispose.entries()).allMatch(e -> e.bytesFreed() == 1000);
        assertThat(dispose.summaryProperty().get()).isEqualTo("2 versions: 2 dispose, 0 keep; frees 2.0 KB");
    }

    @Test
    void disposeIsRefusedUntilTheRepositorysNameIsTyped() {
        select("lint", "1.0.0", "1.1.0");
        BulkActionViewModel dispose = actions.actOnVersions(ActionKind.DISPOSE).orElseThrow();
        assertThat(dispose.irreversibleProperty().get()).isTrue();

        dispose.typedNameProperty().set("prod");

        assertThat(dispose.canRunProperty().get()).isFalse();
        assertThat(dispose.run()).isFalse();
        assertThat(dispose.typedNameErrorProperty().get()).isEqualTo("Type the repository's name, dev, to dispose of"
                + " these versions; archiving instead can be undone.");
        assertThat(statuses("lint")).containsEntry("1.0.0", "Published").containsEntry("1.1.0", "Published");

        dispose.typedNameProperty().set(REPOSITORY);
        assertThat(dispose.typedNameErrorProperty().get()).isEmpty();
        assertThat(dispose.run()).isTrue();

        assertThat(dispose.stageProperty().get()).isEqualTo(Stage.DONE);
        assertThat(statuses("lint")).containsEntry("1.0.0", "Disposed").containsEntry("1.1.0", "Disposed")
                .containsEntry("2.0.0", "Published");
    }

    @Test
    void archiveInsteadPlansTheSameVersionsAsAReversibleArchive() {
        select("lint", "1.0.0", "1.1.0");
        BulkActionViewModel delete = actions.actOnVersions(ActionKind.DELETE).orElseThrow();
        delete.typedNameProperty().set("de");

        delete.archiveInstead();

        assertThat(delete.actionProperty().get()).isEqualTo(ActionKind.ARCHIVE);
        assertThat(delete.irreversibleProperty().get()).isFalse();
        assertThat(delete.typedNameProperty().get()).isEmpty();
        assertThat(delete.entries()).extracting(PlannedVersion::kind).containsOnly(ActionKind.ARCHIVE).hasSize(2);
        assertThat(delete.canRunProperty().get()).isTrue();
    }

    @Test
    void anArchiveRunReportsEachVersionJournalsItBesideTheWorkflowsAndReloadsTheVersions() throws Exception {
        select("lint", "1.0.0", "1.1.0");
        BulkActionViewModel archive = actions.actOnVersions(ActionKind.ARCHIVE).orElseThrow();

        assertThat(archive.run()).isTrue();

        assertThat(archive.results()).extracting(r -> r.change().version(), VersionResult::kind)
                .containsExactlyInAnyOrder(tuple("1.0.0", VersionResult.Kind.DONE),
                        tuple("1.1.0", VersionResult.Kind.DONE));
        assertThat(statuses("lint")).containsEntry("1.0.0", "Archived").containsEntry("1.1.0", "Archived")
                .containsEntry("2.0.0", "Published");
        assertThat(archive.summaryProperty().get()).startsWith("Done: 2 versions: 2 done. Journal: arca-bulk-shop-dev-");
        try (Stream<Path> journals = Files.list(temp.resolve("journals"))) {
            assertThat(journals.map(p -> p.getFileName().toString()).toList()).singleElement().satisfies(name ->
                    assertThat(name).startsWith("arca-bulk-shop-dev-").endsWith(".journal"));
        }
        assertThat(versionsReloaded).hasValue(1);
        assertThat(packagesReloaded).hasValue(0);
    }

    @Test
    void aVersionChangedAfterPlanningComesBackMismatchedStatusAndIsLeftAsItIs() {
        select("lint", "1.0.0", "1.1.0");
        BulkActionViewModel archive = actions.actOnVersions(ActionKind.ARCHIVE).orElseThrow();
        setStatus("lint", "Unlisted", "1.0.0"); // someone else, between the plan and the run

        archive.run();

        assertThat(archive.results()).extracting(r -> r.change().version(), VersionResult::kind, VersionResult::errorCode)
                .containsExactlyInAnyOrder(tuple("1.0.0", VersionResult.Kind.FAILED, Optional.of("MISMATCHED_STATUS")),
                        tuple("1.1.0", VersionResult.Kind.DONE, Optional.empty()));
        assertThat(statuses("lint")).containsEntry("1.0.0", "Unlisted").containsEntry("1.1.0", "Archived");
        assertThat(archive.summaryProperty().get()).startsWith("Done: 2 versions: 1 done, 1 failed.");
    }

    @Test
    void wholePackagesActOnEveryVersionButTheLatestReleaseUnlessTheAdminSaysOtherwise() {
        actions.selectedPackages().setAll(info("lint"), info("fmt"));
        assertThat(actions.canActOnPackagesProperty().get()).isTrue();

        BulkActionViewModel unlist = actions.actOnPackages(ActionKind.UNLIST).orElseThrow();

        assertThat(unlist.titleProperty().get()).isEqualTo("Unlist every version of 2 packages");
        assertThat(unlist.keepLatestProperty().get()).isTrue();
        assertThat(unlist.summaryProperty().get()).isEqualTo("6 versions: 4 unlist, 2 keep");
        assertThat(unlist.entries()).filteredOn(e -> e.kind() == ActionKind.KEEP)
                .extracting(e -> e.pkg().name() + " " + e.version().version())
                .containsExactlyInAnyOrder("lint 2.0.0", "fmt 2.0.0");

        unlist.keepLatestProperty().set(false);
        assertThat(unlist.summaryProperty().get()).isEqualTo("6 versions: 6 unlist, 0 keep");

        unlist.run();
        assertThat(statuses("fmt").values()).containsOnly("Unlisted");
        assertThat(packagesReloaded).hasValue(1);
    }

    @Test
    void aCopyGoesToTheChosenRepositoryOfTheDomain() {
        select("fmt", "1.0.0", "1.1.0");

        BulkActionViewModel copy = actions.actOnVersions(ActionKind.COPY).orElseThrow();

        assertThat(copy.destinations()).containsExactly("prod");
        assertThat(copy.destinationProperty().get()).isEqualTo("prod");
        assertThat(copy.summaryProperty().get()).isEqualTo("2 versions: 2 copy, 0 keep");
        copy.run();
        assertThat(copy.results()).extracting(VersionResult::kind).containsOnly(VersionResult.Kind.DONE);
        PackageInfo inProd = gateway.listPackages(DOMAIN, "prod", PackageFilter.NONE, Optional.empty(), 10).items()
                .getFirst();
        assertThat(gateway.listVersions(DOMAIN, "prod", inProd, Optional.empty(), Optional.empty(), 10).items())
                .extracting(VersionInfo::version).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    }

    @Test
    void theShownVersionTakesAStatusChangeOnItsOwn() {
        select("lint", "1.0.0", "1.1.0");
        shown.set(versions("lint").stream().filter(v -> v.version().equals("2.0.0")).findFirst().orElseThrow());
        assertThat(actions.canActOnShownVersion(ActionKind.PUBLISH).get()).isFalse();

        BulkActionViewModel unlist = actions.actOnShownVersion(ActionKind.UNLIST).orElseThrow();

        assertThat(unlist.titleProperty().get()).isEqualTo("Unlist 2.0.0 of tools/lint");
        unlist.run();
        assertThat(statuses("lint")).containsEntry("2.0.0", "Unlisted").containsEntry("1.0.0", "Published");
    }

    /** Selects the package and these of its versions, as the tables would. */
    private void select(String name, String... versions) {
        pkg.set(info(name));
        List<String> wanted = List.of(versions);
        actions.selectedVersions().setAll(versions(name).stream().filter(v -> wanted.contains(v.version())).toList());
    }

    private PackageInfo info(String name) {
        return gateway.listPackages(DOMAIN, REPOSITORY, PackageFilter.namePrefix(name), Optional.empty(), 10).items()
                .getFirst();
    }

    private List<VersionInfo> versions(String name) {
        return gateway.listVersions(DOMAIN, REPOSITORY, info(name), Optional.empty(), Optional.empty(), 100).items();
    }

    private Map<String, String> statuses(String name) {
        return Stream.of("Published", "Unlisted", "Archived", "Disposed")
                .flatMap(status -> gateway.listVersions(DOMAIN, REPOSITORY, info(name),
                        dev.arca.core.VersionStatus.fromWire(status), Optional.empty(), 100).items().stream())
                .collect(Collectors.toMap(VersionInfo::version, VersionInfo::status));
    }

    private void setStatus(String name, String status, String... versions) {
        embedded.sdk().updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository(REPOSITORY).format("generic")
                .namespace("tools").packageValue(name).versions(versions).targetStatus(status));
    }
}
