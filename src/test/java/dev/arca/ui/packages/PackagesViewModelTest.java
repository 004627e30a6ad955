package dev.arca.ui.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.AssetInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.RecordingDialogs;
import dev.arca.ui.common.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/** The Packages page's ViewModel against a real server: paging, versions, assets, checked download. */
class PackagesViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private CodeartifactClient client;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PackagesViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("data"));
        embedded.gateway().createDomain("pkgs", Optional.empty());
        embedded.gateway().createRepository("pkgs", "repo", Optional.empty(), List.of());
        client = CodeartifactClient.builder().endpointOverride(embedded.server().endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        embedded.server().credentials().accessKeyId(),
                        embedded.server().credentials().secretAccessKey()))).build();
        viewModel = new PackagesViewModel(embedded::gateway, ExecutorTaskRunner.sameThread(e -> { }), dialogs,
                new DomainMemory(UserSettings.load(temp.resolve("config/settings.properties")), "local"));
    }

    @AfterEach
    void stop() {
        client.close();
        embedded.close();
    }

    private void publish(String pkg, String version, byte[] content) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        client.publishPackageVersion(r -> r.domain("pkgs").repository("repo").format("generic").namespace("ns")
                .packageValue(pkg).packageVersion(version).assetName(pkg + ".bin").assetSHA256(sha),
                RequestBody.fromBytes(content));
    }

    @Test
    void packagesLoadAPageAtATime() throws Exception {
        for (int i = 0; i < PackagesViewModel.PAGE_SIZE + 20; i++) {
            publish(String.format("pkg-%03d", i), "1.0", new byte[] {(byte) i});
        }

        viewModel.loadDomains();

        assertThat(viewModel.repositoryProperty().get()).isEqualTo("repo");
        assertThat(viewModel.packages()).hasSize(PackagesViewModel.PAGE_SIZE);
        assertThat(viewModel.hasMoreProperty().get()).isTrue();
        viewModel.loadMore();
        assertThat(viewModel.packages()).hasSize(PackagesViewModel.PAGE_SIZE + 20);
        assertThat(viewModel.hasMoreProperty().get()).isFalse();
        viewModel.loadMore();
        assertThat(viewModel.packages()).as("nothing more to load").hasSize(PackagesViewModel.PAGE_SIZE + 20);
    }

    @Test
    void aPackagesVersionsAndAVersionsFilesFollowTheSelection() throws Exception {
        publish("tool", "1.0", new byte[] {1});
        Thread.sleep(5);
        publish("tool", "2.0", new byte[] {2, 2});
        viewModel.loadDomains();

        viewModel.selectedPackageProperty().set(viewModel.packages().getFirst());
        assertThat(viewModel.versions()).extracting(VersionInfo::version).containsExactly("2.0", "1.0");
        assertThat(viewModel.versions().getFirst().status()).isEqualTo("Published");

        viewModel.selectedVersionProperty().set(viewModel.versions().getFirst());
        assertThat(viewModel.assets()).extracting(AssetInfo::name, AssetInfo::size).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tool.bin", 2L));
    }

    @Test
    void aDownloadIsWrittenWhenItsHashMatches() throws Exception {
        byte[] content = "the bytes of the asset".getBytes();
        publish("tool", "1.0", content);
        viewModel.loadDomains();
        viewModel.selectedPackageProperty().set(viewModel.packages().getFirst());
        viewModel.selectedVersionProperty().set(viewModel.versions().getFirst());
        Path target = temp.resolve("downloaded.bin");

        viewModel.download(viewModel.assets().getFirst(), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(viewModel.downloadStatusProperty().get()).contains("SHA-256 checked");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void theDomainLastPickedIsPreselectedOnTheNextVisit() {
        embedded.gateway().createDomain("later", Optional.empty());
        DomainMemory memory = new DomainMemory(UserSettings.load(temp.resolve("config/settings.properties")), "local");
        viewModel.loadDomains();
        viewModel.domainProperty().set("later");

        PackagesViewModel next = new PackagesViewModel(embedded::gateway, ExecutorTaskRunner.sameThread(e -> { }),
                dialogs, memory);
        next.loadDomains();

        assertThat(next.domainProperty().get()).isEqualTo("later");
    }

    @Test
    void anEmptyRepositoryShowsTheEmptyState() {
        viewModel.loadDomains();

        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
        assertThat(viewModel.packages()).isEmpty();
    }

    @Test
    void packagesShowTheirOriginControls() throws Exception {
        publish("tool", "1.0", new byte[] {1});
        viewModel.loadDomains();

        PackageInfo tool = viewModel.packages().getFirst();
        assertThat(tool.display()).isEqualTo("ns/tool");
        assertThat(tool.publish()).isEqualTo("ALLOW");
        assertThat(tool.upstream()).isEqualTo("BLOCK");
    }
}
