package dev.arca.server.service;

import static dev.arca.server.service.ServerServices.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackageLifecycle.BatchResult;
import dev.arca.server.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Packages} promises below HTTP, on a real store and blob directory: publishing stores exactly the
 * bytes it hashed or nothing, batch writes are all-or-nothing and guarded by status and revision, disposed and
 * deleted versions give their bytes back, and copies cost no bytes.
 */
class PackagesTest {

    private static final Optional<String> OWNER = Optional.empty();
    private static final PackageRef TOOL = new PackageRef(PackageFormat.GENERIC, "tools", "cli");

    @TempDir
    Path dir;

    private ServerServices services;
    private GenericPublishing generic;
    private PackageReads reads;
    private PackageLifecycle lifecycle;

    @BeforeEach
    void open() {
        services = new ServerServices(dir);
        generic = services.packages.generic();
        reads = services.packages.reads();
        lifecycle = services.packages.lifecycle();
        services.domains.create(ROOT, "acme", Optional.empty(), List.of());
        services.repositories.create(ROOT, OWNER, "acme", "dev", Optional.empty(), List.of(), List.of());
        services.repositories.create(ROOT, OWNER, "acme", "prod", Optional.empty(), List.of(), List.of());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aPublishedAssetReadsBackByteForByteAndAWrongHashStoresNothing() throws Exception {
        publish("dev", "1.0.0", "cli.tar.gz", "first build");
        PackageReads.OpenAsset asset = open("dev", "1.0.0", "cli.tar.gz");
        assertThat(read(asset)).isEqualTo("first build");
        assertThat(asset.size()).isEqualTo("first build".length());

        assertThatThrownBy(() -> generic.publish(ROOT, OWNER, "acme", "dev", TOOL, "2.0.0", "cli.tar.gz",
                sha256("what was declared"), false, stream("what was sent")))
                .isInstanceOf(ApiException.class).hasMessageContaining("does not match");
        assertThat(versions("dev", Optional.empty())).containsExactly("1.0.0");
        assertThat(services.blobs.list()).hasSize(1);
    }

    @Test
    void theStartUpSweepRemovesOnlyUnrecordedBlobsWrittenBeforeTheCutoff() throws Exception {
        publish("dev", "1.0.0", "a.bin", "recorded");
        long domainId = services.store.read(tx -> tx.domains().find(ServerServices.ACCOUNT, "acme").orElseThrow().id());
        try (BlobStore.StagedBlob orphan = services.blobs.stage(stream("left by a crash"), 1_000, new byte[32])) {
            services.blobs.commit(domainId, orphan);
        }
        assertThat(services.blobs.list()).hasSize(2);

        assertThat(services.assets.sweepUnrecordedFiles(services.store, Instant.now().minusSeconds(3_600)))
                .as("written within the grace period: maybe a publish in flight").isZero();
        assertThat(services.blobs.list()).hasSize(2);

        assertThat(services.assets.sweepUnrecordedFiles(services.store, Instant.now().plusSeconds(60))).isOne();
        assertThat(services.blobs.list()).hasSize(1);
        assertThat(read(open("dev", "1.0.0", "a.bin"))).isEqualTo("recorded");
    }

    @Test
    void aStatusChangeGuardedByTheStatusSeenTouchesNothingWhenAVersionMovedMeanwhile() {
        publish("dev", "1.0.0", "a.bin", "one");
        publish("dev", "1.1.0", "a.bin", "two");
        lifecycle.updateStatus(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.1.0"), Map.of(), Optional.empty(),
                VersionStatus.UNLISTED);

        BatchResult refused = lifecycle.updateStatus(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.0.0", "1.1.0"),
                Map.of(), Optional.of(VersionStatus.PUBLISHED), VersionStatus.ARCHIVED);

        assertThat(refused.successful()).isEmpty();
        assertThat(refused.failed().get("1.1.0").errorCode()).isEqualTo("MISMATCHED_STATUS");
        assertThat(refused.failed().get("1.1.0").errorMessage())
                .isEqualTo("current status: Unlisted, expected status: Published");
        assertThat(refused.failed().get("1.0.0").errorCode()).isEqualTo("SKIPPED");
        assertThat(versions("dev", Optional.of(VersionStatus.PUBLISHED))).containsExactly("1.0.0");
        assertThat(versions("dev", Optional.of(VersionStatus.UNLISTED))).containsExactly("1.1.0");
    }

    @Test
    void archivedVersionsCannotBeDownloadedAndDisposedOnesNoLongerChangeStatus() throws IOException {
        publish("dev", "1.0.0", "a.bin", "bytes");
        lifecycle.updateStatus(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.0.0"), Map.of(), Optional.empty(),
                VersionStatus.ARCHIVED);
        assertThatThrownBy(() -> open("dev", "1.0.0", "a.bin")).isInstanceOf(ApiException.class)
                .hasMessage("Assets of version 1.0.0 cannot be downloaded while it is Archived");

        BatchResult disposed = lifecycle.dispose(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.0.0"), Map.of(),
                Optional.of(VersionStatus.ARCHIVED));
        assertThat(disposed.successful().get("1.0.0").status()).isEqualTo(VersionStatus.DISPOSED);
        assertThat(services.blobs.list()).isEmpty();

        BatchResult restore = lifecycle.updateStatus(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.0.0"), Map.of(),
                Optional.empty(), VersionStatus.PUBLISHED);
        assertThat(restore.failed().get("1.0.0").errorCode()).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void aStatusARequestMayNotNameIsAValidationError() {
        assertThat(PackageLifecycle.status("Unlisted")).isEqualTo(VersionStatus.UNLISTED);
        assertThatThrownBy(() -> PackageLifecycle.status("Deleted")).isInstanceOf(ApiException.class)
                .hasMessage("Status Deleted is not one of [Archived, Disposed, Published, Unfinished, Unlisted]");
        assertThatThrownBy(() -> lifecycle.updateStatus(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.0.0"), Map.of(),
                Optional.empty(), VersionStatus.DISPOSED)).isInstanceOf(ApiException.class)
                .hasMessageContaining("use DisposePackageVersions");
    }

    @Test
    void aCopyRecordsTheSameBlobsAndRefusesToOverwriteUnlessAsked() throws IOException {
        publish("dev", "1.0.0", "a.bin", "release candidate");
        long bytes = domainBytes();

        BatchResult copied = lifecycle.copy(ROOT, OWNER, "acme", "dev", "prod", TOOL, List.of("1.0.0"), Map.of(),
                false, false);
        assertThat(copied.successful()).containsOnlyKeys("1.0.0");
        assertThat(domainBytes()).isEqualTo(bytes);
        assertThat(services.blobs.list()).hasSize(1);
        assertThat(read(open("prod", "1.0.0", "a.bin"))).isEqualTo("release candidate");

        publish("dev", "1.0.0", "b.bin", "a second file");
        BatchResult again = lifecycle.copy(ROOT, OWNER, "acme", "dev", "prod", TOOL, List.of("1.0.0"), Map.of(),
                false, false);
        assertThat(again.failed().get("1.0.0").errorCode()).isEqualTo("ALREADY_EXISTS");
        assertThat(lifecycle.copy(ROOT, OWNER, "acme", "dev", "prod", TOOL, List.of("1.0.0"), Map.of(), true, false)
                .successful()).containsOnlyKeys("1.0.0");
    }

    @Test
    void deletingTheLastVersionsThatHoldABlobRemovesItsFile() {
        publish("dev", "1.0.0", "a.bin", "shared bytes");
        lifecycle.copy(ROOT, OWNER, "acme", "dev", "prod", TOOL, List.of("1.0.0"), Map.of(), false, false);

        lifecycle.delete(ROOT, OWNER, "acme", "dev", TOOL, List.of("1.0.0"), Optional.empty());
        assertThat(listBlobs()).hasSize(1);
        lifecycle.delete(ROOT, OWNER, "acme", "prod", TOOL, List.of("1.0.0"), Optional.of(VersionStatus.PUBLISHED));
        assertThat(listBlobs()).isEmpty();
        assertThat(domainBytes()).isZero();
    }

    private void publish(String repository, String version, String asset, String content) {
        generic.publish(ROOT, OWNER, "acme", repository, TOOL, version, asset, sha256(content), false,
                stream(content));
    }

    private PackageReads.OpenAsset open(String repository, String version, String asset) {
        return reads.openAsset(ROOT, OWNER, "acme", repository, TOOL, version, asset, Optional.empty());
    }

    private static String read(PackageReads.OpenAsset asset) throws IOException {
        try (InputStream in = asset.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> versions(String repository, Optional<VersionStatus> status) {
        return reads.listVersions(ROOT, OWNER, "acme", repository, TOOL, status, Optional.empty(), false,
                Optional.empty(), Optional.empty()).versions().stream().map(VersionRow::version).toList();
    }

    private long domainBytes() {
        return services.store.read(tx -> tx.assets().domainBytes(
                tx.domains().find(ServerServices.ACCOUNT, "acme").orElseThrow().id()));
    }

    private List<?> listBlobs() {
        try {
            return services.blobs.list();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
