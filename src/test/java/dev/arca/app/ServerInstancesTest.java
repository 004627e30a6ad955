package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.server.LocalServer;
import dev.arca.server.NpmPublishes;
import dev.arca.server.NpmTarballs;
import dev.arca.server.StandInNpmRegistry;
import dev.arca.server.store.s3.MotoServer;
import dev.arca.server.store.sql.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.RepositorySummary;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two servers on one PostgreSQL database and one S3 prefix (a real PostgreSQL 15 and a real moto S3) serve one set of
 * domains: what one writes, the other serves at once — its cached documents and look-ups included — and tokens,
 * access keys and the root credentials work on both.
 */
class ServerInstancesTest {

    private static final String BUCKET = "arca-two-instances";
    private static final String ACCESS_KEY_ID = "AKIATWOINSTANCESTEST";
    private static final String SECRET = "a-root-secret-both-instances-share";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> AWS_PROPERTIES = List.of("aws.endpointUrlS3", "aws.accessKeyId",
            "aws.secretAccessKey", "aws.region");

    private static int prefixes;

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private StandInNpmRegistry publicRegistry;
    private String blobPrefix;
    private LocalServer first;
    private LocalServer second;
    private CodeartifactClient viaFirst;
    private CodeartifactClient viaSecond;

    /** The servers run in this JVM, so their S3 client takes moto's settings from system properties. */
    @BeforeAll
    static void pointS3AtMoto() {
        MotoServer moto = MotoServer.shared();
        try (S3Client s3 = moto.client()) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
        System.setProperty("aws.endpointUrlS3", moto.endpoint().toString());
        System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", MotoServer.SECRET_ACCESS_KEY);
        System.setProperty("aws.region", MotoServer.REGION);
    }

    @AfterAll
    static void forgetMoto() {
        AWS_PROPERTIES.forEach(System::clearProperty);
    }

