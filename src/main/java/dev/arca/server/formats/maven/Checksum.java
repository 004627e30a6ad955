package dev.arca.server.formats.maven;

import dev.arca.server.model.Records.BlobRow;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checksum files Maven clients fetch and deploy next to every file ({@code .md5}, {@code .sha1},
 * {@code .sha256}, {@code .sha512}). The server never stores them: it answers with the hashes of the bytes it
 * stores, and checks the ones clients upload against them.
 */
enum Checksum {
    MD5("md5", "MD5", 32, BlobRow::md5),
    SHA1("sha1", "SHA-1", 40, BlobRow::sha1),
    SHA256("sha256", "SHA-256", 64, BlobRow::sha256),
    SHA512("sha512", "SHA-512", 128, BlobRow::sha512);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final String extension;
    private final String algorithm;
    private final int hexLength;
    private final Function<BlobRow, String> stored;

    Checksum(String extension, String algorithm, int hexLength, Function<BlobRow, String> stored) {
        this.extension = extension;
        this.algorithm = algorithm;
        this.hexLength = hexLength;
        this.stored = stored;
    }

    /** The checksum a file name asks for ({@code x.jar.sha1}), if it is a checksum file. */
    static Optional<Checksum> of(String fileName) {
        return Arrays.stream(values()).filter(c -> fileName.endsWith("." + c.extension)).findFirst();
    }

    /** The name of the file this checksum file is about. */
    String stripFrom(String fileName) {
        return fileName.substring(0, fileName.length() - extension.length() - 1);
    }

    String extension() {
        return extension;
    }

    /** The hash of a stored blob, as lower-case hex. */
    String of(BlobRow blob) {
        return stored.apply(blob);
    }

    /** The hash of some bytes, as lower-case hex. */
    String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * The hash in a checksum file's text: its first word (some tools add the file name after it), lower-cased;
     * empty when that is not a hash of this kind.
     */
    Optional<String> read(String text) {
        String[] words = text.strip().split("\\s+", 2);
        String hash = words[0].toLowerCase(Locale.ROOT);
        return hash.length() == hexLength && HEX.matcher(hash).matches() ? Optional.of(hash) : Optional.empty();
    }
}
