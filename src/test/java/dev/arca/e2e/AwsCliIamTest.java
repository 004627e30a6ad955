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
 * IAM users, keys, policies and roles made with the real AWS CLI against the local server, and the CLI signing with
 * what they hand out ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}).
 */
class AwsCliIamTest {

    @TempDir
    Path temp;

    private LocalServer server;
    private Map<String, String> root;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(ServerConfig.embedded(temp.resolve("data")));
        root = Map.of("AWS_ACCESS_KEY_ID", server.credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", server.credentials().secretAccessKey());
        Files.createDirectories(temp.resolve("home"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aUserMadeWithTheCliSignsAsItselfAndAssumesARoleThatTrustsIt() throws Exception {
        String account = server.config().accountId();
        String userArn = aws(root, "iam", "create-user", "--user-name", "ci", "--query", "User.Arn");
        assertThat(userArn).isEqualTo("arn:aws:iam::" + account + ":user/ci");
        String[] key = aws(root, "iam", "create-access-key", "--user-name", "ci",
                "--query", "AccessKey.[AccessKeyId,SecretAccessKey]").split("\t");
        Map<String, String> user = Map.of("AWS_ACCESS_KEY_ID", key[0], "AWS_SECRET_ACCESS_KEY", key[1]);
        Files.writeString(temp.resolve("policy.json"), """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "codeartifact:*", "Resource": "*"}]}""");
        aws(root, "iam", "put-user-policy", "--user-name", "ci", "--policy-name", "artifacts",
                "--policy-document", "file://" + temp.resolve("policy.json"));
        assertThat(aws(root, "iam", "get-user-policy", "--user-name", "ci", "--policy-name", "artifacts",
                "--query", "PolicyDocument.Statement[0].Action")).isEqualTo("codeartifact:*");

        assertThat(aws(user, "sts", "get-caller-identity", "--query", "[Account,Arn]"))
                .isEqualTo(account + "\t" + userArn);

        Files.writeString(temp.resolve("trust.json"), "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Principal\": {\"AWS\": \"" + userArn + "\"}, \"Action\": \"sts:AssumeRole\"}]}");
        String roleArn = aws(root, "iam", "create-role", "--role-name", "deployer", "--max-session-duration", "7200",
                "--assume-role-policy-document", "file://" + temp.resolve("trust.json"), "--query", "Role.Arn");
        String[] session = aws(user, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "build-42",
                "--duration-seconds", "7200",
                "--query", "Credentials.[AccessKeyId,SecretAccessKey,SessionToken]").split("\t");
        Map<String, String> assumed = Map.of("AWS_ACCESS_KEY_ID", session[0], "AWS_SECRET_ACCESS_KEY", session[1],
                "AWS_SESSION_TOKEN", session[2]);

        assertThat(aws(assumed, "sts", "get-caller-identity", "--query", "Arn"))
                .isEqualTo("arn:aws:sts::" + account + ":assumed-role/deployer/build-42");
        assertThat(awsFails(assumed, "codeartifact", "list-domains")).contains("AccessDeniedException")
                .contains("assumed-role/deployer/build-42 is not authorized to perform: codeartifact:ListDomains");
        aws(root, "iam", "put-role-policy", "--role-name", "deployer", "--policy-name", "artifacts",
                "--policy-document", "file://" + temp.resolve("policy.json"));
        assertThat(aws(assumed, "codeartifact", "list-domains", "--query", "length(domains)")).isEqualTo("0");
    }

    @Test
    void theCliShowsIamsErrorCodes() throws Exception {
        assertThat(awsFails(root, "iam", "get-user", "--user-name", "nobody"))
                .contains("NoSuchEntity").contains("The user with name nobody cannot be found.");
        aws(root, "iam", "create-user", "--user-name", "ci");
        assertThat(awsFails(root, "iam", "create-user", "--user-name", "ci")).contains("EntityAlreadyExists");
        assertThat(awsFails(root, "iam", "put-user-policy", "--user-name", "ci", "--policy-name", "p",
                "--policy-document", "{\"Statement\": []}")).contains("MalformedPolicyDocument");
        assertThat(awsFails(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "sts", "get-caller-identity"))
                .contains("InvalidClientTokenId");
    }

    private String aws(Map<String, String> credentials, String... args) throws IOException, InterruptedException {
        Run run = run(credentials, args);
        assertThat(run.exitCode()).as("aws %s: %s", String.join(" ", args), run.stderr()).isZero();
        return run.stdout().strip();
    }

    private String awsFails(Map<String, String> credentials, String... args) throws IOException, InterruptedException {
        Run run = run(credentials, args);
        assertThat(run.exitCode()).as("aws %s should fail", String.join(" ", args)).isNotZero();
        return run.stderr();
    }

    /** What a CLI run printed and how it ended. */
    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(Map<String, String> credentials, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--output", "text", "--endpoint-url", server.endpoint().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("out").toFile())
                .redirectError(temp.resolve("err").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_") && !k.equals("AWS_CA_BUNDLE"));
        environment.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("home/no-credentials").toString());
        environment.put("AWS_CONFIG_FILE", temp.resolve("home/no-config").toString());
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("HOME", temp.resolve("home").toString());
        environment.putAll(credentials);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", args[1]).isTrue();
        return new Run(process.exitValue(), Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
    }
}
