package dev.arca.server.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Package version revisions: a fresh random identifier for every change to a version's assets or metadata. */
final class Revisions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Revisions() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
