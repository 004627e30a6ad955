package dev.arca.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The append-only record of a run on disk, one JSON object per line, forced to the device after each append:
 * a header (domain, repository, number of changes), then every change of the plan, then for each batch a
 * {@code start} line before its request is sent and an {@code outcome} line after its answer. Reading it back gives
 * each change's last known state; see {@link WorkflowExecutor} for how a resume uses it.
 */
final class RunJournal implements AutoCloseable {

    static final String MAGIC = "arca-workflow-journal";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change's state as the journal last recorded it. */
    enum State { PENDING, IN_FLIGHT, DONE, FAILED }

    /** One change's recorded state: the batch it was last sent in, and the failure's code and message. */
    record Entry(State state, long batch, String code, String message) {
        static final Entry PENDING = new Entry(State.PENDING, -1, "", "");
    }

    /** One change's outcome in an {@code outcome} line: DONE, FAILED, or PENDING (sent again later). */
    record Outcome(int change, State state, String code, String message) {
        Outcome {
            if (state == State.IN_FLIGHT) {
                throw new IllegalArgumentException("an outcome settles or releases a change");
            }
        }
    }

    private final Path file;
    private final String domain;
    private final String repository;
    private final List<VersionChange> changes;
    private final List<Entry> entries;
    private final FileChannel channel;
    private long nextBatch;

    private RunJournal(Path file, String domain, String repository, List<VersionChange> changes, List<Entry> entries,
                       long nextBatch, FileChannel channel) {
        this.file = file;
        this.domain = domain;
        this.repository = repository;
        this.changes = List.copyOf(changes);
        this.entries = entries;
        this.nextBatch = nextBatch;
        this.channel = channel;
    }

