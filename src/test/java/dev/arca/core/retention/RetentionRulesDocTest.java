package dev.arca.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/retention-rules.md honest: its example reads, and it documents every field the parser knows. */
class RetentionRulesDocTest {

    private static final Path DOC = Path.of("docs", "retention-rules.md");

    @Test
    void theDocumentedExampleIsAValidRuleSet() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        RetentionRuleSet set = RetentionRuleParser.parse(example);

        assertThat(set.rules()).hasSize(3);
        assertThat(RetentionRuleParser.parse(RetentionRuleWriter.write(set))).isEqualTo(set);
    }

    @Test
    void everyFieldTheParserKnowsIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        for (var fields : java.util.List.of(RetentionRuleParser.TOP_FIELDS, RetentionRuleParser.GUARD_FIELDS,
                RetentionRuleParser.RULE_FIELDS, RetentionRuleParser.SELECTION_FIELDS,
                RetentionRuleParser.ACTION_FIELDS)) {
            assertThat(fields).allMatch(field -> doc.contains("`" + field + "`"), "documented in " + DOC);
        }
    }
}
