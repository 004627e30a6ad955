package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.policy.PolicyTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts are kept and forgotten at once for the editor and reach the disk later, in order, the latest only. */
class PolicyDraftsTest {

    private static final PolicyTarget APP = PolicyTarget.repository("team", "app");

    @TempDir
    Path config;

    /** The writer's tasks, run when the test says: the disk "falls behind" until then. */
    private final List<Runnable> writer = new ArrayList<>();

    private PolicyDrafts drafts() {
        return new PolicyDrafts(config, "local", writer::add);
    }

    private void write() {
        while (!writer.isEmpty()) {
            writer.removeFirst().run();
        }
    }

    /** What a new session would find: the disk alone. */
    private Optional<PolicyDrafts.Draft> onDisk() {
        return new PolicyDrafts(config, "local", Runnable::run).find(APP);
    }

    private static PolicyDrafts.Draft draft(String text) {
        return new PolicyDrafts.Draft(text, Optional.of("rev-1"));
    }

    @Test
    void aKeptDraftIsFoundAtOnceAndOnDiskOnceWritten() {
        PolicyDrafts drafts = drafts();
        drafts.keep(APP, draft("one"));

        assertThat(drafts.find(APP)).contains(draft("one"));
        assertThat(onDisk()).isEmpty();
        write();
        assertThat(onDisk()).contains(draft("one"));
        assertThat(drafts.find(APP)).contains(draft("one"));
    }

    @Test
    void editsMadeWhileTheDiskIsBehindAreWrittenOnceTheLatest() {
        PolicyDrafts drafts = drafts();
        drafts.keep(APP, draft("one"));
        drafts.keep(APP, draft("two"));
        drafts.keep(APP, draft("three"));

        assertThat(writer).hasSize(1);
        write();
        assertThat(onDisk()).contains(draft("three"));
    }

    @Test
    void aDraftForgottenBeforeItIsWrittenLeavesNothingOnDisk() {
        PolicyDrafts drafts = drafts();
        drafts.keep(APP, draft("one"));
        write();
        drafts.keep(APP, draft("two"));
        drafts.forget(APP);

        assertThat(drafts.find(APP)).isEmpty();
        write();
        assertThat(onDisk()).isEmpty();
    }

    @Test
    void aDraftKeptAgainAfterItWasForgottenIsWritten() {
        PolicyDrafts drafts = drafts();
        drafts.keep(APP, draft("one"));
        drafts.forget(APP);
        drafts.keep(APP, draft("two"));

        write();
        assertThat(onDisk()).contains(draft("two"));
    }
}
