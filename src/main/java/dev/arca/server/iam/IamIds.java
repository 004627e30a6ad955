package dev.arca.server.iam;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New identifiers and secrets shaped as AWS makes them: unique ids {@code AIDA…} (user) and {@code AROA…} (role) of
 * 21 characters, access key ids {@code AKIA…} (long-term) and {@code ASIA…} (temporary) of 20, all in AWS's base-32
 * alphabet; 40-character secret keys; opaque session tokens.
 */
final class IamIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final SecureRandom random = new SecureRandom();

    String userId() {
        return "AIDA" + chars(ALPHABET, 17);
    }

    String roleId() {
        return "AROA" + chars(ALPHABET, 17);
    }

    String accessKeyId() {
        return "AKIA" + chars(ALPHABET, 16);
    }

    String sessionKeyId() {
        return "ASIA" + chars(ALPHABET, 16);
    }

    String secretAccessKey() {
        return chars(SECRET_ALPHABET, 40);
    }

    String sessionToken() {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String chars(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
