package dev.arca.server.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealed form of a blob, the same in every {@link BlobBackend}: a header (magic, the blob's own data key wrapped
 * with the domain's key, a nonce prefix), then the content in AES-256-GCM chunks of 64 KiB, so reads stream in
 * constant memory; the last chunk is sealed differently, so a blob cut short fails to read.
 */
final class BlobCipher {

    static final int CHUNK = 64 * 1024;
    private static final int TAG_BYTES = 16;
    private static final byte[] MAGIC = {'A', 'R', 'C', 'B', 1};
    private static final int HEADER = MAGIC.length + 12 + 32 + TAG_BYTES + 8;

    private BlobCipher() {
    }

    /** The sealed size of a blob of {@code plainSize} bytes. */
    static long storedSize(long plainSize) {
        long chunks = Math.max(1, (plainSize + CHUNK - 1) / CHUNK);
        return HEADER + plainSize + chunks * TAG_BYTES;
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
    static final class ChunkWriter implements AutoCloseable {
        private final OutputStream out;
        private final byte[] dataKey = new byte[32];
        private final Cipher chunkCipher;
        private final SecretKeySpec chunkKey;
        private final byte[] prefix = new byte[8];
        private final byte[] pending = new byte[CHUNK];
        private int pendingLength;
        private int counter;

        ChunkWriter(OutputStream out, byte[] domainKey, SecureRandom random) throws IOException {
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
    static final class ChunkReader extends InputStream {
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
