package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.arca.server.ServerFixture;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Connections made the way the AWS CLI makes them — profiles of a config and credentials pair, in temporary files,
 * never the real home — against a real local server that the profile's {@code endpoint_url} points to.
 */
class AwsProfileConnectionTest extends ServerFixture {

    private static final String STS_ENDPOINT_PROPERTY = "aws.endpointUrlSts";
    private static final String CODEARTIFACT_ENDPOINT_PROPERTY = "aws.endpointUrlCodeartifact";

    @TempDir
    Path aws;

    private Path config;
    private Path credentials;
    private ClientFactory clients;

    @BeforeEach
    void files() throws Exception {
        config = aws.resolve("config");
        credentials = aws.resolve("credentials");
        Files.writeString(credentials, """
                [team]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(server.credentials().accessKeyId(), server.credentials().secretAccessKey()));
        Files.writeString(config, """
                [default]
                region = us-west-2

                [profile team]
                region = eu-west-1
                endpoint_url = %s

                [profile deploy]
                role_arn = arn:aws:iam::123456789012:role/deploy
                source_profile = team
                region = eu-west-1
                endpoint_url = %s

                [profile sso-dev]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = Developer
                region = ap-southeast-2

                [sso-session corp]
                sso_region = us-east-1
                sso_start_url = https://corp.example/start

                [profile tool]
                credential_process = /usr/local/bin/issue-keys
                """.formatted(server.endpoint(), server.endpoint()));
        clients = new ClientFactory(new AwsSharedConfig(config, credentials));
        codeartifact.createDomain(r -> r.domain("platform"));
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void profilesAreListedDefaultFirstWithHowTheyGetCredentialsAndTheirRegion() {
        assertThat(new AwsSharedConfig(config, credentials).profiles()).containsExactly(
                new AwsProfile("default", "no credentials", Optional.of("us-west-2")),
                new AwsProfile("deploy", "assumes role arn:aws:iam::123456789012:role/deploy via profile team",
                        Optional.of("eu-west-1")),
                new AwsProfile("sso-dev", "IAM Identity Center (SSO)", Optional.of("ap-southeast-2")),
                new AwsProfile("team", "access keys", Optional.of("eu-west-1")),
                new AwsProfile("tool", "credential process", Optional.empty()));
    }

    @Test
    void missingFilesMeanNoProfiles() {
        assertThat(new AwsSharedConfig(aws.resolve("none"), aws.resolve("neither")).profiles()).isEmpty();
    }

    @Test
    void anAwsProfileReachesTheServerItsEndpointUrlNames() throws Exception {
        try (CodeArtifactGateway gateway = clients.open(aws("team", "eu-west-1"), Optional.empty())) {
            assertThat(gateway.profile().endpoint()).isEqualTo(server.endpoint());
            assertThat(gateway.listDomains()).extracting(d -> d.name()).containsExactly("platform");
            assertThat(gateway.listKeys()).as("KMS follows the profile's endpoint_url too").isNotEmpty();
            assertThat(new ConnectionCheck().check(gateway))
                    .isEqualTo(new ConnectionHealth.Reachable("account 123456789012 · eu-west-1"));
        }
    }

    @Test
    void aServiceSpecificEndpointSettingWinsOverTheProfile() throws Exception {
        Files.writeString(config, Files.readString(config).replace(server.endpoint().toString(), closedPort()));
        System.setProperty(CODEARTIFACT_ENDPOINT_PROPERTY, server.endpoint().toString());
        try (CodeArtifactGateway gateway = clients.open(aws("team", "eu-west-1"), Optional.empty())) {
            assertThat(gateway.profile().endpoint()).isEqualTo(server.endpoint());
            assertThat(gateway.listDomains()).extracting(d -> d.name()).containsExactly("platform");
        } finally {
            System.clearProperty(CODEARTIFACT_ENDPOINT_PROPERTY);
        }
    }

    @Test
    void aServicesSectionCanNameTheEndpointOfCodeArtifactAlone() throws Exception {
        Files.writeString(config, Files.readString(config) + """

                [profile scoped]
                region = eu-west-1
                services = local-arca

                [services local-arca]
                codeartifact =
                  endpoint_url = %s
                """.formatted(server.endpoint()));
        Files.writeString(credentials, Files.readString(credentials).replace("[team]", "[scoped]"));

        try (CodeArtifactGateway gateway = clients.open(aws("scoped", "eu-west-1"), Optional.empty())) {
            assertThat(gateway.profile().endpoint()).isEqualTo(server.endpoint());
            assertThat(gateway.listDomains()).extracting(d -> d.name()).containsExactly("platform");
        }
    }

    @Test
    void anAssumeRoleProfileAsksStsWithItsSourceProfileBeforeAnyCall() {
        // deploy's source profile is the account root, which may not assume roles (and the role does not exist):
        // the SDK builds the assume-role chain from these files, asks the STS endpoint (pointed at the local
        // server), and the refusal reaches the user as one sentence.
        System.setProperty(STS_ENDPOINT_PROPERTY, server.endpoint().toString());
        try (CodeArtifactGateway gateway = clients.open(aws("deploy", "eu-west-1"), Optional.empty())) {
            assertThatThrownBy(gateway::listDomains)
                    .isInstanceOf(GatewayException.class)
                    .hasMessageStartingWith("Could not list the domains: the credentials of deploy could not be"
                            + " obtained from Sts.")
                    .hasRootCauseInstanceOf(software.amazon.awssdk.services.sts.model.StsException.class)
                    .rootCause().satisfies(e -> assertThat(((software.amazon.awssdk.services.sts.model.StsException) e)
                            .statusCode()).as("answered by the local server").isEqualTo(403));
        } finally {
            System.clearProperty(STS_ENDPOINT_PROPERTY);
        }
    }

    @Test
    void anAssumeRoleProfileGetsItsSessionFromTheLocalSts() throws Exception {
        String roleArn;
        try (IamClient iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.credentials().accessKeyId(), server.credentials().secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String userArn = iam.createUser(r -> r.userName("ci")).user().arn();
            AccessKey key = iam.createAccessKey(r -> r.userName("ci")).accessKey();
            Files.writeString(credentials, Files.readString(credentials) + """

                    [ci]
                    aws_access_key_id = %s
                    aws_secret_access_key = %s
                    """.formatted(key.accessKeyId(), key.secretAccessKey()));
            roleArn = iam.createRole(r -> r.roleName("ci-deploy").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},\
                    "Action":"sts:AssumeRole"}]}""".formatted(userArn))).role().arn();
            iam.putRolePolicy(r -> r.roleName("ci-deploy").policyName("list").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Action":["codeartifact:ListDomains","codeartifact:DescribeDomain"],"Resource":"*"}]}"""));
        }
        Files.writeString(config, Files.readString(config) + """

                [profile ci-deploy]
                role_arn = %s
                source_profile = ci
                region = eu-west-1
                endpoint_url = %s
                """.formatted(roleArn, server.endpoint()));
        System.setProperty(STS_ENDPOINT_PROPERTY, server.endpoint().toString());
        try (ClientFactory fresh = new ClientFactory(new AwsSharedConfig(config, credentials));
             CodeArtifactGateway gateway = fresh.open(aws("ci-deploy", "eu-west-1"), Optional.empty())) {
            assertThat(gateway.listDomains()).extracting(d -> d.name()).containsExactly("platform");
        } finally {
            System.clearProperty(STS_ENDPOINT_PROPERTY);
        }
    }

    @Test
    void anAwsAccountsActivityIsExplainedRatherThanRead() throws Exception {
        HttpServer notArca = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notArca.createContext("/", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        notArca.start();
        try {
            Files.writeString(config, Files.readString(config).replace(server.endpoint().toString(),
                    "http://127.0.0.1:" + notArca.getAddress().getPort()));
            try (CodeArtifactGateway gateway = clients.open(aws("team", "eu-west-1"), Optional.empty())) {
                assertThatThrownBy(() -> gateway.activity().events(0))
                        .isInstanceOf(GatewayException.class)
                        .hasMessage("team keeps no Arca activity: AWS records package events in EventBridge and"
                                + " API calls in CloudTrail.");
            }
        } finally {
            notArca.stop(0);
        }
    }

    @Test
    void anArcaServerConnectionReadsTheServersOwnCredentialsFile() throws Exception {
        Connection connection = arcaServer(new CredentialSource.CredentialsFile(dataDir.resolve("credentials")));

        try (CodeArtifactGateway gateway = clients.open(connection, Optional.empty())) {
            assertThat(gateway.listDomains()).extracting(d -> d.name()).containsExactly("platform");
            assertThat(new ConnectionCheck().check(gateway)).isInstanceOf(ConnectionHealth.Reachable.class);
        }
    }

    @Test
    void anArcaServerConnectionCanTakeItsKeysFromAProfile() {
        try (CodeArtifactGateway gateway = clients.open(arcaServer(new CredentialSource.SharedProfile("team")),
                Optional.empty())) {
            assertThat(gateway.listDomains()).extracting(d -> d.name()).containsExactly("platform");
        }
    }

    @Test
    void wrongKeysFailTheCheckWithTheServersSentence() throws Exception {
        try (CodeArtifactGateway gateway = clients.open(arcaServer(new CredentialSource.SessionKeys()),
                Optional.of(new AccessKeys("AKIAWRONGWRONGWRONG1", "not-the-secret")))) {
            assertThat(new ConnectionCheck().check(gateway)).isEqualTo(new ConnectionHealth.Unreachable(
                    "The security token included in the request is invalid."));
        }
    }

    @Test
    void aProfileThatIsNotThereIsOnePlainSentence() {
        assertThatThrownBy(() -> clients.open(aws("nobody", "eu-west-1"), Optional.empty()))
                .isInstanceOf(GatewayException.class)
                .hasMessage("There is no AWS profile nobody in " + config + " and " + credentials + ".");
    }

    @Test
    void sessionKeysNotTypedYetAreAskedFor() {
        assertThatThrownBy(() -> clients.open(arcaServer(new CredentialSource.SessionKeys()), Optional.empty()))
                .isInstanceOf(GatewayException.class)
                .hasMessage("Type the access keys for Team server: Arca keeps them for this session only.");
    }

    @Test
    void anUnreadableCredentialsFileIsOnePlainSentence() {
        Path missing = aws.resolve("no-such-credentials");

        assertThatThrownBy(() -> clients.open(arcaServer(new CredentialSource.CredentialsFile(missing)),
                Optional.empty()))
                .isInstanceOf(GatewayException.class)
                .hasMessage("The credentials file " + missing + " of Team server cannot be read.");
    }

    @Test
    void codeArtifactRegionsComeFromTheSdk() {
        assertThat(ClientFactory.regions()).contains("us-east-1", "eu-west-1").isSorted();
    }

    private static Connection aws(String profile, String region) {
        return new Connection("c1", profile, ConnectionKind.AWS, Optional.empty(), region,
                new CredentialSource.SharedProfile(profile));
    }

    private Connection arcaServer(CredentialSource source) {
        return new Connection("c2", "Team server", ConnectionKind.ARCA_SERVER, Optional.of(server.endpoint()),
                "us-east-1", source);
    }

    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
