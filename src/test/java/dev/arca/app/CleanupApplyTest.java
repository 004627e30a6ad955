package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.gateway.EmbeddedGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arca cleanup --apply} and {@code --resume} against a real local server. */
class CleanupApplyTest {

    @TempDir
    Path temp;

    private EmbeddedGateway embedded;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void arrange() throws Exception {
        embedded = new EmbeddedGateway(temp.resolve("server"));
        embedded.gateway().createDomain("shop", Optional.empty());
        embedded.gateway().createRepository("shop", "dev", Optional.empty(), List.of());
        for (String version : List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0")) {
            embedded.publishGeneric("shop", "dev", "tools", "lint", version,
                    version.getBytes(StandardCharsets.UTF_8));
            Thread.sleep(5); // distinct publish times, so "newest" reads the same on every machine
        }
        out = new StringWriter();
        err = new StringWriter();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    private int arca(String... args) {
        List<String> all = new ArrayList<>(List.of("cleanup", "--endpoint-url",
                embedded.server().endpoint().toString()));
        all.addAll(List.of(args));
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", embedded.server().credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", embedded.server().credentials().secretAccessKey(),
                "AWS_REGION", "us-east-1",
                "AWS_CONFIG_FILE", temp.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
        return Arca.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    private Map<String, String> statuses() {
        Map<String, String> statuses = new TreeMap<>();
        embedded.sdk().listPackageVersionsPaginator(r -> r.domain("shop").repository("dev").format("generic")
                .namespace("tools").packageValue("lint")).versions().forEach(v -> statuses.put(v.version(),
                v.statusAsString()));
        return statuses;
    }

    @Test
    void applyDoesThePlanReportsEachVersionAndAResumeDoesNothingTwice() throws Exception {
        Path journal = temp.resolve("unlist.journal");
        Path report = temp.resolve("run.json");

        int code = arca("--domain", "shop", "--repository", "dev", "--format", "generic", "--keep-newest", "1",
                "--action", "unlist", "--apply", "--journal", journal.toString(), "--report", report.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(statuses()).containsExactly(Map.entry("1.0.0", "Unlisted"), Map.entry("1.1.0", "Unlisted"),
                Map.entry("1.2.0", "Unlisted"), Map.entry("2.0.0", "Published"));
        assertThat(out.toString().lines().toList()).containsExactly(
                "generic tools/lint 1.2.0 unlist: done",
                "generic tools/lint 1.1.0 unlist: done",
                "generic tools/lint 1.0.0 unlist: done",
                "3 versions: 3 done; journal " + journal);
        assertThat(err.toString()).startsWith("Journal: " + journal + " (if the run is interrupted, finish it with:"
                + " arca cleanup --resume " + journal + ")");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/summary/done").asInt()).isEqualTo(3);
        assertThat(json.at("/versions/0/result").asText()).isEqualTo("done");
        assertThat(json.at("/versions/0/errorCode").isNull()).isTrue();

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(arca("--resume", journal.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1.0.0 unlist: skipped").endsWith("3 versions: 3 skipped; journal "
                + journal + "\n");
        assertThat(statuses()).containsEntry("2.0.0", "Published");
    }

    @Test
    void versionsChangedByHandArePlannedAsTheyAreNowAndTheCsvReportsTheRun() throws Exception {
        Path journal = temp.resolve("archive.journal");
        assertThat(arca("--domain", "shop", "--repository", "dev", "--format", "generic", "--version-regex",
                "1\\.0\\.0", "--action", "unlist", "--apply", "--journal", journal.toString())).isZero();
        embedded.sdk().updatePackageVersionsStatus(r -> r.domain("shop").repository("dev").format("generic")
                .namespace("tools").packageValue("lint").versions("1.1.0").targetStatus("Archived"));
        Path csv = temp.resolve("run.csv");
        Path second = temp.resolve("second.journal");
        out.getBuffer().setLength(0);

        int code = arca("--domain", "shop", "--repository", "dev", "--format", "generic", "--version-regex",
                "1\\.[01]\\.0", "--status", "published", "--status", "archived", "--action", "unlist", "--apply",
                "--journal", second.toString(), "--report", csv.toString());

        // 1.0.0 is Unlisted now, so the plan keeps it; 1.1.0 is planned from Archived and changed.
        assertThat(code).as(out + err.toString()).isZero();
        assertThat(statuses()).containsEntry("1.1.0", "Unlisted");
        assertThat(Files.readString(csv)).startsWith("format,namespace,package,version,action,result,errorCode,"
                + "message\r\ngeneric,tools,lint,1.1.0,unlist,done,,");
    }

    @Test
    void disposeAndDeleteNeedTheRepositoryNameAgainAndNothingIsSentWithout() {
        int code = arca("--domain", "shop", "--repository", "dev", "--format", "generic", "--keep-newest", "2",
                "--action", "delete", "--apply");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("these rules dispose or delete versions, which cannot be undone: add"
                + " --confirm dev").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
        assertThat(statuses()).hasSize(4);

        err.getBuffer().setLength(0);
        assertThat(arca("--domain", "shop", "--repository", "dev", "--format", "generic", "--keep-newest", "2",
                "--action", "delete", "--apply", "--confirm", "dev", "--journal",
                temp.resolve("delete.journal").toString())).as(err.toString()).isZero();
        assertThat(statuses()).containsOnlyKeys("1.2.0", "2.0.0");
    }

    @Test
    void resumeTakesEverythingFromItsJournalAndRefusesADamagedOne() throws Exception {
        assertThat(arca("--resume", temp.resolve("x.journal").toString(), "--domain", "shop")).isEqualTo(2);
        assertThat(err.toString()).contains("--resume takes the repository and the plan from its journal");

        err.getBuffer().setLength(0);
        Path damaged = Files.writeString(temp.resolve("damaged.journal"), "not a journal\n");
        assertThat(arca("--resume", damaged.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("damaged.journal").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();

        err.getBuffer().setLength(0);
        assertThat(arca("--domain", "shop", "--repository", "dev", "--format", "generic", "--action", "unlist",
                "--dry-run", "--apply")).isEqualTo(2);
        assertThat(err.toString()).contains("give only one of them");
        assertThat(statuses()).containsValue("Published").doesNotContainValue("Unlisted");
    }
}
