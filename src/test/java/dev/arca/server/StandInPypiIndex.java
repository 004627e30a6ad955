package dev.arca.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a public Python package index on 127.0.0.1, for tests: project pages under {@code /simple/} as
 * PEP 691 JSON or PEP 503 HTML (by Accept, or HTML only when told), files under {@code /files/}, and each wheel's
 * core metadata beside it ({@code .metadata}, PEP 658). It counts requests per path and can be stopped to play an
 * outage.
 */
public final class StandInPypiIndex implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file the index lists. */
    private record Listed(String project, String fileName, byte[] content, String sha256, String requiresPython,
                          String metadata) {
        Listed withContent(byte[] bytes) {
            return new Listed(project, fileName, bytes, sha256, requiresPython, metadata);
        }
    }

    private final HttpServer server;
    private final List<Listed> files = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile boolean htmlOnly;

    private StandInPypiIndex(HttpServer server) {
        this.server = server;
    }

    public static StandInPypiIndex start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInPypiIndex index = new StandInPypiIndex(server);
        server.createContext("/", index::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return index;
    }

    /** The simple index root, ending with {@code /}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/simple/");
    }

    /** Lists a project's wheel and sdist. */
    public void add(PythonDists.Project project) {
        String normalized = project.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
        byte[] wheel = PythonDists.wheel(project);
        byte[] sdist = PythonDists.sdist(project);
        files.add(new Listed(normalized, project.wheelName(), wheel, hex(wheel), project.requiresPython(),
                project.metadata()));
        files.add(new Listed(normalized, project.sdistName(), sdist, hex(sdist), project.requiresPython(), null));
    }

    /** Replaces a file's bytes without changing its listed hash: an index serving corrupt content. */
    public void corrupt(String fileName) {
        files.replaceAll(f -> f.fileName().equals(fileName)
                ? f.withContent("not the listed bytes".getBytes(StandardCharsets.UTF_8)) : f);
    }

    /** Serves pages as HTML whatever the client accepts, like an index without PEP 691. */
    public void htmlOnly() {
        this.htmlOnly = true;
    }

    /** How many requests for {@code fileName} (the file itself, not its metadata) it answered. */
    public int fileRequests(String fileName) {
        AtomicInteger count = requests.get("/files/" + fileName);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            for (Listed file : files) {
                if (path.equals("/files/" + file.fileName())) {
                    send(exchange, 200, "application/octet-stream", file.content());
                    return;
                }
                if (file.metadata() != null && path.equals("/files/" + file.fileName() + ".metadata")) {
                    send(exchange, 200, "text/plain", file.metadata().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            if (path.startsWith("/simple/") && path.endsWith("/")) {
                String project = path.substring("/simple/".length(), path.length() - 1);
                List<Listed> listed = files.stream().filter(f -> f.project().equals(project)).toList();
                if (!listed.isEmpty()) {
                    String accept = exchange.getRequestHeaders().getFirst("Accept");
                    boolean json = !htmlOnly && accept != null
                            && accept.contains("application/vnd.pypi.simple.v1+json");
                    send(exchange, 200, json ? "application/vnd.pypi.simple.v1+json" : "text/html",
                            json ? json(project, listed) : html(project, listed));
                    return;
                }
            }
            send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] json(String project, List<Listed> listed) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("meta").put("api-version", "1.0");
        root.put("name", project);
        ArrayNode list = root.putArray("files");
        for (Listed file : listed) {
            ObjectNode entry = list.addObject().put("filename", file.fileName())
                    .put("url", "../../files/" + file.fileName()).put("requires-python", file.requiresPython());
            entry.putObject("hashes").put("sha256", file.sha256());
            if (file.metadata() != null) {
                entry.putObject("core-metadata").put("sha256",
                        hex(file.metadata().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static byte[] html(String project, List<Listed> listed) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><h1>Links for " + project + "</h1>\n");
        for (Listed file : listed) {
            html.append("<a href=\"/files/").append(file.fileName()).append("#sha256=").append(file.sha256())
                    .append("\" data-requires-python=\"").append(file.requiresPython().replace(">", "&gt;"))
                    .append('"');
            if (file.metadata() != null) {
                html.append(" data-dist-info-metadata=\"sha256=")
                        .append(hex(file.metadata().getBytes(StandardCharsets.UTF_8))).append('"');
            }
            html.append('>').append(file.fileName()).append("</a><br/>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] content) {
        return HexFormat.of().formatHex(PythonDists.sha256(content));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
