package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerConfig;
import dev.arca.server.ServerFixture;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionErrorCode;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.codeartifact.model.UpdatePackageVersionsStatusResponse;

/** The asset quotas, and many clients changing one package at once. */
class PackageLimitsAndConcurrencyTest extends ServerFixture {

    @Override
    protected ServerConfig config() {
        return super.config().withMaxAssetBytes(100_000);
    }

    @BeforeEach
    void repository() {
        codeartifact.createDomain(r -> r.domain("busy"));
        codeartifact.createRepository(r -> r.domain("busy").repository("repo"));
    }

    private void publish(String version, String asset, byte[] content, boolean unfinished) throws Exception {
        String sha = PackagePublishTest.hash("SHA-256", content);
        codeartifact.publishPackageVersion(r -> r.domain("busy").repository("repo").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool").packageVersion(version).assetName(asset).assetSHA256(sha)
                .unfinished(unfinished), RequestBody.fromBytes(content));
    }

    @Test
    void anAssetOverTheConfiguredLimitExceedsTheQuotaAndStoresNothing() throws Exception {
        assertThatThrownBy(() -> publish("1.0", "big.bin", new byte[100_001], false))
                .isInstanceOf(ServiceQuotaExceededException.class);
        try (Stream<java.nio.file.Path> files = Files.walk(dataDir.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
        publish("1.0", "fits.bin", new byte[100_000], false);
    }

    @Test
    void aVersionHoldsAtMostAHundredAssets() throws Exception {
        for (int i = 0; i < 100; i++) {
            publish("1.0", "asset-" + i, new byte[] {(byte) i}, true);
        }

        assertThatThrownBy(() -> publish("1.0", "asset-100", new byte[] {1}, false))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    @Test
    void parallelPublishesOfDifferentAssetsToOneVersionAllLand() throws Exception {
        List<Callable<Void>> uploads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            uploads.add(() -> {
                publish("2.0", "part-" + n, ("part " + n).getBytes(), true);
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> f : pool.invokeAll(uploads)) {
                f.get();
            }
        }

        List<String> assets = codeartifact.listPackageVersionAssets(r -> r.domain("busy").repository("repo")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("2.0"))
                .assets().stream().map(AssetSummary::name).toList();
        assertThat(assets).hasSize(24);
    }

    @Test
    void concurrentStatusChangesGuardedByTheSameRevisionLetExactlyOneWin() throws Exception {
        publish("3.0", "a.bin", new byte[] {1}, false);
        String revision = codeartifact.describePackageVersion(r -> r.domain("busy").repository("repo")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("3.0"))
                .packageVersion().revision();

        List<Callable<UpdatePackageVersionsStatusResponse>> changes = new ArrayList<>();
        for (PackageVersionStatus target : List.of(PackageVersionStatus.UNLISTED, PackageVersionStatus.ARCHIVED,
                PackageVersionStatus.UNLISTED, PackageVersionStatus.ARCHIVED, PackageVersionStatus.UNLISTED,
                PackageVersionStatus.ARCHIVED)) {
            changes.add(() -> codeartifact.updatePackageVersionsStatus(r -> r.domain("busy").repository("repo")
                    .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").versions("3.0")
                    .versionRevisions(java.util.Map.of("3.0", revision)).targetStatus(target)));
        }
        List<UpdatePackageVersionsStatusResponse> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<UpdatePackageVersionsStatusResponse> f : pool.invokeAll(changes)) {
                results.add(f.get());
            }
        }

        assertThat(results.stream().filter(r -> r.successfulVersions().containsKey("3.0")).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> r.failedVersions().containsKey("3.0"))
                .map(r -> r.failedVersions().get("3.0").errorCode()))
                .hasSize(5).containsOnly(PackageVersionErrorCode.MISMATCHED_REVISION);
    }
}
