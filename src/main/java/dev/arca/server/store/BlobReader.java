package dev.arca.server.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a sealed blob ({@link BlobCipher}'s form) as plaintext, with as few copies as the encryption allows: the
 * sealed bytes are read a batch of chunks at a time straight into one array, each chunk is decrypted straight into
 * the array that is handed on ({@link #transferTo} writes a whole batch, 256 KiB, in one call), and every chunk's tag
 * is checked before any of its bytes leave. It reads one byte ahead so it knows which chunk is the last (sealed
 * differently, so a blob cut short fails). Buffers and cipher come from a small pool and go back on close, so a
 * download allocates nothing per chunk. Not for concurrent use: one reader, then close.
 */
final class BlobReader extends InputStream {

    private static final int SEALED_CHUNK = BlobCipher.CHUNK + BlobCipher.TAG_BYTES;
    /** Chunks decrypted per batch: one write of 256 KiB instead of four of 64 KiB. */
    static final int BATCH = 4;

    private final InputStream in;
    private Buffers buffers;
    private final SecretKeySpec chunkKey;
    private final byte[] prefix;
    private int sealedStart;
    private int sealedEnd;
    private boolean endOfInput;
    private int plainPosition;
    private int plainLength;
    private int counter;
    private boolean done;

    BlobReader(InputStream in, byte[] domainKey) throws IOException {
        this.in = in;
        this.buffers = Buffers.take();
        try {
            fill();
            byte[] sealed = buffers.sealed;
            int magic = BlobCipher.MAGIC.length;
            if (sealedEnd < magic || !Arrays.equals(sealed, 0, magic, BlobCipher.MAGIC, 0, magic)) {
                throw new IOException("not an Arca blob file");
            }
            if (sealedEnd < BlobCipher.HEADER) {
                throw new EOFException("blob header is truncated");
            }
            chunkKey = BlobCipher.unwrap(buffers.cipher, domainKey, sealed, BlobCipher.MAGIC.length);
            prefix = Arrays.copyOfRange(sealed, BlobCipher.HEADER - 8, BlobCipher.HEADER);
            sealedStart = BlobCipher.HEADER;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
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
        while (plainPosition == plainLength) {
            if (done) {
                return -1;
            }
            decryptBatch();
        }
        int n = Math.min(length, plainLength - plainPosition);
        System.arraycopy(buffers().plain, plainPosition, buffer, offset, n);
        plainPosition += n;
        return n;
    }

    /** Hands whole decrypted batches to {@code out}, each in one write from the array it was decrypted into. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long total = 0;
        while (true) {
            if (plainPosition < plainLength) {
                out.write(buffers().plain, plainPosition, plainLength - plainPosition);
                total += plainLength - plainPosition;
                plainPosition = plainLength;
            }
            if (done) {
                return total;
            }
            decryptBatch();
        }
    }

    /** Decrypts up to {@link #BATCH} chunks into the plain buffer; each chunk's tag is checked before it is kept. */
    private void decryptBatch() throws IOException {
        Buffers b = buffers();
        plainPosition = 0;
        plainLength = 0;
        while (!done && plainLength + BlobCipher.CHUNK <= b.plain.length) {
            if (!endOfInput && sealedEnd - sealedStart <= SEALED_CHUNK) {
                fill();
            }
            int available = sealedEnd - sealedStart;
            if (available < BlobCipher.TAG_BYTES) {
                throw new IOException("blob file is truncated");
            }
            int length = Math.min(available, SEALED_CHUNK);
            boolean last = endOfInput && available == length;
            try {
                BlobCipher.init(b.cipher, Cipher.DECRYPT_MODE, chunkKey, b.nonce(prefix, counter++), last);
                plainLength += b.cipher.doFinal(b.sealed, sealedStart, length, b.plain, plainLength);
            } catch (GeneralSecurityException e) {
                plainLength = 0;
                throw new IOException("blob file is damaged or truncated", e);
            }
            sealedStart += length;
            done = last;
        }
    }

    /** Moves what is left to the front and reads until the sealed buffer is full or the input ends. */
    private void fill() throws IOException {
        byte[] sealed = buffers.sealed;
        int left = sealedEnd - sealedStart;
        System.arraycopy(sealed, sealedStart, sealed, 0, left);
        sealedStart = 0;
        sealedEnd = left + in.readNBytes(sealed, left, sealed.length - left);
        endOfInput = sealedEnd < sealed.length;
    }

    private Buffers buffers() throws IOException {
        if (buffers == null) {
            throw new IOException("blob stream is closed");
        }
        return buffers;
    }

    @Override
    public void close() throws IOException {
        if (buffers != null) {
            Buffers.give(buffers);
            buffers = null;
        }
        in.close();
    }

    /**
     * One reader's arrays and cipher. The sealed array holds a header and a batch of chunks plus the one byte read
     * ahead; the plain array a batch of plaintext. Pooled: a download of 1 MB would otherwise allocate and zero half
     * a megabyte and look a cipher up twice.
     */
    static final class Buffers {
        /** Enough for the concurrent downloads of a busy small server; more are served with fresh buffers. */
        private static final ArrayBlockingQueue<Buffers> POOL = new ArrayBlockingQueue<>(16);

        final byte[] sealed = new byte[BlobCipher.HEADER + BATCH * SEALED_CHUNK + 1];
        final byte[] plain = new byte[BATCH * BlobCipher.CHUNK];
        final Cipher cipher = BlobCipher.newCipher();
        private final byte[] nonce = new byte[12];

        static Buffers take() {
            Buffers pooled = POOL.poll();
            return pooled != null ? pooled : new Buffers();
        }

        static void give(Buffers buffers) {
            POOL.offer(buffers);
        }

        /** The chunk nonce: the blob's 8-byte prefix, then the chunk's counter (the cipher copies it on init). */
        byte[] nonce(byte[] prefix, int counter) {
            System.arraycopy(prefix, 0, nonce, 0, 8);
            nonce[8] = (byte) (counter >>> 24);
            nonce[9] = (byte) (counter >>> 16);
            nonce[10] = (byte) (counter >>> 8);
            nonce[11] = (byte) counter;
            return nonce;
        }
    }
}
