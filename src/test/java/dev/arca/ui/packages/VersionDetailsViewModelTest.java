package dev.arca.ui.packages;

import static dev.arca.ui.packages.PackagesFixture.DOMAIN;
import static dev.arca.ui.packages.PackagesFixture.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.AssetInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionDetails;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version in detail against a real server: metadata and origin, files with every hash, the empty states of
 * dependencies and readme (generic packages have neither), and downloads with progress, cancel and failure.
 */
class VersionDetailsViewModelTest {

    @TempDir
    Path temp;

    private PackagesFixture fixture;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PackagesViewModel packages;
    private VersionDetailsViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        fixture = new PackagesFixture(temp.resolve("data"));
        packages = new PackagesViewModel(fixture.embedded()::gateway, ExecutorTaskRunner.sameThread(e -> { }),
                dialogs, fixture.memory(), fixture.journalDir(), Clock.systemUTC());
        viewModel = packages.versionDetails();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Opens the first version of the first package, as a user clicking through would. */
    private void open(String repository) {
        packages.loadDomains();
        packages.repositoryProperty().set(repository);
        packages.selectedPackageProperty().set(packages.packages().items().getFirst());
        packages.selectedVersionProperty().set(packages.versions().items().getFirst());
    }

    private static String hash(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    private Path downloadsDir() throws Exception {
        return Files.createDirectories(temp.resolve("downloads"));
    }

    @Test
    void aPublishedVersionIsDescribedWithItsStatusRevisionAndOrigin() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});

        open(REPOSITORY);

        VersionDetails details = viewModel.details().valueProperty().get().orElseThrow();
        assertThat(details.displayName()).isEqualTo("tool");
        assertThat(details.version()).isEqualTo("1.0");
        assertThat(details.status()).isEqualTo("Published");
        assertThat(details.publishedTime()).isPresent();
        assertThat(details.revision()).isNotEmpty()
                .isEqualTo(packages.versions().items().getFirst().revision());
        assertThat(details.originType()).isEqualTo("INTERNAL");
        assertThat(details.originRepository()).hasValue(REPOSITORY);
        assertThat(details.originExternalConnection()).isEmpty();
        assertThat(details.licenses()).isEmpty();
        assertThat(details.summary()).isEmpty();
    }

    @Test
    void aCopiedVersionNamesTheRepositoryItCameIntoTheDomainThrough() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        fixture.client().createRepository(r -> r.domain(DOMAIN).repository("release"));
        fixture.client().copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository(REPOSITORY)
                .destinationRepository("release").format("generic").namespace("ns").packageValue("tool")
                .versions("1.0"));

        open("release");

        assertThat(viewModel.details().valueProperty().get()).map(VersionDetails::originRepository)
                .hasValue(Optional.of(REPOSITORY));
    }

    @Test
    void filesComeWithTheirSizeAndEveryHash() throws Exception {
        byte[] content = "the bytes of the asset".getBytes();
        fixture.publish("ns", "tool", "1.0", content);

        open(REPOSITORY);

        AssetInfo asset = viewModel.assets().items().getFirst();
        assertThat(asset.name()).isEqualTo("tool.bin");
        assertThat(asset.size()).isEqualTo(content.length);
        assertThat(asset.hashes()).containsOnlyKeys(AssetInfo.HASH_ALGORITHMS)
                .containsEntry("MD5", hash("MD5", content))
                .containsEntry("SHA-1", hash("SHA-1", content))
                .containsEntry("SHA-256", hash("SHA-256", content))
                .containsEntry("SHA-512", hash("SHA-512", content));
        assertThat(viewModel.assets().stateProperty().get()).isEqualTo(ListState.READY);
    }

    @Test
    void aGenericVersionHasNoDependenciesAndNoReadmeAndSaysSo() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});

        open(REPOSITORY);

        assertThat(viewModel.dependencies().items()).isEmpty();
        assertThat(viewModel.dependencies().stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.readme().valueProperty().get()).isEmpty();
        assertThat(viewModel.readme().stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.shownFormat()).hasValue("generic");
    }

    @Test
    void aVersionGoneFromTheServerShowsErrorStatesInPlainSentences() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        packages.loadDomains();
        packages.selectedPackageProperty().set(packages.packages().items().getFirst());
        fixture.client().deletePackageVersions(r -> r.domain(DOMAIN).repository(REPOSITORY).format("generic")
                .namespace("ns").packageValue("tool").versions("1.0"));

        packages.selectedVersionProperty().set(packages.versions().items().getFirst());

        for (var state : List.of(viewModel.details().stateProperty(), viewModel.assets().stateProperty(),
                viewModel.dependencies().stateProperty(), viewModel.readme().stateProperty())) {
            assertThat(state.get()).isEqualTo(ListState.ERROR);
        }
        assertThat(viewModel.details().errorMessageProperty().get()).contains("1.0").endsWith(".");
    }

    @Test
    void aDownloadReportsItsProgressInBytesAndChecksTheHash() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(content);
        fixture.publish("ns", "tool", "1.0", content);
        open(REPOSITORY);
        viewModel.selectedAssetProperty().set(viewModel.assets().items().getFirst());
        Path target = downloadsDir().resolve("tool.bin");
        dialogs.answerSaveFile(Optional.of(target));
        List<Double> progress = new ArrayList<>();
        viewModel.downloadProgressProperty().subscribe(p -> progress.add(p.doubleValue()));

        viewModel.download();

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress).as("reported as the bytes arrived").hasSizeGreaterThan(3).isSorted()
                .anyMatch(p -> p > 0 && p < 1);
        assertThat(progress.getLast()).isEqualTo(1.0);
        assertThat(viewModel.downloadStatusProperty().get()).isEqualTo("Saved tool.bin to " + target
                + " (SHA-256 checked).");
        assertThat(viewModel.downloadingProperty().get()).isFalse();
        assertThat(dialogs.shown()).containsExactly("save: tool.bin");
    }

    @Test
    void aCancelledDownloadLeavesNoFileBehind() throws Exception {
        byte[] content = new byte[4 * 1024 * 1024];
        new Random(8).nextBytes(content);
        fixture.publish("ns", "tool", "1.0", content);
        open(REPOSITORY);
        viewModel.selectedAssetProperty().set(viewModel.assets().items().getFirst());
        Path target = downloadsDir().resolve("tool.bin");
        dialogs.answerSaveFile(Optional.of(target));
        viewModel.downloadProgressProperty().subscribe(p -> {
            if (p.doubleValue() > 0.1 && viewModel.downloadingProperty().get()) {
                viewModel.cancelDownload(); // the user presses Cancel part way
            }
        });

        viewModel.download();

        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left).as("neither the file nor its partial download").isEmpty();
        }
        assertThat(viewModel.downloadStatusProperty().get()).isEqualTo("Download of tool.bin cancelled;"
                + " nothing was kept.");
        assertThat(viewModel.downloadingProperty().get()).isFalse();
        assertThat(viewModel.canDownloadProperty().get()).isTrue();
        assertThat(dialogs.shown()).as("no error for a cancel").containsExactly("save: tool.bin");
    }

    @Test
    void aDownloadTheServerRefusesIsReportedAndKeepsNothing() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1, 2, 3});
        open(REPOSITORY);
        viewModel.selectedAssetProperty().set(viewModel.assets().items().getFirst());
        fixture.setStatus("ns", "tool", "Archived", "1.0");
        Path target = downloadsDir().resolve("tool.bin");
        dialogs.answerSaveFile(Optional.of(target));

        viewModel.download();

        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left).isEmpty();
        }
        assertThat(dialogs.shown()).last().asString().startsWith("error: ").contains("Archived");
        assertThat(viewModel.downloadStatusProperty().get()).isEqualTo("The download of tool.bin failed;"
                + " nothing was kept.");
    }

    @Test
    void noDownloadStartsWhenTheSaveDialogIsCancelled() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        open(REPOSITORY);
        viewModel.selectedAssetProperty().set(viewModel.assets().items().getFirst());

        viewModel.download();

        assertThat(viewModel.downloadStatusProperty().get()).isEmpty();
        try (Stream<Path> left = Files.list(downloadsDir())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void nothingCanBeDownloadedUntilAFileIsSelected() throws Exception {
        fixture.publish("ns", "tool", "1.0", new byte[] {1});
        open(REPOSITORY);

        assertThat(viewModel.canDownloadProperty().get()).isFalse();
        viewModel.selectedAssetProperty().set(viewModel.assets().items().getFirst());
        assertThat(viewModel.canDownloadProperty().get()).isTrue();

        PackageInfo other = packages.packages().items().getFirst();
        packages.selectedPackageProperty().set(null);
        packages.selectedPackageProperty().set(other);
        assertThat(viewModel.canDownloadProperty().get()).as("a new selection starts with no file").isFalse();
    }
}