    @BeforeEach
    void startTwoInstances() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.url(postgres.createDatabase());
        publicRegistry = StandInNpmRegistry.start();
        blobPrefix = "team-" + (++prefixes);
        String blobs = "s3://" + BUCKET + "/" + blobPrefix;
        first = start(url, blobs, "first");
        second = start(url, blobs, "second");
        viaFirst = codeartifact(first, rootCredentials(first));
        viaSecond = codeartifact(second, rootCredentials(second));
    }

    @AfterEach
    void stop() {
        viaFirst.close();
        viaSecond.close();
        first.close();
        second.close();
        publicRegistry.close();
    }

    private LocalServer start(String url, String blobs, String name) throws Exception {
        ServerCommand command = new ServerCommand(Map.of("ARCA_DB_USER", PostgresServer.USER, "ARCA_DB_PASSWORD",
                PostgresServer.PASSWORD, "ARCA_ACCESS_KEY_ID", ACCESS_KEY_ID, "ARCA_SECRET_ACCESS_KEY", SECRET));
        new CommandLine(command).parseArgs("--port", "0", "--data", temp.resolve(name).toString(), "--metadata", url,
                "--blobs", blobs, "--external", "public:npmjs=" + publicRegistry.url());
        return LocalServer.start(command.config());
    }

    @Test
    void whatOneInstanceWritesTheOtherServesAtOnceCachedDocumentsIncluded() throws Exception {
        viaFirst.createDomain(r -> r.domain("acme"));
        viaFirst.createRepository(r -> r.domain("acme").repository("web"));
        assertThat(viaSecond.listRepositoriesInDomain(r -> r.domain("acme")).repositories())
                .extracting(RepositorySummary::name).containsExactly("web");

        String token = viaFirst.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
        String npmOnFirst = npmEndpoint(viaFirst);
        String npmOnSecond = npmEndpoint(viaSecond);
        assertThat(npmOnSecond).startsWith(second.endpoint().toString());

        publish(npmOnFirst, token, "left-pad", "1.0.0");
        assertThat(versions(get(npmOnSecond + "left-pad", token))).containsExactly("1.0.0");

        byte[] tarball = publish(npmOnFirst, token, "left-pad", "1.1.0");
        JsonNode packument = JSON.readTree(get(npmOnSecond + "left-pad", token).body());
        assertThat(versions(packument)).containsExactly("1.0.0", "1.1.0");
        assertThat(packument.path("dist-tags").path("latest").asText()).isEqualTo("1.1.0");
        HttpResponse<byte[]> download = get(npmOnSecond + "left-pad/-/left-pad-1.1.0.tgz", token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(tarball);

        viaFirst.updatePackageVersionsStatus(r -> r.domain("acme").repository("web").format(PackageFormat.NPM)
                .packageValue("left-pad").versions("1.1.0").targetStatus(PackageVersionStatus.UNLISTED));
        assertThat(versions(get(npmOnSecond + "left-pad", token))).containsExactly("1.0.0");
        assertThat(viaSecond.describePackageVersion(r -> r.domain("acme").repository("web").format(PackageFormat.NPM)
                .packageValue("left-pad").packageVersion("1.1.0")).packageVersion().status())
                .isEqualTo(PackageVersionStatus.UNLISTED);

        viaSecond.deleteRepository(r -> r.domain("acme").repository("web"));
        assertThat(get(npmOnFirst + "left-pad", token).statusCode()).isEqualTo(404);
    }

    @Test
    void tokensAndAccessKeysFromOneInstanceWorkOnTheOtherUntilRevokedThere() throws Exception {
        assertThat(second.credentials()).isEqualTo(first.credentials());
        viaFirst.createDomain(r -> r.domain("acme"));
        viaFirst.createRepository(r -> r.domain("acme").repository("web"));
        String npmOnFirst = npmEndpoint(viaFirst);
        String npmOnSecond = npmEndpoint(viaSecond);
        String fromFirst = viaFirst.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
        String fromSecond = viaSecond.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
        publish(npmOnSecond, fromFirst, "left-pad", "1.0.0");
        assertThat(get(npmOnFirst + "left-pad", fromSecond).statusCode()).isEqualTo(200);

        AccessKey key;
        try (IamClient iam = iam(first)) {
            iam.createUser(r -> r.userName("ci"));
            iam.putUserPolicy(r -> r.userName("ci").policyName("read").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"codeartifact:*\",\"Resource\":\"*\"}]}"));
            key = iam.createAccessKey(r -> r.userName("ci")).accessKey();
        }
        try (CodeartifactClient asCi = codeartifact(second, AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey()))) {
            assertThat(asCi.listDomains(r -> { }).domains()).hasSize(1);
            try (IamClient iam = iam(first)) {
                iam.updateAccessKey(r -> r.userName("ci").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
            }
            assertThatThrownBy(() -> asCi.listDomains(r -> { })).hasMessageContaining("403");
        }

        first.rotateTokenSecret();
        assertThat(get(npmOnSecond + "left-pad", fromFirst).statusCode()).isEqualTo(401);
        assertThat(get(npmOnSecond + "left-pad", fromSecond).statusCode()).isEqualTo(401);
        String afterRotation = viaSecond.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();
        assertThat(get(npmOnFirst + "left-pad", afterRotation).statusCode()).isEqualTo(200);
    }

    @Test
    void aPublicVersionFetchedThroughBothInstancesAtOnceIsStoredOnce() throws Exception {
        byte[] tarball = NpmTarballs.pack("is-odd", "3.0.1", Map.of(), "'odd'");
        publicRegistry.add("is-odd", "3.0.1", tarball, Map.of());
        publicRegistry.delayTarballs(500);
        viaFirst.createDomain(r -> r.domain("acme"));
        viaFirst.createRepository(r -> r.domain("acme").repository("web"));
        viaFirst.associateExternalConnection(r -> r.domain("acme").repository("web")
                .externalConnection("public:npmjs"));
        String token = viaFirst.getAuthorizationToken(r -> r.domain("acme")).authorizationToken();

        List<CompletableFuture<HttpResponse<byte[]>>> both = new ArrayList<>();
        for (String registry : List.of(npmEndpoint(viaFirst), npmEndpoint(viaSecond))) {
            both.add(http.sendAsync(HttpRequest.newBuilder(URI.create(registry + "is-odd/-/is-odd-3.0.1.tgz"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> download : both) {
            assertThat(download.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(download.get().body()).isEqualTo(tarball);
        }

        assertThat(viaSecond.listPackageVersions(r -> r.domain("acme").repository("web").format(PackageFormat.NPM)
                .packageValue("is-odd")).versions()).singleElement()
                .satisfies(v -> assertThat(v.version()).isEqualTo("3.0.1"));
        assertThat(viaFirst.listPackageVersionAssets(r -> r.domain("acme").repository("web").format(PackageFormat.NPM)
                .packageValue("is-odd").packageVersion("3.0.1")).assets()).hasSize(1);
        try (S3Client s3 = MotoServer.shared().client()) {
            assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(blobPrefix + "/")).contents())
                    .as("one blob").hasSize(1);
        }
    }

    private String npmEndpoint(CodeartifactClient sdk) {
        return sdk.getRepositoryEndpoint(r -> r.domain("acme").repository("web").format(PackageFormat.NPM))
                .repositoryEndpoint();
    }

    /** What {@code npm publish} sends for one version; returns the tarball. */
    private byte[] publish(String registry, String token, String name, String version) throws Exception {
        byte[] tarball = NpmTarballs.pack(name, version, Map.of(), "'" + name + "@" + version + "'");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(registry + name))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(NpmPublishes.document(registry, name, version, tarball))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("publish of %s@%s", name, version).isEqualTo(201);
        return tarball;
    }

    private HttpResponse<byte[]> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> versions(HttpResponse<byte[]> packument) throws Exception {
        assertThat(packument.statusCode()).isEqualTo(200);
        return versions(JSON.readTree(packument.body()));
    }

    private static List<String> versions(JsonNode packument) {
        List<String> out = new ArrayList<>();
        packument.path("versions").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static AwsCredentials rootCredentials(LocalServer server) {
        return AwsBasicCredentials.create(server.credentials().accessKeyId(), server.credentials().secretAccessKey());
    }

    private static CodeartifactClient codeartifact(LocalServer server, AwsCredentials credentials) {
        return CodeartifactClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static IamClient iam(LocalServer server) {
        return IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(rootCredentials(server)))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
