package dev.arca.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.ActivityEntry;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.ui.common.ExecutorTaskRunner;
import dev.arca.ui.common.ListState;
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

/** The Activity page's ViewModel reading a real server's events and audit log; no JavaFX toolkit. */
class ActivityViewModelTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private ActivityViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedGateway(temp);
        viewModel = new ActivityViewModel(embedded::gateway, ExecutorTaskRunner.sameThread(e -> { }));
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    private void publish() throws Exception {
        embedded.gateway().createDomain("act", Optional.empty());
        embedded.gateway().createRepository("act", "repo", Optional.empty(), List.of());
        byte[] content = {1};
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try (CodeartifactClient client = CodeartifactClient.builder().endpointOverride(embedded.server().endpoint())
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        embedded.server().credentials().accessKeyId(),
                        embedded.server().credentials().secretAccessKey()))).build()) {
            client.publishPackageVersion(r -> r.domain("act").repository("repo").format("generic").namespace("ns")
                    .packageValue("tool").packageVersion("1.0").assetName("a.bin").assetSHA256(sha),
                    RequestBody.fromBytes(content));
        }
    }

    @Test
    void callsAndEventsArriveNewestFirst() throws Exception {
        publish();

        viewModel.poll();

        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.READY);
        List<String> whats = viewModel.entries().stream().map(ActivityEntry::what).toList();
        assertThat(whats).contains("CreateDomain", "CreateRepository", "PublishPackageVersion",
                "Created · Published");
        assertThat(viewModel.entries().stream().filter(e -> e.kind().equals("event")).findFirst().orElseThrow()
                .subject()).isEqualTo("act/repo · generic ns/tool 1.0");
        assertThat(viewModel.entries()).isSortedAccordingTo((a, b) -> b.time().compareTo(a.time()));
    }

    @Test
    void pollingAgainAddsOnlyWhatIsNew() throws Exception {
        publish();
        viewModel.poll();
        int before = viewModel.entries().size();

        embedded.gateway().createDomain("later", Optional.empty());
        // The server audits a call after answering it: poll until it shows (polling again must not repeat entries).
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            Thread.sleep(20);
            viewModel.poll();
        } while (viewModel.entries().size() == before && System.nanoTime() < deadline);

        List<String> whats = viewModel.entries().stream().map(ActivityEntry::what).toList();
        assertThat(whats.stream().filter("CreateDomain"::equals)).hasSize(2);
        // Reading the activity is not itself audited: only the new CreateDomain call appears.
        assertThat(viewModel.entries()).hasSize(before + 1);
    }

    @Test
    void kindAndTextFiltersNarrowTheList() throws Exception {
        publish();
        viewModel.poll();

        viewModel.showProperty().set(ActivityViewModel.Show.EVENTS);
        assertThat(viewModel.entries()).extracting(ActivityEntry::kind).containsOnly("event");

        viewModel.showProperty().set(ActivityViewModel.Show.CALLS);
        viewModel.filterProperty().set("createrepo");
        assertThat(viewModel.entries()).extracting(ActivityEntry::what).containsExactly("CreateRepository");
    }

    @Test
    void aQuietServerShowsTheEmptyState() {
        viewModel.poll();

        assertThat(viewModel.stateProperty().get()).isEqualTo(ListState.EMPTY);
    }
}
