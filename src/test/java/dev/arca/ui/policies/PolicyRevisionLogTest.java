package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.PolicySummary;
import dev.arca.core.policy.PolicyTarget;
import dev.arca.server.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a policy changed, as one installation sees it over several looks, saves and restarts. */
class PolicyRevisionLogTest {

    private static final String ARN = "arn:aws:codeartifact:us-east-1:111122223333:repository/team/app";

    @TempDir
    Path config;

    private final MovableClock clock = new MovableClock(Duration.ofHours(-1));

    private static List<PolicySummary> row(Optional<String> revision) {
        return List.of(new PolicySummary(PolicyTarget.repository("team", "app"), ARN, revision));
    }

    @Test
    void aFirstLookKnowsOnlyThatThePolicyChangedBeforeIt() throws Exception {
        PolicyRevisionLog log = new PolicyRevisionLog(config, "local", clock);
        Instant look = clock.instant();

        PolicyRevisionLog.Change change = log.observe(row(Optional.of("r1"))).get(ARN);

        assertThat(change.after()).isEmpty();
        assertThat(change.savedHere()).isFalse();
        assertThat(change.seen()).isBetween(look.minusMillis(1), clock.instant());
        assertThat(change.describe(true, ZoneOffset.UTC)).startsWith("changed before ");
    }

    @Test
    void aRevisionFoundChangedChangedBetweenTheLastLookAtTheOldOneAndThisLook() throws Exception {
        PolicyRevisionLog log = new PolicyRevisionLog(config, "local", clock);
        log.observe(row(Optional.of("r1")));
        clock.move(Duration.ofMinutes(10));
        Instant lastLookAtOld = clock.instant();
        PolicyRevisionLog.Change unchanged = log.observe(row(Optional.of("r1"))).get(ARN);
        clock.move(Duration.ofMinutes(10));

        PolicyRevisionLog.Change change = log.observe(row(Optional.of("r2"))).get(ARN);

        assertThat(change.after()).hasValueSatisfying(a -> assertThat(a).isBetween(lastLookAtOld.minusMillis(1),
                lastLookAtOld.plusSeconds(1)));
        assertThat(change.seen()).isAfter(unchanged.seen().plus(Duration.ofMinutes(19)));
        assertThat(change.describe(true, ZoneOffset.UTC)).matches("changed \\d{1,2} \\w{3} \\d\\d:\\d\\d – \\d{1,2} \\w{3} \\d\\d:\\d\\d");
        assertThat(log.observe(row(Optional.of("r2"))).get(ARN)).as("the same revision again: no new change")
                .isEqualTo(change);
    }

    @Test
    void aSaveHereIsExactAndARemovalIsAChangeWhileNeverHavingAPolicyIsNone() throws Exception {
        PolicyRevisionLog log = new PolicyRevisionLog(config, "local", clock);
        assertThat(log.observe(row(Optional.empty()))).as("no policy, never had one").isEmpty();

        PolicyRevisionLog.Change saved = log.saved(ARN, Optional.of("r1"));
        assertThat(saved.describe(true, ZoneOffset.UTC)).startsWith("saved here ");
        assertThat(log.observe(row(Optional.of("r1"))).get(ARN)).isEqualTo(saved);

        clock.move(Duration.ofMinutes(1));
        PolicyRevisionLog.Change removed = log.observe(row(Optional.empty())).get(ARN);
        assertThat(removed.after()).isPresent();
        assertThat(removed.describe(false, ZoneOffset.UTC)).matches("removed \\d.* – .*");
    }

    @Test
    void survivesARestartAndForgetsLinesItCannotRead() throws Exception {
        PolicyRevisionLog.Change saved = new PolicyRevisionLog(config, "local", clock).saved(ARN, Optional.of("a|b"));
        Path file = config.resolve("policy-revisions").resolve("local.properties");
        Files.writeString(file, Files.readString(file) + "arn\\:other=garbage\n");

        PolicyRevisionLog restarted = new PolicyRevisionLog(config, "local", clock);

        assertThat(restarted.observe(row(Optional.of("a|b"))).get(ARN)).isEqualTo(saved);
        assertThat(new PolicyRevisionLog(config, "other connection", clock).observe(row(Optional.of("a|b"))).get(ARN)
                .after()).as("another connection keeps its own log").isEmpty();
    }
}
