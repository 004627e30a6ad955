package dev.arca.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The local accounts' root credentials on disk: {@code DIR/credentials}, owner-only (mode 600), in the AWS
 * shared-credentials format so that {@code AWS_SHARED_CREDENTIALS_FILE=DIR/credentials aws ...} just works:
 * {@code [default]} is the first account's root, and with several accounts each has a profile named by its id.
 */
public final class CredentialsFile {

    public static final String FILE_NAME = "credentials";
    private static final String DEFAULT_PROFILE = "default";

    private final Path file;

    public CredentialsFile(Path dataDir) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * The root credentials of each account, in the order given: the first account's are {@code first} when given
     * (and then not written down), else the {@code [default]} profile's; every other account's are its own profile's,
     * named by its id. Missing pairs are generated and stored before they are returned, with {@code [default]}
     * and one profile per account; other profiles found in the file are kept.
     *
     * @throws IOException when the file exists but cannot be read or holds a malformed pair
     */
    public Map<String, RootCredentials> loadOrCreate(List<String> accounts, Optional<RootCredentials> first,
                                                     SecureRandom random) throws IOException {
        Map<String, Map<String, String>> stored = readProfiles();
        Map<String, RootCredentials> byAccount = new LinkedHashMap<>();
        Map<String, RootCredentials> wanted = new LinkedHashMap<>();
        for (String account : accounts) {
            boolean isFirst = byAccount.isEmpty();
            if (isFirst && first.isPresent()) {
                byAccount.put(account, first.get());
                continue;
            }
            RootCredentials pair = pair(stored, isFirst ? DEFAULT_PROFILE : account)
                    .orElseGet(() -> RootCredentials.generate(random));
            byAccount.put(account, pair);
            if (isFirst) {
                wanted.put(DEFAULT_PROFILE, pair);
            }
            if (accounts.size() > 1) {
                wanted.put(account, pair);
            }
        }
        boolean changed = wanted.entrySet().stream().anyMatch(e -> !Optional.ofNullable(stored.get(e.getKey()))
                .map(v -> e.getValue().accessKeyId().equals(v.get("aws_access_key_id"))
                        && e.getValue().secretAccessKey().equals(v.get("aws_secret_access_key")))
                .orElse(false));
        if (changed) {
            Map<String, RootCredentials> profiles = new LinkedHashMap<>(wanted);
            for (String name : stored.keySet()) {
                if (!profiles.containsKey(name)) {
                    pair(stored, name).ifPresent(p -> profiles.put(name, p));
                }
            }
            store(profiles);
        }
        return byAccount;
    }

    /**
     * Reads the {@code [default]} pair.
     *
     * @throws IOException when the file exists but cannot be read or is not a credentials file
     */
    public Optional<RootCredentials> load() throws IOException {
        return pair(readProfiles(), DEFAULT_PROFILE);
    }

    /** Writes the profiles atomically with owner-only permissions; never leaves a half-written file. */
    public void store(Map<String, RootCredentials> profiles) throws IOException {
        StringBuilder text = new StringBuilder("# Arca local server root credentials: the first account's as"
                + " default, and with several accounts a profile each. Keep this file private.\n");
        profiles.forEach((name, pair) -> text.append('[').append(name).append("]\n")
                .append("aws_access_key_id = ").append(pair.accessKeyId()).append('\n')
                .append("aws_secret_access_key = ").append(pair.secretAccessKey()).append('\n'));
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

    private Optional<RootCredentials> pair(Map<String, Map<String, String>> profiles, String profile)
            throws IOException {
        Map<String, String> values = profiles.get(profile);
        if (values == null) {
            if (DEFAULT_PROFILE.equals(profile) && !profiles.isEmpty()) {
                throw new IOException(file + " has no [" + DEFAULT_PROFILE + "] aws_access_key_id and"
                        + " aws_secret_access_key");
            }
            return Optional.empty();
        }
        String id = values.get("aws_access_key_id");
        String secret = values.get("aws_secret_access_key");
        if (id == null || secret == null) {
            throw new IOException(file + " has no [" + profile + "] aws_access_key_id and aws_secret_access_key");
        }
        try {
            return Optional.of(new RootCredentials(id, secret));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": [" + profile + "] " + e.getMessage(), e);
        }
    }

    /** Every profile's keys and values, in file order; empty when there is no file. */
    private Map<String, Map<String, String>> readProfiles() throws IOException {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return profiles;
        }
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = profiles.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
                        k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current != null && eq > 0) {
                current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return profiles;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
