package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed walkthroughs (001: a domain with Maven, npm and PyPI proxy repositories, policies, tokens, endpoints,
 * login; 003: the PyPI demo repository) run with the real AWS CLI against the local server, changed only by
 * {@code --endpoint-url}; plus the error paths a CLI user meets.
 */
class AwsCliWalkthroughTest {

    @TempDir
    Path temp;

    private LocalServer server;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data")));
        endpoint = server.endpoint().toString();
        Files.createDirectories(temp.resolve("home"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What a CLI run printed and how it ended. */
    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("out").toFile())
                .redirectError(temp.resolve("err").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_") && !k.equals("AWS_CA_BUNDLE"));
        environment.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("data/credentials").toString());
        environment.put("AWS_CONFIG_FILE", temp.resolve("home/no-config").toString());
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("HOME", temp.resolve("home").toString());
        environment.putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", args[1]).isTrue();
        return new Run(process.exitValue(), Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
    }

    private String aws(String... args) throws IOException, InterruptedException {
        Run run = run(Map.of(), args);
        assertThat(run.exitCode()).as("aws %s: %s", String.join(" ", args), run.stderr()).isZero();
        return run.stdout();
    }

    private String awsFails(String... args) throws IOException, InterruptedException {
        Run run = run(Map.of(), args);
        assertThat(run.exitCode()).as("aws %s should fail", String.join(" ", args)).isNotZero();
        return run.stderr();
    }

    @Test
    void seed001DomainWithProxyRepositoriesPoliciesTokensEndpointsAndLogin() throws Exception {
        // The seed names a key of its own account; in a fresh account it does not exist, exactly as on AWS.
        assertThat(awsFails("codeartifact", "create-domain", "--domain", "techoral",
                "--encryption-key", "arn:aws:kms:us-east-1:123456789012:key/abcd-1234"))
                .contains("ValidationException").contains("abcd-1234");
        String keyArn = aws("kms", "create-key", "--description", "techoral", "--query", "KeyMetadata.Arn",
                "--output", "text").strip();
        assertThat(aws("codeartifact", "create-domain", "--domain", "techoral", "--encryption-key", keyArn,
                "--query", "domain.encryptionKey", "--output", "text").strip()).isEqualTo(keyArn);

        for (String[] format : new String[][] {
            {"maven-central-proxy", "Proxy for Maven Central", "public:maven-central", "techoral-maven", "Internal Maven artifacts"},
            {"npmjs-proxy", "Proxy for npmjs", "public:npmjs", "techoral-npm", "Internal npm packages"},
            {"pypi-proxy", "Proxy for pypi.org", "public:pypi", "techoral-pypi", "Internal Python packages"}}) {
            aws("codeartifact", "create-repository", "--domain", "techoral", "--repository", format[0],
                    "--description", format[1]);
            aws("codeartifact", "associate-external-connection", "--domain", "techoral", "--repository", format[0],
                    "--external-connection", format[2]);
            aws("codeartifact", "create-repository", "--domain", "techoral", "--repository", format[3],
                    "--description", format[4], "--upstreams", "repositoryName=" + format[0]);
        }
        assertThat(aws("codeartifact", "describe-repository", "--domain", "techoral", "--repository", "techoral-npm",
                "--query", "repository.upstreams[0].repositoryName", "--output", "text").strip()).isEqualTo("npmjs-proxy");
        assertThat(aws("codeartifact", "describe-repository", "--domain", "techoral", "--repository", "pypi-proxy",
                "--query", "repository.externalConnections[0].[externalConnectionName,packageFormat,status]",
                "--output", "text").strip()).isEqualTo("public:pypi\tpypi\tAvailable");

        String token = aws("codeartifact", "get-authorization-token", "--domain", "techoral",
                "--domain-owner", "123456789012", "--query", "authorizationToken", "--output", "text").strip();
        assertThat(token).isNotBlank();
        assertThat(aws("codeartifact", "get-repository-endpoint", "--domain", "techoral", "--domain-owner",
                "123456789012", "--repository", "techoral-maven", "--format", "maven"))
                .contains("\"repositoryEndpoint\": \"" + endpoint + "/techoral-123456789012/maven/techoral-maven/\"");

        String npm = aws("codeartifact", "login", "--tool", "npm", "--domain", "techoral", "--domain-owner",
                "123456789012", "--repository", "techoral-npm", "--region", "us-east-1", "--dry-run");
        String npmRegistry = endpoint + "/techoral-123456789012/npm/techoral-npm/";
        assertThat(npm).contains("npm config set registry " + npmRegistry)
                .contains(npmRegistry.replace("http:", "") + ":_authToken ");
        String pip = aws("codeartifact", "login", "--tool", "pip", "--domain", "techoral", "--domain-owner",
                "123456789012", "--repository", "techoral-pypi", "--dry-run");
        assertThat(pip).containsPattern("pip3? config set global.index-url http://aws:[^@\\s]+@"
                + endpoint.substring("http://".length()) + "/techoral-123456789012/pypi/techoral-pypi/simple/");

        Path domainPolicy = Files.writeString(temp.resolve("domain-policy.json"), """
                {"Version": "2012-10-17", "Statement": [{"Sid": "BasicDomainPolicy", "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                  "Action": ["codeartifact:GetAuthorizationToken", "codeartifact:ListRepositoriesInDomain",
                             "codeartifact:DescribeDomain", "codeartifact:CreateRepository"], "Resource": "*"}]}""");
        Path repoPolicy = Files.writeString(temp.resolve("repo-policy.json"), """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "AllowDevAndStagingAccounts", "Effect": "Allow",
                   "Principal": {"AWS": ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]},
                   "Action": ["codeartifact:ReadFromRepository", "codeartifact:GetRepositoryEndpoint",
                              "codeartifact:ListPackages", "codeartifact:ListPackageVersions",
                              "codeartifact:DescribePackageVersion"], "Resource": "*"},
                  {"Sid": "AllowPublishFromCIAccount", "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::333333333333:role/ci-publisher-role"},
                   "Action": ["codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata"], "Resource": "*"}]}""");
        aws("codeartifact", "put-domain-permissions-policy", "--domain", "techoral", "--domain-owner", "123456789012",
                "--policy-document", "file://" + domainPolicy);
        aws("codeartifact", "put-repository-permissions-policy", "--domain", "techoral", "--domain-owner",
                "123456789012", "--repository", "techoral-maven", "--policy-document", "file://" + repoPolicy);
        assertThat(aws("codeartifact", "get-repository-permissions-policy", "--domain", "techoral", "--repository",
                "techoral-maven", "--query", "policy.document", "--output", "text")).contains("AllowPublishFromCIAccount");
        assertThat(aws("codeartifact", "get-domain-permissions-policy", "--domain", "techoral",
                "--query", "policy.resourceArn", "--output", "text").strip())
                .isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:domain/techoral");
    }

    @Test
    void seed003PypiDemoRepositoryFromCreationToCleanUp() throws Exception {
        assertThat(aws("codeartifact", "create-domain", "--domain", "awscicd", "--query", "domain.[name,status]",
                "--output", "text").strip()).isEqualTo("awscicd\tActive");
        assertThat(aws("codeartifact", "create-repository", "--domain", "awscicd", "--repository", "demo-repo",
                "--query", "repository.name", "--output", "text").strip()).isEqualTo("demo-repo");
        assertThat(aws("codeartifact", "associate-external-connection", "--domain", "awscicd", "--repository",
                "demo-repo", "--external-connection", "public:pypi", "--query",
                "repository.externalConnections[0].externalConnectionName", "--output", "text").strip())
                .isEqualTo("public:pypi");

        String twine = aws("codeartifact", "login", "--tool", "twine", "--domain", "awscicd", "--repository",
                "demo-repo", "--dry-run");
        assertThat(twine).contains("[codeartifact]")
                .contains("repository = " + endpoint + "/awscicd-123456789012/pypi/demo-repo/")
                .contains("username = aws");
        assertThat(aws("codeartifact", "login", "--tool", "pip", "--domain", "awscicd", "--repository", "demo-repo",
                "--dry-run")).contains("/awscicd-123456789012/pypi/demo-repo/simple/");

        aws("codeartifact", "delete-repository", "--domain", "awscicd", "--repository", "demo-repo");
        aws("codeartifact", "delete-domain", "--domain", "awscicd");
        assertThat(aws("codeartifact", "list-domains", "--query", "length(domains)", "--output", "text").strip())
                .isEqualTo("0");
    }

    @Test
    void genericPackagesArePublishedReadChangedAndCopiedWithTheCli() throws Exception {
        aws("codeartifact", "create-domain", "--domain", "generic");
        aws("codeartifact", "create-repository", "--domain", "generic", "--repository", "builds");
        aws("codeartifact", "create-repository", "--domain", "generic", "--repository", "releases");
        Path asset = Files.writeString(temp.resolve("tool.tar.gz"), "pretend this is a tarball\n");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(asset)));

