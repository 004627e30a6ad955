package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.EmbeddedGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code arca graph} against a real local server, with the AWS CLI's connection options and environment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphCommandTest {

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;
    private String owner;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    void arrange() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        owner = embedded.server().config().accountId();
        CodeArtifactGateway gateway = embedded.gateway();
        // The guide's complex example, with a store repository holding the public npm connection beside it.
        gateway.createDomain("team", Optional.empty());
        gateway.createStoreRepository("team", "npm-store", "public:npmjs");
        embedded.createGuidesComplexExample("team");
        embedded.sdk().putRepositoryPermissionsPolicy(r -> r.domain("team").repository("repo-b").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                        + "\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"*\"}]}"));
        // One generic package stored twice on my_repo's way: repo-e (searched 5th) serves it before repo-b (6th).
        byte[] lint = "lint".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        embedded.publishGeneric("team", "repo-e", "tools", "lint", "1.0.0", lint);
        embedded.publishGeneric("team", "repo-b", "tools", "lint", "1.0.0", lint);
        // Another, whose origin controls in repo-a block upstream: my_repo's search for it ends there and at repo-b.
        gateway.setOriginControls("team", "repo-a", new dev.arca.core.PackageInfo("generic", "tools", "fmt", "ALLOW",
                "ALLOW"), "ALLOW", "BLOCK");
        embedded.publishGeneric("team", "repo-b", "tools", "fmt", "2.0.0", lint);
        // A chain of 30: a request to chain-01 searches chain-01 … chain-25 and never the last five.
        gateway.createDomain("long", Optional.empty());
        for (int i = 30; i >= 1; i--) {
            gateway.createRepository("long", chain(i), Optional.empty(), i == 30 ? List.of() : List.of(chain(i + 1)));
        }
    }

    @AfterAll
    void stopServer() {
        embedded.close();
    }

    @BeforeEach
    void freshOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private static String chain(int i) {
        return "chain-%02d".formatted(i);
    }

    /** The environment a CI job would have: the server's keys, a region, and no shared files of the user's. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", embedded.server().credentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", embedded.server().credentials().secretAccessKey());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", temp.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        return env;
    }

    private int graph(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("graph", "--endpoint-url", embedded.server().endpoint().toString()));
        all.addAll(List.of(args));
        return run(env, all.toArray(String[]::new));
    }

    private int graph(String... args) {
        return graph(environment(), args);
    }

    private int run(Map<String, String> env, String... args) {
        return Arca.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    private void assertOneLineError(int exitCode, String expected) {
        assertThat(err.toString()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(exitCode).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void textListsEveryRepositoryWithItsUpstreamsInPriorityOrderAndTheProblemSections() {
        assertThat(graph("--domain", "team")).isZero();

        assertThat(out.toString()).isEqualTo("""
                domain team, owner %s, 7 repositories

                my_repo -> repo-a, repo-b
                npm-store -> public:npmjs (external connection)
                repo-a -> repo-c, repo-d
                repo-b [resource policy]
                repo-c
                repo-d -> repo-e
                repo-e

                missing upstreams: none
                cycles: none
                chains past the budget of 25: none
                upstreams no request reaches: none
                """.formatted(owner));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void dotDrawsRepositoriesAsBoxesConnectionsAsEllipsesAndPrioritiesOnEdges() {
        assertThat(graph("--domain", "team", "--format", "dot")).isZero();

        assertThat(out.toString()).startsWith("digraph \"team\" {\n").endsWith("}\n")
                .contains("  node [shape=box];\n", "  \"my_repo\";\n", "  \"public:npmjs\" [shape=ellipse];\n",
                        "  \"my_repo\" -> \"repo-a\" [label=\"1\"];\n", "  \"my_repo\" -> \"repo-b\" [label=\"2\"];\n",
                        "  \"repo-d\" -> \"repo-e\" [label=\"1\"];\n", "  \"npm-store\" -> \"public:npmjs\";\n")
                .doesNotContain("dashed");
    }

    @Test
    void jsonIsTheStableDocumentWithEveryKeyPresent() throws Exception {
        assertThat(graph("--domain", "team", "--format", "json")).isZero();

        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertThat(document.fieldNames()).toIterable().containsExactly("domain", "owner", "repositories",
                "danglingEdges", "cycles", "chainsPastBudget", "unreachedUpstreams");
        assertThat(document.get("domain").asText()).isEqualTo("team");
        assertThat(document.get("owner").asText()).isEqualTo(owner);
        assertThat(document.get("repositories").findValuesAsText("name"))
                .containsExactly("my_repo", "npm-store", "repo-a", "repo-b", "repo-c", "repo-d", "repo-e");
        JsonNode myRepo = document.get("repositories").get(0);
        assertThat(myRepo.fieldNames()).toIterable()
                .containsExactly("name", "upstreams", "externalConnection", "administrator", "hasPolicy");
        assertThat(myRepo.get("upstreams").toString()).isEqualTo("[\"repo-a\",\"repo-b\"]");
        assertThat(myRepo.get("externalConnection").isNull()).isTrue();
        assertThat(myRepo.get("administrator").asText()).isEqualTo(owner);
        assertThat(document.get("repositories").get(1).get("externalConnection").asText()).isEqualTo("public:npmjs");
        assertThat(document.get("repositories").get(3).get("hasPolicy").asBoolean()).isTrue();
        assertThat(document.get("danglingEdges").isEmpty()).isTrue();
        assertThat(document.get("cycles").isEmpty()).isTrue();
        assertThat(document.get("chainsPastBudget").isEmpty()).isTrue();
        assertThat(document.get("unreachedUpstreams").isEmpty()).isTrue();
    }

    @Test
    void explainPrintsTheGuidesSearchOrderOneRepositoryPerLine() {
        assertThat(graph("--domain", "team", "--explain", "my_repo")).isZero();

        assertThat(out.toString()).isEqualTo("""
                1 my_repo
                2 repo-a
                3 repo-c
                4 repo-d
                5 repo-e
                6 repo-b
                """);
    }

    @Test
    void explainNamesTheExternalConnectionWhereTheSearchMeetsIt() {
        assertThat(graph("--domain", "team", "--explain", "npm-store")).isZero();

        assertThat(out.toString()).isEqualTo("1 npm-store (external connection public:npmjs)\n");
    }

    @Test
    void explainListsWhatLiesPastTheBudgetOfTwentyFive() {
        assertThat(graph("--domain", "long", "--explain", "chain-01")).isZero();

        StringBuilder expected = new StringBuilder();
        IntStream.rangeClosed(1, 25).forEach(i -> expected.append(i).append(' ').append(chain(i)).append('\n'));
        expected.append("past the budget of 25: chain-26, chain-27, chain-28, chain-29, chain-30\n");
        assertThat(out.toString()).isEqualTo(expected.toString());
    }

    @Test
    void explainAsJsonGivesPositionsAndDepths() throws Exception {
        assertThat(graph("--domain", "team", "--explain", "my_repo", "--format", "json")).isZero();

        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertThat(document.get("repository").asText()).isEqualTo("my_repo");
        assertThat(document.get("budget").asInt()).isEqualTo(25);
        assertThat(document.get("order").findValuesAsText("repository"))
                .containsExactly("my_repo", "repo-a", "repo-c", "repo-d", "repo-e", "repo-b");
        assertThat(document.get("order").findValues("depth")).extracting(JsonNode::asInt)
                .containsExactly(0, 1, 2, 2, 3, 1);
        assertThat(document.get("pastBudget").isEmpty()).isTrue();
    }

    @Test
    void traceFollowsTheSearchOrderToTheFirstRepositoryThatServesTheVersion() {
        assertThat(graph("--domain", "team", "--trace", "my_repo", "--format-name", "generic", "--namespace", "tools",
                "--package", "lint", "--version", "1.0.0")).isZero();

        assertThat(out.toString()).isEqualTo("""
                tools/lint 1.0.0 (generic) requested from my_repo
                1 my_repo: searched; none of the package
                2 repo-a: searched; none of the package
                3 repo-c: searched; none of the package
                4 repo-d: searched; none of the package
                5 repo-e: serves; stores 1.0.0 (Published; INTERNAL, entered the domain at repo-e)
                6 repo-b: not consulted; stores 1.0.0 (Published; INTERNAL, entered the domain at repo-b)
                repo-e serves 1.0.0; it is retained in my_repo, not in the repositories between.
                """);
    }

    @Test
    void traceSaysWhereOriginControlsEndTheSearch() {
        assertThat(graph("--domain", "team", "--trace", "my_repo", "--format-name", "generic", "--namespace", "tools",
                "--package", "fmt", "--version", "2.0.0")).isZero();

        assertThat(out.toString()).isEqualTo("""
                tools/fmt 2.0.0 (generic) requested from my_repo
                1 my_repo: searched; none of the package
                2 repo-a: searched; has the package, not 2.0.0; the search stops here: the package's origin controls\
                 in repo-a block upstream
                3 repo-b: serves; stores 2.0.0 (Published; INTERNAL, entered the domain at repo-b)
                repo-b serves 2.0.0; it is retained in my_repo, not in the repositories between.
                """);
    }

    @Test
    void traceWithoutAVersionCountsTheVersionsOnTheWay() {
        assertThat(graph("--domain", "team", "--trace", "repo-a", "--format-name", "generic", "--namespace", "tools",
                "--package", "lint")).isZero();

        assertThat(out.toString()).contains("4 repo-e: searched; 1 version, default 1.0.0\n")
                .endsWith("Clients of repo-a see versions from repo-e (1).\n");
    }

    @Test
    void traceShowsTheExternalConnectionThatWouldFetchAnUnstoredVersion() {
        assertThat(graph("--domain", "team", "--trace", "npm-store", "--format-name", "npm", "--namespace", "@types",
                "--package", "node", "--version", "20.1.0")).isZero();

        assertThat(out.toString()).startsWith("""
                @types/node 20.1.0 (npm) requested from npm-store
                1 npm-store: fetches; none of the package; external connection public:npmjs
                20.1.0 would be fetched through public:npmjs at npm-store""");
    }

    @Test
    void traceAsJsonGivesRolesAndTheOutcome() throws Exception {
        assertThat(graph("--domain", "team", "--trace", "my_repo", "--format-name", "generic", "--namespace", "tools",
                "--package", "lint", "--version", "1.0.0", "--format", "json")).isZero();

        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertThat(document.fieldNames()).toIterable().containsExactly("domain", "repository", "format", "namespace",
                "package", "version", "steps", "outcome");
        assertThat(document.get("steps").findValuesAsText("role"))
                .containsExactly("SEARCHED", "SEARCHED", "SEARCHED", "SEARCHED", "SERVES", "NOT_CONSULTED");
        assertThat(document.get("steps").get(0).get("stored").isNull()).isTrue();
        assertThat(document.get("steps").get(4).get("stored").get("version").get("entryRepository").asText())
                .isEqualTo("repo-e");
        assertThat(document.get("outcome").get("servedFrom").asText()).isEqualTo("repo-e");
        assertThat(document.get("outcome").get("retainedIn").toString()).isEqualTo("[\"my_repo\"]");
        assertThat(document.get("outcome").get("fetchedBy").isNull()).isTrue();
    }

    @Test
    void theTextListingReportsChainsPastTheBudgetAndUnreachedUpstreams() {
        assertThat(graph("--domain", "long")).isZero();

        assertThat(out.toString()).contains("""
                chains past the budget of 25:
                  chain-01 never reaches chain-26, chain-27, chain-28, chain-29, chain-30
                  chain-02 never reaches chain-27, chain-28, chain-29, chain-30
                """).contains("upstreams no request reaches: none\n");
    }

    @Test
    void aProfileOfTheSharedFilesGivesCredentialsAndRegion() throws Exception {
        Path config = Files.writeString(temp.resolve("config"), "[profile ci]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(temp.resolve("credentials"), "[ci]\naws_access_key_id = "
                + embedded.server().credentials().accessKeyId() + "\naws_secret_access_key = "
                + embedded.server().credentials().secretAccessKey() + "\n");
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString());

        assertThat(graph(env, "--domain", "team", "--profile", "ci", "--explain", "repo-d")).isZero();

        assertThat(out.toString()).isEqualTo("1 repo-d\n2 repo-e\n");
    }

    @Test
    void theDomainOwnerMayBeNamed() {
        assertThat(graph("--domain", "team", "--domain-owner", owner, "--explain", "repo-a")).isZero();

        assertThat(out.toString()).startsWith("1 repo-a\n2 repo-c\n");
    }

    @Test
    void helpDocumentsTheOptions() {
        assertThat(run(Map.of(), "graph", "--help")).isZero();

        assertThat(out.toString()).contains("--domain", "--domain-owner", "--format", "--explain", "--trace",
                "--format-name", "--package", "--namespace", "--version", "--endpoint-url", "--profile", "--region");
    }

    // Bad input: one sentence on stderr, exit 2

    @Test
    void anUnknownDomainIsOneLine() {
        assertOneLineError(graph("--domain", "nowhere"), "arca graph: ");
        assertThat(err.toString()).contains("nowhere");
    }

    @Test
    void anUnknownRepositoryToExplainIsOneLine() {
        assertOneLineError(graph("--domain", "team", "--explain", "nothing"),
                "arca graph: Repository nothing is not in domain team.");
    }

    @Test
    void anUnknownRepositoryToTraceIsOneLine() {
        assertOneLineError(graph("--domain", "team", "--trace", "nothing", "--format-name", "npm", "--package", "x"),
                "arca graph: Repository nothing is not in domain team.");
    }

    @Test
    void anUnknownPackageFormatListsTheValidOnes() {
        assertOneLineError(graph("--domain", "team", "--trace", "my_repo", "--format-name", "rpm", "--package", "x"),
                "--format-name 'rpm' is not a package format; use one of [npm, pypi, maven, nuget, generic, ruby,"
                        + " swift, cargo]");
    }

    @Test
    void anUnknownOutputFormatListsTheValidOnes() {
        assertOneLineError(graph("--domain", "team", "--format", "svg"), "use one of text, dot, json, not 'svg'");
    }

    @Test
    void aTraceNeedsAPackage() {
        assertOneLineError(graph("--domain", "team", "--trace", "my_repo", "--format-name", "npm"),
                "--trace needs --package");
    }

    @Test
    void aTraceNeedsAFormat() {
        assertOneLineError(graph("--domain", "team", "--trace", "my_repo", "--package", "lodash"),
                "--trace needs --format-name, one of [npm,");
    }

    @Test
    void packageOptionsWithoutATraceAreRefused() {
        assertOneLineError(graph("--domain", "team", "--package", "lodash", "--version", "1.0.0"),
                "--package, --version only goes with --trace");
    }

    @Test
    void explainAndTraceTogetherAreRefused() {
        assertOneLineError(graph("--domain", "team", "--explain", "my_repo", "--trace", "my_repo",
                "--format-name", "npm", "--package", "lodash"), "--explain and --trace cannot be used together");
    }

    @Test
    void explainAndTraceDoNotDraw() {
        assertOneLineError(graph("--domain", "team", "--explain", "my_repo", "--format", "dot"),
                "--explain and --trace print text or json");
    }

    @Test
    void aMissingDomainIsOneLine() {
        assertOneLineError(graph(), "Missing required option: '--domain=DOMAIN'");
    }

    @Test
    void noRegionAnywhereIsOneLine() {
        Map<String, String> env = environment();
        env.remove("AWS_REGION");

        assertOneLineError(graph(env, "--domain", "team"), "arca graph: No region is set: pass --region,");
    }

    @Test
    void theRegionOptionIsEnough() {
        Map<String, String> env = environment();
        env.remove("AWS_REGION");

        assertThat(graph(env, "--domain", "team", "--region", "us-west-2", "--explain", "repo-e")).isZero();
        assertThat(out.toString()).isEqualTo("1 repo-e\n");
    }

    @Test
    void anUnknownProfileIsOneLine() {
        assertOneLineError(graph("--domain", "team", "--profile", "nobody"), "There is no AWS profile nobody in ");
    }

    @Test
    void halfSetKeysAreOneLine() {
        Map<String, String> env = environment();
        env.remove("AWS_SECRET_ACCESS_KEY");

        assertOneLineError(graph(env, "--domain", "team"),
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together.");
    }

    @Test
    void wrongKeysAreOneLine() {
        Map<String, String> env = environment();
        env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");

        assertOneLineError(graph(env, "--domain", "team"), "arca graph: ");
    }

    @Test
    void anUnreachableEndpointIsOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertOneLineError(run(environment(), "graph", "--endpoint-url", "http://127.0.0.1:" + closed,
                "--domain", "team"), "127.0.0.1:" + closed + " cannot be reached.");
    }

    @Test
    void aMalformedEndpointIsOneLine() {
        assertOneLineError(run(environment(), "graph", "--endpoint-url", "127.0.0.1:8080", "--domain", "team"),
                "--endpoint-url must be an absolute http or https URL, not '127.0.0.1:8080'");
    }
}
