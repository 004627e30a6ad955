package dev.arca.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a public npm registry on 127.0.0.1, for tests: it serves the package documents and tarballs it was
 * given, counts the requests it answers per path, and can be stopped to play an outage.
 */
public final class StandInNpmRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> documents = new ConcurrentHashMap<>();
    private final Map<String, byte[]> tarballs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile long tarballDelayMillis;

    private StandInNpmRegistry(HttpServer server) {
        this.server = server;
    }

    public static StandInNpmRegistry start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInNpmRegistry registry = new StandInNpmRegistry(server);
        server.createContext("/", registry::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return registry;
    }

    /** The registry root, ending with {@code /}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Publishes a version here; the highest version added becomes {@code latest}. */
    public void add(String name, String version, byte[] tarball, Map<String, String> dependencies) {
        String file = name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
        String tarballPath = "/" + name + "/-/" + file;
        tarballs.put(tarballPath, tarball);
        ObjectNode document = documents.computeIfAbsent(name, n -> {
            ObjectNode d = JSON.createObjectNode().put("name", n);
            d.putObject("dist-tags");
            d.putObject("versions");
            return d;
        });
        ObjectNode manifest = ((ObjectNode) document.get("versions")).putObject(version)
                .put("name", name).put("version", version).put("description", "public " + name);
        ObjectNode deps = manifest.putObject("dependencies");
        dependencies.forEach(deps::put);
        manifest.putObject("dist")
                .put("tarball", url().toString().replaceAll("/$", "") + tarballPath)
                .put("shasum", HexFormat.of().formatHex(digest("SHA-1", tarball)))
                .put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tarball)));
        ((ObjectNode) document.get("dist-tags")).put("latest", version);
    }

    /** Sets a dist-tag on a package already added. */
    public void tag(String name, String tag, String version) {
        ((ObjectNode) documents.get(name).get("dist-tags")).put(tag, version);
    }

    /** Replaces a tarball's bytes without changing the published hashes: a registry serving corrupt content. */
    public void corrupt(String name, String version) {
        String file = name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
        tarballs.put("/" + name + "/-/" + file, "not the published bytes".getBytes(StandardCharsets.UTF_8));
    }

    /** Makes every tarball download wait first, so concurrent requests overlap. */
    public void delayTarballs(long millis) {
        this.tarballDelayMillis = millis;
    }

    /** How many requests for tarballs of {@code name} this registry answered. */
    public int tarballRequests(String name) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith("/" + name + "/-/"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** How many requests it answered in all. */
    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] tarball = tarballs.get(path);
            if (tarball != null) {
                pause();
                send(exchange, 200, "application/octet-stream", tarball);
                return;
            }
            ObjectNode document = documents.get(path.substring(1));
            if (document != null) {
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(document));
            } else {
                send(exchange, 404, "application/json", "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(tarballDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
