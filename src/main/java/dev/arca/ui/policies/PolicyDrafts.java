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
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Unsaved policy edits kept on disk, one file per connection and resource, so that a crash or a restart loses
 * nothing: written as the user types, removed when the edit is saved or discarded.
 */
public final class PolicyDrafts {

    /** An unsaved edit: the text and the revision it started from (empty when the resource had no policy). */
    public record Draft(String text, Optional<String> baseRevision) {
        public Draft {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(baseRevision, "baseRevision");
        }
    }

    private final Path directory;

    /** The drafts of connection {@code connectionId}, under {@code configDir}. */
    public PolicyDrafts(Path configDir, String connectionId) {
        this.directory = configDir.resolve("drafts").resolve(encode(connectionId));
    }

    public synchronized Optional<Draft> find(PolicyTarget target) {
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

    public synchronized void keep(PolicyTarget target, Draft draft) {
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

    public synchronized void forget(PolicyTarget target) {
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
