package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArnsTest {

    /** The grammar as a regular expression: what the hand-written parser must accept, and nothing else. */
    private static final Pattern GRAMMAR = Pattern.compile(
            "arn:aws:codeartifact:([a-z0-9-]+):([0-9]{12}):(domain|repository|package|package-group)/(.+)");

    private static final List<String> SAMPLES = List.of(
            "arn:aws:codeartifact:us-east-1:123456789012:domain/acme",
            "arn:aws:codeartifact:us-east-1:123456789012:repository/acme/team",
            "arn:aws:codeartifact:eu-west-3:111122223333:package/acme/team/npm//lodash",
            "arn:aws:codeartifact:eu-west-3:111122223333:package/acme/team/npm/@scope/name",
            "arn:aws:codeartifact:us-east-1:123456789012:package-group/acme/npm/*~",
            "arn:aws:codeartifact:us-east-1:123456789012:package-group/acme",
            "arn:aws:codeartifact:us-east-1:123456789012:domain/",
            "arn:aws:codeartifact:us-east-1:123456789012:domain",
            "arn:aws:codeartifact:US-east-1:123456789012:domain/acme",
            "arn:aws:codeartifact::123456789012:domain/acme",
            "arn:aws:codeartifact:us-east-1:12345678901:domain/acme",
            "arn:aws:codeartifact:us-east-1:1234567890123:domain/acme",
            "arn:aws:codeartifact:us-east-1:123456789012:domains/acme",
            "arn:aws:codeartifact:us-east-1:123456789012:domain/ac\nme",
            "arn:aws:codeartifact:us-east-1:123456789012:repository/acme/team/extra",
            "arn:aws:codeartifact:us-east-1:123456789012:package/acme/team/npm//",
            "arn:aws:codeartifact:us-east-1:123456789012:package/acme/team//ns/name",
            "arn:aws:iam::123456789012:user/alice",
            "arn:aws:codeartifact:us-east-1:123456789012:",
            "arn:aws:codeartifact:",
            "");

    @Test
    void itReadsEachKindOfResource() {
        assertThat(Arns.parse("arn:aws:codeartifact:us-east-1:123456789012:repository/acme/team")).contains(
                new Arns.ResourceArn("us-east-1", "123456789012", "repository", "acme", Optional.of("team"),
                        Optional.empty()));
        assertThat(Arns.parse("arn:aws:codeartifact:us-east-1:123456789012:package-group/acme/npm/*~"))
                .map(Arns.ResourceArn::packageGroup).contains(Optional.of("/npm/*~"));
        assertThat(Arns.parse(Arns.pkg("us-east-1", "123456789012", "acme", "team", PackageFormat.NPM, "", "lodash")))
                .map(Arns.ResourceArn::type).contains("package");
        assertThat(Arns.parse("arn:aws:iam::123456789012:user/alice")).isEmpty();
    }

    /** Samples and thousands of one- and two-character mutations of them: the parser agrees with the grammar. */
    @Test
    void itAcceptsExactlyWhatTheGrammarAccepts() {
        List<String> inputs = new ArrayList<>(SAMPLES);
        Random random = new Random(17);
        String alphabet = "aZ0-9:/\n.*~@";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder mutated = new StringBuilder(SAMPLES.get(random.nextInt(5)));
            for (int edits = 1 + random.nextInt(2); edits > 0 && !mutated.isEmpty(); edits--) {
                int at = random.nextInt(mutated.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(at, c);
                    case 1 -> mutated.insert(at, c);
                    default -> mutated.deleteCharAt(at);
                }
            }
            inputs.add(mutated.toString());
        }
        int read = 0;
        for (String input : inputs) {
            Matcher m = GRAMMAR.matcher(input);
            Optional<Arns.ResourceArn> parsed = Arns.parse(input);
            if (!m.matches()) {
                assertThat(parsed).as(input).isEmpty();
            } else if (parsed.isPresent()) { // empty when the path has the wrong number of parts for its type
                read++;
                assertThat(List.of(parsed.get().region(), parsed.get().owner(), parsed.get().type()))
                        .as(input).containsExactly(m.group(1), m.group(2), m.group(3));
                assertThat(m.group(4)).as(input).startsWith(parsed.get().domain());
            }
        }
        assertThat(read).as("mutations the grammar still accepts").isGreaterThan(1_000);
    }
}
