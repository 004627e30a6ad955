package dev.arca.ui.packages;

import static dev.arca.ui.packages.PackagesFixture.DOMAIN;
import static dev.arca.ui.packages.PackagesFixture.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.HeldTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Packages page's ViewModel against a real server: paging, filters the service applies, stale answers dropped,
 * versions with their status and default version, the package group and the origin-control editor.
 */
class PackagesViewModelTest {

    @TempDir
    Path temp;

    private PackagesFixture fixture;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PackagesViewModel viewModel;
    private DomainMemory memory;

    @BeforeEach
    void start() throws Exception {
        fixture = new PackagesFixture(temp.resolve("data"));
        memory = new DomainMemory(UserSettings.load(temp.resolve("config/settings.properties")), "local");
        viewModel = new PackagesViewModel(fixture.embedded()::gateway, ExecutorTaskRunner.sameThread(e -> { }),
                dialogs, memory, fixture.journalDir(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private List<String> listed() {
        return viewModel.packages().items().stream().map(PackageInfo::display).toList();
    }

    private PackageInfo select(String display) {
        PackageInfo pkg = viewModel.packages().items().stream().filter(p -> p.display().equals(display))
                .findFirst().orElseThrow();
        viewModel.selectedPackageProperty().set(pkg);
        return pkg;
    }

    @Test
    void packagesLoadAPageAtATime() throws Exception {
        for (int i = 0; i < PackagesViewModel.PAGE_SIZE + 20; i++) {
            fixture.publish("ns", String.format("pkg-%03d", i), "1.0", new byte[] {(byte) i});
        }

        viewModel.loadDomains();

        assertThat(viewModel.repositoryProperty().get()).isEqualTo(REPOSITORY);
        assertThat(viewModel.packages().items()).hasSize(PackagesViewModel.PAGE_SIZE);
        assertThat(viewModel.packages().hasMoreProperty().get()).isTrue();
        viewModel.packages().loadMore();
        assertThat(viewModel.packages().items()).hasSize(PackagesViewModel.PAGE_SIZE + 20);
        assertThat(viewModel.packages().hasMoreProperty().get()).isFalse();
        viewModel.packages().loadMore();
        assertThat(viewModel.packages().items()).as("nothing more to load").hasSize(PackagesViewModel.PAGE_SIZE + 20);
    }

    @Test
    void anEmptyRepositoryShowsTheEmptyStateWithWhatToDo() {
        viewModel.loadDomains();

        assertThat(viewModel.packages().stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.packages().items()).isEmpty();
        assertThat(viewModel.emptyHintProperty().get()).startsWith("Repository repo has no packages yet");
    }

    @Test
    void aRepositoryCreatedElsewhereIsOfferedWhenThePageIsShownAgainAndTheChoiceKept() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();
        PackageInfo tool = select("ns/tool");

        fixture.client().createRepository(r -> r.domain(DOMAIN).repository("added"));
        viewModel.loadDomains(); // the page is shown again

        assertThat(viewModel.repositories()).containsExactly("added", REPOSITORY);
        assertThat(viewModel.repositoryProperty().get()).isEqualTo(REPOSITORY);
        assertThat(viewModel.selectedPackageProperty().get()).as("nothing reloaded").isEqualTo(tool);
    }

    @Test
    void theDomainAndRepositoryLastPickedOnAnyPageAreShown() throws Exception {
        fixture.client().createDomain(r -> r.domain("later"));
        fixture.client().createRepository(r -> r.domain("later").repository("first"));
        fixture.client().createRepository(r -> r.domain("later").repository("second"));
        viewModel.loadDomains();
        viewModel.domainProperty().set("later");
        assertThat(viewModel.repositoryProperty().get()).isEqualTo("first");

        PackagesViewModel next = new PackagesViewModel(fixture.embedded()::gateway,
                ExecutorTaskRunner.sameThread(e -> { }), dialogs, memory, fixture.journalDir(),
                Clock.systemUTC());
        next.loadDomains();
        assertThat(next.domainProperty().get()).isEqualTo("later");

        memory.rememberRepository("later", "second"); // e.g. Enter on the Repositories page
        next.loadDomains(); // the page is shown again
        assertThat(next.repositoryProperty().get()).isEqualTo("second");
    }

    @Test
    void aPackageOpenedFromThePaletteIsShownSelectedBeyondTheFirstPageWhateverTheFilters() throws Exception {
        for (int i = 0; i < PackagesViewModel.PAGE_SIZE + 5; i++) {
            fixture.publish("ns", String.format("pkg-%03d", i), "1.0", new byte[] {(byte) i});
        }
        viewModel.loadDomains();
        viewModel.filters().namespaceProperty().set("other");
        assertThat(listed()).isEmpty();
        String last = String.format("pkg-%03d", PackagesViewModel.PAGE_SIZE + 4);

        memory.openPackage(new DomainMemory.PackageToOpen(DOMAIN, REPOSITORY, PackageFormat.GENERIC, "ns", last));
        viewModel.loadDomains(); // the page is shown again

        assertThat(viewModel.selectedPackageProperty().get().display()).isEqualTo("ns/" + last);
        assertThat(viewModel.filters().namePrefixProperty().get()).isEqualTo(last);
        assertThat(memory.takePackageToOpen(DOMAIN, REPOSITORY)).as("opened once").isEmpty();
        viewModel.filters().clear();
        assertThat(viewModel.packages().items()).hasSize(PackagesViewModel.PAGE_SIZE);
        assertThat(viewModel.selectedPackageProperty().get()).as("not listed any more").isNull();
    }

    @Test
    void packagesPublishedMeanwhileAppearWithoutAReload() throws Exception {
        fixture.publish("ns", "first", "1.0", new byte[] {1});
        viewModel.loadDomains();
        viewModel.watch(); // notes where the repository's events stand
        assertThat(listed()).containsExactly("ns/first");

        fixture.publish("ns", "second", "1.0", new byte[] {2}); // a build publishing, say
        viewModel.watch();

        assertThat(listed()).containsExactly("ns/first", "ns/second");
    }

    @Test
    void anotherDomainStartsFromItsOwnFirstRepository() throws Exception {
        fixture.client().createDomain(r -> r.domain("zeta"));
        fixture.client().createRepository(r -> r.domain("zeta").repository(REPOSITORY));
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();
        assertThat(listed()).containsExactly("ns/tool");

        viewModel.domainProperty().set("zeta");

        assertThat(viewModel.repositoryProperty().get()).isEqualTo(REPOSITORY);
        assertThat(viewModel.packages().items()).as("the same name, another repository").isEmpty();
        assertThat(viewModel.packages().stateProperty().get()).isEqualTo(ListState.EMPTY);
    }

    @Test
    void aServiceThatCannotBeReachedShowsTheErrorStateInOneSentence() {
        fixture.embedded().server().close();

        viewModel.loadDomains();

        assertThat(viewModel.packages().stateProperty().get()).isEqualTo(ListState.ERROR);
        assertThat(viewModel.packages().errorMessageProperty().get()).startsWith("Could not list the domains")
                .endsWith("cannot be reached.");
    }

    @Test
    void packagesShowTheirOriginControls() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();

        PackageInfo tool = viewModel.packages().items().getFirst();
        assertThat(tool.display()).isEqualTo("ns/tool");
        assertThat(tool.publish()).isEqualTo("ALLOW");
        assertThat(tool.upstream()).isEqualTo("BLOCK");
    }

    @Test
    void theFormatFilterIsAppliedByTheService() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        fixture.originControls("npm", "scope", "left-pad", "ALLOW", "ALLOW");
        fixture.originControls("pypi", null, "requests", "ALLOW", "ALLOW");
        viewModel.loadDomains();
        assertThat(listed()).containsExactly("ns/tool", "@scope/left-pad", "requests");

        viewModel.filters().formatProperty().set(Optional.of(PackageFormat.NPM));

        assertThat(listed()).containsExactly("@scope/left-pad");
        assertThat(viewModel.filters().problemProperty().get()).isEmpty();
    }

