package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.gateway.EmbeddedGateway;
import dev.arca.workflow.MavenDeploys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/**
 * {@code arca cleanup --dry-run} against a real local server: a repository with generic versions in three statuses
 * and Maven releases beside an unfinished deploy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanupCommandTest {

    private static final String SELECTED = "selected by rule 1 \"from command-line flags\"";

    @TempDir
    static Path temp;

    private EmbeddedGateway embedded;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    void arrange() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        embedded.gateway().createDomain("shop", Optional.empty());
        embedded.gateway().createRepository("shop", "dev", Optional.empty(), List.of());
        embedded.gateway().createRepository("shop", "prod", Optional.empty(), List.of());
        embedded.gateway().createRepository("shop", "consumer", Optional.empty(), List.of("dev"));
        for (String[] v : new String[][] {{"1.0.0", "abc"}, {"1.1.0", "abcde"}, {"2.0.0", "abcdefg"}}) {
            embedded.publishGeneric("shop", "dev", "tools", "lint", v[0], v[1].getBytes(StandardCharsets.UTF_8));
            Thread.sleep(5); // distinct publish times, so "newest" reads the same on every machine
        }
        setStatus("1.0.0", PackageVersionStatus.ARCHIVED);
        setStatus("1.1.0", PackageVersionStatus.UNLISTED);
        for (String version : List.of("1.0", "1.1")) {
            MavenDeploys.deploy(embedded.gateway(), "shop", "dev", "com.example", "lib", version, true);
            Thread.sleep(5);
        }
        MavenDeploys.deploy(embedded.gateway(), "shop", "dev", "com.example", "lib", "1.2", false);
    }

    private void setStatus(String version, PackageVersionStatus status) {
        embedded.sdk().updatePackageVersionsStatus(r -> r.domain("shop").repository("dev").format("generic")
                .namespace("tools").packageValue("lint").versions(version).targetStatus(status));
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

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", embedded.server().credentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", embedded.server().credentials().secretAccessKey());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", temp.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        return env;
    }

    /** {@code arca cleanup --endpoint-url … --domain shop --repository dev ARGS}. */
    private int cleanup(String... args) {
        List<String> all = new ArrayList<>(List.of("cleanup", "--endpoint-url",
                embedded.server().endpoint().toString(), "--domain", "shop", "--repository", "dev"));
        all.addAll(List.of(args));
        return Arca.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                environment());
    }

    private void assertOneLineError(int exitCode, String expected) {
        assertThat(err.toString()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(exitCode).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    private Path file(String name, String content) throws Exception {
        Path path = temp.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private Map<String, String> lintStatuses() {
        Map<String, String> statuses = new HashMap<>();
        embedded.sdk().listPackageVersionsPaginator(r -> r.domain("shop").repository("dev").format("generic")
                .namespace("tools").packageValue("lint")).versions().forEach(v -> statuses.put(v.version(),
                v.statusAsString()));
        return statuses;
    }

    @Test
    void flagsPlanOneRuleAndTheDryRunPrintsOneLinePerVersionThenTheSummary() {
        int code = cleanup("--format", "generic", "--namespace", "tools", "--keep-newest", "1", "--action", "delete",
                "--dry-run");

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "generic tools/lint  2.0.0  keep  kept: #1 of the newest 1 by publishedTime (rule 1)",
                "generic tools/lint  1.1.0  delete  " + SELECTED,
                "generic tools/lint  1.0.0  delete  " + SELECTED,
                "3 versions: 2 delete, 1 keep; frees 8 B");
    }

    @Test
    void theDryRunChangesNothing() {
        Map<String, String> before = lintStatuses();

        assertThat(cleanup("--format", "generic", "--action", "delete", "--dry-run")).isZero();

        assertThat(lintStatuses()).isEqualTo(before).hasSize(3);
    }

    @Test
    void statusFlagsSelectVersionsThatWereUnlistedOrArchived() {
        assertThat(cleanup("--status", "unlisted", "--status", "Archived", "--action", "publish", "--dry-run"))
                .isZero();

        assertThat(out.toString().lines()).containsExactly(
                "maven com.example:lib  1.2  keep  kept: no rule selects it",
                "maven com.example:lib  1.1  keep  kept: no rule selects it",
                "maven com.example:lib  1.0  keep  kept: no rule selects it",
                "generic tools/lint  2.0.0  keep  kept: no rule selects it",
                "generic tools/lint  1.1.0  publish  " + SELECTED,
                "generic tools/lint  1.0.0  publish  " + SELECTED,
                "6 versions: 2 publish, 4 keep");
    }

    @Test
    void keepLatestHoldsBackTheLatestReleaseAndTheDefaultDisplayVersion() {
        assertThat(cleanup("--format", "maven", "--action", "archive", "--keep-latest", "--dry-run")).isZero();

        assertThat(out.toString().lines()).containsExactly(
                "maven com.example:lib  1.2  archive  " + SELECTED,
                "maven com.example:lib  1.1  keep  kept: the latest release (guard), selected by rule 1",
                "maven com.example:lib  1.0  archive  " + SELECTED,
                "3 versions: 2 archive, 1 keep");
    }

    @Test
    void keepServedDownstreamHoldsBackWhatARepositoryReadingThisOneGetsFromIt() {
        assertThat(cleanup("--format", "generic", "--action", "archive", "--keep-served-downstream", "--dry-run"))
                .isZero();

        String guard = "kept: consumer gets it from here through its upstreams (guard), selected by rule 1";
        assertThat(out.toString().lines()).contains(
                "generic tools/lint  2.0.0  keep  " + guard,
                "generic tools/lint  1.1.0  keep  " + guard,
                "3 versions: 3 keep");
    }

    @Test
    void copyPlansIntoAnotherRepositoryOfTheDomain() {
        assertThat(cleanup("--format", "generic", "--status", "Published", "--action", "copy", "--to", "prod",
                "--dry-run")).isZero();

        assertThat(out.toString()).contains("generic tools/lint  2.0.0  copy  " + SELECTED)
                .endsWith("3 versions: 1 copy, 2 keep\n");
    }

    @Test
    void aRulesFileIsPlannedOverThePackagesItsRulesTouchAndTheJsonReportMatchesTheDryRun() throws Exception {
        Path rules = file("snapshots.json", """
                {
                  "rules": [
                    {"rulePriority": 1, "description": "Old Maven builds", "selection": {"format": "maven",
                     "keepNewest": 1, "newestBy": "version"}, "action": {"type": "dispose"}}
                  ]
                }
                """);
        Path report = temp.resolve("plan.json");

        assertThat(cleanup("--rules", rules.toString(), "--dry-run", "--report", report.toString())).isZero();

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("repository").asText()).isEqualTo("dev");
        assertThat(json.get("summary").get("text").asText()).isEqualTo(out.toString().lines().toList().getLast());
        assertThat(json.get("versions")).hasSize(3); // only Maven packages are read: the rule touches no others
        List<String> lines = new ArrayList<>();
        json.get("versions").forEach(v -> lines.add(v.get("package").asText() + " " + v.get("version").asText()
                + " " + v.get("status").asText() + " " + v.get("action").asText()));
        assertThat(lines).containsExactly("lib 1.2 Unfinished keep", "lib 1.1 Published keep",
                "lib 1.0 Published dispose");
        assertThat(json.get("versions").get(1).get("reason").asText())
                .isEqualTo("kept: the latest release (guard), selected by rule 1");
        assertThat(json.get("versions").get(2).get("bytesFreed").asLong()).isPositive()
                .isEqualTo(json.get("summary").get("bytesFreed").asLong());
    }

    @Test
    void theCsvReportHasOneRowPerVersion() throws Exception {
        Path report = temp.resolve("plan.csv");

        assertThat(cleanup("--format", "generic", "--action", "unlist", "--dry-run", "--report", report.toString()))
                .isZero();

        assertThat(Files.readAllLines(report)).containsExactly(
                "format,namespace,package,version,status,action,reason,bytes",
                "generic,tools,lint,2.0.0,Published,unlist,\"" + SELECTED.replace("\"", "\"\"") + "\",",
                "generic,tools,lint,1.1.0,Unlisted,keep,\"kept: already Unlisted, selected by rule 1\",",
                "generic,tools,lint,1.0.0,Archived,unlist,\"" + SELECTED.replace("\"", "\"\"") + "\",");
    }

    @Test
    void anUnknownRuleFieldIsTheParsersSentenceWithLineAndColumn() throws Exception {
        Path rules = file("typo.json", """
                {"rules": [
                  {"rulePriority": 1, "selection": {"keepNewst": 3}, "action": {"type": "delete"}}
                ]}
                """);

        assertOneLineError(cleanup("--rules", rules.toString(), "--dry-run"),
                "typo.json: Unknown field 'keepNewst' in a selection");
        assertThat(err.toString()).contains("Did you mean keepNewest? (line 2, column 37)");
    }

    @Test
    void aMalformedRulesFileIsRefusedWithItsPosition() throws Exception {
        Path rules = file("broken.json", "{\"rules\": [\n  {\"rulePriority\": 1,,}\n]}\n");

        assertOneLineError(cleanup("--rules", rules.toString(), "--dry-run"),
                "broken.json: The rule set is not valid JSON");
        assertThat(err.toString()).contains("(line 2, column");
    }

    @Test
    void aRulesFileThatDoesNotExistIsBadInput() {
        assertOneLineError(cleanup("--rules", temp.resolve("missing.json").toString(), "--dry-run"),
                "The rules file " + temp.resolve("missing.json") + " does not exist.");
    }

    @Test
    void aRepositoryThatDoesNotExistIsBadInput() {
        List<String> args = new ArrayList<>(List.of("cleanup", "--endpoint-url",
                embedded.server().endpoint().toString(), "--domain", "shop", "--repository", "nowhere",
                "--action", "delete", "--dry-run"));
        int code = Arca.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                environment());

        assertOneLineError(code, "arca cleanup: Repository nowhere does not exist in domain shop.");
    }

    @Test
    void aDomainThatDoesNotExistIsBadInputInTheServicesWords() {
        List<String> args = List.of("cleanup", "--endpoint-url", embedded.server().endpoint().toString(),
                "--domain", "nope", "--repository", "dev", "--action", "delete", "--dry-run");
        int code = Arca.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                environment());

        assertOneLineError(code, "arca cleanup: Domain nope does not exist in account "
                + embedded.server().config().accountId());
    }

    @Test
    void aCopyDestinationThatDoesNotExistIsBadInput() {
        assertOneLineError(cleanup("--action", "copy", "--to", "staging", "--dry-run"),
                "arca cleanup: The copy destination staging does not exist in domain shop.");
    }

    @Test
    void aRegexThatDoesNotCompileIsBadInput() {
        assertOneLineError(cleanup("--version-regex", "1.(0", "--action", "delete", "--dry-run"),
                "--version-regex does not compile: Unclosed group");
        assertThat(err.toString()).isEqualTo("arca cleanup: --version-regex does not compile: Unclosed group at"
                + " character 5 of '1.(0' (see 'arca cleanup --help')\n");
    }

    @Test
    void aRulesFileAndRuleFlagsTogetherConflict() throws Exception {
        Path rules = file("any.json", "{\"rules\": [{\"rulePriority\": 1, \"selection\": {}, \"action\":"
                + " {\"type\": \"delete\"}}]}");

        assertOneLineError(cleanup("--rules", rules.toString(), "--keep-newest", "3", "--dry-run"),
                "--rules and --keep-newest cannot be used together");
        assertThat(err.toString()).isEqualTo("arca cleanup: --rules and --keep-newest cannot be used together; put"
                + " the rule in the file or drop --rules (see 'arca cleanup --help')\n");
    }

    @Test
    void withoutDryRunNothingIsPlannedOrChanged() {
        assertOneLineError(cleanup("--action", "delete"), "say what to do: --dry-run (plan and print), --apply");
        assertThat(lintStatuses()).hasSize(3);
    }

    @Test
    void withoutRulesTheCommandSaysHowToGiveThem() {
        assertOneLineError(cleanup("--dry-run"), "give the rules: --rules FILE, or flags such as");
    }

    @Test
    void flagProblemsNameTheFlag() {
        assertOneLineError(cleanup("--action", "purge", "--dry-run"), "--action 'purge' is not an action");
        freshOutput();
        assertOneLineError(cleanup("--action", "delete", "--to", "prod", "--dry-run"),
                "--to only applies to --action copy");
        freshOutput();
        assertOneLineError(cleanup("--action", "copy", "--dry-run"), "--action copy needs --to REPOSITORY");
        freshOutput();
        assertOneLineError(cleanup("--status", "gone", "--action", "delete", "--dry-run"),
                "--status 'gone' is not a version status");
        freshOutput();
        assertOneLineError(cleanup("--keep-newest", "0", "--action", "delete", "--dry-run"),
                "--keep-newest is a whole number from 1 to");
    }

    @Test
    void aReportThatIsNeitherJsonNorCsvIsRefusedBeforeAnythingIsSent() {
        assertOneLineError(cleanup("--action", "delete", "--dry-run", "--report", "plan.txt"),
                "--report 'plan.txt' must end in .json or .csv");
    }

    @Test
    void aReportInAFolderThatDoesNotExistIsRefusedBeforeAnythingIsSent() {
        Path report = temp.resolve("no-such-folder").resolve("plan.json");

        assertOneLineError(cleanup("--action", "delete", "--dry-run", "--report", report.toString()),
                "--report '" + report + "' is in a folder that does not exist: " + report.getParent());
    }

    @Test
    void aReportThatCannotBeWrittenIsBadInputAndTheDryRunIsNotPrinted() throws Exception {
        Path report = Files.createDirectories(temp.resolve("taken.json"));

        assertOneLineError(cleanup("--action", "delete", "--dry-run", "--report", report.toString()),
                "Cannot write the report to " + report + " (is a directory).");
    }

    @Test
    void helpListsTheOptionsAndWhatEachModeDoes() {
        int code = Arca.execute(new String[] {"cleanup", "--help"}, new PrintWriter(out, true),
                new PrintWriter(err, true), environment());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("changing nothing").contains("--rules=FILE").contains("--dry-run")
                .contains("--keep-newest=N").contains("--to=REPOSITORY").contains("--endpoint-url=URL")
                .contains("--apply").contains("--resume=JOURNAL").contains("--confirm=REPOSITORY");
    }
}
