package dev.arca.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {

    @TempDir
    Path dir;

    @Test
    void valuesSurviveAReload() {
        Path file = dir.resolve("nested/settings.properties");
        UserSettings.load(file).put("theme", "dark");

        assertThat(UserSettings.load(file).get("theme")).hasValue("dark");
    }

    @Test
    void aMissingFileMeansDefaults() {
        UserSettings settings = UserSettings.load(dir.resolve("none.properties"));

        assertThat(settings.get("theme")).isEmpty();
        assertThat(settings.getBoolean("flag", true)).isTrue();
    }

    @Test
    void aDamagedFileMeansDefaultsAndIsReplacedOnTheNextSave() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.write(file, new byte[] {'a', '=', '\\', 'u', '1'});

        UserSettings settings = UserSettings.load(file);
        settings.put("theme", "light");

        assertThat(UserSettings.load(file).get("theme")).hasValue("light");
    }

    @Test
    void replacingAPrefixDropsItsOldKeysAndKeepsTheOthers() {
        Path file = dir.resolve("settings.properties");
        UserSettings settings = UserSettings.load(file);
        settings.put("connection.a.url", "http://127.0.0.1:1");
        settings.put("connection.a.name", "A");
        settings.put("connection.ab.name", "AB");

        settings.replace("connection.a.", java.util.Map.of("connection.a.name", "Renamed"));

        UserSettings reloaded = UserSettings.load(file);
        assertThat(reloaded.get("connection.a.name")).hasValue("Renamed");
        assertThat(reloaded.get("connection.a.url")).isEmpty();
        assertThat(reloaded.get("connection.ab.name")).hasValue("AB");
    }
}
