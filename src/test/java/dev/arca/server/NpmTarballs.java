package dev.arca.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Real npm tarballs (gzipped ustar, files under {@code package/}) built in memory, for tests. */
public final class NpmTarballs {

    private NpmTarballs() {
    }

    /** A package with a package.json naming it and an index.js exporting {@code exported}. */
    public static byte[] pack(String name, String version, Map<String, String> dependencies, String exported) {
        StringBuilder deps = new StringBuilder();
        dependencies.forEach((dep, range) -> deps.append(deps.isEmpty() ? "" : ", ")
                .append('"').append(dep).append("\": \"").append(range).append('"'));
        String manifest = "{\"name\": \"" + name + "\", \"version\": \"" + version + "\", \"main\": \"index.js\","
                + " \"license\": \"MIT\", \"dependencies\": {" + deps + "}}";
        return tar(Map.of("package/package.json", manifest,
                "package/index.js", "module.exports = " + exported + ";\n"));
    }

    /** Files (path to UTF-8 content) as a gzipped tar. */
    public static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                gzip.write(header(file.getKey(), content.length));
                gzip.write(content);
                gzip.write(new byte[(512 - content.length % 512) % 512]);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String path, long size) {
        byte[] header = new byte[512];
        put(header, 0, path);
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", size));
        put(header, 136, String.format("%011o\0", 1_700_000_000L));
        put(header, 148, "        ");
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        return header;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
