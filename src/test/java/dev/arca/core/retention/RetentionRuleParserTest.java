package dev.arca.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupPattern;
import dev.arca.core.VersionStatus;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class RetentionRuleParserTest {

    private static final String EXAMPLE = """
            {
              "rules": [
                {
                  "rulePriority": 20,
                  "description": "Promote releases to prod",
                  "selection": {
                    "packages": "/maven/com.example~",
                    "statuses": ["Published"],
                    "preRelease": false
                  },
                  "action": {"type": "copy", "to": "prod", "includeFromUpstream": true}
                },
                {
                  "rulePriority": 10,
                  "description": "Keep the newest 10 SNAPSHOT builds per artifact",
                  "selection": {
                    "format": "maven",
                    "snapshot": true,
                    "keepNewest": 10,
                    "newestBy": "version"
                  },
                  "action": {"type": "delete"}
                }
              ]
            }
            """;

    @Test
    void aDocumentReadsAsRulesInPriorityOrderWithSafeGuards() {
        RetentionRuleSet set = RetentionRuleParser.parse(EXAMPLE);

        assertThat(set.rules()).extracting(RetentionRule::priority).containsExactly(10, 20);
        assertThat(set.guards()).isEqualTo(RetentionGuards.SAFE);
        VersionSelection snapshots = set.rules().getFirst().selection();
        assertThat(snapshots.format()).contains(PackageFormat.MAVEN);
        assertThat(snapshots.snapshot()).contains(true);
        assertThat(snapshots.keepNewest()).isEqualTo(OptionalInt.of(10));
        assertThat(snapshots.newestBy()).isEqualTo(NewestBy.VERSION);
        assertThat(set.rules().getFirst().action()).isEqualTo(new RetentionAction.Delete());
        RetentionRule promote = set.rules().get(1);
        assertThat(promote.selection().packages()).contains(PackageGroupPattern.parse("/maven/com.example~"));
        assertThat(promote.selection().statuses()).containsExactly(VersionStatus.PUBLISHED);
        assertThat(promote.selection().preRelease()).contains(false);
        assertThat(promote.action()).isEqualTo(new RetentionAction.Copy("prod", false, true));
    }

    @Test
    void everySelectionFieldAndGuardReads() {
        RetentionRuleSet set = RetentionRuleParser.parse("""
                {"rules": [{"rulePriority": 1, "selection": {"namespace": "space", "packagePrefix": "ui-",
                  "statuses": ["Unlisted", "Archived"], "versionRegex": "1\\\\..*", "origin": "EXTERNAL",
                  "olderThanDays": 90}, "action": {"type": "archive"}}],
                 "guards": {"latestRelease": false}}""");

        VersionSelection s = set.rules().getFirst().selection();
        assertThat(s.namespace()).contains("space");
        assertThat(s.packagePrefix()).contains("ui-");
        assertThat(s.statuses()).containsExactlyInAnyOrder(VersionStatus.UNLISTED, VersionStatus.ARCHIVED);
        assertThat(s.versionRegex()).contains("1\\..*");
        assertThat(s.origin()).contains(OriginType.EXTERNAL);
        assertThat(s.olderThanDays()).isEqualTo(OptionalInt.of(90));
        assertThat(set.rules().getFirst().action()).isEqualTo(new RetentionAction.SetStatus(VersionStatus.ARCHIVED));
        assertThat(set.guards()).isEqualTo(new RetentionGuards(false, true));
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame() {
        RetentionRuleSet set = RetentionRuleParser.parse(EXAMPLE);
        RetentionRuleSet withQuotes = new RetentionRuleSet(java.util.List.of(new RetentionRule(3,
                "say \"hi\"\tnow", VersionSelection.ALL.withVersionRegex(Optional.of("\\d+\\.\\d+"))
                .withStatuses(Set.of(VersionStatus.UNLISTED)).withOrigin(Optional.of(OriginType.INTERNAL))
                .withOlderThanDays(OptionalInt.of(7)).withNamespace(Optional.of("ns")), new RetentionAction.Dispose())),
                RetentionGuards.NONE.withServedDownstream(true));

        assertThat(RetentionRuleParser.parse(RetentionRuleWriter.write(set))).isEqualTo(set);
        assertThat(RetentionRuleParser.parse(RetentionRuleWriter.write(withQuotes))).isEqualTo(withQuotes);
    }

    @Test
    void anUnknownFieldIsReportedWhereItIsWrittenWithASuggestion() {
        assertProblem("""
                {
                  "rules": [
                    {"rulePriority": 1,
                     "selection": {"keepNewst": 3},
                     "action": {"type": "delete"}}
                  ]
                }""")
                .satisfies(e -> {
                    assertThat(e.position().line()).isEqualTo(4);
                    assertThat(e.position().column()).isEqualTo(19);
                    assertThat(e.path()).isEqualTo("rules[0].selection.keepNewst");
                    assertThat(e.detail()).startsWith("Unknown field 'keepNewst' in a selection")
                            .endsWith("Did you mean keepNewest?");
                    assertThat(e.getMessage()).endsWith("(line 4, column 20)");
                });
    }

    @Test
    void anUnknownTopLevelFieldOrRuleFieldIsRefused() {
        assertProblem("{\"rules\": [], \"version\": 1}").extracting(InvalidRuleSetException::detail)
                .asString().startsWith("Unknown field 'version' in the rule set");
        assertProblem("{\"rules\": [{\"rulePriority\": 1, \"selection\": {}, \"action\": {\"type\": \"delete\"},"
                + " \"enabled\": true}]}").extracting(InvalidRuleSetException::path).isEqualTo("rules[0].enabled");
    }

    @Test
    void aRegexThatDoesNotCompileIsReportedAtTheCharacterThatBreaksIt() {
        // The JSON text holds 1\\.( and Java reports an unclosed group at the pattern's end (decoded index 4), which
        // is written 5 characters after the opening quote because the escaped backslash takes two.
        assertProblem("{\"rules\": [{\"rulePriority\": 1,\n \"selection\": {\"versionRegex\": \"1\\\\.(\"},"
                + " \"action\": {\"type\": \"delete\"}}]}")
                .satisfies(e -> {
                    assertThat(e.detail()).startsWith("versionRegex does not compile: Unclosed group");
                    assertThat(e.position().line()).isEqualTo(2);
                    assertThat(e.position().column()).isEqualTo(37);
                });
    }

    @Test
    void aRegexErrorInsideThePatternPointsAtItsCharacter() {
        // The string opens at column 61 and holds a\\d+** (a\d+** decoded); Java names index 4 (a '*'), which
        // is written six characters after the quote because the escaped backslash takes two.
        assertProblem("{\"rules\": [{\"rulePriority\": 1, \"selection\": {\"versionRegex\": \"a\\\\d+**\"},"
                + " \"action\": {\"type\": \"delete\"}}]}")
                .satisfies(e -> {
                    assertThat(e.detail()).startsWith("versionRegex does not compile: Dangling meta character '*'");
                    assertThat(e.position().column()).isEqualTo(61 + 6);
                    assertThat(e.path()).isEqualTo("rules[0].selection.versionRegex");
                });
    }

    @Test
    void badValuesAreReportedAtTheValue() {
        assertDetail(rule("\"selection\": {\"format\": \"rpm\"}, \"action\": {\"type\": \"delete\"}"))
                .startsWith("format 'rpm' is not a package format");
        assertDetail(rule("\"selection\": {\"statuses\": [\"Gone\"]}, \"action\": {\"type\": \"delete\"}"))
                .startsWith("'Gone' is not a version status; use Published, Unfinished");
        assertDetail(rule("\"selection\": {\"keepNewest\": 0}, \"action\": {\"type\": \"delete\"}"))
                .isEqualTo("keepNewest is a whole number from 1 to 1000000, not 0");
        assertDetail(rule("\"selection\": {\"olderThanDays\": 1.5}, \"action\": {\"type\": \"delete\"}"))
                .isEqualTo("olderThanDays is a whole number, not the number 1.5");
        assertDetail(rule("\"selection\": {\"preRelease\": \"yes\"}, \"action\": {\"type\": \"delete\"}"))
                .isEqualTo("preRelease is true or false, not the string \"yes\"");
        assertDetail(rule("\"selection\": {\"origin\": \"UNKNOWN\"}, \"action\": {\"type\": \"delete\"}"))
                .isEqualTo("origin 'UNKNOWN' is not INTERNAL or EXTERNAL");
        assertDetail(rule("\"selection\": {\"packages\": \"maven/x\"}, \"action\": {\"type\": \"delete\"}"))
                .startsWith("packages: A package group pattern starts with /");
        assertDetail(rule("\"selection\": {\"newestBy\": \"version\"}, \"action\": {\"type\": \"delete\"}"))
                .isEqualTo("newestBy only applies together with keepNewest");
        assertDetail(rule("\"selection\": {\"format\": \"npm\", \"snapshot\": true},"
                + " \"action\": {\"type\": \"delete\"}"))
                .startsWith("snapshot applies to Maven versions only");
        assertDetail(rule("\"selection\": {\"format\": \"npm\", \"packages\": \"/maven/*\"},"
                + " \"action\": {\"type\": \"delete\"}"))
                .startsWith("format npm contradicts packages /maven/*");
    }

    @Test
    void badActionsAreRefused() {
        assertDetail(rule("\"selection\": {}, \"action\": {\"type\": \"expire\"}"))
                .isEqualTo("type 'expire' is not an action; use one of copy, publish, unlist, archive, dispose,"
                        + " delete");
        assertDetail(rule("\"selection\": {}, \"action\": {\"type\": \"copy\"}")).isEqualTo("A copy action needs to");
        assertDetail(rule("\"selection\": {}, \"action\": {\"type\": \"delete\", \"to\": \"prod\"}"))
                .isEqualTo("to only applies to a copy action");
        assertDetail(rule("\"selection\": {}, \"action\": {\"type\": \"copy\", \"to\": \"a b\"}"))
                .startsWith("to 'a b' is not a repository name");
        assertDetail(rule("\"selection\": {}")).isEqualTo("A rule needs action");
    }

    @Test
    void rulesNeedDistinctPositivePriorities() {
        assertDetail("{\"rules\": [{\"rulePriority\": 1, \"selection\": {}, \"action\": {\"type\": \"delete\"}},"
                + " {\"rulePriority\": 1, \"selection\": {}, \"action\": {\"type\": \"unlist\"}}]}")
                .isEqualTo("rulePriority 1 is already used by the rule at line 1, column 29; each rule needs its own");
        assertDetail(rule("\"selection\": {}, \"action\": {\"type\": \"delete\"}").replace("\"rulePriority\": 1",
                "\"rulePriority\": -2")).startsWith("rulePriority is a whole number from 1");
        assertDetail("{\"rules\": []}").isEqualTo("rules has no rules; add at least one");
        assertDetail("{}").isEqualTo("The rule set needs rules");
    }

    @Test
    void malformedJsonAndRepeatedFieldsAreReportedWithTheirPosition() {
        assertProblem("{\"rules\": [\n  {\"rulePriority\": 1,}\n]}").satisfies(e -> {
            assertThat(e.detail()).isEqualTo("The rule set is not valid JSON: Trailing comma before '}'");
            assertThat(e.position().line()).isEqualTo(2);
        });
        assertDetail("{\"rules\": [], \"rules\": []}").isEqualTo("Field 'rules' is written twice in the rule set");
        assertDetail("[]").isEqualTo("The rule set is a JSON object, not an array");
    }

    private static String rule(String members) {
        return "{\"rules\": [{\"rulePriority\": 1, " + members + "}]}";
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertDetail(String document) {
        return assertThat(assertProblemOf(document).detail());
    }

    private static AbstractThrowableAssert<?, InvalidRuleSetException> assertProblem(String document) {
        return assertThat(assertProblemOf(document));
    }

    private static InvalidRuleSetException assertProblemOf(String document) {
        try {
            RetentionRuleParser.parse(document);
        } catch (InvalidRuleSetException e) {
            return e;
        }
        throw new AssertionError("expected a problem in " + document);
    }

}
