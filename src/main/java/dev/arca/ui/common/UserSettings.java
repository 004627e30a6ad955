package dev.arca.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small user preferences (theme, last page, saved connections) kept in a properties file in the user's
 * configuration directory. Never holds credentials. Writes are atomic; an unreadable file means defaults.
 */
public final class UserSettings {

    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    private UserSettings(Path file) {
        this.file = file;
    }

    /** Loads {@code file} if it exists; a missing or damaged file starts from defaults. */
    public static UserSettings load(Path file) {
        UserSettings settings = new UserSettings(Objects.requireNonNull(file, "file"));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.values.load(reader);
        } catch (NoSuchFileException e) {
            // First run: defaults.
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable settings file {}: {}", file, e.getMessage());
        }
        return settings;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Stores the value and writes the file at once. */
    public synchronized void put(String key, String value) {
        values.setProperty(Objects.requireNonNull(key), Objects.requireNonNull(value));
        save();
    }

    /** Removes every key that starts with {@code prefix}, then stores {@code replacements}; one write. */
    public synchronized void replace(String prefix, Map<String, String> replacements) {
        Objects.requireNonNull(prefix);
        values.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).forEach(values::remove);
        replacements.forEach((key, value) -> values.setProperty(Objects.requireNonNull(key),
                Objects.requireNonNull(value)));
        save();
    }

    private void save() {
        try {
            PropertiesFile.write(file, values, "Arca user settings");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save settings to " + file, e);
        }
    }
}
