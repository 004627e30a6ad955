package dev.arca.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a run did, written out: one line per change and a summary for the terminal, and the CSV and JSON reports a CI
 * job keeps (columns and keys in a fixed order, every key always present).
 */
public record RunReport(ExecutionReport report) {

    /** The CSV header: the change, then what became of it. */
    public static final List<String> CSV_COLUMNS = List.of("format", "namespace", "package", "version", "action",
            "result", "errorCode", "message");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunReport {
        Objects.requireNonNull(report, "report");
    }

    /** {@code generic tools/lint 1.0.0 unlist: done} per change, failures with their code, then {@link #summary}. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (VersionResult result : report.results()) {
            out.append(result.change().describe()).append(": ").append(word(result.kind()));
            result.errorCode().ifPresent(code -> out.append(" (").append(code).append(")"));
            if (result.kind() != VersionResult.Kind.DONE && !result.message().isBlank()) {
                out.append(" — ").append(result.message());
            }
            out.append('\n');
        }
        return out.append(summary()).append('\n').toString();
    }

    /** {@code 12 versions: 10 done, 1 failed, 1 not run (cancelled); journal J}. */
    public String summary() {
        StringBuilder out = new StringBuilder(report.results().size() + " versions: ");
        out.append(List.of(VersionResult.Kind.values()).stream().filter(kind -> report.count(kind) > 0)
                .map(kind -> report.count(kind) + " " + word(kind)).collect(Collectors.joining(", ")));
        if (report.results().isEmpty()) {
            out.append("nothing to do");
        }
        if (report.cancelled()) {
            out.append(" (cancelled)");
        }
        if (report.throttled() > 0) {
            out.append("; throttled ").append(report.throttled()).append(report.throttled() == 1 ? " time" : " times");
        }
        return out.append("; journal ").append(report.journal()).toString();
    }

    /** RFC 4180 CSV with a header row ({@link #CSV_COLUMNS}), lines ending in CRLF. */
    public String csv() {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (VersionResult result : report.results()) {
            VersionChange change = result.change();
            out.append(List.of(change.pkg().format().wireName(), change.pkg().namespace(), change.pkg().name(),
                            change.version(), change.action().kind().ruleName(), word(result.kind()),
                            result.errorCode().orElse(""), result.message())
                    .stream().map(PlanReport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /**
     * {@code {summary: {versions, done, skipped, failed, notRun, cancelled, throttled, elapsedMillis, journal, text},
     * versions: [{format, namespace, package, version, action, result, errorCode, message}]}}.
     */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("versions", report.results().size());
        for (VersionResult.Kind kind : VersionResult.Kind.values()) {
            summary.put(camel(kind), report.count(kind));
        }
        summary.put("cancelled", report.cancelled());
        summary.put("throttled", report.throttled());
        summary.put("elapsedMillis", report.elapsed().toMillis());
        summary.put("journal", report.journal().toString());
        summary.put("text", summary());
        ArrayNode versions = root.putArray("versions");
        for (VersionResult result : report.results()) {
            VersionChange change = result.change();
            ObjectNode node = versions.addObject();
            node.put("format", change.pkg().format().wireName());
            node.put("namespace", change.pkg().namespace());
            node.put("package", change.pkg().name());
            node.put("version", change.version());
            node.put("action", change.action().kind().ruleName());
            node.put("result", word(result.kind()));
            if (result.errorCode().isPresent()) {
                node.put("errorCode", result.errorCode().get());
            } else {
                node.putNull("errorCode");
            }
            node.put("message", result.message());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serializes", e);
        }
    }

    /** {@code done}, {@code skipped}, {@code failed}, {@code not run}. */
    private static String word(VersionResult.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code done}, {@code skipped}, {@code failed}, {@code notRun}. */
    private static String camel(VersionResult.Kind kind) {
        String[] parts = kind.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }
}
