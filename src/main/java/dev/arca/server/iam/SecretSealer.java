package dev.arca.server.iam;

import dev.arca.server.store.MetadataStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the IAM secrets the server must read back — access-key and session secrets — with AES-256-GCM under a key
 * kept in the store's settings, as {@code TokenService} keeps its signing secret.
 *
 * <p>Why: SigV4 needs the secret in clear to check a signature, so unlike a session token it cannot be kept as a
 * hash. Sealing keeps secrets out of the rows in clear: a dump of the IAM tables, a query log or a shared PostgreSQL
 * database holding the rows gives no usable credential without the key. On SQLite the key sits in the same file, so
 * this guards against leaked rows, not against a stolen data directory (which holds the root credentials file in
 * clear anyway). GCM makes an altered row fail to open instead of yielding a wrong secret, and the access key id is
 * bound in as associated data, so a sealed secret copied onto another row does not open. A sealed value is its
 * random 12-byte nonce followed by ciphertext and tag.
 */
public final class SecretSealer {

    private static final String KEY_SETTING = "iam.seal-key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretSealer(MetadataStore store) {
        Objects.requireNonNull(store, "store");
        byte[] bytes = store.write(tx -> tx.settings().get(KEY_SETTING).orElseGet(() -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            tx.settings().put(KEY_SETTING, fresh);
            return fresh;
        }));
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** {@code secret} sealed for the row named {@code binding} (an access key id). */
    public byte[] seal(String secret, String binding) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, binding).doFinalUnchecked(secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** The secret {@link #seal} sealed for {@code binding}. */
    public String open(byte[] sealed, String binding) {
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce, binding)
                .doFinalUnchecked(Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
        return new String(plain, StandardCharsets.UTF_8);
    }

    private GcmCipher cipher(int mode, byte[] nonce, String binding) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            return new GcmCipher(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private record GcmCipher(Cipher cipher) {
        byte[] doFinalUnchecked(byte[] input) {
            try {
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a sealed IAM secret does not open: the store was altered", e);
            }
        }
    }
}
