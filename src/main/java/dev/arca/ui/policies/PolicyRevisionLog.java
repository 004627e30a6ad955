package dev.arca.ui.policies;

import dev.arca.core.policy.PolicySummary;
import dev.arca.ui.common.PropertiesFile;
import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * When each resource's policy changed, as far as this installation can tell. CodeArtifact keeps no change time for
 * policies (a policy has a revision, nothing more), so Arca remembers, per connection, which revision it last saw of
 * each resource and when: a revision saved here changed at that moment; one found changed on a later look changed
 * between the last look at the old revision and that look; one seen for the first time changed at some point before.
 * Reads and writes the disk: call it off the FX thread.
 */
public final class PolicyRevisionLog {

    /** No policy is a state too: a policy deleted elsewhere is a change. */
    private static final String NONE = "";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /**
     * When the revision seen now came to be: at {@code seen} exactly when saved here, else between {@code after} (the
     * last look at the revision before it, when there was one) and {@code seen} (the first look at this one).
     */
    public record Change(Optional<Instant> after, Instant seen, boolean savedHere) {

        public Change {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(seen, "seen");
        }

        /**
         * For the list: "saved here 5 Dec 14:02", "changed 3 Dec 10:00 – 5 Dec 14:02", "changed before 5 Dec 14:02";
         * for a resource whose policy is gone, "deleted here …" or "removed …".
         */
        public String describe(boolean hasPolicy, ZoneId zone) {
            String seenText = TIME.format(seen.atZone(zone));
            if (savedHere) {
                return (hasPolicy ? "saved here " : "deleted here ") + seenText;
            }
            return (hasPolicy ? "changed " : "removed ")
                    + after.map(a -> TIME.format(a.atZone(zone)) + " – " + seenText).orElse("before " + seenText);
        }
    }

    /** The revision last seen of one resource, when it was first and last seen, and how it came. */
    private record Entry(String revision, Change change, Instant lastSeen) {
    }

    private final Path file;
    private final Clock clock;
    private Map<String, Entry> entries;

    /** The log of connection {@code connectionId}, under {@code configDir}. */
    public PolicyRevisionLog(Path configDir, String connectionId, Clock clock) {
        this.file = configDir.resolve("policy-revisions")
                .resolve(URLEncoder.encode(connectionId, StandardCharsets.UTF_8) + ".properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records a look at {@code rows} and answers, for each resource whose change is known (every one with a policy,
     * and one whose policy was removed since an earlier look), when it changed, by resource ARN.
     */
    public synchronized Map<String, Change> observe(List<PolicySummary> rows) throws IOException {
        Map<String, Entry> known = entries();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as precise as the file keeps it
        Map<String, Change> answer = new HashMap<>();
        for (PolicySummary row : rows) {
            String revision = row.revision().orElse(NONE);
            Entry before = known.get(row.resourceArn());
            Entry after;
            if (before == null) {
                after = new Entry(revision, new Change(Optional.empty(), now, false), now);
            } else if (before.revision().equals(revision)) {
                after = new Entry(revision, before.change(), now);
            } else {
                after = new Entry(revision, new Change(Optional.of(before.lastSeen()), now, false), now);
            }
            known.put(row.resourceArn(), after);
            if (row.hasPolicy() || (before != null && after.change().after().isPresent())
                    || after.change().savedHere()) {
                answer.put(row.resourceArn(), after.change());
            }
        }
        write(known);
        return answer;
    }

    /** Records that this installation stored {@code revision} (empty: deleted) of {@code resourceArn} just now. */
    public synchronized Change saved(String resourceArn, Optional<String> revision) throws IOException {
        Map<String, Entry> known = entries();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as precise as the file keeps it
        Change change = new Change(Optional.empty(), now, true);
        known.put(resourceArn, new Entry(revision.orElse(NONE), change, now));
        write(known);
        return change;
    }

    private Map<String, Entry> entries() throws IOException {
        if (entries == null) {
            entries = read();
        }
        return entries;
    }

    private Map<String, Entry> read() throws IOException {
        Map<String, Entry> read = new HashMap<>();
        if (!Files.exists(file)) {
            return read;
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        }
        for (String arn : values.stringPropertyNames()) {
            parse(values.getProperty(arn)).ifPresent(entry -> read.put(arn, entry));
        }
        return read;
    }

    /** {@code seen|after|lastSeen|saved|revision}, times in epoch milliseconds, after {@code -} when unknown. */
    private static Optional<Entry> parse(String value) {
        String[] parts = value.split("\\|", 5);
        if (parts.length != 5) {
            return Optional.empty(); // a line this version does not understand is forgotten, not fatal
        }
        try {
            Optional<Instant> after = parts[1].equals("-") ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[1])));
            Change change = new Change(after, Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[3].equals("1"));
            return Optional.of(new Entry(parts[4], change, Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void write(Map<String, Entry> known) throws IOException {
        Properties values = new Properties();
        known.forEach((arn, e) -> values.setProperty(arn, String.join("|",
                Long.toString(e.change().seen().toEpochMilli()),
                e.change().after().map(a -> Long.toString(a.toEpochMilli())).orElse("-"),
                Long.toString(e.lastSeen().toEpochMilli()), e.change().savedHere() ? "1" : "0", e.revision())));
        PropertiesFile.write(file, values, "Arca: the policy revision last seen of each resource, and when");
    }
}
