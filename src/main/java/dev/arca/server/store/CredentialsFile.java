package dev.arca.server.store;

import dev.arca.server.RootCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's root credentials on disk: {@code DIR/credentials}, owner-only (mode 600), in the AWS
 * shared-credentials format so that {@code AWS_SHARED_CREDENTIALS_FILE=DIR/credentials aws ...} just works.
 */
public final class CredentialsFile {

    public static final String FILE_NAME = "credentials";
    private static final String PROFILE = "default";

    private final Path file;

    public CredentialsFile(Path dataDir) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The stored credentials, or a freshly generated pair that is stored before it is returned. */
    public RootCredentials loadOrCreate(SecureRandom random) throws IOException {
        Optional<RootCredentials> stored = load();
        if (stored.isPresent()) {
            return stored.get();
        }
        RootCredentials generated = RootCredentials.generate(random);
        store(generated);
        return generated;
    }

    /**
     * Reads the stored pair.
     *
     * @throws IOException when the file exists but cannot be read or is not a credentials file
     */
    public Optional<RootCredentials> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> values = parseProfile(Files.readAllLines(file, StandardCharsets.UTF_8));
        String id = values.get("aws_access_key_id");
        String secret = values.get("aws_secret_access_key");
        if (id == null || secret == null) {
            throw new IOException(file + " has no [" + PROFILE + "] aws_access_key_id and aws_secret_access_key");
        }
        try {
            return Optional.of(new RootCredentials(id, secret));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the pair atomically with owner-only permissions; never leaves a half-written file. */
    public void store(RootCredentials credentials) throws IOException {
        String text = "# Arca local server root credentials. Keep this file private.\n"
                + "[" + PROFILE + "]\n"
                + "aws_access_key_id = " + credentials.accessKeyId() + "\n"
                + "aws_secret_access_key = " + credentials.secretAccessKey() + "\n";
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = posix()
                ? Files.createTempFile(dir, ".credentials", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".credentials", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Map<String, String> parseProfile(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        boolean inProfile = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inProfile = line.substring(1, line.length() - 1).strip().equals(PROFILE);
                continue;
            }
            int eq = line.indexOf('=');
            if (inProfile && eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
