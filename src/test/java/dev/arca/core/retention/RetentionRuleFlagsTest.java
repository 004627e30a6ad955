package dev.arca.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetentionRuleFlagsTest {

    @Test
    void flagsBuildTheSameRuleADocumentWould() {
        RetentionRuleSet fromFlags = new RetentionRuleFlags().format("maven").namespace("com.example")
                .packagePrefix("lib").status("Unlisted").status("archived").versionRegex(".*-SNAPSHOT")
                .keepNewest(10).olderThanDays(30).keepLatest(true).action("delete").build();
        RetentionRuleSet fromDocument = RetentionRuleParser.parse("""
                {"rules": [{"rulePriority": 1, "description": "from command-line flags",
                  "selection": {"format": "maven", "namespace": "com.example", "packagePrefix": "lib",
                    "statuses": ["Unlisted", "Archived"], "versionRegex": ".*-SNAPSHOT", "keepNewest": 10,
                    "olderThanDays": 30},
                  "action": {"type": "delete"}}]}""");

        assertThat(fromFlags).isEqualTo(fromDocument);
    }

    @Test
    void withoutKeepLatestTheGuardsAreOff() {
        assertThat(new RetentionRuleFlags().action("unlist").build().guards()).isEqualTo(RetentionGuards.NONE);
    }

    @Test
    void copyNeedsADestination() {
        RetentionRuleSet set = new RetentionRuleFlags().action("copy").to("prod").includeFromUpstream(true).build();
        assertThat(set.rules().getFirst().action()).isEqualTo(new RetentionAction.Copy("prod", false, true));
        assertThat(set.rules().getFirst().selection().format()).isEmpty();
        assertThat(set.rules().getFirst().selection().keepNewest()).isEqualTo(OptionalInt.empty());

        assertThatThrownBy(() -> new RetentionRuleFlags().action("copy").build())
                .hasMessage("--action copy needs --to REPOSITORY");
        assertThatThrownBy(() -> new RetentionRuleFlags().action("archive").to("prod").build())
                .hasMessage("--to only applies to --action copy");
    }

    @Test
    void badFlagValuesNameTheFlag() {
        assertThatThrownBy(() -> new RetentionRuleFlags().build()).hasMessageStartingWith("--action is required");
        assertThatThrownBy(() -> new RetentionRuleFlags().format("rpm")).hasMessageStartingWith("--format 'rpm'");
        assertThatThrownBy(() -> new RetentionRuleFlags().status("gone")).hasMessageStartingWith("--status 'gone'");
        assertThatThrownBy(() -> new RetentionRuleFlags().versionRegex("a("))
                .hasMessageStartingWith("--version-regex does not compile: Unclosed group");
        assertThatThrownBy(() -> new RetentionRuleFlags().keepNewest(0))
                .hasMessage("--keep-newest is a whole number from 1 to 1000000, not 0");
        assertThatThrownBy(() -> new RetentionRuleFlags().olderThanDays(-1))
                .hasMessageStartingWith("--older-than-days");
        assertThatThrownBy(() -> new RetentionRuleFlags().action("expire")).hasMessageStartingWith("--action 'expire'");
        assertThatThrownBy(() -> new RetentionRuleFlags().namespace("a/b")).hasMessageStartingWith("--namespace 'a/b'");
    }

    @Test
    void statusesAndFormatIgnoreCase() {
        RetentionRuleSet set = new RetentionRuleFlags().format("MAVEN").status("PUBLISHED").action("Archive").build();
        assertThat(set.rules().getFirst().selection().format()).contains(PackageFormat.MAVEN);
        assertThat(set.rules().getFirst().selection().statuses()).containsExactly(VersionStatus.PUBLISHED);
        assertThat(set.rules().getFirst().action().kind()).isEqualTo(ActionKind.ARCHIVE);
    }
}
