package dev.arca.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A stand-in for a public Maven repository on 127.0.0.1, for tests: a tiny repository in the Maven 2 layout built
 * in memory — POMs, jars, a {@code .sha1} next to every file and {@code maven-metadata.xml} per artifact — that
 * counts the requests it answers per path and can be stopped to play an outage.
 */
public final class StandInMavenRepository implements AutoCloseable {

    private static final String ROOT = "/maven2/";

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, TreeSet<String>> versions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    private StandInMavenRepository(HttpServer server) {
        this.server = server;
    }

    public static StandInMavenRepository start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInMavenRepository repository = new StandInMavenRepository(server);
        server.createContext("/", repository::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return repository;
    }

    /** The repository root, ending with {@code /}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ROOT);
    }

    /**
     * Publishes a version: its POM (with the given extra POM elements, e.g. dependencies) and, unless the packaging
     * is {@code pom}, a jar holding {@code resources}; returns the jar (empty for a POM-only version).
     */
    public byte[] add(String groupId, String artifactId, String version, String packaging, String pomExtra,
                      Map<String, String> resources) {
        String directory = groupId.replace('.', '/') + "/" + artifactId;
        String base = directory + "/" + version + "/" + artifactId + "-" + version;
        put(base + ".pom", pom(groupId, artifactId, version, packaging, pomExtra));
        byte[] jar = new byte[0];
        if (!packaging.equals("pom")) {
            jar = jar(resources);
            put(base + ".jar", jar);
        }
        TreeSet<String> known = versions.computeIfAbsent(directory, d -> new TreeSet<>());
        known.add(version);
        put(directory + "/maven-metadata.xml", metadata(groupId, artifactId, List.copyOf(known)));
        return jar;
    }

    /** Publishes one more file of a version (sources, javadoc), with its SHA-1. */
    public void addFile(String path, byte[] content) {
        put(path, content);
    }

    /** Replaces a file's bytes without changing its published SHA-1: a repository serving corrupt content. */
    public void corrupt(String path) {
        files.put(path, "not the published bytes".getBytes(StandardCharsets.UTF_8));
    }

    /** Makes every answer wait first, so concurrent requests overlap. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** How many requests for files whose path (under the root) starts with {@code prefix} it answered. */
    public int requests(String prefix) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A POM for a version, with {@code extra} elements inside {@code <project>}. */
    public static byte[] pom(String groupId, String artifactId, String version, String packaging, String extra) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>" + groupId + "</groupId>\n"
                + "  <artifactId>" + artifactId + "</artifactId>\n"
                + "  <version>" + version + "</version>\n"
                + "  <packaging>" + packaging + "</packaging>\n"
                + extra
                + "</project>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A jar holding text resources, by path. */
    public static byte[] jar(Map<String, String> resources) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                jar.putNextEntry(new JarEntry(resource.getKey()));
                jar.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(String path, byte[] content) {
        files.put(path, content);
        files.put(path + ".sha1", sha1(content).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] metadata(String groupId, String artifactId, List<String> known) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n")
                .append("  <groupId>").append(groupId).append("</groupId>\n")
                .append("  <artifactId>").append(artifactId).append("</artifactId>\n")
                .append("  <versioning>\n")
                .append("    <latest>").append(known.getLast()).append("</latest>\n")
                .append("    <release>").append(known.getLast()).append("</release>\n")
                .append("    <versions>\n");
        known.forEach(v -> xml.append("      <version>").append(v).append("</version>\n"));
        xml.append("    </versions>\n    <lastUpdated>20240102030405</lastUpdated>\n  </versioning>\n</metadata>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String file = path.startsWith(ROOT) ? path.substring(ROOT.length()) : path;
        requests.computeIfAbsent(file, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            pause();
            byte[] content = files.get(file);
            if (content == null) {
                send(exchange, 404, "Not found".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, content);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
