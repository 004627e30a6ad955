package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.CandidateVersion;
import dev.arca.core.retention.OriginType;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleFlags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlanReportTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final PackageRef LIB = new PackageRef(PackageFormat.MAVEN, "com.example", "lib");
    private static final PackageRef ODD = new PackageRef(PackageFormat.GENERIC, "tools", "a,\"b\"");

    private static CandidateVersion version(String version, int daysAgo, OptionalLong size) {
        return new CandidateVersion(version, VersionStatus.PUBLISHED, Optional.of(NOW.minus(Duration.ofDays(daysAgo))),
                OriginType.INTERNAL, size, "rev-" + version);
    }

    /** lib: 1.2 kept (newest), 1.1 and 1.0 deleted; a generic package with an awkward name, its size unknown. */
    private static PlanReport report() {
        RetentionPlan plan = new RetentionPlanner(new RetentionRuleFlags().keepNewest(1).action("delete").build())
                .plan(List.of(
                        new PackageVersions(LIB, Optional.of("1.2"), List.of(version("1.0", 3, OptionalLong.of(100)),
                                version("1.1", 2, OptionalLong.of(200)), version("1.2", 1, OptionalLong.of(300)))),
                        new PackageVersions(ODD, Optional.empty(), List.of(version("1", 5, OptionalLong.empty()),
                                version("2", 4, OptionalLong.empty())))), NOW);
        return new PlanReport("shop", "dev", NOW, plan);
    }

    @Test
    void textIsOneLinePerVersionInPlanOrderThenTheSummary() {
        assertThat(report().text().lines()).containsExactly(
                "maven com.example:lib  1.2  keep  kept: #1 of the newest 1 by publishedTime (rule 1)",
                "maven com.example:lib  1.1  delete  selected by rule 1 \"from command-line flags\"",
                "maven com.example:lib  1.0  delete  selected by rule 1 \"from command-line flags\"",
                "generic tools/a,\"b\"  2  keep  kept: #1 of the newest 1 by publishedTime (rule 1)",
                "generic tools/a,\"b\"  1  delete  selected by rule 1 \"from command-line flags\"",
                "5 versions: 3 delete, 2 keep; frees 300 B (1 of unknown size)");
    }

    @Test
    void csvHasAHeaderAndOneRowPerVersionQuotedWhereNeeded() {
        assertThat(report().csv()).isEqualTo(String.join("\r\n", List.of(
                "format,namespace,package,version,status,action,reason,bytes",
                "maven,com.example,lib,1.2,Published,keep,kept: #1 of the newest 1 by publishedTime (rule 1),300",
                "maven,com.example,lib,1.1,Published,delete,\"selected by rule 1 \"\"from command-line flags\"\"\",200",
                "maven,com.example,lib,1.0,Published,delete,\"selected by rule 1 \"\"from command-line flags\"\"\",100",
                "generic,tools,\"a,\"\"b\"\"\",2,Published,keep,kept: #1 of the newest 1 by publishedTime (rule 1),",
                "generic,tools,\"a,\"\"b\"\"\",1,Published,delete,\"selected by rule 1 \"\"from command-line flags\"\"\","))
                + "\r\n");
    }

    @Test
    void jsonCarriesTheContextTheSummaryAndEveryVersionWithEveryKey() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report().json());

        assertThat(json.get("domain").asText()).isEqualTo("shop");
        assertThat(json.get("repository").asText()).isEqualTo("dev");
        assertThat(json.get("plannedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        JsonNode summary = json.get("summary");
        assertThat(summary.get("versions").asInt()).isEqualTo(5);
        assertThat(summary.get("counts").get("delete").asInt()).isEqualTo(3);
        assertThat(summary.get("counts").get("keep").asInt()).isEqualTo(2);
        assertThat(summary.get("counts").get("archive").asInt()).isZero();
        assertThat(summary.get("bytesFreed").asLong()).isEqualTo(300);
        assertThat(summary.get("unknownSizes").asInt()).isEqualTo(1);
        JsonNode first = json.get("versions").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("format", "namespace", "package", "version",
                "status", "revision", "action", "reason", "rulePriority", "bytes", "bytesFreed");
        assertThat(first.get("revision").asText()).isEqualTo("rev-1.2");
        assertThat(json.get("versions").get(1).get("bytesFreed").asLong()).isEqualTo(200);
        assertThat(json.get("versions").get(4).get("bytes").isNull()).isTrue();
        assertThat(json.get("versions").get(4).get("rulePriority").asInt()).isEqualTo(1);
    }
}