        assertThat(aws("codeartifact", "publish-package-version", "--domain", "generic", "--repository", "builds",
                "--format", "generic", "--namespace", "team", "--package", "tool", "--package-version", "1.0.0",
                "--asset-content", asset.toString(), "--asset-name", "tool.tar.gz", "--asset-sha256", sha,
                "--query", "[status,asset.hashes.\"SHA-256\"]", "--output", "text").strip())
                .isEqualTo("Published\t" + sha);
        assertThat(awsFails("codeartifact", "publish-package-version", "--domain", "generic", "--repository", "builds",
                "--format", "generic", "--namespace", "team", "--package", "tool", "--package-version", "1.0.1",
                "--asset-content", asset.toString(), "--asset-name", "tool.tar.gz", "--asset-sha256", "0".repeat(64)))
                .contains("(ValidationException)").contains("does not match");

        Path downloaded = temp.resolve("downloaded");
        aws("codeartifact", "get-package-version-asset", "--domain", "generic", "--repository", "builds", "--format",
                "generic", "--namespace", "team", "--package", "tool", "--package-version", "1.0.0", "--asset",
                "tool.tar.gz", downloaded.toString());
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(asset));

        assertThat(aws("codeartifact", "list-package-versions", "--domain", "generic", "--repository", "builds",
                "--format", "generic", "--namespace", "team", "--package", "tool", "--query",
                "versions[].[version,status]", "--output", "text").strip()).isEqualTo("1.0.0\tPublished");
        assertThat(aws("codeartifact", "copy-package-versions", "--domain", "generic", "--source-repository", "builds",
                "--destination-repository", "releases", "--format", "generic", "--namespace", "team", "--package",
                "tool", "--versions", "1.0.0", "--query", "keys(successfulVersions)", "--output", "text").strip())
                .isEqualTo("1.0.0");
        assertThat(aws("codeartifact", "update-package-versions-status", "--domain", "generic", "--repository",
                "builds", "--format", "generic", "--namespace", "team", "--package", "tool", "--versions", "1.0.0",
                "--target-status", "Archived", "--expected-status", "Unlisted", "--query",
                "failedVersions.\"1.0.0\".errorCode", "--output", "text").strip()).isEqualTo("MISMATCHED_STATUS");
        assertThat(aws("codeartifact", "list-packages", "--domain", "generic", "--repository", "releases", "--query",
                "packages[].[format,namespace,package]", "--output", "text").strip()).isEqualTo("generic\tteam\ttool");
    }

    @Test
    void errorsReachTheCliWithTheirAwsCodes() throws Exception {
        aws("codeartifact", "create-domain", "--domain", "errors");
        aws("codeartifact", "create-repository", "--domain", "errors", "--repository", "repo");

        assertThat(awsFails("codeartifact", "create-domain", "--domain", "errors")).contains("(ConflictException)");
        assertThat(awsFails("codeartifact", "create-domain", "--domain", "Bad_Name")).contains("(ValidationException)");
        assertThat(awsFails("codeartifact", "describe-repository", "--domain", "errors", "--repository", "nope"))
                .contains("(ResourceNotFoundException)");
        assertThat(awsFails("codeartifact", "delete-domain", "--domain", "errors")).contains("(ConflictException)");
        Path policy = Files.writeString(temp.resolve("p.json"),
                "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"codeartifact:*\",\"Resource\":\"*\"}}");
        aws("codeartifact", "put-repository-permissions-policy", "--domain", "errors", "--repository", "repo",
                "--policy-document", "file://" + policy);
        assertThat(awsFails("codeartifact", "put-repository-permissions-policy", "--domain", "errors", "--repository",
                "repo", "--policy-document", "file://" + policy, "--policy-revision", "stale"))
                .contains("(ConflictException)");

        Run forged = run(Map.of("AWS_ACCESS_KEY_ID", server.credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", "forged-secret-forged-secret-forged-000"), "codeartifact", "list-domains");
        assertThat(forged.exitCode()).isNotZero();
        assertThat(forged.stderr()).contains("(InvalidSignatureException)");
    }
}
