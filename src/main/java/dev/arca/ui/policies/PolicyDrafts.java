package dev.arca.ui.policies;

import dev.arca.core.policy.PolicyTarget;
import dev.arca.ui.common.PropertiesFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsaved policy edits kept on disk, one file per connection and resource, so that a crash or a restart loses
 * nothing: written as the user types, removed when the edit is saved or discarded. {@link #keep} and {@link #forget}
 * return at once and the disk follows on the writer, in order, only the latest edit of a resource written when it
 * falls behind: typing never waits for the disk. {@link #find} sees what is kept before it is on disk.
 */
public final class PolicyDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyDrafts.class);

    /** An unsaved edit: the text and the revision it started from (empty when the resource had no policy). */
    public record Draft(String text, Optional<String> baseRevision) {
        public Draft {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(baseRevision, "baseRevision");
        }
    }

    private final Path directory;
    private final Executor writer;
    /** Kept (present) or forgotten (empty) but not on disk yet: the latest of each resource. */
    private final Map<PolicyTarget, Optional<Draft>> unwritten = new LinkedHashMap<>();
    private boolean writing;

    /**
     * The drafts of connection {@code connectionId}, under {@code configDir}.
     *
     * @param writer runs the disk writes, one task at a time: the app's on a background thread
     */
    public PolicyDrafts(Path configDir, String connectionId, Executor writer) {
        this.directory = configDir.resolve("drafts").resolve(encode(connectionId));
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public synchronized Optional<Draft> find(PolicyTarget target) {
        Optional<Draft> notYetOnDisk = unwritten.get(target);
        if (notYetOnDisk != null) {
            return notYetOnDisk;
        }
        Path file = file(target);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the draft " + file, e);
        }
        return Optional.of(new Draft(values.getProperty("text", ""),
                Optional.ofNullable(values.getProperty("revision"))));
    }

    public void keep(PolicyTarget target, Draft draft) {
        later(target, Optional.of(Objects.requireNonNull(draft, "draft")));
    }

    public void forget(PolicyTarget target) {
        later(target, Optional.empty());
    }

    private synchronized void later(PolicyTarget target, Optional<Draft> draft) {
        unwritten.put(target, draft);
        if (!writing) {
            writing = true;
            writer.execute(this::writeAll);
        }
    }

    /** Writes what is unwritten until nothing is; an entry leaves the map once the disk holds it. */
    private void writeAll() {
        while (true) {
            Map.Entry<PolicyTarget, Optional<Draft>> next;
            synchronized (this) {
                if (unwritten.isEmpty()) {
                    writing = false;
                    return;
                }
                var first = unwritten.entrySet().iterator().next();
                next = Map.entry(first.getKey(), first.getValue());
            }
            try {
                next.getValue().ifPresentOrElse(draft -> store(next.getKey(), draft), () -> delete(next.getKey()));
            } catch (UncheckedIOException e) {
                LOG.warn(e.getMessage(), e.getCause());
            }
            synchronized (this) {
                unwritten.remove(next.getKey(), next.getValue()); // unless it changed meanwhile: then again
            }
        }
    }

    private void store(PolicyTarget target, Draft draft) {
        Properties values = new Properties();
        values.setProperty("text", draft.text());
        draft.baseRevision().ifPresent(r -> values.setProperty("revision", r));
        Path file = file(target);
        try {
            PropertiesFile.write(file, values, "Arca unsaved policy of " + target.describe());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the draft of " + target.describe() + " in " + file, e);
        }
    }

    private void delete(PolicyTarget target) {
        try {
            Files.deleteIfExists(file(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the draft of " + target.describe(), e);
        }
    }

    private Path file(PolicyTarget target) {
        return directory.resolve(encode(target.key()) + ".draft");
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