    @Test
    void anNpmScopeMayBeTypedWithItsAt() {
        fixture.originControls("npm", "scope", "left-pad", "ALLOW", "ALLOW");
        fixture.originControls("npm", "other", "left-pad", "ALLOW", "ALLOW");
        viewModel.loadDomains();

        viewModel.filters().formatProperty().set(Optional.of(PackageFormat.NPM));
        viewModel.filters().namespaceProperty().set("@scope");

        assertThat(listed()).containsExactly("@scope/left-pad");
    }

    @Test
    void namespaceAndNamePrefixFiltersNarrowTheList() throws Exception {
        fixture.publish("team-a", "lib-core", "1.0", new byte[] {1});
        fixture.publish("team-a", "app", "1.0", new byte[] {2});
        fixture.publish("team-b", "lib-core", "1.0", new byte[] {3});
        viewModel.loadDomains();

        viewModel.filters().formatProperty().set(Optional.of(PackageFormat.GENERIC));
        viewModel.filters().namespaceProperty().set("team-a");
        assertThat(listed()).containsExactly("team-a/app", "team-a/lib-core");

        viewModel.filters().namePrefixProperty().set("lib-");
        assertThat(listed()).containsExactly("team-a/lib-core");

        viewModel.filters().namespaceProperty().set("");
        assertThat(listed()).containsExactly("team-a/lib-core", "team-b/lib-core");
    }

