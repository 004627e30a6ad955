package dev.arca.server.store;

import java.io.IOException;
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
 * constant memory; the last chunk is sealed differently, so a blob cut short fails to read. {@link BlobReader} reads
 * it back.
 */
final class BlobCipher {

    static final int CHUNK = 64 * 1024;
    static final int TAG_BYTES = 16;
    static final byte[] MAGIC = {'A', 'R', 'C', 'B', 1};
    /** Magic, the wrapping nonce, the wrapped data key with its tag, the chunk nonces' prefix. */
    static final int HEADER = MAGIC.length + 12 + 32 + TAG_BYTES + 8;
    private static final byte[] LAST = {1};
    private static final byte[] NOT_LAST = {0};

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
            Cipher cipher = newCipher();
            init(cipher, mode, new SecretKeySpec(key, "AES"), nonce, last);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-initializes one cipher per chunk: creating a Cipher per 64 KiB costs more than the encryption. */
    static void init(Cipher cipher, int mode, SecretKeySpec key, byte[] nonce, boolean last)
            throws GeneralSecurityException {
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(last ? LAST : NOT_LAST);
    }

    /**
     * The blob's data key, unwrapped with the domain's key from the header in {@code sealed} (which starts at
     * {@code offset}, just after the magic).
     */
    static SecretKeySpec unwrap(Cipher cipher, byte[] domainKey, byte[] sealed, int offset) throws IOException {
        try {
            init(cipher, Cipher.DECRYPT_MODE, new SecretKeySpec(domainKey, "AES"),
                    Arrays.copyOfRange(sealed, offset, offset + 12), true);
            return new SecretKeySpec(cipher.doFinal(sealed, offset + 12, 32 + TAG_BYTES), "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("blob key does not match the domain key", e);
        }
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
            chunkCipher = newCipher();
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
}
