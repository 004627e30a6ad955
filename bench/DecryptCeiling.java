import java.nio.ByteBuffer;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The decrypt-only ceiling of a sealed blob download (docs/benchmarks.md, issue 15): AES-256-GCM over 64 KiB chunks
 * the way BlobCipher reads them — one cipher re-initialized per chunk with its own nonce and a one-byte AAD, doFinal
 * into a reused buffer — from heap arrays and from direct buffers, on one thread (GB/s per core) and on every core.
 * Run with the JDK the server uses: {@code java bench/DecryptCeiling.java [SECONDS]}.
 */
public class DecryptCeiling {

    static final int CHUNK = 64 * 1024;
    static final int TAG = 16;
    static final int CHUNKS = 16; // a 1 MiB blob

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        byte[] key = new byte[32];
        byte[] prefix = new byte[8];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        random.nextBytes(prefix);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        byte[][] sealed = new byte[CHUNKS][];
        Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        for (int i = 0; i < CHUNKS; i++) {
            byte[] plain = new byte[CHUNK];
            random.nextBytes(plain);
            encrypt.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(TAG * 8, nonce(prefix, i)));
            encrypt.updateAAD(new byte[] {(byte) (i == CHUNKS - 1 ? 1 : 0)});
            sealed[i] = encrypt.doFinal(plain);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (String mode : new String[] {"heap", "direct"}) {
            run(mode, 1, seconds / 2, spec, prefix, sealed); // warm-up
            System.out.printf("decrypt-only, %s buffers, 1 thread: %.2f GB/s%n", mode,
                    run(mode, 1, seconds, spec, prefix, sealed));
            System.out.printf("decrypt-only, %s buffers, %d threads: %.2f GB/s%n", mode, cores,
                    run(mode, cores, seconds, spec, prefix, sealed));
        }
    }

    static double run(String mode, int threads, double seconds, SecretKeySpec key, byte[] prefix, byte[][] sealed)
            throws InterruptedException {
        long[] bytes = new long[threads];
        Thread[] workers = new Thread[threads];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            workers[t] = new Thread(() -> {
                try {
                    bytes[slot] = mode.equals("heap") ? heap(key, prefix, sealed, deadline)
                            : direct(key, prefix, sealed, deadline);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += bytes[t];
        }
        return total / ((System.nanoTime() - start) / 1e9) / 1e9;
    }

    static long heap(SecretKeySpec key, byte[] prefix, byte[][] sealed, long deadline) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] plain = new byte[CHUNK];
        long bytes = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < CHUNKS; i++) {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(prefix, i)));
                cipher.updateAAD(new byte[] {(byte) (i == CHUNKS - 1 ? 1 : 0)});
                bytes += cipher.doFinal(sealed[i], 0, sealed[i].length, plain, 0);
            }
        }
        return bytes;
    }

    static long direct(SecretKeySpec key, byte[] prefix, byte[][] sealed, long deadline) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        ByteBuffer[] in = new ByteBuffer[CHUNKS];
        for (int i = 0; i < CHUNKS; i++) {
            in[i] = ByteBuffer.allocateDirect(sealed[i].length).put(sealed[i]).flip();
        }
        ByteBuffer plain = ByteBuffer.allocateDirect(CHUNK);
        long bytes = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < CHUNKS; i++) {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(prefix, i)));
                cipher.updateAAD(new byte[] {(byte) (i == CHUNKS - 1 ? 1 : 0)});
                plain.clear();
                bytes += cipher.doFinal(in[i].duplicate(), plain);
            }
        }
        return bytes;
    }

    static byte[] nonce(byte[] prefix, int counter) {
        byte[] nonce = java.util.Arrays.copyOf(prefix, 12);
        ByteBuffer.wrap(nonce, 8, 4).putInt(counter);
        return nonce;
    }
}
