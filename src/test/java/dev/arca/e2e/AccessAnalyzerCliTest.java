package dev.arca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.server.LocalServer;
import dev.arca.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real AWS CLI's {@code aws accessanalyzer validate-policy} against a local server, credentials in the environment. */
class AccessAnalyzerCliTest {

    @TempDir
    Path scratch;

    private LocalServer server;

    @BeforeEach
    void startServer() throws Exception {
        Files.createDirectories(scratch.resolve("home"));
        server = LocalServer.start(ServerConfig.embedded(scratch.resolve("data")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ClientRuns.Run validatePolicy(String document, String... options) throws Exception {
        Path file = scratch.resolve("policy.json");
        Files.writeString(file, document);
        List<String> args = new ArrayList<>(List.of("accessanalyzer", "validate-policy",
                "--policy-document", "file://" + file, "--output", "json"));
        args.addAll(List.of(options));
        return ClientRuns.run(scratch, scratch, ClientRuns.aws(server, args.toArray(String[]::new)), env -> {
            env.put("HOME", scratch.resolve("home").toString());
            env.put("AWS_CONFIG_FILE", scratch.resolve("home/no-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("home/no-credentials").toString());
            env.put("AWS_ACCESS_KEY_ID", server.credentials().accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", server.credentials().secretAccessKey());
            env.put("AWS_DEFAULT_REGION", "eu-west-1");
        }, 60, true);
    }

    private static JsonNode json(ClientRuns.Run run) throws IOException {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return new ObjectMapper().readTree(run.stdout());
    }

    @Test
    void aCleanPolicyPrintsNoFindings() throws Exception {
        JsonNode out = json(validatePolicy(PolicyDocuments.CLEAN, "--policy-type", "RESOURCE_POLICY"));

        assertThat(out.get("findings")).isEmpty();
    }

    @Test
    void findingsComeWithTheirPathAndSpan() throws Exception {
        JsonNode finding = json(validatePolicy(PolicyDocuments.BAD_EFFECT, "--policy-type", "RESOURCE_POLICY"))
                .get("findings").get(0);

        assertThat(finding.get("findingType").asText()).isEqualTo("ERROR");
        assertThat(finding.get("issueCode").asText()).isEqualTo("INVALID_EFFECT");
        JsonNode location = finding.get("locations").get(0);
        assertThat(location.get("path").toString())
                .isEqualTo("[{\"key\":\"Statement\"},{\"index\":0},{\"key\":\"Effect\"}]");
        assertThat(location.get("span").get("start").toString())
                .isEqualTo("{\"line\":4,\"column\":14,\"offset\":" + PolicyDocuments.BAD_EFFECT.indexOf("\"allow\"")
                        + "}");
    }

    @Test
    void theCliFollowsPagesWhenAskedForSmallOnes() throws Exception {
        JsonNode whole = json(validatePolicy(PolicyDocuments.MANY_FINDINGS, "--policy-type", "IDENTITY_POLICY"));
        // --page-size makes the CLI send maxResults and follow nextToken until the last page.
        JsonNode paged = json(validatePolicy(PolicyDocuments.MANY_FINDINGS, "--policy-type", "IDENTITY_POLICY",
                "--page-size", "2"));

        assertThat(whole.get("findings").size()).isGreaterThan(2);
        assertThat(paged.get("findings")).isEqualTo(whole.get("findings"));
    }

    @Test
    void anUnknownPolicyTypeFailsWithAValidationException() throws Exception {
        ClientRuns.Run run = validatePolicy(PolicyDocuments.CLEAN, "--policy-type", "BUCKET_POLICY");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("ValidationException").contains("policyType");
    }

    /** The documents the tests send. */
    private static final class PolicyDocuments {
        static final String CLEAN = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "TeamReads",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                    "Action": "codeartifact:ReadFromRepository",
                    "Resource": "*"
                  }]
                }""";
        static final String BAD_EFFECT = CLEAN.replace("\"Sid\": \"TeamReads\",\n    ", "")
                .replace("\"Allow\"", "\"allow\"");
        static final String MANY_FINDINGS = """
                {"Statement": [
                  {"Sid": "", "Effect": "allow", "Action": [], "Resource": []},
                  {"Sid": "", "Effect": "allow", "Action": [], "Resource": []}
                ]}""";
    }
}
