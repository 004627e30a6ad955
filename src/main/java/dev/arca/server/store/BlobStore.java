package dev.arca.server.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Asset bytes, content-addressed per domain: stored once however many versions and repositories hold them. Content
 * is staged in a local file first, counted, bounded, hashed and sealed as it arrives ({@link BlobCipher}: its own data
 * key, wrapped with the domain's key), so everything about it is known before anything is recorded; committing hands
 * the sealed file to the {@link BlobBackend} that keeps blobs ({@link FileBlobs} in the data directory by default).
 */
public final class BlobStore {

    static final int CHUNK = BlobCipher.CHUNK;
    /** Blobs up to this size are kept decrypted once read: for them, opening and decrypting cost more than sending. */
    public static final int SMALL = 64 * 1024;

    /** A small blob's bytes and the domain key that opened them, which a later open must present again. */
    private record Plain(byte[] domainKey, byte[] bytes) {
    }

    private final BlobBackend backend;
    private final Path staging;
    private final SecureRandom random = new SecureRandom();
    private final WeighedCache<StoredBlob, Plain> small;

    /** The data directory's own store: blob files under {@code root}, staged in {@code root/staging}. */
    public BlobStore(Path root) throws IOException {
        this(new FileBlobs(root), root.resolve("staging"));
    }

    /** Blobs kept by {@code backend}, with small ones kept decrypted within this JVM's {@link CacheBudget}. */
    public BlobStore(BlobBackend backend, Path staging) throws IOException {
        this(backend, staging, CacheBudget.ofThisJvm().smallBlobBytes());
    }

    /**
     * Blobs kept by {@code backend}, staged in the local directory {@code staging}, with up to {@code smallBytes} of
     * small blobs kept decrypted. Staged files left by a crash mid-upload are removed: the data directory is locked,
     * so no upload can be in flight.
     */
    public BlobStore(BlobBackend backend, Path staging, long smallBytes) throws IOException {
        this.backend = Objects.requireNonNull(backend);
        this.staging = Objects.requireNonNull(staging);
        this.small = new WeighedCache<>(smallBytes, System::nanoTime);
        Files.createDirectories(staging);
        try (var leftovers = Files.list(staging)) {
            for (Path file : leftovers.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A kept blob, identified by domain and content hash. */
    public record StoredBlob(long domainId, String sha256) {
    }

    /** Every blob kept. */
    public List<StoredBlob> list() throws IOException {
        return backend.list();
    }

    /** Every blob last written before {@code cutoff}, for reconciling with the metadata after a crash. */
    public List<StoredBlob> listWrittenBefore(Instant cutoff) throws IOException {
        return backend.listWrittenBefore(cutoff);
    }

    /** Bytes read and hashed while staging, not yet in place. Closing discards what was not committed. */
    public static final class StagedBlob implements AutoCloseable {
        private final Path file;
        private final long size;
        private final String md5;
        private final String sha1;
        private final String sha256;
        private final String sha512;

        StagedBlob(Path file, long size, String md5, String sha1, String sha256, String sha512) {
            this.file = file;
            this.size = size;
            this.md5 = md5;
            this.sha1 = sha1;
            this.sha256 = sha256;
            this.sha512 = sha512;
        }

        public long size() {
            return size;
        }

        public String md5() {
            return md5;
        }

        public String sha1() {
            return sha1;
        }

        public String sha256() {
            return sha256;
        }

        public String sha512() {
            return sha512;
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** The content was larger than allowed; nothing was kept. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("content is larger than " + limit + " bytes");
        }
    }

    /** Writes content into a staging stream: for sources that push bytes (a decoder) rather than being read. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Streams {@code content} into a staged, encrypted file while hashing it; refuses more than {@code maxBytes}.
     */
    public StagedBlob stage(InputStream content, long maxBytes, byte[] domainKey) throws IOException {
        return stage(out -> content.transferTo(out), maxBytes, domainKey);
    }

    /**
     * Stages what {@code content} writes, encrypted and hashed as it arrives; the write fails with
     * {@link TooLargeException} as soon as it passes {@code maxBytes}, and nothing is kept.
     */
    public StagedBlob stage(ContentWriter content, long maxBytes, byte[] domainKey) throws IOException {
        Path file = Files.createTempFile(staging, "blob", ".tmp");
        try {
            StagingStream sink;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                 BlobCipher.ChunkWriter writer = new BlobCipher.ChunkWriter(Channels.newOutputStream(channel),
                         domainKey, random)) {
                sink = new StagingStream(writer, maxBytes);
                content.writeTo(sink);
                writer.finish();
                channel.force(true);
            }
            return sink.staged(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Counts, bounds and hashes what passes through on its way to the encrypting writer. */
    private static final class StagingStream extends OutputStream {
        private final BlobCipher.ChunkWriter writer;
        private final long maxBytes;
        private final MessageDigest md5 = digest("MD5");
        private final MessageDigest sha1 = digest("SHA-1");
        private final MessageDigest sha256 = digest("SHA-256");
        private final MessageDigest sha512 = digest("SHA-512");
        private long size;

        StagingStream(BlobCipher.ChunkWriter writer, long maxBytes) {
            this.writer = writer;
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            size += length;
            if (size > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            md5.update(data, offset, length);
            sha1.update(data, offset, length);
            sha256.update(data, offset, length);
            sha512.update(data, offset, length);
            writer.write(data, offset, length);
        }

        StagedBlob staged(Path file) {
            HexFormat hex = HexFormat.of();
            return new StagedBlob(file, size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                    hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
        }
    }

    /**
     * Puts a staged blob in place ahead of the write that records it, where the backend can do so without giving up
     * the staged file (object storage: the upload then happens outside the write lock); {@link #commit} under the
     * lock still follows.
     */
    public void commitAhead(long domainId, StagedBlob blob) throws IOException {
        backend.putAhead(domainId, blob.sha256(), blob.file);
    }

    /** Puts a staged blob in place for a domain; when the same content is already there, keeps that one. */
    public void commit(long domainId, StagedBlob blob) throws IOException {
        backend.put(domainId, blob.sha256(), blob.file);
    }

    public boolean exists(long domainId, String sha256) throws IOException {
        return backend.exists(domainId, sha256);
    }

    /** The decrypted bytes of a blob, streamed; fails with an IOException if the sealed bytes were altered. */
    public InputStream open(long domainId, String sha256, byte[] domainKey) throws IOException {
        return new BlobReader(backend.open(domainId, sha256), domainKey);
    }

    /**
     * The decrypted bytes of a blob of {@code size} bytes. One of at most {@link #SMALL} bytes is read, decrypted and
     * checked whole the first time and then served from memory, to callers presenting the same domain key.
     */
    public InputStream open(long domainId, String sha256, long size, byte[] domainKey) throws IOException {
        if (size > SMALL) {
            return open(domainId, sha256, domainKey);
        }
        StoredBlob blob = new StoredBlob(domainId, sha256);
        Plain kept = small.get(blob);
        if (kept == null || !MessageDigest.isEqual(kept.domainKey(), domainKey)) {
            byte[] bytes;
            try (InputStream in = open(domainId, sha256, domainKey)) {
                bytes = in.readAllBytes();
            }
            kept = new Plain(domainKey.clone(), bytes);
            small.put(blob, kept, bytes.length + domainKey.length + 128L);
        }
        return new ByteArrayInputStream(kept.bytes());
    }

    public void delete(long domainId, String sha256) throws IOException {
        small.remove(new StoredBlob(domainId, sha256));
        backend.delete(domainId, sha256);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
