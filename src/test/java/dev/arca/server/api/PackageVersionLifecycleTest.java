package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.arca.server.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.CopyPackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.DisposePackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.ListPackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionError;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionErrorCode;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.UpdatePackageVersionsStatusResponse;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** Status changes, dispose, delete, copy and listing, with the spec's batch error codes, through the SDK. */
class PackageVersionLifecycleTest extends ServerFixture {

    private static final String DOMAIN = "life";

    @BeforeEach
    void repositories() {
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("source"));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("destination"));
    }

    private String publish(String repo, String pkg, String version, byte[] content) throws Exception {
        String sha = PackagePublishTest.hash("SHA-256", content);
        return codeartifact.publishPackageVersion(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.GENERIC)
                .namespace("ns").packageValue(pkg).packageVersion(version).assetName("file.bin")
                .assetSHA256(sha), RequestBody.fromBytes(content))
                .versionRevision();
    }

    private UpdatePackageVersionsStatusResponse setStatus(String pkg, List<String> versions, PackageVersionStatus target,
                                                          PackageVersionStatus expected) {
        return codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue(pkg).versions(versions)
                .targetStatus(target).expectedStatus(expected));
    }

    private PackageVersionStatus status(String repo, String pkg, String version) {
        return codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.GENERIC)
                .namespace("ns").packageValue(pkg).packageVersion(version)).packageVersion().status();
    }

    private static PackageVersionError error(PackageVersionErrorCode code, String message) {
        return PackageVersionError.builder().errorCode(code).errorMessage(message).build();
    }

    @Test
    void statusMovesBetweenPublishedUnlistedAndArchivedWithNewRevisions() throws Exception {
        String published = publish("source", "tool", "1.0", new byte[] {1});

        UpdatePackageVersionsStatusResponse unlisted = setStatus("tool", List.of("1.0"), PackageVersionStatus.UNLISTED,
                null);
        assertThat(unlisted.successfulVersions().get("1.0").status()).isEqualTo(PackageVersionStatus.UNLISTED);
        assertThat(unlisted.successfulVersions().get("1.0").revision()).isNotEqualTo(published);
        setStatus("tool", List.of("1.0"), PackageVersionStatus.ARCHIVED, PackageVersionStatus.UNLISTED);
        assertThat(status("source", "tool", "1.0")).isEqualTo(PackageVersionStatus.ARCHIVED);
        setStatus("tool", List.of("1.0"), PackageVersionStatus.PUBLISHED, null);
        assertThat(status("source", "tool", "1.0")).isEqualTo(PackageVersionStatus.PUBLISHED);
    }

    @Test
    void unfinishedAndDisposedAreNeverTargets() throws Exception {
        publish("source", "tool", "1.0", new byte[] {1});

        assertThatThrownBy(() -> setStatus("tool", List.of("1.0"), PackageVersionStatus.UNFINISHED, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> setStatus("tool", List.of("1.0"), PackageVersionStatus.DISPOSED, null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aMismatchedStatusFailsThatVersionAndSkipsTheRest() throws Exception {
        publish("source", "tool", "4.0.0", new byte[] {1});
        publish("source", "tool", "4.0.1", new byte[] {2});
        setStatus("tool", List.of("4.0.1"), PackageVersionStatus.UNLISTED, null);

        UpdatePackageVersionsStatusResponse result = setStatus("tool", List.of("4.0.0", "4.0.1"),
                PackageVersionStatus.ARCHIVED, PackageVersionStatus.PUBLISHED);

        assertThat(result.successfulVersions()).isEmpty();
        assertThat(result.failedVersions()).containsExactly(
                Map.entry("4.0.0", error(PackageVersionErrorCode.SKIPPED, "version 4.0.0 is skipped")),
                Map.entry("4.0.1", error(PackageVersionErrorCode.MISMATCHED_STATUS,
                        "current status: Unlisted, expected status: Published")));
        assertThat(status("source", "tool", "4.0.0")).isEqualTo(PackageVersionStatus.PUBLISHED);
    }

    @Test
    void aMismatchedRevisionAndAMissingVersionAreReportedPerVersion() throws Exception {
        String revision = publish("source", "tool", "1.0", new byte[] {1});

        UpdatePackageVersionsStatusResponse result = codeartifact.updatePackageVersionsStatus(r -> r.domain(DOMAIN)
                .repository("source").format(PackageFormat.GENERIC).namespace("ns").packageValue("tool")
                .versions("1.0", "9.9").versionRevisions(Map.of("1.0", "STALE", "9.9", "X"))
                .targetStatus(PackageVersionStatus.UNLISTED));

        assertThat(result.failedVersions()).containsExactly(
                Map.entry("1.0", error(PackageVersionErrorCode.MISMATCHED_REVISION,
                        "current revision: " + revision + ", expected revision: STALE")),
                Map.entry("9.9", error(PackageVersionErrorCode.NOT_FOUND, "Could not find version 9.9")));
    }

    @Test
    void disposeRemovesTheAssetsAndTheirBytesButKeepsTheRecord() throws Exception {
        publish("source", "tool", "1.0", new byte[] {1, 2, 3});

        DisposePackageVersionsResponse result = codeartifact.disposePackageVersions(r -> r.domain(DOMAIN)
                .repository("source").format(PackageFormat.GENERIC).namespace("ns").packageValue("tool")
                .versions("1.0"));

        assertThat(result.successfulVersions().get("1.0").status()).isEqualTo(PackageVersionStatus.DISPOSED);
        assertThat(status("source", "tool", "1.0")).isEqualTo(PackageVersionStatus.DISPOSED);
        assertThat(codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("1.0")).assets())
                .isEmpty();
        assertThat(blobFiles()).isEmpty();
        assertThat(codeartifact.describeDomain(r -> r.domain(DOMAIN)).domain().assetSizeBytes()).isZero();
        assertThat(setStatus("tool", List.of("1.0"), PackageVersionStatus.PUBLISHED, null).failedVersions().get("1.0")
                .errorCode()).isEqualTo(PackageVersionErrorCode.NOT_ALLOWED);
        assertThatThrownBy(() -> codeartifact.getPackageVersionAssetAsBytes(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("1.0")
                .asset("file.bin"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void deletedVersionsAreGoneAndCanBePublishedAgain() throws Exception {
        publish("source", "tool", "1.0", new byte[] {1});

        var result = codeartifact.deletePackageVersions(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").versions("1.0"));

        assertThat(result.successfulVersions().get("1.0").statusAsString()).isEqualTo("Deleted");
        assertThatThrownBy(() -> status("source", "tool", "1.0")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(blobFiles()).isEmpty();
        publish("source", "tool", "1.0", new byte[] {2});
        assertThat(status("source", "tool", "1.0")).isEqualTo(PackageVersionStatus.PUBLISHED);
    }

    @Test
    void bytesSharedByTwoVersionsStayUntilTheLastOneGoes() throws Exception {
        publish("source", "tool", "1.0", new byte[] {7});
        publish("source", "tool", "1.1", new byte[] {7});
        assertThat(blobFiles()).hasSize(1);

        codeartifact.deletePackageVersions(r -> r.domain(DOMAIN).repository("source").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool").versions("1.0"));
        assertThat(blobFiles()).hasSize(1);

        codeartifact.deletePackage(r -> r.domain(DOMAIN).repository("source").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool"));
        assertThat(blobFiles()).isEmpty();
    }

    @Test
    void copySharesTheBytesAndReportsEachVersion() throws Exception {
        publish("source", "tool", "0.2.0", new byte[] {1});
        publish("source", "tool", "0.3.0", new byte[] {2});

        CopyPackageVersionsResponse copied = copy(List.of("0.2.0", "0.3.0"), false);

        assertThat(copied.successfulVersions()).containsOnlyKeys("0.2.0", "0.3.0");
        assertThat(copied.failedVersions()).isEmpty();
        assertThat(blobFiles()).hasSize(2);
        assertThat(codeartifact.getPackageVersionAssetAsBytes(r -> r.domain(DOMAIN).repository("destination")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("0.3.0")
                .asset("file.bin")).asByteArray()).containsExactly(2);
        CopyPackageVersionsResponse again = copy(List.of("0.2.0"), false);
        assertThat(again.successfulVersions()).as("identical copies are omitted").isEmpty();
        assertThat(again.failedVersions()).isEmpty();
    }

    @Test
    void copyIsAllOrNothingWithTheSpecsMessages() throws Exception {
        publish("source", "tool", "0.2.0", new byte[] {1});
        publish("source", "tool", "0.3.2", new byte[] {2});
        publish("destination", "tool", "0.3.2", new byte[] {3});

        CopyPackageVersionsResponse missing = copy(List.of("0.2.0", "5.6.7"), false);
        assertThat(missing.failedVersions()).containsExactly(
                Map.entry("0.2.0", error(PackageVersionErrorCode.SKIPPED, "Version 0.2.0 was skipped")),
                Map.entry("5.6.7", error(PackageVersionErrorCode.NOT_FOUND, "Could not find version 5.6.7")));

        CopyPackageVersionsResponse clash = copy(List.of("0.2.0", "0.3.2"), false);
        assertThat(clash.failedVersions().get("0.3.2"))
                .isEqualTo(error(PackageVersionErrorCode.ALREADY_EXISTS, "Version 0.3.2 already exists"));
        assertThatThrownBy(() -> status("destination", "tool", "0.2.0")).isInstanceOf(ResourceNotFoundException.class);

        assertThat(copy(List.of("0.2.0", "0.3.2"), true).successfulVersions()).containsOnlyKeys("0.2.0", "0.3.2");
        assertThat(codeartifact.getPackageVersionAssetAsBytes(r -> r.domain(DOMAIN).repository("destination")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").packageVersion("0.3.2")
                .asset("file.bin")).asByteArray()).containsExactly(2);
        assertThat(blobFiles()).as("the overwritten bytes were collected").hasSize(2);
    }

    @Test
    void copyNeedsEitherVersionsOrRevisions() {
        assertThatThrownBy(() -> codeartifact.copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository("source")
                .destinationRepository("destination").format(PackageFormat.GENERIC).namespace("ns")
                .packageValue("tool"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void copyFromUpstreamReachesVersionsTheSourceOnlySeesThroughItsUpstreams() throws Exception {
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository("team")
                .upstreams(u -> u.repositoryName("source")));
        publish("source", "tool", "1.0", new byte[] {1});

        assertThat(codeartifact.copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository("team")
                .destinationRepository("destination").format(PackageFormat.GENERIC).namespace("ns").packageValue("tool")
                .versions("1.0")).failedVersions().get("1.0").errorCode()).isEqualTo(PackageVersionErrorCode.NOT_FOUND);
        assertThat(codeartifact.copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository("team")
                .destinationRepository("destination").format(PackageFormat.GENERIC).namespace("ns").packageValue("tool")
                .versions("1.0").includeFromUpstream(true)).successfulVersions()).containsOnlyKeys("1.0");
    }

    @Test
    void versionsListAllStatusesFilterAndSortNewestFirst() throws Exception {
        publish("source", "tool", "1.0", new byte[] {1});
        Thread.sleep(5);
        publish("source", "tool", "2.0", new byte[] {2});
        Thread.sleep(5);
        publish("source", "tool", "1.5", new byte[] {3});
        setStatus("tool", List.of("1.5"), PackageVersionStatus.UNLISTED, null);

        ListPackageVersionsResponse all = codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool"));
        List<String> newest = codeartifact.listPackageVersionsPaginator(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").sortBy("PUBLISHED_TIME")
                .maxResults(1)).versions().stream().map(PackageVersionSummary::version).toList();
        List<String> unlisted = codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("tool").status(PackageVersionStatus.UNLISTED))
                .versions().stream().map(PackageVersionSummary::version).toList();

        assertThat(all.versions()).extracting(PackageVersionSummary::version).containsExactly("1.0", "1.5", "2.0");
        assertThat(all.defaultDisplayVersion()).isEqualTo("2.0");
        assertThat(newest).containsExactly("1.5", "2.0", "1.0");
        assertThat(unlisted).containsExactly("1.5");
    }

    @Test
    void packagesAreListedWithFiltersAndANamespaceNeedsAFormat() throws Exception {
        publish("source", "alpha", "1.0", new byte[] {1});
        publish("source", "beta", "1.0", new byte[] {2});
        codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("source")
                .format(PackageFormat.GENERIC).namespace("ns").packageValue("gamma")
                .restrictions(x -> x.publish("BLOCK").upstream("BLOCK")));

        assertThat(codeartifact.listPackagesPaginator(r -> r.domain(DOMAIN).repository("source").maxResults(1))
                .packages().stream().map(PackageSummary::packageValue).toList()).containsExactly("alpha", "beta", "gamma");
        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("source").packagePrefix("be"))
                .packages()).extracting(PackageSummary::packageValue).containsExactly("beta");
        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("source").publish("BLOCK"))
                .packages()).extracting(PackageSummary::packageValue).containsExactly("gamma");
        assertThatThrownBy(() -> codeartifact.listPackages(r -> r.domain(DOMAIN).repository("source").namespace("ns")))
                .isInstanceOf(ValidationException.class);

        for (String namespace : List.of("ns-extra", "other")) {
            codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("source")
                    .format(PackageFormat.GENERIC).namespace(namespace).packageValue("delta")
                    .restrictions(x -> x.publish("ALLOW").upstream("BLOCK")));
        }
        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("source").format(PackageFormat.GENERIC)
                .namespace("ns")).packages()).as("--namespace matches as a prefix, as the service model says")
                .extracting(PackageSummary::namespace, PackageSummary::packageValue).containsExactly(
                        tuple("ns", "alpha"), tuple("ns", "beta"), tuple("ns", "gamma"), tuple("ns-extra", "delta"));
        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository("source").format(PackageFormat.GENERIC)
                .namespace("ns-").packagePrefix("d")).packages()).extracting(PackageSummary::namespace)
                .containsExactly("ns-extra");
    }

    private CopyPackageVersionsResponse copy(List<String> versions, boolean overwrite) {
        return codeartifact.copyPackageVersions(r -> r.domain(DOMAIN).sourceRepository("source")
                .destinationRepository("destination").format(PackageFormat.GENERIC).namespace("ns").packageValue("tool")
                .versions(versions).allowOverwrite(overwrite));
    }

    private List<Path> blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dataDir.resolve("blobs/staging")))
                    .toList();
        }
    }
}
