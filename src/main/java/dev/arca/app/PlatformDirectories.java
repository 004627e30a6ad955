package dev.arca.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Arca keeps its files by default, following each platform's convention: XDG base directories on
 * Linux, {@code ~/Library/Application Support} on macOS, {@code %LOCALAPPDATA%}/{@code %APPDATA%} on Windows.
 */
record PlatformDirectories(Path data, Path config) {

    static final String CONFIG_DIR_ENV = "ARCA_CONFIG_DIR";

    PlatformDirectories {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
    }

    static PlatformDirectories current() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static PlatformDirectories of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        PlatformDirectories defaults;
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Arca");
            defaults = new PlatformDirectories(support, support);
        } else if (os.startsWith("windows")) {
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            defaults = new PlatformDirectories(local.resolve("Arca"), roaming.resolve("Arca"));
        } else {
            Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
            Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
            defaults = new PlatformDirectories(data.resolve("arca"), config.resolve("arca"));
        }
        String configOverride = env.get(CONFIG_DIR_ENV);
        return configOverride == null || configOverride.isBlank()
                ? defaults
                : new PlatformDirectories(defaults.data(), Path.of(configOverride));
    }

    /** An environment path counts only when absolute, as the XDG specification says. */
    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }
}
