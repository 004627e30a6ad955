package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.LocalServer;
import dev.arca.server.RootCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * What the client walkthrough tests share: running a real client as a process and capturing what it printed,
 * pointing the AWS CLI at the local server, and an SDK client to check the server's state with.
 */
final class ClientRuns {

    private ClientRuns() {
    }

    /** What a command printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs a command and asserts it finishes in time.
     *
     * @param scratch        the directory to capture the command's output and errors in, as files {@code out} and
     *                       {@code err}
     * @param dir            the directory the command runs in
     * @param command        the command and its arguments
     * @param environment    adjusts the environment the command inherits from this process
     * @param timeoutSeconds how long the command may take
     * @param closeInput     whether to close the command's standard input as soon as it starts
     */
    static Run run(Path scratch, Path dir, List<String> command, Consumer<Map<String, String>> environment,
            long timeoutSeconds, boolean closeInput) throws IOException, InterruptedException {
        Path out = scratch.resolve("out");
        Path err = scratch.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        if (closeInput) {
            process.getOutputStream().close();
        }
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Points the AWS CLI of an environment at the credentials file of a server whose data directory is
     * {@code scratch/data}, with a throwaway HOME {@code scratch/home}, no config file and region us-east-1.
     */
    static void awsCliEnvironment(Map<String, String> env, Path scratch) {
        env.put("HOME", scratch.resolve("home").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("data/credentials").toString());
        env.put("AWS_CONFIG_FILE", scratch.resolve("home/no-config").toString());
        env.put("AWS_DEFAULT_REGION", "us-east-1");
    }

    /**
     * Gives npm a throwaway HOME and cache under {@code scratch}, none of this machine's npm settings, and tells it to
     * ask the registry for every document and to skip audits, funding notices and update checks.
     */
    static void npmEnvironment(Map<String, String> env, Path scratch) {
        env.keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("npm_"));
        env.put("HOME", scratch.resolve("home").toString());
        env.put("npm_config_cache", scratch.resolve("npm-cache").toString());
        env.put("npm_config_prefer_online", "true");
        env.put("npm_config_audit", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_loglevel", "error");
    }

    /** The AWS CLI command with these arguments, sent to the server's endpoint. */
    static List<String> aws(LocalServer server, String... args) {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", server.endpoint().toString()));
        return command;
    }

    /** An SDK client of the server in us-east-1, signing with the server's root credentials. */
    static CodeartifactClient codeartifact(LocalServer server) {
        return codeartifact(server, server.credentials());
    }

    /** An SDK client of the server in us-east-1, signing with {@code keys}. */
    static CodeartifactClient codeartifact(LocalServer server, RootCredentials keys) {
        return CodeartifactClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
                        keys.secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }
}