    @Test
    void aNamespaceWithoutAFormatIsExplainedInsteadOfSent() throws Exception {
        fixture.publish("team-a", "app", "1.0", new byte[] {1});
        viewModel.loadDomains();

        viewModel.filters().namespaceProperty().set("team-a");

        assertThat(viewModel.filters().problemProperty().get()).startsWith("Choose a format to filter by namespace");
        assertThat(viewModel.packages().stateProperty().get()).as("no refused call, so no error")
                .isEqualTo(ListState.EMPTY);
        assertThat(viewModel.emptyHintProperty().get()).isEqualTo(viewModel.filters().problemProperty().get());
        assertThat(dialogs.shown()).isEmpty();

        viewModel.filters().formatProperty().set(Optional.of(PackageFormat.GENERIC));
        assertThat(viewModel.filters().problemProperty().get()).isEmpty();
        assertThat(listed()).containsExactly("team-a/app");
    }

    @Test
    void originControlFiltersAreAppliedByTheService() throws Exception {
        fixture.publish("ns", "open", "1.0", new byte[] {1});
        fixture.publish("ns", "locked", "1.0", new byte[] {2});
        fixture.originControls("generic", "ns", "locked", "BLOCK", "BLOCK");
        fixture.originControls("generic", "ns", "mirrored", "BLOCK", "ALLOW");
        viewModel.loadDomains();

        viewModel.filters().publishProperty().set(Optional.of("BLOCK"));
        assertThat(listed()).containsExactly("ns/locked", "ns/mirrored");

        viewModel.filters().upstreamProperty().set(Optional.of("ALLOW"));
        assertThat(listed()).containsExactly("ns/mirrored");

        viewModel.filters().clear();
        assertThat(listed()).containsExactly("ns/locked", "ns/mirrored", "ns/open");
        assertThat(viewModel.emptyHintProperty().get()).doesNotContain("filters");
    }

    @Test
    void filteredListsAreStillLoadedAPageAtATime() throws Exception {
        for (int i = 0; i < PackagesViewModel.PAGE_SIZE + 5; i++) {
            fixture.publish("ns", String.format("lib-%03d", i), "1.0", new byte[] {(byte) i});
        }
        fixture.publish("ns", "other", "1.0", new byte[] {1});
        viewModel.loadDomains();

        viewModel.filters().namePrefixProperty().set("lib-");

        assertThat(viewModel.packages().items()).hasSize(PackagesViewModel.PAGE_SIZE);
        viewModel.packages().loadMore();
        assertThat(viewModel.packages().items()).hasSize(PackagesViewModel.PAGE_SIZE + 5)
                .allMatch(p -> p.name().startsWith("lib-"));
    }

    @Test
    void aFilterMatchingNothingSaysSo() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();

        viewModel.filters().namePrefixProperty().set("zzz");

