package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.MovableClock;
import dev.arca.server.ServerFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** Roles: who their trust policy lets assume them, and the sessions' temporary credentials. */
class AssumeRoleTest extends ServerFixture {

    /** Ten minutes behind the real clock, so it can move 16 minutes on and stay within SigV4's 15 minutes. */
    private final MovableClock clock = new MovableClock(Duration.ofMinutes(-10));
    private IamClient rootIam;
    private String account;
    private String userArn;
    private AccessKey key;

    @Override
    protected Clock clock() {
        return clock;
    }

    @BeforeEach
    void createUser() {
        account = server.config().accountId();
        rootIam = IamClients.iam(server.endpoint(), AwsBasicCredentials.create(server.credentials().accessKeyId(),
                server.credentials().secretAccessKey()));
        userArn = rootIam.createUser(r -> r.userName("alice")).user().arn();
        key = rootIam.createAccessKey(r -> r.userName("alice")).accessKey();
    }

    @AfterEach
    void closeClient() {
        rootIam.close();
    }

    @Test
    void aTrustPolicyNamingTheUserLetsItAssumeTheRole() {
        Role role = createRole("deployer", trusting(userArn));

        AssumeRoleResponse assumed = assume(role.arn(), Optional.empty());

        assertThat(assumed.credentials().accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(assumed.credentials().expiration()).isEqualTo(clock.instant().plusSeconds(3600)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/deployer/ci");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(role.roleId() + ":ci");
        try (StsClient session = IamClients.sts(server.endpoint(), session(assumed))) {
            var identity = session.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(assumed.assumedRoleUser().arn());
            assertThat(identity.userId()).isEqualTo(role.roleId() + ":ci");
            assertThat(identity.account()).isEqualTo(account);
        }
    }

    @Test
    void withoutTheTrustPolicyEvenAnIdentityPolicyAllowIsRefused() {
        Role role = createRole("deployer", trusting("arn:aws:iam::" + account + ":user/bob"));
        rootIam.putUserPolicy(r -> r.userName("alice").policyName("assume").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));

        assertThatThrownBy(() -> assume(role.arn(), Optional.empty()))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + userArn
                            + " is not authorized to perform: sts:AssumeRole on resource: " + role.arn());
                });
    }

    @Test
    void aSessionActsWithItsRolesPolicies() {
        Role role = createRole("deployer", trusting(userArn));
        AssumeRoleResponse assumed = assume(role.arn(), Optional.empty());
        try (CodeartifactClient codeartifact = IamClients.codeartifact(server.endpoint(), session(assumed))) {
            assertThatThrownBy(() -> codeartifact.listDomains(r -> { }))
                    .isInstanceOf(software.amazon.awssdk.services.codeartifact.model.AccessDeniedException.class)
                    .hasMessageStartingWith("User: " + assumed.assumedRoleUser().arn() + " is not authorized");

            rootIam.putRolePolicy(r -> r.roleName("deployer").policyName("domains")
                    .policyDocument(IamUsersApiTest.ALLOW_DOMAINS));

            assertThat(codeartifact.listDomains(r -> { }).domains()).isEmpty();
        }
    }

    @Test
    void sessionCredentialsWithoutTheirTokenAreRefused() {
        AssumeRoleResponse assumed = assume(createRole("deployer", trusting(userArn)).arn(), Optional.empty());
        AwsBasicCredentials withoutToken = AwsBasicCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey());

        try (StsClient sts = IamClients.sts(server.endpoint(), withoutToken)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            });
        }
    }

    @Test
    void anExpiredSessionIsRefused() {
        AssumeRoleResponse assumed = assume(createRole("deployer", trusting(userArn)).arn(), Optional.of(900));

        clock.move(Duration.ofMinutes(16));

        try (StsClient sts = IamClients.sts(server.endpoint(), session(assumed))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is expired");
            });
        }
        try (CodeartifactClient codeartifact = IamClients.codeartifact(server.endpoint(), session(assumed))) {
            assertThatThrownBy(() -> codeartifact.listDomains(r -> { }))
                    .isInstanceOfSatisfying(CodeartifactException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aSessionLongerThanTheRolesMaximumIsRefused() {
        Role role = createRole("deployer", trusting(userArn));

        assertThatThrownBy(() -> assume(role.arn(), Optional.of(7200)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
                });
    }

    @Test
    void anAccountRootCannotAssumeRoles() {
        Role role = createRole("deployer", trusting("arn:aws:iam::" + account + ":root"));

        try (StsClient sts = IamClients.sts(server.endpoint(), AwsBasicCredentials.create(
                server.credentials().accessKeyId(), server.credentials().secretAccessKey()))) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("root")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Roles may not be assumed by root accounts."));
        }
    }

    @Test
    void badTrustPoliciesAreRefusedAndNoRoleIsCreated() {
        assertThatThrownBy(() -> createRole("broken", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\"}]}"))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Missing required field Principal (at Statement[0], line 1, column 38)"));
        assertThatThrownBy(() -> createRole("scoped", trusting(userArn).replace("}]}", ",\"Resource\":\"*\"}]}")))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Has prohibited field Resource"));
        String huge = trusting(userArn).replace("\"Effect\"", "\"Sid\":\"" + "S".repeat(2100) + "\",\"Effect\"");
        assertThatThrownBy(() -> createRole("huge", huge)).isInstanceOfSatisfying(LimitExceededException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Cannot exceed quota for ACLSizePerRole: 2048"));
        assertThat(rootIam.listRoles().roles()).isEmpty();
    }

    @Test
    void rolesTrustPoliciesAndSessionsSurviveARestart() throws Exception {
        Role role = createRole("deployer", trusting("arn:aws:iam::" + account + ":user/bob"));
        rootIam.updateAssumeRolePolicy(r -> r.roleName("deployer").policyDocument(trusting(userArn)));
        AssumeRoleResponse before = assume(role.arn(), Optional.empty());
        rootIam.close();

        restart();
        rootIam = IamClients.iam(server.endpoint(), AwsBasicCredentials.create(server.credentials().accessKeyId(),
                server.credentials().secretAccessKey()));

        Role reloaded = rootIam.getRole(r -> r.roleName("deployer")).role();
        assertThat(reloaded.roleId()).isEqualTo(role.roleId());
        assertThat(java.net.URLDecoder.decode(reloaded.assumeRolePolicyDocument(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(trusting(userArn));
        assertThat(assume(role.arn(), Optional.empty()).assumedRoleUser().arn()).endsWith("assumed-role/deployer/ci");
        try (StsClient session = IamClients.sts(server.endpoint(), session(before))) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(before.assumedRoleUser().arn());
        }
    }

    @Test
    void aSessionAssumingARoleIsLimitedToAnHour() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "[\"" + userArn + "\",\"arn:aws:iam::" + account + ":role/deployer\"]},\"Action\":\"sts:AssumeRole\"}]}";
        Role role = rootIam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(trust)
                .maxSessionDuration(7200)).role();
        AssumeRoleResponse first = assume(role.arn(), Optional.empty());

        try (StsClient session = IamClients.sts(server.endpoint(), session(first))) {
            assertThatThrownBy(() -> session.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("chained")
                    .durationSeconds(7200))).isInstanceOfSatisfying(StsException.class, e -> assertThat(
                    e.awsErrorDetails().errorMessage()).contains("role chaining"));
            assertThat(session.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("chained")).assumedRoleUser()
                    .arn()).endsWith("assumed-role/deployer/chained");
        }
    }

    private Role createRole(String name, String trustPolicy) {
        return rootIam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)
                .description("Deploys from CI")).role();
    }

    private AssumeRoleResponse assume(String roleArn, Optional<Integer> seconds) {
        try (StsClient sts = IamClients.sts(server.endpoint(),
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            return sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("ci").durationSeconds(seconds.orElse(null)));
        }
    }

    private static AwsSessionCredentials session(AssumeRoleResponse assumed) {
        return AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken());
    }

    private static String trusting(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
