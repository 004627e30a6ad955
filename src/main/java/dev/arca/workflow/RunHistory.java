package dev.arca.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The runs journalled in one folder, newest first, for a history of past runs. Journals are read without being
 * opened for writing, so a run still appending to one is never disturbed. A journal is known by its content, not
 * its name: the Workflows page, the Packages page's bulk actions and {@code arca cleanup} each name theirs.
 */
public final class RunHistory {

    private static final String JOURNAL_SUFFIX = ".journal";

    private RunHistory() {
    }

    /** One journal of the folder: what its run did, or why it cannot be read. */
    public sealed interface Entry permits Recorded, Unreadable {

        Path journal();

        /** When the journal was last written: when its run last did something. */
        Instant written();
    }

    /** A readable journal: its run's domain and repository, and each version's recorded result. */
    public record Recorded(Path journal, Instant written, String domain, String repository, ExecutionReport report)
            implements Entry {

        public Recorded {
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(report, "report");
        }
    }

    /** A file named {@code *.journal} that is no usable journal, with the sentence saying why. */
    public record Unreadable(Path journal, Instant written, String problem) implements Entry {

        public Unreadable {
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * Every journal in {@code folder}, newest first; none when the folder does not exist. Files that are not
     * journals are left out unless their name says they are one ({@code *.journal}).
     *
     * @throws IOException the folder cannot be listed
     */
    public static List<Entry> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            Instant written;
            try {
                written = Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                continue; // gone since it was listed
            }
            try {
                RunJournal journal = RunJournal.read(file);
                entries.add(new Recorded(file, written, journal.domain(), journal.repository(),
                        WorkflowExecutor.recorded(journal)));
            } catch (JournalException e) {
                if (file.getFileName().toString().endsWith(JOURNAL_SUFFIX)) {
                    entries.add(new Unreadable(file, written, e.getMessage()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::written).reversed()
                .thenComparing(e -> e.journal().getFileName().toString()));
        return List.copyOf(entries);
    }
}
