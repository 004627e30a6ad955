package dev.arca.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sealed blobs as files under the data directory, {@code ROOT/DOMAIN/ab/SHA256}. A blob arrives by an atomic rename
 * of a synced file on the same file system, and the directory is synced after it, so a crash never leaves a partial
 * blob where a complete one is expected.
 */
public final class FileBlobs implements BlobBackend {

    private final Path root;

    public FileBlobs(Path root) throws IOException {
        this.root = Objects.requireNonNull(root);
        Files.createDirectories(root);
    }

    @Override
    public void put(long domainId, String sha256, Path sealed) throws IOException {
        Path target = path(domainId, sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(sealed, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another publish of the same bytes won the race: identical content, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(sealed, target);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be synced; the rename itself is atomic.
        }
    }

    @Override
    public boolean exists(long domainId, String sha256) {
        return Files.exists(path(domainId, sha256));
    }

    @Override
    public InputStream open(long domainId, String sha256) throws IOException {
        return Files.newInputStream(path(domainId, sha256));
    }

    @Override
    public void delete(long domainId, String sha256) throws IOException {
        Files.deleteIfExists(path(domainId, sha256));
    }

    @Override
    public List<BlobStore.StoredBlob> listWrittenBefore(Instant cutoff) throws IOException {
        List<BlobStore.StoredBlob> out = new ArrayList<>();
        try (var domains = Files.list(root)) {
            for (Path domainDir : domains.filter(Files::isDirectory).toList()) {
                String name = domainDir.getFileName().toString();
                if (!name.matches("[0-9]+")) {
                    continue;
                }
                try (var files = Files.walk(domainDir, 2)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> SHA256.matcher(f.getFileName().toString()).matches())
                            .filter(f -> writtenBefore(f, cutoff))
                            .forEach(f -> out.add(new BlobStore.StoredBlob(Long.parseLong(name),
                                    f.getFileName().toString())));
                }
            }
        }
        return out;
    }

    private static boolean writtenBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false; // gone meanwhile, or unreadable: not something to remove now
        }
    }

    Path path(long domainId, String sha256) {
        String name = BlobBackend.checkedSha256(sha256);
        return root.resolve(Long.toString(domainId)).resolve(name.substring(0, 2)).resolve(name);
    }
}
