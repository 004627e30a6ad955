package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import dev.arca.server.TestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.GetPackageVersionAssetResponse;
import software.amazon.awssdk.services.codeartifact.model.HashAlgorithm;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionOriginType;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PublishPackageVersionResponse;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** Generic publishing and reading back through the real AWS SDK. */
class PackagePublishTest extends ServerFixture {

    static final String DOMAIN = "pkgs";
    static final String REPO = "repo";

    @BeforeEach
    void repository() {
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository(REPO));
    }

    static String hash(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    PublishPackageVersionResponse publish(String repo, String pkg, String version, String asset, byte[] content,
                                          boolean unfinished) throws Exception {
        String sha = hash("SHA-256", content);
        return codeartifact.publishPackageVersion(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.GENERIC)
                .namespace("team").packageValue(pkg).packageVersion(version).assetName(asset).assetSHA256(sha)
                .unfinished(unfinished), RequestBody.fromBytes(content));
    }

    byte[] download(String repo, String pkg, String version, String asset) {
        ResponseBytes<GetPackageVersionAssetResponse> bytes = codeartifact.getPackageVersionAssetAsBytes(r -> r
                .domain(DOMAIN).repository(repo).format(PackageFormat.GENERIC).namespace("team").packageValue(pkg)
                .packageVersion(version).asset(asset));
        return bytes.asByteArray();
    }

    @Test
    void aPublishedAssetReadsBackByteForByteWithItsHashes() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);

        PublishPackageVersionResponse published = publish(REPO, "tool", "1.0.0", "tool.tar.gz", content, false);

        assertThat(published.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(published.asset().size()).isEqualTo(content.length);
        assertThat(published.asset().hashes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                HashAlgorithm.MD5, hash("MD5", content), HashAlgorithm.SHA_1, hash("SHA-1", content),
                HashAlgorithm.SHA_256, hash("SHA-256", content), HashAlgorithm.SHA_512, hash("SHA-512", content)));
        assertThat(download(REPO, "tool", "1.0.0", "tool.tar.gz")).isEqualTo(content);
        ResponseBytes<GetPackageVersionAssetResponse> response = codeartifact.getPackageVersionAssetAsBytes(r -> r
                .domain(DOMAIN).repository(REPO).format(PackageFormat.GENERIC).namespace("team").packageValue("tool")
                .packageVersion("1.0.0").asset("tool.tar.gz"));
        assertThat(response.response().assetName()).isEqualTo("tool.tar.gz");
        assertThat(response.response().packageVersionRevision()).isEqualTo(published.versionRevision());
    }

    @Test
    void theVersionDescribesItsOriginAndTheDomainCountsItsBytes() throws Exception {
        publish(REPO, "tool", "1.0.0", "a.bin", "hello".getBytes(StandardCharsets.UTF_8), false);

        PackageVersionDescription version = codeartifact.describePackageVersion(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.GENERIC).namespace("team").packageValue("tool").packageVersion("1.0.0"))
                .packageVersion();

        assertThat(version.packageName()).isEqualTo("tool");
        assertThat(version.namespace()).isEqualTo("team");
        assertThat(version.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(version.origin().originType()).isEqualTo(PackageVersionOriginType.INTERNAL);
        assertThat(version.origin().domainEntryPoint().repositoryName()).isEqualTo(REPO);
        assertThat(codeartifact.describeDomain(r -> r.domain(DOMAIN)).domain().assetSizeBytes()).isEqualTo(5);
    }

    @Test
    void unfinishedVersionsCollectAssetsUntilTheLastOnePublishesThem() throws Exception {
        assertThat(publish(REPO, "multi", "2.0", "one.bin", new byte[] {1}, true).status())
                .isEqualTo(PackageVersionStatus.UNFINISHED);
        assertThat(publish(REPO, "multi", "2.0", "two.bin", new byte[] {2}, false).status())
                .isEqualTo(PackageVersionStatus.PUBLISHED);

        List<String> assets = codeartifact.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.GENERIC).namespace("team").packageValue("multi").packageVersion("2.0"))
                .assets().stream().map(AssetSummary::name).toList();
        assertThat(assets).containsExactly("one.bin", "two.bin");
    }

    @Test
    void republishingIdenticalBytesIsIdempotentAndDifferentBytesAConflict() throws Exception {
        String revision = publish(REPO, "tool", "1.0", "a.bin", new byte[] {1, 2, 3}, false).versionRevision();

        assertThat(publish(REPO, "tool", "1.0", "a.bin", new byte[] {1, 2, 3}, false).versionRevision())
                .isEqualTo(revision);
        assertThatThrownBy(() -> publish(REPO, "tool", "1.0", "a.bin", new byte[] {9}, false))
                .isInstanceOf(ConflictException.class);
        assertThat(download(REPO, "tool", "1.0", "a.bin")).containsExactly(1, 2, 3);
    }

    @Test
    void bytesThatDoNotMatchTheirDeclaredHashStoreNothing() throws Exception {
        // The SDK always declares the hash of what it sends, so sign for one body and send another.
        URI uri = URI.create(server.endpoint() + "/v1/package/version/publish?domain=" + DOMAIN + "&repository=" + REPO
                + "&format=generic&namespace=team&package=tool&version=1.0&asset=a.bin");
        HttpRequest.Builder request = TestSigner.signed("POST", uri, server.credentials().accessKeyId(),
                server.credentials().secretAccessKey(), ContentStreamProvider.fromUtf8String("declared"))
                .POST(HttpRequest.BodyPublishers.ofString("actual"));

        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
        assertThat(response.body()).contains("does not match");
        assertThatThrownBy(() -> codeartifact.describePackage(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.GENERIC).namespace("team").packageValue("tool")))
                .isInstanceOf(ResourceNotFoundException.class);
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void pathLikeOrControlCharacterNamesAreRefused() {
        for (String[] bad : new String[][] {{"..", "1.0", "a.bin"}, {"tool", "..", "a.bin"}, {"tool", "1.0", ".."},
            {"tool", "1.0", "dir/a.bin"}, {"tool", "1.0", "a\u0007.bin"}, {"to\u0000ol", "1.0", "a.bin"},
            {"tool", "1.0", "a\\b.bin"}}) {
            assertThatThrownBy(() -> publish(REPO, bad[0], bad[1], bad[2], new byte[] {1}, false))
                    .as(String.join(" | ", bad)).isInstanceOf(ValidationException.class);
        }
        assertThat(codeartifact.listPackages(r -> r.domain(DOMAIN).repository(REPO)).packages()).isEmpty();
    }

    @Test
    void onlyGenericPackagesArePublishedThroughTheApi() {
        assertThatThrownBy(() -> codeartifact.publishPackageVersion(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue("left-pad").packageVersion("1.0.0").assetName("package.tgz")
                .assetSHA256(hash0()), RequestBody.fromBytes(new byte[0]))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aPackageWhosePublishIsBlockedRefusesNewVersions() throws Exception {
        codeartifact.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.GENERIC)
                .namespace("team").packageValue("locked").restrictions(x -> x.publish("BLOCK").upstream("ALLOW")));

        assertThatThrownBy(() -> publish(REPO, "locked", "1.0", "a.bin", new byte[] {1}, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(codeartifact.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.GENERIC).namespace("team").packageValue("locked")).versions()).isEmpty();
    }

    @Test
    void firstPublishSetsTheDirectPublishingDefaults() throws Exception {
        publish(REPO, "tool", "1.0", "a.bin", new byte[] {1}, false);

        var restrictions = codeartifact.describePackage(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.GENERIC).namespace("team").packageValue("tool"))
                .packageValue().originConfiguration().restrictions();
        assertThat(restrictions.publishAsString()).isEqualTo("ALLOW");
        assertThat(restrictions.upstreamAsString()).isEqualTo("BLOCK");
    }

    @Test
    void bytesSurviveARestartAndAreEncryptedAtRest() throws Exception {
        byte[] content = "a recognisable plaintext marker 0123456789".repeat(100).getBytes(StandardCharsets.UTF_8);
        publish(REPO, "tool", "1.0", "a.txt", content, false);

        restart();

        assertThat(download(REPO, "tool", "1.0", "a.txt")).isEqualTo(content);
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .doesNotContain("recognisable plaintext");
            }
        }
    }

    private static String hash0() {
        try {
            return hash("SHA-256", new byte[0]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
