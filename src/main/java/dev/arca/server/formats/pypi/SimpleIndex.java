package dev.arca.server.formats.pypi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.json.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simple repository API's documents (PEP 503 HTML, PEP 691 JSON): the project list and a project's files,
 * in the form the client's {@code Accept} header prefers — JSON ({@code application/vnd.pypi.simple.v1+json}),
 * HTML ({@code application/vnd.pypi.simple.v1+html}) or plain {@code text/html}, the default; a client that
 * accepts none of them gets a 406.
 */
final class SimpleIndex {

    static final String JSON_V1 = "application/vnd.pypi.simple.v1+json";
    static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";
    static final String TEXT_HTML = "text/html";
    private static final String API_VERSION = "1.0";
    /** The forms served, in the order preferred when the client likes several equally. */
    private static final List<String> SERVED = List.of(JSON_V1, HTML_V1, TEXT_HTML);
    private static final Map<String, String> ALIASES = Map.of(
            "application/vnd.pypi.simple.latest+json", JSON_V1,
            "application/vnd.pypi.simple.latest+html", HTML_V1);

    /**
     * One file as a project page lists it.
     *
     * @param url where the client downloads it (this repository)
     */
    record File(String fileName, String url, Optional<String> sha256, Optional<String> requiresPython) {
        File {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(url);
            Objects.requireNonNull(sha256);
            Objects.requireNonNull(requiresPython);
        }
    }

    private SimpleIndex() {
    }

    /** The form to answer in, from an Accept header (absent: {@code text/html}). */
    static String negotiate(Optional<String> accept) {
        if (accept.isEmpty() || accept.get().isBlank()) {
            return TEXT_HTML;
        }
        String best = null;
        double bestQuality = 0;
        for (String range : accept.get().split(",")) {
            String[] params = range.strip().split(";");
            String type = params[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(params);
            for (String served : SERVED) {
                boolean matches = type.equals(served) || served.equals(ALIASES.get(type)) || type.equals("*/*")
                        || (type.equals("text/*") && served.equals(TEXT_HTML))
                        || (type.equals("application/*") && !served.equals(TEXT_HTML));
                boolean better = quality > bestQuality
                        || (quality == bestQuality && best != null && SERVED.indexOf(served) < SERVED.indexOf(best));
                if (matches && quality > 0 && better) {
                    best = served;
                    bestQuality = quality;
                }
            }
        }
        if (best == null) {
            throw new ApiException(406, "NotAcceptableException", "This index answers in " + String.join(", ",
                    SERVED), Map.of());
        }
        return best;
    }

    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String param = params[i].strip();
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The project list: each project links to its page under {@code simpleUrl}. */
    static PackageResponse.Text projects(List<String> names, String simpleUrl, String form) {
        if (form.equals(JSON_V1)) {
            ObjectNode root = root();
            ArrayNode projects = root.putArray("projects");
            names.forEach(name -> projects.addObject().put("name", name));
            return json(root);
        }
        StringBuilder html = head("Simple index");
        for (String name : names) {
            html.append("    <a href=\"").append(escape(simpleUrl + name + "/")).append("\">").append(escape(name))
                    .append("</a><br/>\n");
        }
        return html(html, form);
    }

    /** A project's page: its files with their hashes and Requires-Python. */
    static PackageResponse.Text project(String name, List<File> files, String form) {
        if (form.equals(JSON_V1)) {
            ObjectNode root = root().put("name", name);
            ArrayNode list = root.putArray("files");
            for (File file : files) {
                ObjectNode entry = list.addObject().put("filename", file.fileName()).put("url", file.url());
                ObjectNode hashes = entry.putObject("hashes");
                file.sha256().ifPresent(sha -> hashes.put("sha256", sha));
                file.requiresPython().ifPresent(r -> entry.put("requires-python", r));
            }
            return json(root);
        }
        StringBuilder html = head("Links for " + name);
        for (File file : files) {
            html.append("    <a href=\"").append(escape(file.url()
                    + file.sha256().map(sha -> "#sha256=" + sha).orElse(""))).append('"');
            file.requiresPython().ifPresent(r -> html.append(" data-requires-python=\"").append(escape(r))
                    .append('"'));
            html.append('>').append(escape(file.fileName())).append("</a><br/>\n");
        }
        return html(html, form);
    }

    private static ObjectNode root() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("meta").put("api-version", API_VERSION);
        return root;
    }

    private static PackageResponse.Text json(ObjectNode root) {
        try {
            return new PackageResponse.Text(200, JSON_V1, Json.mapper().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"").append(API_VERSION).append("\">\n")
                .append("    <title>").append(escape(title)).append("</title>\n  </head>\n  <body>\n")
                .append("    <h1>").append(escape(title)).append("</h1>\n");
    }

    private static PackageResponse.Text html(StringBuilder html, String form) {
        html.append("  </body>\n</html>\n");
        return new PackageResponse.Text(200, form + "; charset=utf-8", html.toString());
    }

    /** HTML-escapes text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