        assertThat(viewModel.packages().stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.emptyHintProperty().get()).isEqualTo("No package of repo matches these filters.");
    }

    @Test
    void aPageForAnEarlierFilterArrivingLateIsDropped() throws Exception {
        fixture.publish("ns", "alpha", "1.0", new byte[] {1});
        fixture.publish("ns", "beta", "1.0", new byte[] {2});
        HeldTaskRunner held = new HeldTaskRunner();
        viewModel = new PackagesViewModel(fixture.embedded()::gateway, held, dialogs, memory,
                fixture.journalDir(), Clock.systemUTC());
        viewModel.loadDomains();
        held.releaseAll();
        assertThat(listed()).containsExactly("ns/alpha", "ns/beta");

        viewModel.filters().namePrefixProperty().set("al");
        viewModel.filters().namePrefixProperty().set("be");
        assertThat(held.heldCount()).isEqualTo(2);
        held.releaseNewest();
        assertThat(listed()).containsExactly("ns/beta");
        held.releaseAll(); // the answer for "al" arrives last

        assertThat(listed()).containsExactly("ns/beta");
    }

    @Test
    void versionsOfAnEarlierSelectionArrivingLateAreDropped() throws Exception {
        fixture.publish("ns", "one", "1.0", new byte[] {1});
        fixture.publish("ns", "two", "2.0", new byte[] {2});
        HeldTaskRunner held = new HeldTaskRunner();
        viewModel = new PackagesViewModel(fixture.embedded()::gateway, held, dialogs, memory,
                fixture.journalDir(), Clock.systemUTC());
        viewModel.loadDomains();
        held.releaseAll();

        select("ns/one");
        select("ns/two");
        held.releaseAll();

        assertThat(viewModel.versions().items()).extracting(VersionInfo::version).containsExactly("2.0");
    }

    @Test
    void versionsAreNewestFirstWithTheDefaultDisplayVersionMarked() throws Exception {
        for (String version : List.of("1.0", "2.0", "3.0")) {
            fixture.publish("ns", "tool", version, version.getBytes());
            Thread.sleep(5); // distinct published times
        }
        fixture.setStatus("ns", "tool", "Unlisted", "3.0");
        viewModel.loadDomains();

        select("ns/tool");

        assertThat(viewModel.versions().items()).extracting(VersionInfo::version, VersionInfo::status,
                VersionInfo::defaultDisplay).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3.0", "Unlisted", false),
                org.assertj.core.groups.Tuple.tuple("2.0", "Published", true),
                org.assertj.core.groups.Tuple.tuple("1.0", "Published", false));
    }

    @Test
    void theStatusFilterIsAppliedByTheService() throws Exception {
        for (String version : List.of("1.0", "2.0", "3.0", "4.0")) {
            fixture.publish("ns", "tool", version, version.getBytes());
        }
        fixture.setStatus("ns", "tool", "Archived", "1.0", "2.0");
        fixture.setStatus("ns", "tool", "Unlisted", "3.0");
        fixture.publish(REPOSITORY, "ns", "tool", "5.0-rc", new byte[] {5}, true);
        viewModel.loadDomains();
        select("ns/tool");
        assertThat(viewModel.versions().items()).hasSize(5);

        viewModel.statusFilterProperty().set(Optional.of(VersionStatus.ARCHIVED));
        assertThat(viewModel.versions().items()).extracting(VersionInfo::version)
                .containsExactlyInAnyOrder("1.0", "2.0");

        viewModel.statusFilterProperty().set(Optional.of(VersionStatus.UNFINISHED));
        assertThat(viewModel.versions().items()).extracting(VersionInfo::version, VersionInfo::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5.0-rc", "Unfinished"));

        viewModel.statusFilterProperty().set(Optional.of(VersionStatus.DISPOSED));
        assertThat(viewModel.versions().stateProperty().get()).isEqualTo(ListState.EMPTY);
    }

    @Test
    void versionsLoadAPageAtATime() throws Exception {
        for (int i = 0; i < PackagesViewModel.PAGE_SIZE + 3; i++) {
            fixture.publish("ns", "busy", "1." + i, new byte[] {(byte) i});
        }
        viewModel.loadDomains();

        select("ns/busy");

        assertThat(viewModel.versions().items()).hasSize(PackagesViewModel.PAGE_SIZE);
        viewModel.versions().loadMore();
        assertThat(viewModel.versions().items()).hasSize(PackagesViewModel.PAGE_SIZE + 3);
    }

    @Test
    void theSelectedPackageShowsItsPackageGroup() throws Exception {
        fixture.client().createPackageGroup(r -> r.domain(DOMAIN).packageGroup("/generic/team-a/*")
                .description("Team A's builds").contactInfo("team-a@example.com"));
        fixture.publish("team-a", "app", "1.0", new byte[] {1});
        fixture.publish("team-b", "app", "1.0", new byte[] {2});
        viewModel.loadDomains();

        select("team-a/app");
        assertThat(viewModel.packageGroup().valueProperty().get()).hasValueSatisfying(group -> {
            assertThat(group.pattern()).isEqualTo("/generic/team-a/*");
            assertThat(group.description()).isEqualTo("Team A's builds");
            assertThat(group.contactInfo()).isEqualTo("team-a@example.com");
            assertThat(group.effectiveOrigin()).containsKeys("PUBLISH", "EXTERNAL_UPSTREAM", "INTERNAL_UPSTREAM");
        });

        select("team-b/app");
        assertThat(viewModel.packageGroup().valueProperty().get()).map(g -> g.pattern()).hasValue("/*");
    }

    @Test
    void theOriginControlsAreEditedTogetherAndTheRowFollowsWithoutAReload() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();
        PackageInfo tool = select("ns/tool");
        VersionInfo version = viewModel.versions().items().getFirst();
        viewModel.selectedVersionProperty().set(version);
        assertThat(viewModel.origin().canSaveProperty().get()).as("nothing edited yet").isFalse();

        viewModel.origin().publishProperty().set("BLOCK");
        viewModel.origin().upstreamProperty().set("ALLOW");
        assertThat(viewModel.origin().canSaveProperty().get()).isTrue();
        viewModel.origin().save();

        PackageInfo updated = viewModel.packages().items().getFirst();
        assertThat(updated.publish()).isEqualTo("BLOCK");
        assertThat(updated.upstream()).isEqualTo("ALLOW");
        assertThat(viewModel.selectedPackageProperty().get()).isEqualTo(updated);
        assertThat(viewModel.selectedVersionProperty().get()).as("the versions were not reloaded").isEqualTo(version);
        assertThat(viewModel.origin().canSaveProperty().get()).isFalse();
        var stored = fixture.client().describePackage(r -> r.domain(DOMAIN).repository(REPOSITORY)
                .format(tool.format()).namespace(tool.namespace()).packageValue(tool.name()))
                .packageValue().originConfiguration().restrictions();
        assertThat(stored.publishAsString()).isEqualTo("BLOCK");
        assertThat(stored.upstreamAsString()).isEqualTo("ALLOW");
    }

    @Test
    void originControlsThatCannotBeSavedAreReportedAndTheRowIsKept() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();
        PackageInfo tool = select("ns/tool");
        fixture.client().deleteRepository(r -> r.domain(DOMAIN).repository(REPOSITORY));

        viewModel.origin().publishProperty().set("BLOCK");
        viewModel.origin().save();

        assertThat(dialogs.shown()).singleElement().asString().startsWith("error: ").endsWith(".");
        assertThat(viewModel.packages().items()).containsExactly(tool);
        assertThat(viewModel.origin().canSaveProperty().get()).as("the edit is kept to try again").isTrue();
    }

    @Test
    void refreshShowsNewPackagesAndKeepsTheSelection() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();
        PackageInfo tool = select("ns/tool");

        fixture.publish("ns", "another", "1.0", new byte[] {2});
        viewModel.refresh();

        assertThat(listed()).containsExactly("ns/another", "ns/tool");
        assertThat(viewModel.selectedPackageProperty().get()).isEqualTo(tool);
        assertThat(viewModel.versions().items()).extracting(VersionInfo::version).containsExactly("1.0");
    }

    @Test
    void selectingAVersionShowsItsDetails() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        viewModel.loadDomains();
        select("ns/tool");

        viewModel.selectedVersionProperty().set(viewModel.versions().items().getFirst());
        assertThat(viewModel.versionDetails().details().valueProperty().get()).map(d -> d.version()).hasValue("1.0");

        viewModel.selectedPackageProperty().set(null);
        assertThat(viewModel.versionDetails().details().stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.versions().stateProperty().get()).isEqualTo(ListState.EMPTY);
    }
}
