package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformDirectoriesTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgDefaults() {
        PlatformDirectories dirs = PlatformDirectories.of("Linux", Map.of(), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/home/ada/.local/share/arca"));
        assertThat(dirs.config()).isEqualTo(Path.of("/home/ada/.config/arca"));
    }

    @Test
    void linuxHonoursAbsoluteXdgVariables() {
        PlatformDirectories dirs = PlatformDirectories.of("Linux",
                Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/cfg"), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/data/arca"));
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/arca"));
    }

    @Test
    void linuxIgnoresRelativeXdgVariablesAsTheSpecificationSays() {
        PlatformDirectories dirs = PlatformDirectories.of("Linux", Map.of("XDG_DATA_HOME", "relative"), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/home/ada/.local/share/arca"));
    }

    @Test
    void macUsesApplicationSupport() {
        PlatformDirectories dirs = PlatformDirectories.of("Mac OS X", Map.of(), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/home/ada/Library/Application Support/Arca"));
    }

    @Test
    void windowsUsesLocalAppDataForDataAndAppDataForSettings() {
        PlatformDirectories dirs = PlatformDirectories.of("Windows 11",
                Map.of("LOCALAPPDATA", "/users/ada/local", "APPDATA", "/users/ada/roaming"), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/users/ada/local/Arca"));
        assertThat(dirs.config()).isEqualTo(Path.of("/users/ada/roaming/Arca"));
    }

    @Test
    void configDirectoryCanBeOverriddenForScriptsAndTests() {
        PlatformDirectories dirs = PlatformDirectories.of("Linux", Map.of("ARCA_CONFIG_DIR", "/tmp/cfg"), HOME);

        assertThat(dirs.config()).isEqualTo(Path.of("/tmp/cfg"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/ada/.local/share/arca"));
    }
}
