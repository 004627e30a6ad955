package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.ClientSetup;
import dev.arca.e2e.ClientRuns.Run;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/**
 * Two local accounts in one organization: account A owns domain {@code shared} and its repository {@code libs};
 * account B reaches them only as A's resource policies allow, through the real SDK, the AWS CLI (B's profile in the
 * server's credentials file) and npm with a token B obtained.
 */
class CrossAccountPolicyTest {

    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final String ORG = "o-exampleorg1";
    private static final String DOMAIN_ARN = "arn:aws:codeartifact:us-east-1:" + A + ":domain/shared";
    private static final String REPOSITORY_ARN = "arn:aws:codeartifact:us-east-1:" + A + ":repository/shared/libs";

    @TempDir
    Path temp;

    private LocalServer server;
    private CodeartifactClient ownerA;
    private CodeartifactClient otherB;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data"))
                .withAccounts(List.of(A, B), Optional.of(ORG)));
        ownerA = ClientRuns.codeartifact(server, server.credentials(A));
        otherB = ClientRuns.codeartifact(server, server.credentials(B));
        ownerA.createDomain(r -> r.domain("shared"));
        ownerA.createRepository(r -> r.domain("shared").repository("libs"));
        Files.createDirectories(temp.resolve("home"));
    }

    @AfterEach
    void stop() {
        ownerA.close();
        otherB.close();
        server.close();
    }

    @Test
    void anotherAccountIsDeniedInAwsWordsUntilTheDomainPolicyAllowsIt() {
        assertThatThrownBy(() -> otherB.describeDomain(r -> r.domain("shared").domainOwner(A)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("User: arn:aws:iam::" + B + ":root is not authorized to perform:"
                        + " codeartifact:DescribeDomain on resource: " + DOMAIN_ARN + " because no resource-based"
                        + " policy allows the codeartifact:DescribeDomain action");

        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(allow(B, DOMAIN_ARN,
                "codeartifact:DescribeDomain")));

        assertThat(otherB.describeDomain(r -> r.domain("shared").domainOwner(A)).domain().owner()).isEqualTo(A);
        assertThatThrownBy(() -> otherB.deleteDomain(r -> r.domain("shared").domainOwner(A)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("codeartifact:DeleteDomain");
    }

    @Test
    void npmInstallsFromAnotherAccountOnceBothPoliciesAllowAndPublishesOnceTheRepositoryPolicyDoes()
            throws Exception {
        Path own = project("own", "left-pad", "1.0.0");
        assertThat(npm(own, ownerA, "publish").exitCode()).isZero();
        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(allow(B, "*",
                "codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint")));
        String token = otherB.getAuthorizationToken(r -> r.domain("shared").domainOwner(A)).authorizationToken();
        Path app = project("app", "app", "1.0.0");

        Run refused = npm(app, token, "install", "left-pad@1.0.0");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("403");

        ownerA.putRepositoryPermissionsPolicy(r -> r.domain("shared").repository("libs").policyDocument(
                allow(B, "*", "codeartifact:ReadFromRepository")));
        Run installed = npm(app, token, "install", "left-pad@1.0.0");
        assertThat(installed.exitCode()).as(installed.stderr()).isZero();
        assertThat(app.resolve("node_modules/left-pad/package.json")).exists();

        Path theirs = project("theirs", "right-pad", "2.0.0");
        Run denied = npm(theirs, token, "publish");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("403");

        ownerA.putRepositoryPermissionsPolicy(r -> r.domain("shared").repository("libs").policyDocument(
                allow(B, "*", "codeartifact:ReadFromRepository", "codeartifact:PublishPackageVersion")));
        Run published = npm(theirs, token, "publish");
        assertThat(published.exitCode()).as("the same token, decided again: %s", published.stderr()).isZero();
        assertThat(ownerA.describePackageVersion(r -> r.domain("shared").repository("libs").format("npm")
                .packageValue("right-pad").packageVersion("2.0.0")).packageVersion().version()).isEqualTo("2.0.0");
    }

    @Test
    void anOrganizationConditionAdmitsTheAccountsOfTheOrganizationOnly() {
        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(orgOnly(ORG)));
        assertThat(otherB.describeDomain(r -> r.domain("shared").domainOwner(A)).domain().name()).isEqualTo("shared");

        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(orgOnly("o-someotherorg1")));
        assertThatThrownBy(() -> otherB.describeDomain(r -> r.domain("shared").domainOwner(A)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ownerA.describeDomain(r -> r.domain("shared")).domain().name())
                .as("the owner's root needs no policy").isEqualTo("shared");
    }

    @Test
    void theOwnerCanAlwaysReplaceAPolicyThatDeniesEveryone() {
        String denyAll = """
                {"Version":"2012-10-17","Statement":[{"Sid":"Lockout","Effect":"Deny","Principal":"*",
                "Action":"codeartifact:*","Resource":"*"}]}""";
        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(denyAll));

        assertThatThrownBy(() -> ownerA.describeDomain(r -> r.domain("shared")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("with an explicit deny in a resource-based policy");
        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(allow(B, DOMAIN_ARN,
                "codeartifact:DescribeDomain")));

        assertThat(ownerA.describeDomain(r -> r.domain("shared")).domain().name()).isEqualTo("shared");
    }

    @Test
    void aRepositoryCreatedInAnotherAccountsDomainIsAdministeredByItsCreator() {
        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(allow(B, DOMAIN_ARN,
                "codeartifact:CreateRepository")));

        var created = otherB.createRepository(r -> r.domain("shared").domainOwner(A).repository("b-team")).repository();

        assertThat(created.administratorAccount()).isEqualTo(B);
        assertThat(created.domainOwner()).isEqualTo(A);
        assertThatThrownBy(() -> otherB.deleteRepository(r -> r.domain("shared").domainOwner(A).repository("libs")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("codeartifact:DeleteRepository on"
                        + " resource: " + REPOSITORY_ARN);
    }

    @Test
    void malformedPoliciesAreRefusedPreciselyAndNothingIsStored() {
        String padding = " ".repeat(7_169 - allow(B, "*", "codeartifact:DescribeDomain").length());
        List<String> refusals = new ArrayList<>();
        for (String document : List.of("{\"Version\": \"2012-10-17\", \"Statement\": [",
                allow(B, "*", "codeartifact:DescribeDomain") + padding,
                allow(B, "*", "codeartifact:ReadFromRepo"),
                allow("12345", "*", "codeartifact:DescribeDomain"))) {
            assertThatThrownBy(() -> ownerA.putDomainPermissionsPolicy(r -> r.domain("shared")
                    .policyDocument(document))).isInstanceOfSatisfying(ValidationException.class,
                            e -> refusals.add(e.awsErrorDetails().errorMessage()));
        }

        assertThat(refusals.get(0)).contains("line 1");
        assertThat(refusals.get(1)).contains("7168");
        assertThat(refusals.get(2)).contains("codeartifact:ReadFromRepo");
        assertThat(refusals.get(3)).contains("12345");
        assertThatThrownBy(() -> ownerA.getDomainPermissionsPolicy(r -> r.domain("shared")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theAwsCliSignsAsAnotherAccountWithItsProfile() throws Exception {
        List<String> describe = ClientRuns.aws(server, "--profile", B, "codeartifact", "describe-domain",
                "--domain", "shared", "--domain-owner", A);
        Run denied = ClientRuns.run(temp, temp, describe, env -> ClientRuns.awsCliEnvironment(env, temp), 60, true);
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("AccessDeniedException", "arn:aws:iam::" + B + ":root");

        ownerA.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument(allow(B, DOMAIN_ARN,
                "codeartifact:DescribeDomain")));
        Run allowed = ClientRuns.run(temp, temp, describe, env -> ClientRuns.awsCliEnvironment(env, temp), 60, true);
        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(allowed.stdout()).contains("\"owner\": \"" + A + "\"");
    }

    private static String allow(String account, String resource, String... actions) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"Grant","Effect":"Allow",
                "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":["%s"],"Resource":"%s"}]}"""
                .formatted(account, String.join("\",\"", actions), resource);
    }

    private static String orgOnly(String organization) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"Organization","Effect":"Allow","Principal":"*",
                "Action":"codeartifact:DescribeDomain","Resource":"*",
                "Condition":{"StringEquals":{"aws:PrincipalOrgID":"%s"}}}]}""".formatted(organization);
    }

    private Path project(String dir, String name, String version) throws Exception {
        Path project = Files.createDirectories(temp.resolve(dir));
        Files.writeString(project.resolve("package.json"), "{\"name\": \"" + name + "\", \"version\": \"" + version
                + "\", \"main\": \"index.js\", \"license\": \"MIT\"}");
        Files.writeString(project.resolve("index.js"), "module.exports = '" + name + "';\n");
        return project;
    }

    private Run npm(Path project, CodeartifactClient signer, String... args) throws Exception {
        return npm(project, signer.getAuthorizationToken(r -> r.domain("shared").domainOwner(A)).authorizationToken(),
                args);
    }

    /** Runs npm in {@code project} with an .npmrc pointing at {@code libs} with {@code token}. */
    private Run npm(Path project, String token, String... args) throws Exception {
        String endpoint = ownerA.getRepositoryEndpoint(r -> r.domain("shared").repository("libs")
                .format("npm")).repositoryEndpoint();
        Files.writeString(project.resolve(".npmrc"), ClientSetup.snippet(ClientSetup.Tool.NPM, "libs", endpoint,
                token));
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(args));
        return ClientRuns.run(temp, project, command, env -> ClientRuns.npmEnvironment(env, temp), 60, true);
    }
}