    /** Starts the journal of a new run at {@code file}, which must not exist yet, and records the plan. */
    static RunJournal create(Path file, String domain, String repository, List<VersionChange> changes)
            throws JournalException {
        FileChannel channel;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            // Held while the run goes on, so a resume of this journal meanwhile is refused.
            channel.lock();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new JournalException("The journal " + file + " already exists: resume that run, or choose another"
                    + " file for a new one.", e);
        } catch (IOException e) {
            throw new JournalException("The journal " + file + " cannot be created: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        RunJournal journal = new RunJournal(file, domain, repository, changes, entries, 1, channel);
        StringBuilder text = new StringBuilder();
        text.append(journal.line(JSON.createObjectNode().put("journal", MAGIC).put("format", FORMAT)
                .put("domain", domain).put("repository", repository).put("changes", changes.size())));
        for (int i = 0; i < changes.size(); i++) {
            text.append(journal.line(JournalLines.changeNode(i, changes.get(i))));
            entries.add(Entry.PENDING);
        }
        try {
            journal.append(text.toString());
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new JournalException("The journal " + file + " cannot be written: " + e.getMessage(), e);
        }
        return journal;
    }

    /**
     * Reads the journal of an earlier run and opens it for appending. The file is locked first, so a run still
     * going on it (in this process, or in another that holds the lock) is refused rather than run twice.
     */
    static RunJournal open(Path file) throws JournalException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new JournalException("There is no journal at " + file + ".", e);
        } catch (IOException e) {
            throw new JournalException("The journal " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            lock(file, channel);
            byte[] bytes = readAll(file, channel);
            RunJournal journal = parse(file, bytes, channel);
            // A line cut off by a crash is dropped, so the next line starts on a line of its own.
            channel.truncate(JournalLines.lastNewline(bytes) + 1);
            channel.position(JournalLines.lastNewline(bytes) + 1);
            return journal;
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof JournalException journal) {
                throw journal;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new JournalException("The journal " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a journal without opening it for writing, for the history of runs: a run may still be appending to it,
     * and a reader must never cut its last line. Its {@link #started} and {@link #settled} refuse.
     */
    static RunJournal read(Path file) throws JournalException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new JournalException("There is no journal at " + file + ".", e);
        } catch (IOException e) {
            throw new JournalException("The journal " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(file, bytes, null);
    }

    private static void lock(Path file, FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new JournalException("The run journalled in " + file.getFileName() + " is still going; wait for"
                    + " it to end, or cancel it, before resuming it.");
        }
    }

    private static byte[] readAll(Path file, FileChannel channel) throws JournalException {
        try {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new JournalException("The journal " + file + " is too large to read.");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // read until full or end of file
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw new JournalException("The journal " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The journal {@code bytes} hold; {@code channel} appends to it, or is null for a journal only read. */
    private static RunJournal parse(Path file, byte[] bytes, FileChannel channel) throws JournalException {
        // A line without its newline is one a crash cut off while it was written: it never happened.
        int complete = JournalLines.lastNewline(bytes) + 1;
        String[] lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n", -1);
        int count = complete == 0 ? 0 : lines.length - 1;
        if (count == 0) {
            throw new JournalException(file + " is empty, not a run journal: nothing was run; plan again.");
        }
        JsonNode header = JournalLines.parse(file, 1, lines[0]);
        if (!MAGIC.equals(header.path("journal").asText())) {
            throw new JournalException(file + " is not an Arca run journal.");
        }
        if (header.path("format").asInt() != FORMAT) {
            throw new JournalException(file + " was written in journal format " + header.path("format").asText()
                    + ", which this version of Arca does not read.");
        }
        String domain = JournalLines.text(file, 1, header, "domain");
        String repository = JournalLines.text(file, 1, header, "repository");
        int total = header.path("changes").asInt(-1);
        if (total < 0) {
            throw JournalLines.malformed(file, 1, "the header does not say how many changes the plan has");
        }
        if (count - 1 < total) {
            throw new JournalException(file + " was cut off while its plan was being written: nothing was run;"
                    + " plan again.");
        }
        List<VersionChange> changes = new ArrayList<>(total);
        List<Entry> entries = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            JsonNode node = JournalLines.parse(file, i + 2, lines[i + 1]);
            if (node.path("change").asInt(-1) != i) {
                throw JournalLines.malformed(file, i + 2, "expected change " + i + " of the plan");
            }
            changes.add(JournalLines.change(file, i + 2, node));
            entries.add(Entry.PENDING);
        }
        long nextBatch = 1;
        for (int n = total + 1; n < count; n++) {
            int lineNumber = n + 1;
            JsonNode node = JournalLines.parse(file, lineNumber, lines[n]);
            if (node.has("start")) {
                long batch = node.path("start").asLong();
                for (JsonNode index : JournalLines.array(file, lineNumber, node, "changes")) {
                    entries.set(JournalLines.index(file, lineNumber, index, total),
                            new Entry(State.IN_FLIGHT, batch, "", ""));
                }
                nextBatch = Math.max(nextBatch, batch + 1);
            } else if (node.has("outcome")) {
                long batch = node.path("outcome").asLong();
                for (JsonNode result : JournalLines.array(file, lineNumber, node, "results")) {
                    int index = JournalLines.index(file, lineNumber, result.path("change"), total);
                    State state;
                    try {
                        state = State.valueOf(result.path("state").asText());
                    } catch (IllegalArgumentException e) {
                        throw JournalLines.malformed(file, lineNumber, "unknown state '"
                                + result.path("state").asText() + "'");
                    }
                    entries.set(index, new Entry(state, batch, result.path("code").asText(""),
                            result.path("message").asText("")));
                }
            } else {
                throw JournalLines.malformed(file, lineNumber, "neither a batch start nor an outcome");
            }
        }
        return new RunJournal(file, domain, repository, changes, entries, nextBatch, channel);
    }

    Path file() {
        return file;
    }

    String domain() {
        return domain;
    }

    String repository() {
        return repository;
    }

    List<VersionChange> changes() {
        return changes;
    }

    synchronized Entry entry(int change) {
        return entries.get(change);
    }

    synchronized long nextBatch() {
        return nextBatch++;
    }

    /** Records that batch {@code batch}'s request for {@code changeIndexes} is about to be sent. */
    synchronized void started(long batch, List<Integer> changeIndexes) throws IOException {
        ArrayNode indexes = JSON.createArrayNode();
        changeIndexes.forEach(indexes::add);
        append(line(JSON.createObjectNode().put("start", batch).set("changes", indexes)));
        changeIndexes.forEach(i -> entries.set(i, new Entry(State.IN_FLIGHT, batch, "", "")));
    }

    /** Records what became of batch {@code batch}'s changes. */
    synchronized void settled(long batch, List<Outcome> outcomes) throws IOException {
        ArrayNode results = JSON.createArrayNode();
        for (Outcome outcome : outcomes) {
            ObjectNode node = results.addObject().put("change", outcome.change()).put("state", outcome.state().name());
            if (outcome.state() == State.FAILED) {
                node.put("code", outcome.code()).put("message", outcome.message());
            }
        }
        append(line(JSON.createObjectNode().put("outcome", batch).set("results", results)));
        outcomes.forEach(o -> entries.set(o.change(), new Entry(o.state(), batch, o.code(), o.message())));
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    private String line(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void append(String text) throws IOException {
        if (channel == null) {
            throw new IllegalStateException("The journal " + file + " was opened to be read only");
        }
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Whether {@code changes} names each package version once, as a journal needs to tell them apart. */
    static void requireDistinct(List<VersionChange> changes) {
        Set<String> seen = new HashSet<>();
        for (VersionChange change : changes) {
            Objects.requireNonNull(change, "change");
            if (!seen.add(change.pkg().format().wireName() + "/" + change.pkg().namespace() + "/"
                    + change.pkg().name() + "/" + change.version())) {
                throw new IllegalArgumentException(change.pkg().display() + " " + change.version()
                        + " is changed twice in one run");
            }
        }
    }
}
