package dev.arca.server;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The access key pair that signs requests as the server's root principal. Never has a built-in
 * default: it comes from the environment or is generated once and stored in the data directory.
 */
public record RootCredentials(String accessKeyId, String secretAccessKey) {

    public static final String ACCESS_KEY_ENV = "ARCA_ACCESS_KEY_ID";
    public static final String SECRET_KEY_ENV = "ARCA_SECRET_ACCESS_KEY";

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public RootCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            throw new IllegalArgumentException(
                    "access key id must be 16 to 128 upper-case letters or digits");
        }
        if (secretAccessKey.length() < 16) {
            throw new IllegalArgumentException("secret access key must be at least 16 characters");
        }
    }

    /** A fresh pair shaped like IAM's: {@code AKIA} + 16 characters, and a 40-character secret. */
    public static RootCredentials generate(SecureRandom random) {
        return new RootCredentials("AKIA" + randomString(random, KEY_ID_ALPHABET, 16),
                randomString(random, SECRET_ALPHABET, 40));
    }

    /**
     * Credentials from {@value #ACCESS_KEY_ENV} and {@value #SECRET_KEY_ENV}; both or neither.
     *
     * @throws IllegalArgumentException when only one is set or a value is malformed
     */
    public static Optional<RootCredentials> fromEnvironment(java.util.Map<String, String> env) {
        String id = env.get(ACCESS_KEY_ENV);
        String secret = env.get(SECRET_KEY_ENV);
        if (id == null && secret == null) {
            return Optional.empty();
        }
        if (id == null || secret == null) {
            throw new IllegalArgumentException(
                    ACCESS_KEY_ENV + " and " + SECRET_KEY_ENV + " must be set together");
        }
        return Optional.of(new RootCredentials(id, secret));
    }

    private static String randomString(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "RootCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
