package dev.arca.server.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Asset bytes, content-addressed per domain ({@code DIR/blobs/DOMAIN/ab/SHA256}): stored once however many
 * versions and repositories hold them. Each file is encrypted with its own data key (AES-256-GCM in 64 KiB
 * chunks, so reads stream in constant memory and truncation is detected), the data key wrapped with the
 * domain's key. Files are written to a temporary name, synced and renamed into place, so a crash never leaves
 * a partial blob where a complete one is expected.
 */
public final class BlobStore {

    static final int CHUNK = 64 * 1024;
    private static final int TAG_BYTES = 16;
    private static final byte[] MAGIC = {'A', 'R', 'C', 'B', 1};
    private static final int HEADER = MAGIC.length + 12 + 32 + TAG_BYTES + 8;

    private final Path root;
    private final Path staging;
    private final SecureRandom random = new SecureRandom();

    /**
     * Opens the store under {@code root}. Staged files left by a crash mid-upload are removed: the data directory
     * is locked, so no upload can be in flight.
     */
    public BlobStore(Path root) throws IOException {
        this.root = Objects.requireNonNull(root);
        this.staging = root.resolve("staging");
        Files.createDirectories(staging);
        try (var leftovers = Files.list(staging)) {
            for (Path file : leftovers.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A blob file on disk, identified by domain and content hash. */
    public record StoredBlob(long domainId, String sha256) {
    }

    /** Every blob file in the store, for reconciling with the metadata after a crash. */
    public List<StoredBlob> list() throws IOException {
        List<StoredBlob> out = new ArrayList<>();
        try (var domains = Files.list(root)) {
            for (Path domainDir : domains.filter(Files::isDirectory).toList()) {
                String name = domainDir.getFileName().toString();
                if (!name.matches("[0-9]+")) {
                    continue;
                }
                try (var files = Files.walk(domainDir, 2)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
                            .forEach(f -> out.add(new StoredBlob(Long.parseLong(name), f.getFileName().toString())));
                }
            }
        }
        return out;
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
                 ChunkWriter writer = new ChunkWriter(Channels.newOutputStream(channel), domainKey)) {
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
        private final ChunkWriter writer;
        private final long maxBytes;
        private final MessageDigest md5 = digest("MD5");
        private final MessageDigest sha1 = digest("SHA-1");
        private final MessageDigest sha256 = digest("SHA-256");
        private final MessageDigest sha512 = digest("SHA-512");
        private long size;

        StagingStream(ChunkWriter writer, long maxBytes) {
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

    /** Moves a staged blob into place for a domain; when the same content is already there, keeps that one. */
    public void commit(long domainId, StagedBlob blob) throws IOException {
        Path target = path(domainId, blob.sha256());
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(blob.file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another publish of the same bytes won the race: identical content, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(blob.file, target);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be synced; the rename itself is atomic.
        }
    }

    public boolean exists(long domainId, String sha256) {
        return Files.exists(path(domainId, sha256));
    }

    /** The decrypted bytes of a blob, streamed; fails with an IOException if the file was altered. */
    public InputStream open(long domainId, String sha256, byte[] domainKey) throws IOException {
        return new ChunkReader(Files.newInputStream(path(domainId, sha256)), domainKey);
    }

    public void delete(long domainId, String sha256) throws IOException {
        Files.deleteIfExists(path(domainId, sha256));
    }

    /** The encrypted size on disk of a blob of {@code plainSize} bytes. */
    static long storedSize(long plainSize) {
        long chunks = Math.max(1, (plainSize + CHUNK - 1) / CHUNK);
        return HEADER + plainSize + chunks * TAG_BYTES;
    }

    Path path(long domainId, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(Long.toString(domainId)).resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] nonce(byte[] prefix, int counter) {
        byte[] nonce = Arrays.copyOf(prefix, 12);
        ByteBuffer.wrap(nonce, 8, 4).putInt(counter);
        return nonce;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, boolean last) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            init(cipher, mode, new SecretKeySpec(key, "AES"), nonce, last);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-initializes one cipher per chunk: creating a Cipher per 64 KiB costs more than the encryption. */
    private static void init(Cipher cipher, int mode, SecretKeySpec key, byte[] nonce, boolean last)
            throws GeneralSecurityException {
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
    }

    /** Writes the header and then AES-GCM chunks; the last chunk is marked so a cut-short file fails to read. */
    private final class ChunkWriter implements AutoCloseable {
        private final OutputStream out;
        private final byte[] dataKey = new byte[32];
        private final Cipher chunkCipher;
        private final SecretKeySpec chunkKey;
        private final byte[] prefix = new byte[8];
        private final byte[] pending = new byte[CHUNK];
        private int pendingLength;
        private int counter;

        ChunkWriter(OutputStream out, byte[] domainKey) throws IOException {
            this.out = out;
            random.nextBytes(dataKey);
            random.nextBytes(prefix);
            byte[] wrapNonce = new byte[12];
            random.nextBytes(wrapNonce);
            byte[] wrapped;
            try {
                wrapped = cipher(Cipher.ENCRYPT_MODE, domainKey, wrapNonce, true).doFinal(dataKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            out.write(MAGIC);
            out.write(wrapNonce);
            out.write(wrapped);
            out.write(prefix);
            chunkKey = new SecretKeySpec(dataKey, "AES");
            try {
                chunkCipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        void write(byte[] data, int offset, int length) throws IOException {
            while (length > 0) {
                if (pendingLength == CHUNK) {
                    flushChunk(false);
                }
                int n = Math.min(length, CHUNK - pendingLength);
                System.arraycopy(data, offset, pending, pendingLength, n);
                pendingLength += n;
                offset += n;
                length -= n;
            }
        }

        void finish() throws IOException {
            flushChunk(true);
            out.flush();
        }

        private void flushChunk(boolean last) throws IOException {
            try {
                init(chunkCipher, Cipher.ENCRYPT_MODE, chunkKey, nonce(prefix, counter++), last);
                out.write(chunkCipher.doFinal(pending, 0, pendingLength));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            pendingLength = 0;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads chunk by chunk, one chunk ahead so it knows which one is the last. */
    private static final class ChunkReader extends InputStream {
        private final InputStream in;
        private final SecretKeySpec chunkKey;
        private final Cipher chunkCipher;
        private final byte[] prefix = new byte[8];
        /** The chunk being decrypted and the one after it (read ahead: the last chunk is sealed differently). */
        private byte[] current = new byte[CHUNK + TAG_BYTES];
        private byte[] next = new byte[CHUNK + TAG_BYTES];
        private int nextLength;
        private final byte[] plain = new byte[CHUNK];
        private int plainLength;
        private int position;
        private int counter;
        private boolean done;

        ChunkReader(InputStream in, byte[] domainKey) throws IOException {
            this.in = in;
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                in.close();
                throw new IOException("not an Arca blob file");
            }
            byte[] wrapNonce = in.readNBytes(12);
            byte[] wrapped = in.readNBytes(32 + TAG_BYTES);
            try {
                chunkKey = new SecretKeySpec(cipher(Cipher.DECRYPT_MODE, domainKey, wrapNonce, true).doFinal(wrapped),
                        "AES");
                chunkCipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                in.close();
                throw new IOException("blob key does not match the domain key", e);
            }
            if (in.readNBytes(prefix, 0, 8) != 8) {
                in.close();
                throw new EOFException("blob header is truncated");
            }
            nextLength = in.readNBytes(next, 0, next.length);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == plainLength) {
                if (done) {
                    return -1;
                }
                advance();
            }
            int n = Math.min(length, plainLength - position);
            System.arraycopy(plain, position, buffer, offset, n);
            position += n;
            return n;
        }

        /** Hands whole decrypted chunks to {@code out}: one 64 KiB write each, not many small ones. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long total = 0;
            while (true) {
                if (position < plainLength) {
                    out.write(plain, position, plainLength - position);
                    total += plainLength - position;
                    position = plainLength;
                }
                if (done) {
                    return total;
                }
                advance();
            }
        }

        private void advance() throws IOException {
            if (nextLength < TAG_BYTES) {
                throw new IOException("blob file is truncated");
            }
            byte[] swap = current;
            current = next;
            next = swap;
            int currentLength = nextLength;
            nextLength = currentLength == CHUNK + TAG_BYTES ? in.readNBytes(next, 0, next.length) : 0;
            boolean last = nextLength == 0;
            try {
                init(chunkCipher, Cipher.DECRYPT_MODE, chunkKey, nonce(prefix, counter++), last);
                plainLength = chunkCipher.doFinal(current, 0, currentLength, plain, 0);
            } catch (GeneralSecurityException e) {
                throw new IOException("blob file is damaged or truncated", e);
            }
            position = 0;
            done = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
